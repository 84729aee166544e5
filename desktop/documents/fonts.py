"""The serif font family of the report PDF: the system's Times New Roman, else the bundled Tinos.

Nghị định 30/2020 prescribes Times New Roman. Windows ships it with Vietnamese glyphs; a Linux or macOS
machine may have it too (msttcorefonts, Office). Where it is absent, or too old to carry Vietnamese,
the PDF uses Tinos from ``desktop/resources/fonts`` (SIL Open Font License 1.1), which has the same metrics.
Fonts are registered with reportlab once per process as TrueType, so they are embedded and subset.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.package_data import resource_path

STYLES = ("regular", "bold", "italic", "bold_italic")
# Letters the old (pre-Unicode-Vietnamese) Times New Roman lacks; a font missing them is not used.
_VIETNAMESE_PROBE = "ẠẢẤẦẨẪẬắằẳẵặếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐƯươ"


@dataclass(frozen=True)
class FontFiles:
    """The four TrueType files of one family, and the name it is registered under."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def paths(self) -> tuple[Path, Path, Path, Path]:
        """The files in the order of ``STYLES``."""
        return self.regular, self.bold, self.italic, self.bold_italic


@dataclass(frozen=True)
class FontFamily:
    """Registered reportlab font names for each style."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    source: str


def bundled_fonts() -> FontFiles:
    """Tinos from the package's ``desktop/resources/fonts`` (wheel, editable checkout or frozen app)."""
    folder = resource_path("fonts")
    return FontFiles("Tinos", folder / "Tinos-Regular.ttf", folder / "Tinos-Bold.ttf",
                     folder / "Tinos-Italic.ttf", folder / "Tinos-BoldItalic.ttf")


def system_times_candidates() -> list[FontFiles]:
    """Where Times New Roman lives on Windows, Linux (msttcorefonts) and macOS."""
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    linux = Path("/usr/share/fonts/truetype/msttcorefonts")
    mac_folders = [Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplementary"),
                   Path.home() / "Library" / "Fonts"]
    found = [FontFiles("TimesNewRoman", windows / "times.ttf", windows / "timesbd.ttf", windows / "timesi.ttf",
                       windows / "timesbi.ttf")]
    for folder in (linux, Path("/usr/share/fonts/TTF"), Path("/usr/share/fonts/truetype/times")):
        found.append(FontFiles("TimesNewRoman", folder / "Times_New_Roman.ttf", folder / "Times_New_Roman_Bold.ttf",
                               folder / "Times_New_Roman_Italic.ttf", folder / "Times_New_Roman_Bold_Italic.ttf"))
        found.append(FontFiles("TimesNewRoman", folder / "times.ttf", folder / "timesbd.ttf", folder / "timesi.ttf",
                               folder / "timesbi.ttf"))
    for folder in mac_folders:
        found.append(FontFiles("TimesNewRoman", folder / "Times New Roman.ttf", folder / "Times New Roman Bold.ttf",
                               folder / "Times New Roman Italic.ttf", folder / "Times New Roman Bold Italic.ttf"))
    return found if sys.platform == "win32" else found[1:] + found[:1]


_registered: dict[str, FontFamily] = {}


def report_font_family(candidates: Iterable[FontFiles] | None = None) -> FontFamily:
    """Register and return the first usable family of ``candidates`` (default: system Times New Roman),
    falling back to the bundled Tinos."""
    for files in [*(system_times_candidates() if candidates is None else candidates), bundled_fonts()]:
        if files.family in _registered:
            return _registered[files.family]
        if not all(path.is_file() for path in files.paths()):
            continue
        family = _register(files)
        if family is not None:
            return family
    folder = bundled_fonts().regular.parent
    raise FileNotFoundError(f"No Vietnamese serif font found; the bundled Tinos is missing from {folder}")


def _register(files: FontFiles) -> FontFamily | None:
    names = tuple(f"{files.family}-{style}" for style in STYLES)
    try:
        fonts = [TTFont(name, str(path)) for name, path in zip(names, files.paths(), strict=True)]
    except (TTFError, OSError):
        return None
    if not all(_has_vietnamese(font) for font in fonts):
        return None
    for font in fonts:
        pdfmetrics.registerFont(font)
    regular, bold, italic, bold_italic = names
    for is_bold, is_italic, name in ((0, 0, regular), (1, 0, bold), (0, 1, italic), (1, 1, bold_italic)):
        addMapping(regular, is_bold, is_italic, name)
    family = FontFamily(regular, bold, italic, bold_italic, source=str(files.regular))
    _registered[files.family] = family
    return family


def _has_vietnamese(font: TTFont) -> bool:
    widths = font.face.charWidths
    return all(ord(ch) in widths for ch in _VIETNAMESE_PROBE)
