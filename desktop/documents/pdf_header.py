"""The head of the report's first page, as Nghị định 30/2020 lays it out.

Two columns: at left the parent agency (capitals, regular), the issuing agency (bold capitals) with a
short rule beneath, then "Số: 05/BC-UBND"; at right the quốc hiệu, the tiêu ngữ with a rule as long as
itself, then the place and date in italic. Below, centred: "BÁO CÁO", the subject in bold with a short
rule, and "Kính gửi: …".
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.documents.pdf_styles import PORTRAIT_WIDTH, Styles, markup
from desktop.documents.report_text import iso_day, issued_number, place_date, subject_line
from desktop.domain.report_snapshot import ReportSnapshot

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LEFT_COLUMN = 68 * mm
_NATIONAL_SIZE = 12.5
_MOTTO_SIZE = 13
_AGENCY_SIZE = 13
_AGENCY_LINE = 22  # bold 13 pt capitals that fit the left column on one line
_AGENCY_PREFIXES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


class Rule(Flowable):
    """A solid horizontal line of a given length, centred in the space it is given."""

    def __init__(self, length: float, *, space_before: float = 3.5, space_after: float = 2) -> None:
        super().__init__()
        self.length = length
        self.space_before = space_before
        self.space_after = space_after
        self._width = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, self.space_before + self.space_after + 0.6

    def draw(self) -> None:
        length = min(self.length, self._width)
        start = (self._width - length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(start, self.space_after, start + length, self.space_after)


def agency_lines(name: str) -> list[str]:
    """The issuing agency in capitals, broken after "ỦY BAN NHÂN DÂN" as offices write it."""
    text = " ".join(name.split()).upper()
    for prefix in _AGENCY_PREFIXES:
        if text.startswith(prefix + " "):
            return [prefix, text[len(prefix) + 1:]]
    if len(text) > _AGENCY_LINE and " VÀ " in text:
        # Too long for the column: broken before its last «VÀ», never inside a word pair («CÔNG / NGHỆ»).
        head, tail = text.rsplit(" VÀ ", 1)
        return [head, f"VÀ {tail}"]
    return [text]


def header_block(snapshot: ReportSnapshot, styles: Styles) -> list[Flowable]:
    """The two-column head, then the title, subject and addressee."""
    fonts = styles.fonts
    agency_style = styles.centre_bold.clone("agency", fontSize=_AGENCY_SIZE, leading=15.5)
    national_style = styles.centre_bold.clone("national", fontSize=_NATIONAL_SIZE, leading=15.5)
    motto_style = styles.centre_bold.clone("motto", fontSize=_MOTTO_SIZE, leading=15.5)
    lines = agency_lines(snapshot.agency.name)
    agency_width = max(stringWidth(line, fonts.bold, _AGENCY_SIZE) for line in lines)
    left: list[Flowable] = []
    if snapshot.agency.parent_name.strip():
        left.append(Paragraph(markup(" ".join(snapshot.agency.parent_name.split()).upper()),
                              styles.centre.clone("parent", fontSize=_AGENCY_SIZE, leading=15.5)))
    left += [Paragraph("<br/>".join(markup(line) for line in lines), agency_style), Rule(agency_width * 0.4)]
    right: list[Flowable] = [
        Paragraph(NATIONAL_NAME, national_style),
        Paragraph(MOTTO, motto_style),
        Rule(stringWidth(MOTTO, fonts.bold, _MOTTO_SIZE)),
    ]
    when = place_date(snapshot.agency.place, iso_day(snapshot.document.date))
    table = Table(
        [[left, right],
         [Paragraph(f"Số: {markup(issued_number(snapshot))}", styles.centre),
          Paragraph(markup(when), styles.centre_italic)]],
        colWidths=[LEFT_COLUMN, PORTRAIT_WIDTH - LEFT_COLUMN])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, 0), "TOP"),
        ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
    ]))
    return [table, Spacer(1, 8 * mm), *title_block(snapshot, styles)]


def title_block(snapshot: ReportSnapshot, styles: Styles) -> list[Flowable]:
    """ "BÁO CÁO", the subject with a short rule beneath, and "Kính gửi"."""
    flowables: list[Flowable] = [Paragraph("BÁO CÁO", styles.title)]
    subject = subject_line(snapshot.document.subject)
    if subject:
        flowables += [Paragraph(markup(subject), styles.subject), Rule(40 * mm, space_before=4)]
    addressee = " ".join(snapshot.document.addressee.split()).rstrip(".")
    if addressee:
        flowables += [Spacer(1, 4 * mm), Paragraph(f"Kính gửi: {markup(addressee)}.", styles.centre.clone(
            "addressee", fontSize=14, leading=17))]
    flowables.append(Spacer(1, 5 * mm))
    return flowables
