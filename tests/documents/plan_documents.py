"""The reference plans written as the other formats provinces send: Word (.docx), PDF and Excel 97 (.xls).

The Word layout is Word's own, not the workbook's: a header block table on the first page (issuer
| national motto, number | place and date), the appendix title as paragraphs, tables whose header
row Word repeats on each page (``w:tblHeader``), section and group rows merged across
(``w:gridSpan``), leads merged down over consecutive tasks (``w:vMerge``), indicator headers on two
rows, areas merged down, a page break inside the task table, and a footnote-style superscript mark.
Text split over two rows by a workbook's page break is one cell in Word. The PDF is that document
converted by LibreOffice; the .xls is the reference workbook converted by LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from desktop.documents.sample_plan_data import (
    COORDINATORS,
    ContinuationRow,
    IndicatorSheet,
    RepeatedHeader,
    SamplePlan,
    SectionRow,
    TaskRow,
    TaskSheet,
)

_JOIN = {"title": " ", "result": " ", "deadline": " ", "lead": "\n", COORDINATORS: "\n"}


def write_docx(plan: SamplePlan, path: Path, *, issuer: str = "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP",
               number: str = "Số: 3256/QĐ-UBND", dated: str = "Đồng Tháp, ngày 05 tháng 6 năm 2025",
               font: str = "Times New Roman", encode: Callable[..., str] | None = None,
               capitals_font: str | None = None) -> Path:
    """Write ``plan``'s appendices as one Word document.

    ``encode`` turns each text into a legacy encoding; with ``capitals_font`` (".VnTimeH"), a text in
    capitals is written in that font with ``encode(text, capitals=True)``, as TCVN3 authors did.
    """
    document = Document()
    style = Style(font, encode, capitals_font)
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(11)
    block = document.add_table(rows=2, cols=2)
    _put(block.cell(0, 0), issuer, style)
    _put(block.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", style)
    _put(block.cell(1, 0), number, style)
    _put(block.cell(1, 1), dated, style)
    for index, sheet in enumerate(plan.sheets):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for line in sheet.title_rows:
            _run(document.add_paragraph(), line, style)
        if isinstance(sheet, TaskSheet):
            _task_table(document, sheet, style)
        else:
            _indicator_table(document, sheet, style)
    document.save(str(path))
    return path


def _task_table(document: object, sheet: TaskSheet, style: Style) -> None:
    roles = [role for role, _label in sheet.columns]
    rows: list[dict[str, str] | SectionRow] = []
    for item in sheet.rows:
        if isinstance(item, SectionRow):
            rows.append(item)
        elif isinstance(item, TaskRow):
            rows.append({"stt": item.stt, "title": item.title, "result": item.result, "deadline": item.deadline,
                         "lead": item.lead, COORDINATORS: item.coordinators})
        elif isinstance(item, ContinuationRow):
            last = rows[-1]
            assert isinstance(last, dict)
            for role, value in item.cells.items():
                last[role] = f"{last[role]}{_JOIN[role]}{value}" if last.get(role) else value
        else:
            assert isinstance(item, RepeatedHeader)
    table: Table = document.add_table(rows=1 + len(rows), cols=len(roles))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for column, (_role, label) in enumerate(sheet.columns):
        _put(table.cell(0, column), label, style, bold=True)  # type: ignore[operator]
    _repeat_header(table)
    lead = roles.index("lead")
    runs: list[tuple[int, int]] = []  # (first, last) rows of consecutive tasks with the same lead
    for row, item in enumerate(rows, start=1):
        if isinstance(item, SectionRow):
            _put(table.cell(row, 0), item.code, style, bold=True)  # type: ignore[operator]
            merged = table.cell(row, 1).merge(table.cell(row, len(roles) - 1))
            _put(merged, item.title, style, bold=True)  # type: ignore[operator]
            continue
        above = rows[row - 2] if row > 1 else None
        same = isinstance(above, dict) and above.get("lead") == item["lead"] and bool(item["lead"])
        if same and runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        elif same:
            runs.append((row - 1, row))
        for column, role in enumerate(roles):
            if not (column == lead and same):
                _put(table.cell(row, column), item.get(role) or "", style)  # type: ignore[operator]
    for first, last in runs:
        table.cell(first, lead).merge(table.cell(last, lead))


def _indicator_table(document: object, sheet: IndicatorSheet, style: Style) -> None:
    body = sum(1 + len(g.indicators) for g in sheet.groups)
    table: Table = document.add_table(rows=2 + body, cols=7)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    top = ["STT", "Chỉ tiêu", "", "Giai đoạn", "", "Cơ quan chủ trì theo dõi, đánh giá", "Bộ, ngành phối hợp"]
    for column, label in enumerate(top):
        if label:
            _put(table.cell(0, column), label, style, bold=True)  # type: ignore[operator]
    _put(table.cell(1, 3), sheet.phases[0], style, bold=True)  # type: ignore[operator]
    _put(table.cell(1, 4), sheet.phases[1], style, bold=True)  # type: ignore[operator]
    for column in (0, 5, 6):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 1).merge(table.cell(1, 2))
    table.cell(0, 3).merge(table.cell(0, 4))
    _repeat_header(table, rows=2)
    row = 2
    for group in sheet.groups:
        _put(table.cell(row, 0), group.code, style, bold=True)  # type: ignore[operator]
        _put(table.cell(row, 1).merge(table.cell(row, 6)), group.title, style, bold=True)  # type: ignore[operator]
        row += 1
        area_start = row
        for index, indicator in enumerate(group.indicators):
            values = [indicator.stt, indicator.area, indicator.name, *indicator.targets, indicator.monitoring,
                      indicator.ministries]
            same_area = bool(index) and group.indicators[index - 1].area == indicator.area
            for column, value in enumerate(values):
                if not (column == 1 and same_area):
                    _put(table.cell(row, column), value, style)  # type: ignore[operator]
            following = group.indicators[index + 1] if index + 1 < len(group.indicators) else None
            if (following is None or following.area != indicator.area) and row > area_start:
                table.cell(area_start, 1).merge(table.cell(row, 1))
            if following is None or following.area != indicator.area:
                area_start = row + 1
            row += 1


@dataclass(frozen=True)
class Style:
    """The font texts are written in, and the legacy encoding (if any) they are written with."""

    font: str
    encode: Callable[..., str] | None = None
    capitals_font: str | None = None


def _put(cell: _Cell, value: str, style: Style, *, bold: bool = False) -> None:
    """Each line of ``value`` as a paragraph of ``cell``."""
    lines = value.split("\n")
    cell.paragraphs[0].text = ""
    for index, line in enumerate(lines):
        _run(cell.paragraphs[0] if index == 0 else cell.add_paragraph(), line, style, bold=bold)


def _run(paragraph: Paragraph, line: str, style: Style, *, bold: bool = False) -> None:
    font, text = style.font, line
    if style.encode is not None and style.capitals_font and line.upper() == line and line.lower() != line:
        font, text = style.capitals_font, style.encode(line, capitals=True)
    elif style.encode is not None:
        text = style.encode(line)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), font)


def _repeat_header(table: Table, rows: int = 1) -> None:
    for row in table.rows[:rows]:
        properties = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        properties.append(header)


def soffice_convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert ``source`` with LibreOffice headless (its own profile, so runs do not collide)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed for this test"
    profile = out_dir / ".lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_format,
                    "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=180)
    converted = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert converted.is_file(), f"LibreOffice wrote no {converted.name}"
    return converted
