"""What every format reader offers, the text rules they share, and the time bound of a read."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from pathlib import Path

from desktop.documents.sheet_grid import SheetGrid
from desktop.domain.legacy_text import UNICODE, to_unicode
from desktop.errors import InputError

MAX_SECONDS = 60.0


class SourceRejected(InputError):
    """A plan file that cannot be read: encrypted, a scan, damaged, too large, or of another kind."""

    code = "plan_source"


class PlanSource(ABC):
    """A plan file opened for reading: the names of its tables, each read on demand."""

    kind: str = ""
    max_seconds: float = MAX_SECONDS  # an attribute, so that a test can bound a read without waiting a minute

    def __init__(self, path: Path) -> None:
        self.path = path
        self.names: list[str] = []
        self.encoding = UNICODE  # the file's encoding by the vote of all its texts (legacy_text.DocumentVote)
        self._started = time.monotonic()

    @abstractmethod
    def grid(self, name: str) -> SheetGrid:
        """The table (sheet, Word table, PDF) called ``name`` as a grid."""

    @abstractmethod
    def close(self) -> None:
        """Release the file."""

    def where(self, name: str) -> tuple[str, str]:
        """How errors name the table ``name`` (Vietnamese, English)."""
        return f"trang «{name}»", f"sheet «{name}»"

    def where_all(self) -> tuple[str, str]:
        """How a refusal of the whole file names its tables: "các trang «Bảng 2», «Bảng 3»"."""
        return ("các trang " + ", ".join(f"«{n}»" for n in self.names),
                "sheets " + ", ".join(f"«{n}»" for n in self.names))

    def why_no_table(self) -> tuple[str, str] | None:
        """When no plan table was found: what was found instead, with what to do (None: nothing to add)."""
        return None

    def check_time(self, where_vi: str, where_en: str) -> None:
        """Refuse a read that has taken longer than MAX_SECONDS (a file built to be slow)."""
        if time.monotonic() - self._started > self.max_seconds:
            name = self.path.name
            raise SourceRejected(
                f"Tệp {name}, {where_vi}: đọc quá {self.max_seconds:.0f} giây nên đã dừng. Tệp quá lớn hoặc quá phức "
                "tạp; hãy tách phụ lục ra một tệp riêng.",
                f"File {name}, {where_en}: reading took more than {self.max_seconds:.0f} seconds and was stopped. "
                "The file is too large or too complex; put the appendix in a file of its own.", code="read_too_slow")


def clean_text(text: str, font: str | None = None, document: str = UNICODE) -> str:
    """A cell's text as Unicode NFC (TCVN3/VNI converted by ``font``, by the text, or as the whole
    ``document`` was found to be encoded), stripped."""
    if not text:
        return ""
    return to_unicode(text, font, document).strip()


def number_text(value: float, percent: bool = False) -> str:
    """A number as the sheet shows it: "12", "1.5", or "95%" for 0.95 formatted as a percentage."""
    if percent:
        return f"{number_text(value * 100)}%"
    rounded = round(value, 6)
    return str(int(rounded)) if float(rounded).is_integer() else f"{rounded:g}"
