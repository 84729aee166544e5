"""The foot of the report: "Nơi nhận" at left and the signature block at right, on the same line.

"Nơi nhận:" is bold italic 12 pt, the list 11 pt, one "- …;" per line, starting "- Như trên;" when the
report has an addressee (not named again) and ending "- Lưu: VT, VP (02b).". The signer's authority and
title are bold capitals, with room for the signature and the seal, then the name in bold.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.documents.pdf_styles import PORTRAIT_WIDTH, Styles, markup
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.domain.text import fold

RECIPIENTS_COLUMN = 82 * mm
SIGNATURE_ROOM = 28 * mm


def recipient_lines(snapshot: ReportSnapshot) -> list[str]:
    """The "Nơi nhận" list as printed: "- Như trên;" first when there is an addressee (who is then not named
    again), the other recipients, and "- Lưu: VT, VP (02b)." last: the archive, the drafting unit and the
    number of copies kept."""
    document = snapshot.document
    items = [" ".join(item.split()).strip(" ;.-") for item in document.recipients]
    items = [item for item in items if item]
    addressee = fold(" ".join(document.addressee.split()).rstrip("."))
    same_as_above = [item for item in items if fold(item) == "nhu tren"]
    archive = [item for item in items if fold(item).startswith("luu")]
    others = [item for item in items if item not in same_as_above and item not in archive
              and not (addressee and _same_recipient(fold(item), addressee))]
    if addressee and not same_as_above:
        same_as_above = ["Như trên"]
    ordered = [*same_as_above[:1], *others, archive_line(document.drafting_unit, document.archive_copies)]
    return [f"- {item};" for item in ordered[:-1]] + [f"- {ordered[-1]}."]


def archive_line(drafting_unit: str, copies: int) -> str:
    """ "Lưu: VT, VP (02b)": văn thư, the drafting unit's abbreviation and the copies kept (bản)."""
    unit = " ".join(drafting_unit.split())
    text = f"Lưu: VT, {unit}" if unit else "Lưu: VT"
    return f"{text} ({copies:02d}b)" if copies > 0 else text


def _same_recipient(item: str, addressee: str) -> bool:
    """ "Sở Khoa học và Công nghệ" names the addressee "Sở Khoa học và Công nghệ tỉnh Đồng Tháp"."""
    return addressee == item or addressee.startswith(item + " ") or item.startswith(addressee + " ")


def signature_block(snapshot: ReportSnapshot, styles: Styles) -> Flowable:
    """The recipients and the signature side by side."""
    agency = snapshot.agency
    left: list[Flowable] = [Paragraph("Nơi nhận:", styles.recipients_head)]
    left += [Paragraph(markup(line), styles.recipients) for line in recipient_lines(snapshot)]
    signer = styles.centre_bold.clone("signer", fontSize=13.5, leading=16.5)
    right: list[Flowable] = [Paragraph(markup(line.upper()), signer)
                             for line in (agency.signer_authority, agency.signer_title) if line.strip()]
    right.append(Spacer(1, SIGNATURE_ROOM))
    if agency.signer_name.strip():
        right.append(Paragraph(markup(agency.signer_name.strip()), signer.clone("signer_name", fontSize=14)))
    table = Table([[left, right]], colWidths=[RECIPIENTS_COLUMN, PORTRAIT_WIDTH - RECIPIENTS_COLUMN])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (0, 0), 5),
    ]))
    return table
