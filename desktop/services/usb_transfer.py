"""The USB path: seal the signed bundle for the province, and take the receipt file it sends back.

Where no link exists, staff carry an encrypted export (only the province's key opens it) and bring back
the province's signed receipt; the outbox then treats the bundle exactly as if it had gone by network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from desktop.errors import Cancelled, InputError
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services.identity import require_province
from desktop.services.outbox import OutboxReader, mark_needs_attention, mark_receipted, mark_sent
from desktop.sync.atomic_file import atomic_output
from desktop.sync.encrypted_export import encrypt_file
from desktop.sync.receipt import MAX_RECEIPT_BYTES, verify_receipt

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def export_encrypted(store: Store, period_code: str, out: Path, *, progress: Progress | None = None,
                     cancelled: IsCancelled | None = None) -> Path:
    """Seal the newest signed bundle of the period to the province's key, for a USB stick or e-mail."""
    with store.session() as session:
        item = session.scalar(select(OutboxItem).where(OutboxItem.period_code == period_code)
                              .order_by(OutboxItem.revision.desc()).limit(1))
        if item is None:
            raise InputError(f"Kỳ {period_code} chưa có báo cáo đã ký để xuất.",
                             f"Period {period_code} has no signed report to export.", code="nothing_signed")
        kid, public = require_province(session).recipient()
        item_id, size = item.id, item.size
    source = _Watched(OutboxReader(store, item_id, size), size, progress, cancelled)
    with atomic_output(out) as handle:
        encrypt_file(source, handle, public, recipient_key_id=kid)  # type: ignore[arg-type]
    mark_sent(store, item_id)
    return out


class _Watched:
    """A seekable source that reports progress and stops when the user cancels."""

    def __init__(self, source: BinaryIO, total: int, progress: Progress | None, cancelled: IsCancelled | None) -> None:
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
        mark_needs_attention(store, bundle_id, receipt.code or "rejected", receipt.message_vi, receipt.message_en)
    else:
        mark_receipted(store, bundle_id, data)
    return receipt.status
