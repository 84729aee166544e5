"""The server's audit log as the console writes and shows it: who did what, when (``AuditEvent`` rows, shared
with the device revocations and schedules of ``server/``). The subject never holds report data."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select

from server.db import Database
from server.models import AuditEvent


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    at: int
    actor: str
    action: str
    detail: str


def record(db: Database, actor: str, action: str, detail: str = "") -> None:
    """Append one event; ``detail`` names the object acted on (an agency code, a plan number)."""
    with db.transaction() as session:
        session.add(AuditEvent(at=int(time.time()), actor=actor[:100], action=action[:64], subject=detail[:200],
                               details="{}"))


def recent(db: Database, limit: int = 200) -> list[AuditEntry]:
    """The latest events, newest first."""
    with db.transaction() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
        return [AuditEntry(r.at, r.actor, r.action, r.subject) for r in rows]
