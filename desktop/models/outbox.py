"""The outbox: signed bundles waiting to reach the province, written in the signing transaction.

A row is created in the same transaction that signs a report revision, so a signature never exists
without its way out. The bundle's bytes live in encrypted chunks like attachments. States follow
the sync notes: new → uploading → committed → receipted, or needs_attention for a permanent refusal
(which never holds back the other rows).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Audited, Base, utcnow

OUTBOX_STATES = ("new", "uploading", "committed", "receipted", "needs_attention")


class OutboxItem(Audited, Base):
    """One signed bundle on its way to the province, and what became of it."""

    __tablename__ = "outbox_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(64), unique=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True, default=None)
    period_code: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    bundle_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), default="new", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    upload_url: Mapped[str | None] = mapped_column(Text, default=None)
    receipt: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    # Set on a row rebuilt from the province's history: another device of the agency signed it, so its
    # sequence belongs to that device's chain, not to this one's (services/outbox.next_sequence).
    restored_at: Mapped[datetime | None] = mapped_column(default=None)
    # None for a report bundle; "signed_document" for the digitally signed PDF that follows one
    # (desktop/sync/signed_document.py). A follow-up has no place in the chain: its sequence is 0.
    kind: Mapped[str | None] = mapped_column(String(24), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    def audit_details(self, changes: dict[str, object]) -> dict[str, object]:
        """The receipt's bytes are named by size in the audit log, not copied."""
        if isinstance(changes.get("receipt"), bytes):
            return {**changes, "receipt": f"<{len(changes['receipt'])} bytes>"}  # type: ignore[arg-type]
        return changes


class OutboxChunk(Base):
    """One chunk of a queued bundle's bytes."""

    __tablename__ = "outbox_chunk"

    item_id: Mapped[int] = mapped_column(ForeignKey("outbox_item.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
