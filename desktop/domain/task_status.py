"""The status of a task in a report, with its Vietnamese and English names.

The codes are those of ``report_snapshot.TASK_STATUSES``. "Hoàn thành" and "Hoàn thành quá hạn" mean the
task is finished (100 %).

"Không thực hiện" and "không áp dụng" are two different answers, each with its own reason field:
"Không thực hiện" (status ``not_done``) is a task assigned and not done, its reason under ``difficulties``;
"không áp dụng" is a task that does not apply to the agency: no status, the reason in
``not_applicable_reason``. ``task_outcome`` says which one a reported task counts as.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.report_snapshot import TASK_STATUSES
from desktop.domain.text import fold
from desktop.errors import InputError
from desktop.i18n import current_language

NOT_STARTED, IN_PROGRESS, DONE, DONE_LATE, NOT_DONE = TASK_STATUSES
_MAX_LABEL_LENGTH = 60


class UnknownStatus(InputError):
    """A status code that is none of the five."""

    code = "task_status"


@dataclass(frozen=True)
class TaskStatus:
    """One of the five statuses a reported task can have."""

    code: str
    label_vi: str
    label_en: str
    finished: bool = False
    needs_reason: bool = False

    def label(self, language: str | None = None) -> str:
        """The name in ``language`` (the user's language by default)."""
        return self.label_en if (language or current_language()) == "en" else self.label_vi


STATUSES: tuple[TaskStatus, ...] = (
    TaskStatus(NOT_STARTED, "Chưa triển khai", "Not started"),
    TaskStatus(IN_PROGRESS, "Đang triển khai", "In progress"),
    TaskStatus(DONE, "Hoàn thành", "Done", finished=True),
    TaskStatus(DONE_LATE, "Hoàn thành quá hạn", "Done late", finished=True),
    TaskStatus(NOT_DONE, "Không thực hiện", "Not done", needs_reason=True),
)
_BY_CODE = {s.code: s for s in STATUSES}
# Words staff write in workbooks for the same statuses, folded (no diacritics, lower case).
_ALIASES = {
    "chua thuc hien": NOT_STARTED,
    "dang thuc hien": IN_PROGRESS,
    "da hoan thanh": DONE,
    "hoan thanh dung han": DONE,
    "da hoan thanh qua han": DONE_LATE,
    "hoan thanh cham": DONE_LATE,
    "khong trien khai": NOT_DONE,
}
_BY_NAME = {
    **{fold(s.code.replace("_", " ")): s.code for s in STATUSES},
    **{fold(s.label_vi): s.code for s in STATUSES},
    **{fold(s.label_en): s.code for s in STATUSES},
    **_ALIASES,
}


NOT_APPLICABLE = "not_applicable"
UNANSWERED = "unanswered"
OUTCOMES = (*TASK_STATUSES, NOT_APPLICABLE, UNANSWERED)


def task_outcome(status: str | None, not_applicable_reason: str | None) -> str:
    """What a reported task counts as: its status code when it has one (``not_done`` included, even if a
    not-applicable reason was also written: validation asks to clear one), ``NOT_APPLICABLE`` when only a
    reason it does not apply is given, ``UNANSWERED`` when neither."""
    if status:
        return parse_status(status) or status
    if not_applicable_reason and not_applicable_reason.strip():
        return NOT_APPLICABLE
    return UNANSWERED


def task_status(code: str) -> TaskStatus:
    """The status named by ``code``; raises ``UnknownStatus`` for anything else."""
    found = _BY_CODE.get(code) if isinstance(code, str) else None
    if found is None:
        shown = str(code)[:_MAX_LABEL_LENGTH]
        raise UnknownStatus(f"Tình trạng \"{shown}\" không hợp lệ; chọn: {status_choices('vi')}.",
                            f"Status \"{shown}\" is not valid; choose: {status_choices('en')}.")
    return found


def parse_status(text: object) -> str | None:
    """The code for a code or a Vietnamese/English name in any case or accents; None when unknown."""
    if not isinstance(text, str) or len(text) > _MAX_LABEL_LENGTH:
        return None
    return _BY_NAME.get(fold(text).replace("_", " ").strip(" .;:"))


def status_label(code: str, language: str | None = None) -> str:
    """The name of the status ``code`` in ``language``."""
    return task_status(code).label(language)


def status_choices(language: str | None = None) -> str:
    """All five names, in order, for messages."""
    return ", ".join(s.label(language) for s in STATUSES)


def outcome_label(outcome: str, language: str = "vi") -> str:
    """The words for a ``task_outcome``: the status's name, «Không áp dụng», or blank when unanswered; raises
    ``UnknownStatus`` for an unknown status code."""
    if outcome == NOT_APPLICABLE:
        return "Not applicable" if language == "en" else "Không áp dụng"
    if outcome == UNANSWERED:
        return ""
    return status_label(outcome, language)


def outcome_counts(outcomes: list[str]) -> str:
    """ "hoàn thành 2, không thực hiện 1, không áp dụng 1, chưa báo cáo 1": each task counted as what it is
    (a task not done is reported, a task that does not apply is neither done nor missing), in ``OUTCOMES``
    order."""
    counts = {outcome: outcomes.count(outcome) for outcome in OUTCOMES}
    words = {**{code: outcome_label(code).lower() for code in (*TASK_STATUSES, NOT_APPLICABLE)},
             UNANSWERED: "chưa báo cáo"}
    return ", ".join(f"{words[outcome]} {counts[outcome]}" for outcome in OUTCOMES if counts[outcome])
