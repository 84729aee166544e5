"""Where file dialogs open: the last folder used for that kind of file in this session, else Documents (else
the home folder) — never the program's folder, where a commune officer's files are not.

The folders are kept in memory only: a path can name a person or a case, and nothing of the user's is
written to disk unencrypted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_LAST: dict[str, Path] = {}


def start_folder(kind: str) -> Path:
    """The folder a dialog for ``kind`` ("pdf", "evidence", "workbook"…) opens in."""
    last = _LAST.get(kind)
    if last is not None and last.is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not documents:
        return Path.home()
    folder = Path(documents)
    try:  # a fresh account may have no Documents yet: the dialog opened in the bare home folder
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return Path.home()
    return folder if folder.is_dir() else Path.home()


def remember(kind: str, chosen: Path) -> None:
    """Remember the folder of ``chosen`` for the next dialog of ``kind``."""
    _LAST[kind] = chosen if chosen.is_dir() else chosen.parent


def save_file(parent: QWidget, kind: str, title: str, suggested: str, pattern: str) -> Path | None:
    """Ask where to save, starting in the folder of ``kind`` with ``suggested`` as the name."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(kind) / suggested), pattern)
    if not path:
        return None
    remember(kind, Path(path))
    return Path(path)


def open_files(parent: QWidget, kind: str, title: str, pattern: str = "") -> list[Path]:
    """Ask for files to open, starting in the folder of ``kind``."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(kind)), pattern)
    if paths:
        remember(kind, Path(paths[0]))
    return [Path(p) for p in paths]
