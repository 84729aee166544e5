"""The state of one report item as the editor's list shows it: what a commune officer needs to see at a
glance to know what is left to do."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.domain.task_status import NOT_DONE
from desktop.domain.validation_issues import ERROR, Issue

UNANSWERED, ANSWERED, HAS_ERROR, HAS_WARNING, NOT_DONE_STATE, NOT_APPLICABLE = (
    "unanswered", "answered", "error", "warning", "not_done", "not_applicable")
STATES = (UNANSWERED, ANSWERED, HAS_ERROR, HAS_WARNING, NOT_DONE_STATE, NOT_APPLICABLE)
_LABELS = {
    UNANSWERED: ("Chưa nhập", "Not answered"),
    ANSWERED: ("Đã nhập", "Answered"),
    HAS_ERROR: ("Lỗi", "Error"),
    HAS_WARNING: ("Cảnh báo", "Warning"),
    NOT_DONE_STATE: ("Không thực hiện", "Not done"),
    NOT_APPLICABLE: ("Không áp dụng", "Not applicable"),
}


def answered(item: Any) -> bool:
    """Whether anything has been entered for the item."""
    return any(value not in (None, "") for value in item.values().values())


def item_state(item: Any, issues: Iterable[Issue]) -> str:
    """One of ``STATES``: nothing entered; else an error or a warning if validation has one; else not
    applicable, not done, or answered."""
    if not answered(item):
        return UNANSWERED
    severities = {issue.severity for issue in issues}
    if ERROR in severities:
        return HAS_ERROR
    if severities:
        return HAS_WARNING
    if item.not_applicable_reason:
        return NOT_APPLICABLE
    if getattr(item, "status", None) == NOT_DONE:
        return NOT_DONE_STATE
    return ANSWERED


def state_label(state: str, language: str) -> str:
    """The state's name in ``language``."""
    vi, en = _LABELS[state]
    return en if language == "en" else vi
