"""Evidence files (minh chứng): stored inside the encrypted database in chunks, streamed both ways.

A file is never held whole in memory: ``store_attachment`` reads and hashes it chunk by chunk and
``open_attachment`` yields it back the same way. The chunks live in SQLCipher pages, so they are
encrypted with the rest of the store and leave no plaintext temporary file behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import BinaryIO

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, insert, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.errors import InputError, IntegrityError
from desktop.models.base import Audited, Base, utcnow

CHUNK_SIZE = 256 * 1024
MAX_ATTACHMENT_SIZE = 2 * 1024**3


class Attachment(Audited, Base):
    """An evidence file attached to a task's progress or an indicator's value in one report."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    owner_kind: Mapped[str] = mapped_column(String(16), default="report")
    owner_key: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(127), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    # A revision opened after a signed one keeps its evidence by pointing at the row that holds the chunks,
    # so a 300 MB attachment is stored once however many revisions carry it.
    content_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AttachmentChunk(Base):
    """One chunk of an attachment's bytes, in order."""

    __tablename__ = "attachment_chunk"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


def store_attachment(
    session: Session,
    source: BinaryIO,
    *,
    name: str,
    media_type: str = "application/octet-stream",
    report_id: int | None = None,
    owner_kind: str = "report",
    owner_key: str = "",
    progress: Callable[[int], None] | None = None,
) -> Attachment:
    """Copy ``source`` into the store chunk by chunk; the caller commits.

    Chunks are flushed one at a time and expunged so the session never holds the file.
    """
    attachment = Attachment(
        name=name, media_type=media_type, report_id=report_id, owner_kind=owner_kind, owner_key=owner_key
    )
    session.add(attachment)
    session.flush()
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while block := source.read(CHUNK_SIZE):
        size += len(block)
        if size > MAX_ATTACHMENT_SIZE:
            raise InputError(
                f"Tệp {name} lớn hơn giới hạn {MAX_ATTACHMENT_SIZE // 1024**2} MB.",
                f"File {name} is larger than the {MAX_ATTACHMENT_SIZE // 1024**2} MB limit.",
                code="attachment_too_large",
            )
        digest.update(block)
        session.execute(
            insert(AttachmentChunk).values(attachment_id=attachment.id, seq=seq, data=block)
        )
        seq += 1
        if progress is not None:
            progress(size)
    attachment.size = size
    attachment.sha256 = digest.hexdigest()
    return attachment


def share_attachment(session: Session, attachment: Attachment, *, report_id: int) -> Attachment:
    """A row of ``report_id`` naming the same evidence as ``attachment`` and reading the same chunks (no copy of
    the bytes); the caller commits."""
    shared = Attachment(name=attachment.name, media_type=attachment.media_type, report_id=report_id,
                        owner_kind=attachment.owner_kind, owner_key=attachment.owner_key, size=attachment.size,
                        sha256=attachment.sha256, content_id=content_owner(attachment))
    session.add(shared)
    return shared


def drop_attachment(session: Session, attachment: Attachment) -> None:
    """Remove one row; if other rows read its chunks, the chunks pass to the first of them first."""
    heirs = list(session.scalars(select(Attachment).where(Attachment.content_id == attachment.id)
                                 .order_by(Attachment.id)))
    if heirs:
        heir = heirs[0]
        session.execute(update(AttachmentChunk).where(AttachmentChunk.attachment_id == attachment.id)
                        .values(attachment_id=heir.id))
        heir.content_id = None
        for other in heirs[1:]:
            other.content_id = heir.id
        session.flush()
    session.delete(attachment)


def content_owner(attachment: Attachment) -> int:
    """The id of the row whose chunks hold the attachment's bytes."""
    return attachment.content_id if attachment.content_id is not None else attachment.id


def iter_attachment(session: Session, attachment: Attachment) -> Iterator[bytes]:
    """Yield the attachment's bytes chunk by chunk, checking size and SHA-256 at the end."""
    owner = content_owner(attachment)
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while True:
        block = session.scalar(
            select(AttachmentChunk.data).where(
                AttachmentChunk.attachment_id == owner, AttachmentChunk.seq == seq
            )
        )
        if block is None:
            break
        digest.update(block)
        size += len(block)
        seq += 1
        yield block
    if size != attachment.size or digest.hexdigest() != attachment.sha256:
        raise IntegrityError(
            f"Tệp minh chứng {attachment.name} bị hỏng (không khớp mã băm).",
            f"Evidence file {attachment.name} is corrupt (hash mismatch).",
            code="attachment_corrupt",
        )


def copy_attachment(session: Session, attachment: Attachment, target: BinaryIO) -> int:
    """Write the attachment's bytes to ``target``; returns the number of bytes written."""
    written = 0
    for block in iter_attachment(session, attachment):
        target.write(block)
        written += len(block)
    return written
