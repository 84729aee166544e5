"""How many items are not answered yet, errors and warnings, in words that agree with the number in every
language ("1 warning", "2 warnings"): Qt's plural forms, one count a message, since a translation can carry
only one ``%n``. Every screen says it with ``tally_text``, so the home screen and the editor agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.issue_tally import IssueTally

translate = QCoreApplication.translate


def issue_counts(errors: int, warnings: int) -> str:
    """ "2 lỗi, 1 cảnh báo" ("2 errors, 1 warning" in English)."""
    return translate("IssueCounts", "%n lỗi", "", errors) + translate("IssueCounts", ", %n cảnh báo", "", warnings)


def tally_text(counts: IssueTally) -> str:
    """ "16 mục chưa nhập, 0 lỗi, 1 cảnh báo" ("0 lỗi, 1 cảnh báo" once every item is answered)."""
    unanswered = translate("IssueCounts", "%n mục chưa nhập, ", "", counts.unanswered) if counts.unanswered else ""
    return unanswered + issue_counts(counts.errors, counts.warnings)


def blocking_text(counts: IssueTally) -> str:
    """ "10 mục chưa nhập", "2 lỗi" or "10 mục chưa nhập, 2 lỗi": what still stops the signature, in the words
    the editor's counter uses (an item not answered is not called an error)."""
    parts = []
    if counts.unanswered:
        parts.append(translate("IssueCounts", "%n mục chưa nhập", "", counts.unanswered))
    if counts.errors:
        parts.append(translate("IssueCounts", "%n lỗi", "", counts.errors))
    return ", ".join(parts)


def unsigned_hint(counts: IssueTally) -> str:
    """Why the report cannot be signed yet ("" when it can)."""
    if counts.unanswered:
        return translate("IssueCounts", "chưa nhập hết thì chưa ký được")
    return translate("IssueCounts", "còn lỗi thì chưa ký được") if counts.errors else ""
