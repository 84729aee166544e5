"""The foot of the report: "Nơi nhận" at left and the signature block at right, on the same line.

"Nơi nhận:" is bold italic 12 pt, the list 11 pt, one "- …;" per line, starting "- Như trên;" when the
report has an addressee (not named again) and ending "- Lưu: VT, VP (02b).". The signer's authority and
title are bold capitals, with room for the signature and the seal, then the name in bold.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.documents.pdf_styles import PORTRAIT_WIDTH, Styles, markup
from desktop.documents.report_recipients import recipient_lines
from desktop.domain.report_snapshot import ReportSnapshot

__all__ = ["recipient_lines", "signature_block"]

RECIPIENTS_COLUMN = 82 * mm
SIGNATURE_ROOM = 28 * mm


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
