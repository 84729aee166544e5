"""The USB path: seal the signed bundle for the province, and take the receipt file it sends back.

Where no link exists, staff carry an encrypted export (only the province's key opens it) and bring back
the province's signed receipt; the outbox then treats the bundle exactly as if it had gone by network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import Cancelled, InputError
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services.identity import device_key, require_province
from desktop.services.installation import installation_agency
from desktop.services.outbox import OutboxReader, mark_needs_attention, mark_receipted, mark_sent
from desktop.sync.atomic_file import atomic_output
from desktop.sync.bundle import VerifiedBundle, verify_bundle
from desktop.sync.device_keys import ed25519_public_bytes
from desktop.sync.encrypted_export import encrypt_file
from desktop.sync.receipt import MAX_RECEIPT_BYTES, verify_receipt
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
    if item is None and kind is not None:
        raise InputError(f"Kỳ {period_code} chưa có văn bản ký số nào để xuất (hãy «Ký số» báo cáo trước).",
                         f"Period {period_code} has no digitally signed report to export (sign it first).",
                         code="nothing_signed")
    if item is None:
        raise InputError(f"Kỳ {period_code} chưa có báo cáo đã ký để xuất.",
                         f"Period {period_code} has no signed report to export.", code="nothing_signed")
    return item


def import_receipt(store: Store, path: Path) -> str:
    """Verify a receipt file from the province and record it against its bundle; returns the receipt status."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_RECEIPT_BYTES + 1)
    with store.session() as session:
        receipt = verify_receipt(data, require_province(session).signing)
        item = session.scalar(select(OutboxItem).where(OutboxItem.bundle_sha256 == receipt.bundle_sha256))
        if item is None:
            raise InputError(f"Biên nhận {path.name} không ứng với gói nào đã gửi từ máy này.",
                             f"Receipt {path.name} matches no bundle sent from this PC.", code="unknown_receipt")
        bundle_id = item.bundle_id
    if receipt.status == "rejected":
        mark_needs_attention(store, bundle_id, receipt.code or "rejected", receipt.message_vi, receipt.message_en,
                             data)
    else:
        mark_receipted(store, bundle_id, data)
    return receipt.status
