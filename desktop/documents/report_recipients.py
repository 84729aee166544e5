"""The "Nơi nhận" list as offices write it, shared by the PDF and the Word copy."""

from __future__ import annotations

from desktop.domain.report_snapshot import ReportSnapshot
from desktop.domain.text import fold


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
