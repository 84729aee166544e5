"""The USB path: seal the signed bundle for the province, and take the receipt file it sends back.

Where no link exists, staff carry an encrypted export (only the province's key opens it) and bring back
the province's signed receipt; the outbox then treats the bundle exactly as if it had gone by network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.officer_words import moment_words, parse_moment, period_words
from desktop.errors import Cancelled, InputError, IntegrityError
from desktop.i18n import current_language
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services.identity import device_key, require_province
from desktop.services.installation import installation_agency
from desktop.services.outbox import OutboxReader, mark_needs_attention, mark_receipted, mark_sent
from desktop.sync.atomic_file import atomic_output
from desktop.sync.bundle import VerifiedBundle, verify_bundle
from desktop.sync.device_keys import ed25519_public_bytes
from desktop.sync.encrypted_export import encrypt_file
from desktop.sync.receipt import MAX_RECEIPT_BYTES, Receipt, verify_receipt
from desktop.sync.upload import ByteSource

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def save_bundle_file(store: Store, period_code: str, out: Path) -> Path:
    """Copy the newest signed bundle of the period, as signed (not encrypted), to ``out``."""
    with store.session() as session:
        item = _latest_item(session, period_code)
        item_id, size = item.id, item.size
    reader = OutboxReader(store, item_id, size)
    with atomic_output(out) as handle:
        while block := reader.read(256 * 1024):
            handle.write(block)
    return out


def verify_bundle_file(store: Store, path: Path) -> VerifiedBundle:
    """Verify a bundle file made on this PC (signature by this device's key, hashes, report schema)."""
    with store.session() as session:
        agency = installation_agency(session)
        own = agency.code, ed25519_public_bytes(device_key(session))
    return verify_bundle(path, key_for_agency=lambda code: own[1] if code == own[0] else None)


def export_encrypted(store: Store, period_code: str, out: Path, *, progress: Progress | None = None,
                     cancelled: IsCancelled | None = None, signed_document: bool = False) -> Path:
    """Seal the newest signed bundle of the period (or, with ``signed_document``, the newest digitally signed
    PDF queued for it) to the province's key, for a USB stick or e-mail."""
    with store.session() as session:
        item = _latest_item(session, period_code, "signed_document" if signed_document else None)
        kid, public = require_province(session).recipient()
        item_id, size = item.id, item.size
    source = _Watched(OutboxReader(store, item_id, size), size, progress, cancelled)
    with atomic_output(out) as handle:
        encrypt_file(source, handle, public, recipient_key_id=kid)  # type: ignore[arg-type]
    mark_sent(store, item_id)
    return out


class _Watched:
    """A seekable source that reports progress and stops when the user cancels."""

    def __init__(self, source: ByteSource, total: int, progress: Progress | None,
                 cancelled: IsCancelled | None) -> None:
        self.source, self.total, self.progress, self.cancelled = source, total, progress, cancelled

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.source.seek(offset, whence)

    def tell(self) -> int:
        return self.source.tell()

    def read(self, size: int = -1) -> bytes:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("Đã hủy xuất tệp.", "The export was cancelled.")
        data = self.source.read(size)
        if self.progress is not None:
            self.progress(self.source.tell(), self.total)
        return data


def _latest_item(session: Session, period_code: str, kind: str | None = None) -> OutboxItem:
    same_kind = OutboxItem.kind.is_(None) if kind is None else OutboxItem.kind == kind
    item = session.scalar(select(OutboxItem).where(OutboxItem.period_code == period_code, same_kind)
                          .order_by(OutboxItem.revision.desc(), OutboxItem.id.desc()).limit(1))
    period_vi, period_en = period_words(period_code)
    if item is None and kind is not None:
        raise InputError(f"Kỳ {period_vi} chưa có văn bản ký số nào để xuất (hãy «Ký số» báo cáo trước).",
                         f"{period_en} has no digitally signed report to export (sign it first).",
                         code="nothing_signed")
    if item is None:
        raise InputError(f"Kỳ {period_vi} chưa có báo cáo đã ký để xuất.",
                         f"{period_en} has no signed report to export.", code="nothing_signed")
    return item


@dataclass(frozen=True)
class TakenReceipt:
    """A receipt file recorded: its status and what it says, as the officer reads it."""

    status: str
    message_vi: str
    message_en: str

    def message(self, language: str | None = None) -> str:
        """The sentence in ``language`` (the user's by default)."""
        return self.message_en if (language or current_language()) == "en" else self.message_vi


def import_receipt(store: Store, path: Path) -> TakenReceipt:
    """Verify a receipt file from the province and record it against its bundle; nothing is stored for a file
    that is not the province's receipt for a bundle of this PC (every refusal names the file)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_RECEIPT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path.name}.", f"Cannot read the file {path.name}.",
                         code="not_found") from exc
    with store.session() as session:
        try:
            receipt = verify_receipt(data, require_province(session).signing)
        except IntegrityError as exc:
            raise IntegrityError(f"Tệp {path.name} không phải biên nhận do Sở ký (tệp hỏng, bị sửa hoặc không "
                                 "phải của Sở); không ghi nhận gì.",
                                 f"{path.name} is not a receipt signed by the province (damaged, altered or not "
                                 "the province's); nothing was recorded.", code="receipt") from exc
        item = session.scalar(select(OutboxItem).where(OutboxItem.bundle_sha256 == receipt.bundle_sha256))
        if item is None:
            raise InputError(f"Biên nhận {path.name} không ứng với báo cáo nào gửi từ máy này (có thể là biên nhận "
                             "của cơ quan khác); không ghi nhận gì.",
                             f"Receipt {path.name} matches no report sent from this PC (it may be another "
                             "agency's); nothing was recorded.", code="unknown_receipt")
        bundle_id = item.bundle_id
    if receipt.status == "rejected":
        mark_needs_attention(store, bundle_id, receipt.code or "rejected", receipt.message_vi, receipt.message_en,
                             data)
    else:
        mark_receipted(store, bundle_id, data)
    return TakenReceipt(receipt.status, *receipt_sentence(receipt))


def receipt_sentence(receipt: Receipt) -> tuple[str, str]:
    """«Sở đã nhận báo cáo Quý IV/2026 lần 2 lúc 16:05 ngày 03/12/2026.» or «Sở từ chối: <lý do>»."""
    period_vi, period_en = period_words(receipt.period)
    report_vi = f"báo cáo {period_vi}" + (f" lần {receipt.revision}" if receipt.revision else "")
    report_en = f"the {period_en} report" + (f" revision {receipt.revision}" if receipt.revision else "")
    moment = parse_moment(receipt.received_at)
    at_vi, at_en = moment_words(moment) if moment is not None else ("", "")
    when_vi, when_en = (f" lúc {at_vi}", f" at {at_en}") if moment is not None else ("", "")
    if receipt.status == "rejected":
        return (f"Sở từ chối {report_vi}: {receipt.message_vi}",
                f"The province refused {report_en}: {receipt.message_en}")
    if receipt.status == "superseded":
        return (f"Sở đã nhận {report_vi}{when_vi}, nhưng Sở đang giữ một lần mới hơn.",
                f"The province received {report_en}{when_en}, but it holds a later revision.")
    replaces_vi = f", thay thế lần {receipt.supersedes}" if receipt.supersedes else ""
    replaces_en = f", replacing revision {receipt.supersedes}" if receipt.supersedes else ""
    return (f"Sở đã nhận {report_vi}{when_vi}{replaces_vi}.",
            f"The province received {report_en}{when_en}{replaces_en}.")
