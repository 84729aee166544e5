"""What kind of file an evidence file is, in words a commune officer reads, and whether opening it could run
a program (executables and scripts are refused as evidence and never opened without a warning)."""

from __future__ import annotations

from pathlib import PurePath

from desktop.i18n import tr

_KINDS: dict[str, tuple[str, str]] = {
    "pdf": ("Tài liệu PDF", "PDF document"),
    "image": ("Ảnh", "Image"),
    "sheet": ("Bảng tính", "Spreadsheet"),
    "word": ("Văn bản Word", "Word document"),
    "text": ("Văn bản thuần", "Plain text"),
    "slides": ("Bản trình chiếu", "Presentation"),
    "archive": ("Tệp nén", "Archive"),
    "video": ("Video", "Video"),
    "audio": ("Âm thanh", "Audio"),
    "program": ("Chương trình hoặc tập lệnh", "Program or script"),
    "other": ("Tệp khác", "Other file"),
}

_BY_SUFFIX: dict[str, str] = {
    ".pdf": "pdf",
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"), "image"),
    **dict.fromkeys((".xls", ".xlsx", ".ods", ".csv"), "sheet"),
    **dict.fromkeys((".doc", ".docx", ".odt", ".rtf"), "word"),
    **dict.fromkeys((".txt", ".md"), "text"),
    **dict.fromkeys((".ppt", ".pptx", ".odp"), "slides"),
    **dict.fromkeys((".zip", ".rar", ".7z", ".gz", ".tar"), "archive"),
    **dict.fromkeys((".mp4", ".avi", ".mov", ".mkv"), "video"),
    **dict.fromkeys((".mp3", ".wav", ".m4a", ".ogg"), "audio"),
    **dict.fromkeys((".exe", ".com", ".bat", ".cmd", ".msi", ".scr", ".pif", ".ps1", ".vbs", ".vbe", ".js",
                     ".jse", ".wsf", ".wsh", ".hta", ".lnk", ".reg", ".sh", ".py", ".jar", ".dll", ".cpl",
                     ".appimage", ".run", ".desktop"), "program"),
}


def file_kind(name: str) -> str:
    """The kind of a file by its name's ending ("pdf", "image", …, "program", "other")."""
    return _BY_SUFFIX.get(PurePath(name).suffix.lower(), "other")


def kind_label(name: str, language: str | None = None) -> str:
    """The kind of a file in words: "Tài liệu PDF", "Ảnh", "Bảng tính", "Văn bản Word"…"""
    vi, en = _KINDS[file_kind(name)]
    return en if language == "en" else vi if language == "vi" else tr(vi, en)


def can_run(name: str) -> bool:
    """Whether opening the file could start a program (an executable, a script, a shortcut)."""
    return file_kind(name) == "program"
