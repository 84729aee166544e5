"""The append-only, hash-chained audit log: who changed what, and when.

Every insert, update and delete of an ``Audited`` table becomes an ``AuditEvent`` in the same
transaction (an ``after_flush`` hook, which still sees what the flush wrote), so a change cannot be
committed without its event. Each event's hash covers its content and the previous event's hash;
``audit_head`` keeps the last hash and the count so that dropping events from the end is caught
too. Triggers refuse UPDATE and DELETE on the log itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, String, Text, event, insert, inspect, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base, utcnow

GENESIS = "0" * 64
SKIPPED_FIELDS = frozenset({"updated_at"})


class AuditEvent(Base):
    """One recorded change."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's last hash and length, updated with every append."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default=GENESIS)


@dataclass(frozen=True)
class AuditReport:
    """Outcome of ``verify_chain``: ok, how many events, and the first broken one if any."""

    ok: bool
    count: int
    broken_id: int | None = None
    reason: str = ""


def event_hash(prev_hash: str, at: datetime, actor: str, action: str, entity: str,
               entity_id: str, details: str) -> str:
    """SHA-256 over the previous hash and the event's fields, unambiguously framed."""
    fields = [prev_hash, at.isoformat(), actor, action, entity, entity_id, details]
    framed = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(framed.encode("utf-8")).hexdigest()


def append_event(session: Session, *, actor: str, action: str, entity: str, entity_id: str,
                 details: dict[str, Any] | None = None) -> str:
    """Append one event to the chain in the current transaction; returns its hash.

    Written with Core statements so it can run inside a flush.
    """
    conn = session.connection()
    head = conn.execute(select(AuditHead.count, AuditHead.hash).where(AuditHead.id == 1)).first()
    count, prev = (int(head[0]), str(head[1])) if head else (0, GENESIS)
    at = utcnow()
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=_jsonable)
    digest = event_hash(prev, at, actor, action, entity, entity_id, text)
    conn.execute(insert(AuditEvent).values(at=at, actor=actor, action=action, entity=entity,
                                           entity_id=entity_id, details=text, prev_hash=prev, hash=digest))
    if head is None:
        conn.execute(insert(AuditHead).values(id=1, count=1, hash=digest))
    else:
        conn.execute(update(AuditHead).where(AuditHead.id == 1).values(count=count + 1, hash=digest))
    return digest


def verify_chain(session: Session) -> AuditReport:
    """Walk the log in order and check every link, then the head."""
    prev = GENESIS
    count = 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
    for row in rows:
        expected = event_hash(prev, row.at, row.actor, row.action, row.entity, row.entity_id, row.details)
        if row.prev_hash != prev:
            return AuditReport(False, count, row.id, "previous-hash link broken (an event was removed)")
        if row.hash != expected:
            return AuditReport(False, count, row.id, "content does not match its hash (edited)")
        prev = row.hash
        count += 1
    head = session.get(AuditHead, 1)
    head_count, head_hash = (head.count, head.hash) if head else (0, GENESIS)
    if head_count != count or head_hash != prev:
        return AuditReport(False, count, None, "chain is shorter than its head (events removed at the end)")
    return AuditReport(True, count)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def _changes(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SKIPPED_FIELDS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            out[attr.key] = history.added[0] if history.added else None
    return out


def _identity(obj: Any) -> str:
    ident = inspect(obj).mapper.primary_key_from_instance(obj)
    return ",".join(str(part) for part in ident)


@event.listens_for(Session, "after_flush")
def _record_changes(session: Session, _flush_context: Any) -> None:
    if session.info.get("audit_disabled"):
        return
    actor = session.info.get("actor", "system")
    for obj, action in _pending(session):
        entity = type(obj).__tablename__
        details = _changes(obj) if action != "delete" else {}
        redact = getattr(obj, "audit_details", None)
        if redact is not None:
            details = redact(details)
        append_event(session, actor=actor, action=action, entity=entity,
                     entity_id=_identity(obj), details=details)


def _pending(session: Session) -> list[tuple[Any, str]]:
    found: list[tuple[Any, str]] = []
    for obj in list(session.new):
        if getattr(obj, "__audited__", False):
            found.append((obj, "insert"))
    for obj in list(session.dirty):
        if getattr(obj, "__audited__", False) and session.is_modified(obj, include_collections=False):
            found.append((obj, "update"))
    for obj in list(session.deleted):
        if getattr(obj, "__audited__", False):
            found.append((obj, "delete"))
    return found
