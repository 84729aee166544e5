"""How sync stands, as the screens tell it: what waits, the last sync that reached the province (by hand or
by itself, kept in the store so that a restart still knows it) and whether this PC is enrolled, with the
province key it pinned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.base import utcnow
from desktop.models.outbox import OutboxItem
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store
from desktop.services.identity import province_keys
from desktop.services.installation import installation_agency
from desktop.services.signed_documents import settled_refusals
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
