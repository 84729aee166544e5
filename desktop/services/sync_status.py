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
from desktop.services.identity import device_revocation, province_keys
from desktop.services.installation import installation_agency
from desktop.services.signed_documents import refusal_code, settled_refusals
from desktop.sync.agency_chain import REVISION_CONFLICT, STALE_BASE
from desktop.sync.device_keys import short_fingerprint

LAST_SUCCESS_SETTING = "sync.last_success"
PENDING_STATES = ("new", "uploading", "committed")
CONFLICT_ANSWERED_SETTING = "sync.conflict_answered"  # {period code: revision opened from the province's copy}


@dataclass(frozen=True)
class SyncStatus:
    """Bundles waiting to be sent, bundles the province refused, and the last sync that reached it."""

    waiting: int
    attention: int
    last_success: datetime | None


@dataclass(frozen=True)
class Enrollment:
    """This PC's enrollment: the agency it reports for and the fingerprints of the province's three pinned keys
    (receipt signing, encrypted files, encrypted files hybrid: as the enrollment letter and ``baocao enroll``
    print them); ``revoked``: what the province said when it refused this PC's key as revoked (vi, en), None if
    it has not."""

    agency_name: str
    agency_code: str
    province_fingerprints: tuple[str, str, str]
    revoked: tuple[str, str] | None = None


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
    signed PDF followed by an accepted copy of the same report does not, nor a refused revision once the
    province accepted a later one of the same period)."""
    rows = session.execute(select(OutboxItem.id, OutboxItem.state)).all()
    settled = settled_refusals(session) | superseded_refusals(session)
    return (sum(state in PENDING_STATES for _id, state in rows),
            sum(state == "needs_attention" and item_id not in settled for item_id, state in rows))


def superseded_refusals(session: Session) -> set[int]:
    """Refused report bundles whose period the province has since accepted a later revision of."""
    rows = session.execute(select(OutboxItem.id, OutboxItem.period_code, OutboxItem.revision, OutboxItem.state)
                           .where(OutboxItem.kind.is_(None))).all()
    accepted: dict[str, int] = {}
    for _id, period, revision, state in rows:
        if state == "receipted":
            accepted[period] = max(accepted.get(period, 0), revision)
    return {item_id for item_id, period, revision, state in rows
            if state == "needs_attention" and accepted.get(period, 0) > revision}


def enrollment(store: Store) -> Enrollment | None:
    """The enrollment of this PC, or None before it has enrolled."""
    with store.session() as session:
        keys = province_keys(session)
        if keys is None:
            return None
        agency = installation_agency(session)
        shown = (short_fingerprint(keys.signing), short_fingerprint(keys.x25519),
                 short_fingerprint(keys.mlkem768x25519))  # as enroll and the letter
        return Enrollment(agency.name, agency.code, shown, device_revocation(session))


def record_conflict_answered(session: Session, period_code: str, revision: int) -> None:
    """Remember that ``revision`` of ``period_code`` was opened from the province's copy: the conflicts of the
    revisions below it have their answer."""
    answered = dict(get_setting(session, CONFLICT_ANSWERED_SETTING, {}))
    answered[period_code] = revision
    set_setting(session, CONFLICT_ANSWERED_SETTING, answered)


def open_conflicts(store: Store) -> list[str]:
    """Periods, newest first, whose newest bundle the province refused as a revision conflict (or as made on a
    stale copy, ``stale_base``: the same way out) and that no revision opened from the province's copy has
    answered yet. A draft opened here before the refusal is no
    answer: it was made on this PC's copy, and signing it would replace the other PC's report unseen."""
    with store.session() as session:
        answered = get_setting(session, CONFLICT_ANSWERED_SETTING, {})
        rows = session.execute(select(OutboxItem.period_code, OutboxItem.revision, OutboxItem.state,
                                      OutboxItem.last_error).where(OutboxItem.kind.is_(None))
                               .order_by(OutboxItem.sequence.desc(), OutboxItem.id.desc())).all()
    newest: dict[str, int] = {}
    for period, revision, _state, _error in rows:
        newest[period] = max(newest.get(period, 0), revision)
    periods: list[str] = []
    for period, revision, state, error in rows:
        if (state == "needs_attention" and refusal_code(error) in (REVISION_CONFLICT, STALE_BASE)
                and revision >= newest[period]
                and answered.get(period, 0) <= revision and period not in periods):
            periods.append(period)
    return periods
