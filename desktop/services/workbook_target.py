"""Which report a filled workbook may go into: the one it was written for, unless the user insists.

A workbook records its agency, period and revision (``report_workbook_identity``). Filling another
agency's or another quarter's report from it is refused with a message naming both; ``force`` (``--force``
on the CLI, a confirmation in the GUI) takes it all the same. Without a period the workbook's own is used;
a workbook that records nothing (written by an older version) needs the period given explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.documents.report_workbook_identity import WorkbookIdentity
from desktop.domain.periods import Period
from desktop.errors import InputError


class WorkbookForAnotherReport(InputError):
    """The workbook was written for another agency or period; nothing was taken. ``fact_vi``/``fact_en`` say
    what it is for without the CLI's hint, for a GUI that asks its own question."""

    code = "workbook_other_report"

    def __init__(self, fact_vi: str, fact_en: str, hint_vi: str, hint_en: str) -> None:
        super().__init__(f"{fact_vi} {hint_vi}", f"{fact_en} {hint_en}")
        self.fact_vi, self.fact_en = fact_vi, fact_en


@dataclass(frozen=True)
class FillTarget:
    """The period to fill, and what the workbook says it is for (None when it says nothing)."""

    period: str
    identity: WorkbookIdentity | None


def fill_target(file_name: str, identity: WorkbookIdentity | None, agency_code: str, period: str | None, *,
                force: bool = False) -> FillTarget:
    """The period ``file_name`` goes into, or ``WorkbookForAnotherReport`` naming both sides."""
    if identity is None:
        if period is None:
            raise InputError(
                f"Tệp {file_name} không ghi kỳ báo cáo; hãy chỉ rõ kỳ (ví dụ --period 2026Q4).",
                f"{file_name} does not record its period; give the period explicitly (e.g. --period 2026Q4).",
                code="workbook_period_unknown")
        return FillTarget(period, None)
    chosen = period or identity.period
    if force:
        return FillTarget(chosen, identity)
    if identity.agency != agency_code:
        raise WorkbookForAnotherReport(
            f"Tệp {file_name} là bảng tính của cơ quan {identity.agency}, không phải của {agency_code}; chưa ghi gì.",
            f"{file_name} is the workbook of agency {identity.agency}, not {agency_code}; nothing was saved.",
            "Dùng --force nếu thật sự muốn lấy số liệu từ tệp này.", "Use --force to take it all the same.")
    if chosen != identity.period:
        written, wanted = _label(identity.period), _label(chosen)
        raise WorkbookForAnotherReport(
            f"Tệp {file_name} là bảng tính báo cáo {written[0]} ({identity.period}), không phải {wanted[0]} "
            f"({chosen}); chưa ghi gì.",
            f"{file_name} is the report workbook of {written[1]} ({identity.period}), not {wanted[1]} ({chosen}); "
            "nothing was saved.",
            f"Dùng --force nếu thật sự muốn lấy số liệu vào {wanted[0]}.",
            f"Use --force to take it into {wanted[1]} all the same.")
    return FillTarget(chosen, identity)


def _label(code: str) -> tuple[str, str]:
    try:
        period = Period.parse(code)
    except InputError:
        return code, code
    return period.label("vi"), period.label("en")
