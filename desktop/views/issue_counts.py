"""How many errors and warnings, in words that agree with the number in every language ("1 warning",
"2 warnings"): Qt's plural forms, one count a message, since a translation can carry only one ``%n``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def issue_counts(errors: int, warnings: int) -> str:
    """ "2 lỗi, 1 cảnh báo" ("2 errors, 1 warning" in English)."""
    return translate("IssueCounts", "%n lỗi", "", errors) + translate("IssueCounts", ", %n cảnh báo", "", warnings)


def unanswered_count(items: int) -> str:
    """ "; 16 mục chưa nhập" ("; 16 items not answered yet")."""
    return translate("IssueCounts", "; %n mục chưa nhập", "", items)
