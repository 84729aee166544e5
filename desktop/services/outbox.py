"""Bundle bytes inside the encrypted store: written in chunks as they are signed, read back for upload.

A bundle never touches the disk in the clear: ``ChunkSink`` is the file-like target ``write_bundle`` streams
into, and ``OutboxReader`` is the seekable stream the uploader reads from (a resumed upload starts mid-way).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.errors import InputError
from desktop.models.attachment import Attachment, iter_attachment
from desktop.models.base import utcnow
from desktop.models.outbox import OutboxChunk, OutboxItem
from desktop.models.report import Report
from desktop.models.settings import get_setting
from desktop.models.store import Store

CHUNK_SIZE = 256 * 1024
CHAIN_SETTING = "sync.chain"


class ChunkSink:
    """A write-only stream that appends the outbox item's bytes as fixed-size chunks."""

    def __init__(self, session: Session, item_id: int) -> None:
        self.session, self.item_id = session, item_id
        self.buffer = bytearray()
        self.seq = 0

    def write(self, data: bytes) -> int:
        self.buffer += data
        while len(self.buffer) >= CHUNK_SIZE:
            self._emit(bytes(self.buffer[:CHUNK_SIZE]))
            del self.buffer[:CHUNK_SIZE]
        return len(data)

    def close(self) -> None:
        """Write the last, partial chunk."""
        if self.buffer:
            self._emit(bytes(self.buffer))
            self.buffer.clear()

    def _emit(self, block: bytes) -> None:
        self.session.execute(insert(OutboxChunk).values(item_id=self.item_id, seq=self.seq, data=block))
        self.seq += 1


class OutboxReader(io.RawIOBase):
    """A seekable read-only view of a queued bundle; each chunk is fetched in its own short session."""

    def __init__(self, store: Store, item_id: int, size: int) -> None:
        super().__init__()
        self.store, self.item_id, self.size = store, item_id, size
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        self.position = max(0, base + offset)
        return self.position

    def read(self, size: int = -1) -> bytes:
        end = self.size if size is None or size < 0 else min(self.size, self.position + size)
        out = bytearray()
        while self.position < end:
            seq, skip = divmod(self.position, CHUNK_SIZE)
            with self.store.session() as session:
                block = session.scalar(select(OutboxChunk.data).where(OutboxChunk.item_id == self.item_id,
                                                                       OutboxChunk.seq == seq))
            if block is None:
                raise OSError(f"outbox item {self.item_id} is missing chunk {seq}")
            piece = block[skip:skip + end - self.position]
            out += piece
            self.position += len(piece)
        return bytes(out)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


class AttachmentReader(io.RawIOBase):
    """A read-only stream over a stored attachment (hash and size checked by ``iter_attachment``)."""

    def __init__(self, session: Session, attachment: Attachment) -> None:
        super().__init__()
        self.blocks: Iterator[bytes] = iter_attachment(session, attachment)
        self.pending = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self.pending) < size:
            block = next(self.blocks, None)
            if block is None:
                break
            self.pending += block
        if size < 0:
            size = len(self.pending)
        out, self.pending = self.pending[:size], self.pending[size:]
        return out

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def next_sequence(session: Session) -> tuple[int, str | None]:
    """The next bundle sequence number of this device and the hash of the bundle before it.

    The larger of this PC's own last bundle and what the province last said of this device's chain
    (``GET /v1/chain``, e.g. after restoring an older backup); rows restored from the province were
    signed by other devices and do not count.
    """
    last = session.scalar(select(OutboxItem).where(OutboxItem.restored_at.is_(None), OutboxItem.kind.is_(None))
                          .order_by(OutboxItem.sequence.desc()).limit(1))
    own = (0, None) if last is None else (last.sequence, last.bundle_sha256)
    known = (get_setting(session, CHAIN_SETTING) or {}).get("device") or {}
    if int(known.get("last_sequence") or 0) > own[0]:
        own = (int(known["last_sequence"]), known.get("last_hash"))
    return own[0] + 1, own[1]



def outbox_item(session: Session, bundle_id: str) -> OutboxItem:
    """The outbox row of ``bundle_id``; a clear error if this PC never queued it."""
    item = session.scalar(select(OutboxItem).where(OutboxItem.bundle_id == bundle_id))
    if item is None:
        raise InputError(f"Không có gói {bundle_id} trong hàng đợi.", f"No bundle {bundle_id} in the outbox.",
                         code="not_found")
    return item


def mark_receipted(store: Store, bundle_id: str, receipt: bytes) -> None:
    """Keep the province's receipt; the report counts as sent and acknowledged."""
    with store.session() as session:
        item = outbox_item(session, bundle_id)
        item.receipt, item.state, item.last_error = receipt, "receipted", None
        report = session.get(Report, item.report_id) if item.report_id else None
        if report is not None:
            now = utcnow()
            report.sent_at = report.sent_at or now
            report.acknowledged_at = now
            report.status = "acknowledged"


def mark_sent(store: Store, item_id: int) -> None:
    """The bundle left this PC (an export was written); the report is "sent" until the receipt comes back."""
    with store.session() as session:
        item = session.get(OutboxItem, item_id)
        report = session.get(Report, item.report_id) if item is not None and item.report_id else None
        if report is not None and report.status == "signed":
            report.status, report.sent_at = "sent", utcnow()


def mark_needs_attention(store: Store, bundle_id: str, code: str, message_vi: str, message_en: str,
                         receipt: bytes | None = None) -> None:
    """Set a refused bundle aside with the reason and the province's signed "rejected" receipt (verified by
    the caller) when there is one: the proof of what the province said, kept as an acceptance's is."""
    with store.session() as session:
        item = outbox_item(session, bundle_id)
        item.state, item.last_error = "needs_attention", f"{code}: {message_vi} / {message_en}"
        item.receipt = receipt
