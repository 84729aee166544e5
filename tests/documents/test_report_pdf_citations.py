"""The report PDF cites its plans, groups sections under them, and marks an unsigned draft as a draft."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import unicodedata
from pathlib import Path

from desktop.documents.pdf_signature import recipient_lines
from desktop.documents.report_pdf import write_report_pdf
from desktop.domain.report_snapshot import ReportSnapshot, TaskEntry
from tests.sync.report_factory import make_snapshot

PLANS = ({"code": "594/KH-UBND", "issued_on": "2025-03-05", "title": "Triển khai Nghị quyết số 57-NQ/TW"},
         {"code": "3256/QĐ-UBND", "issued_on": "2025-12-31", "title": "Kế hoạch phát triển Chính phủ số"})


def _text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(unicodedata.normalize("NFC", out).split())


def _two_plans() -> ReportSnapshot:
    """Plan 594 with sections III and IV, then plan 3256 with sections I and II (the store's order)."""
    base = make_snapshot(tasks=8, indicators=2)
    tasks: list[TaskEntry] = []
    for n, task in enumerate(base.tasks):
        plan, section = (PLANS[0]["code"], ("III", "IV")[n % 2]) if n < 4 else (PLANS[1]["code"], ("I", "II")[n % 2])
        tasks.append(dataclasses.replace(task, plan=plan, section=section, key=f"{section}.{n + 1}",
                                         section_title=f"Mục {section} của {plan}"))
    tasks.sort(key=lambda t: (t.plan != PLANS[0]["code"], t.section))
    return dataclasses.replace(base, tasks=tuple(tasks), plans=PLANS)


def test_each_plan_is_cited_with_its_number_date_and_title(tmp_path: Path) -> None:
    text = _text(write_report_pdf(_two_plans(), tmp_path / "r.pdf"), 1, 2)
    assert "Căn cứ Kế hoạch số 594/KH-UBND ngày 05/03/2025 về triển khai Nghị quyết số 57-NQ/TW; " \
           "Quyết định số 3256/QĐ-UBND ngày 31/12/2025 về kế hoạch phát triển Chính phủ số" in text


def test_appendix_rows_name_each_plan_and_sections_stay_under_their_plan(tmp_path: Path) -> None:
    pdf = write_report_pdf(_two_plans(), tmp_path / "r.pdf")
    whole = _text(pdf)
    assert "Kế hoạch số 594/KH-UBND: Triển khai Nghị quyết số 57-NQ/TW" in whole
    assert "Quyết định số 3256/QĐ-UBND: Kế hoạch phát triển Chính phủ số" in whole
    body = whole[:whole.index("Phụ lục I")]
    order = [m.group(1) for m in re.finditer(r"- (I{1,3}|IV)\. Mục", body)]
    assert order == ["III", "IV", "I", "II"]
    assert body.index("594/KH-UBND:") < body.index("- III.") < body.index("3256/QĐ-UBND:") < body.index("- I.")


def test_a_draft_says_du_thao_and_leaves_the_number_blank(tmp_path: Path) -> None:
    base = make_snapshot(tasks=3, indicators=1)
    draft = dataclasses.replace(base, status="draft", document=dataclasses.replace(base.document, number=0))
    pdf = write_report_pdf(draft, tmp_path / "draft.pdf")
    first = _text(pdf, 1)
    assert "DỰ THẢO" in first
    assert re.search(r"Số: /BC-UBND", first), first[:300]
    assert "152/BC-UBND" not in _text(pdf) and "00/BC-UBND" not in _text(pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                             text=True, check=True).stdout).group(1))  # type: ignore[union-attr]
    assert all("DỰ THẢO" in _text(pdf, page) for page in range(1, pages + 1))


def test_an_approved_but_unsigned_revision_is_still_a_draft(tmp_path: Path) -> None:
    base = make_snapshot(tasks=1, indicators=0)
    approved = dataclasses.replace(base, status="approved", revision=2, supersedes=1)
    text = _text(write_report_pdf(approved, tmp_path / "r2.pdf"))
    assert "DỰ THẢO" in text and "152/BC-UBND" not in text


def test_the_signed_revision_carries_its_number_and_no_draft_mark(tmp_path: Path) -> None:
    text = _text(write_report_pdf(make_snapshot(tasks=3, indicators=1), tmp_path / "signed.pdf"))
    assert "Số: 152/BC-UBND" in text and "(Kèm theo Báo cáo số 152/BC-UBND" in text
    assert "DỰ THẢO" not in text


def test_noi_nhan_does_not_repeat_the_addressee_and_keeps_the_archive_line() -> None:
    base = make_snapshot(tasks=0, indicators=0)
    snapshot = dataclasses.replace(base, document=dataclasses.replace(
        base.document, addressee="Sở Khoa học và Công nghệ tỉnh Đồng Tháp",
        recipients=("Sở Khoa học và Công nghệ tỉnh Đồng Tháp", "Chủ tịch, các PCT UBND xã", "Lưu: VT")))
    assert recipient_lines(snapshot) == ["- Như trên;", "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT, VP (02b)."]


def test_a_report_dated_before_its_data_window_closes_says_its_last_figures_are_estimates(tmp_path: Path) -> None:
    """Signed on 30/11 for a window that runs to 14/12, the figures of the last two weeks can only be estimates:
    the opening says so, as an office writes it; a report dated after the window says nothing of the kind."""
    base = make_snapshot(tasks=2, indicators=1)
    period = dataclasses.replace(base.period, data_start="2026-09-15", data_end="2026-12-14")
    early = dataclasses.replace(base, period=period, document=dataclasses.replace(base.document, date="2026-11-30"))
    assert ("(số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026, số liệu sau ngày 30/11/2026 là số ước thực "
            "hiện)") in _text(write_report_pdf(early, tmp_path / "som.pdf"), 1, 1)
    late = dataclasses.replace(early, document=dataclasses.replace(base.document, date="2026-12-15"))
    shown = _text(write_report_pdf(late, tmp_path / "dung-ky.pdf"), 1, 1)
    assert "(số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026)" in shown and "ước thực hiện" not in shown
