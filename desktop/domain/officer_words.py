"""The words an officer reads for the codes the store and the province use: a report's status, a bundle's
state in the outbox, a receipt's status, a role; and a moment in Vietnam time, the one clock the province and
the deadlines use (the CLI said "sent", "needs_attention", "[lead]" and printed UTC beside Vietnam time)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.domain.periods import SHORT, period_name, vietnam_time

Words = tuple[str, str]

REPORT_STATUSES: dict[str, Words] = {
    "draft": ("đang soạn", "draft"),
    "approved": ("đã phê duyệt", "approved"),
    "signed": ("đã ký, chờ gửi Sở", "signed, waiting to be sent"),
    "sent": ("đã gửi, chờ biên nhận của Sở", "sent, waiting for the province's receipt"),
    "acknowledged": ("Sở đã nhận", "received by the province"),
    "refused": ("Sở từ chối", "refused by the province"),
}
OUTBOX_STATES: dict[str, Words] = {
    "new": ("chờ gửi", "waiting"),
    "uploading": ("đang gửi", "uploading"),
    "committed": ("chờ biên nhận", "waiting for the receipt"),
    "receipted": ("Sở đã nhận", "received"),
    "needs_attention": ("Sở từ chối, cần xem lại", "refused, needs attention"),
}
RECEIPT_STATUSES: dict[str, Words] = {
    "accepted": ("Sở đã nhận", "received"),
    "superseded": ("Sở đã nhận, nhưng đã có lần mới hơn", "received, but a later revision is kept"),
    "duplicate": ("Sở đã có từ trước", "already received"),
    "rejected": ("Sở từ chối", "refused"),
}
ROLES: dict[str, Words] = {"lead": ("chủ trì", "lead"), "coordinator": ("phối hợp", "coordinating")}
ZONE: Words = ("giờ Việt Nam", "Vietnam time")


def words(table: dict[str, Words], code: str | None, language: str) -> str:
    """The officer's word for ``code`` in ``language`` ("vi" or "en"); an unknown code is shown as it is."""
    if code is None:
        return ""
    found = table.get(code)
    return code if found is None else found[language == "en"]


def parse_moment(text: str | None) -> datetime | None:
    """An ISO time as the store and receipts write it ("…Z", "+07:00", or naive UTC); None if it is none."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def moment_words(moment: datetime) -> Words:
    """"16:05 ngày 03/12/2026" and "16:05 on 03/12/2026", in Vietnam time (a naive time is UTC, as stored)."""
    local = vietnam_time(moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC))
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}", f"{local:%H:%M} on {local:%d/%m/%Y}"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """An English count with its noun in the right number: "1 cell", "2 cells", "1,489 days"; ``plural`` when
    adding "s" is wrong ("1 PC", "2 PCs" need none). Vietnamese nouns do not change ("1 ô", "2 ô")."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def period_words(code: str | None) -> Words:
    """"Quý IV/2026" and "Q4 2026" for "2026Q4" (the short style of ``periods.period_name``, as these words
    sit inside sentences and tables); a code that is not a period is shown as it is."""
    return period_name(code or "", "vi", SHORT), period_name(code or "", "en", SHORT)
