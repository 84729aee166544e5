"""How sync stands, as the screens tell it: what waits, the last sync that reached the province (by hand or
by itself, kept in the store so that a restart still knows it) and whether this PC is enrolled, with the
province key it pinned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.base import utcnow
from desktop.models.outbox import OutboxItem
from desktop.models.report import Report
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store
from desktop.services.identity import province_keys
from desktop.services.installation import installation_agency
from desktop.services.signed_documents import refusal_code, settled_refusals
from desktop.sync.agency_chain import REVISION_CONFLICT
from desktop.sync.device_keys import fingerprint

LAST_SUCCESS_SETTING = "sync.last_success"
PENDING_STATES = ("new", "uploading", "committed")


@dataclass(frozen=True)
class SyncStatus:
    """Bundles waiting to be sent, bundles the province refused, and the last sync that reached it."""

    waiting: int
    attention: int
    last_success: datetime | None


@dataclass(frozen=True)
class Enrollment:
    """This PC's enrollment: the agency it reports for and the fingerprint of the province's signing key."""

    agency_name: str
    agency_code: str
    province_fingerprint: str


def record_success(store: Store, when: datetime | None = None) -> None:
    """Remember that a sync reached the province at ``when`` (now by default)."""
    with store.session() as session:
        set_setting(session, LAST_SUCCESS_SETTING, (when or utcnow()).astimezone(UTC).isoformat())


def sync_status(store: Store) -> SyncStatus:
    """What the dashboard's sync line says."""
    with store.session() as session:
        waiting, attention = outbox_counts(session)
        last = get_setting(session, LAST_SUCCESS_SETTING)
    return SyncStatus(waiting, attention, datetime.fromisoformat(last) if last else None)


def outbox_counts(session: Session) -> tuple[int, int]:
    """How many items wait to be sent, and how many the province refused that still need the user (a refused
    signed PDF followed by an accepted copy of the same report does not)."""
    rows = session.execute(select(OutboxItem.id, OutboxItem.state)).all()
    settled = settled_refusals(session)
    return (sum(state in PENDING_STATES for _id, state in rows),
            sum(state == "needs_attention" and item_id not in settled for item_id, state in rows))


def enrollment(store: Store) -> Enrollment | None:
    """The enrollment of this PC, or None before it has enrolled."""
    with store.session() as session:
        keys = province_keys(session)
        if keys is None:
            return None
        agency = installation_agency(session)
        return Enrollment(agency.name, agency.code, fingerprint(keys.signing))


def open_conflicts(store: Store) -> list[str]:
    """Periods, newest first, whose revision N the province refused as a revision conflict while N is still the
    newest revision here: once N+1 is opened (from the province's copy or not) the conflict has its answer."""
    with store.session() as session:
        newest = dict(session.execute(select(Report.period_code, func.max(Report.revision))
                                      .group_by(Report.period_code)).all())
        refused = session.execute(select(OutboxItem.period_code, OutboxItem.revision, OutboxItem.last_error)
                                  .where(OutboxItem.state == "needs_attention", OutboxItem.kind.is_(None))
                                  .order_by(OutboxItem.sequence.desc(), OutboxItem.id.desc())).all()
    periods: list[str] = []
    for period, revision, error in refused:
        if refusal_code(error) == REVISION_CONFLICT and revision >= newest.get(period, 0) and period not in periods:
            periods.append(period)
    return periods
