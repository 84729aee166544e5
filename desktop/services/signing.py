"""Approve and sign a report revision: freeze it, number the document, and queue its signed bundle.

Signing, the bundle and its outbox row are one transaction: a signature never exists without its way
out, and a crash half-way leaves the revision as it was (still editable, nothing queued).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.early_signing import EarlySigning, early_signing
from desktop.domain.periods import VIETNAM_TZ, Period
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.domain.vietnam_clock import vietnam_today
from desktop.errors import InputError
from desktop.models.attachment import Attachment
from desktop.models.base import utcnow
from desktop.models.outbox import OutboxItem
from desktop.models.plan import Agency
from desktop.models.report import Report
from desktop.models.store import Store
from desktop.services.identity import device_key, device_revocation, require_province
from desktop.services.installation import installation_agency
from desktop.services.outbox import AttachmentReader, ChunkSink, next_sequence
from desktop.services.province_history import bundle_base, check_not_held
from desktop.services.report_items import indicator_items, task_items
from desktop.services.reports import report_for_edit
from desktop.services.snapshots import build_snapshot
from desktop.services.validation import require_no_errors, validate_stored
from desktop.sync.bundle import BundleFile, report_json, write_bundle


@dataclass(frozen=True)
class Change:
    """One field that differs from the previous signed revision."""

    kind: str
    ref: str
    label: str
    field: str
    before: Any
    after: Any


EVIDENCE = "evidence"


@dataclass(frozen=True)
class SignedRevision:
    """What signing produced: the frozen revision and the bundle queued for the province."""

    period_code: str
    revision: int
    document_number: int
    bundle_id: str
    bundle_sha256: str
    size: int


def changes_since_last(store: Store, period_code: str) -> list[Change]:
    """What the revision being signed changes against the previous signed one (all entries for a first one)."""
    with store.session() as session:
        agency = installation_agency(session)
        current = report_for_edit(session, agency, period_code)
        previous = session.get(Report, current.supersedes_id) if current.supersedes_id else None
        return _diff(session, agency, previous, current) + _evidence_diff(session, agency, previous, current)


def early_signing_warning(period_code: str, today: date | None = None) -> EarlySigning | None:
    """What to say before signing ``period_code`` today (Vietnam time): None once its data window is open."""
    return early_signing(Period.parse(period_code), today or vietnam_today())


def previous_signed_revision(store: Store, period_code: str) -> int | None:
    """The number of the signed revision the one being edited replaces; None for a first signing."""
    with store.session() as session:
        current = report_for_edit(session, installation_agency(session), period_code)
        previous = session.get(Report, current.supersedes_id) if current.supersedes_id else None
        return previous.revision if previous is not None else None


def approve_and_sign(store: Store, period_code: str, today: date | None = None) -> SignedRevision:
    """Validate, freeze and sign the period's editable revision and queue its bundle; all or nothing."""
    with store.session() as session:
        agency = installation_agency(session)
        report = report_for_edit(session, agency, period_code)
        _refuse_if_revoked(session)
        require_no_errors(validate_stored(session, report, agency), "ký", "sign")
        check_not_held(session, report)
        province = require_province(session)
        _freeze(session, report, agency, today or vietnam_today())
        snapshot = build_snapshot(session, report, agency)
        item = _queue(session, report, agency, snapshot, province.recipient()[0])
        return SignedRevision(period_code, report.revision, report.document_number or 0, item.bundle_id,
                              item.bundle_sha256, item.size)


def revoked_warning(store: Store) -> tuple[str, str] | None:
    """Before a revision is opened on a PC the province revoked: what the Sở said (when, why, what to do) and
    that this PC cannot sign it until it enrolls again with a new code (vi, en); None on a PC in good standing."""
    with store.session() as session:
        revoked = device_revocation(session)
    if revoked is None:
        return None
    return (f"Lưu ý: {revoked[0]} Lần sửa đổi mở trên máy này chỉ ký được sau khi máy đăng ký lại bằng mã mới của Sở.",
            f"Note: {revoked[1]} A revision opened on this PC can be signed only once the PC enrolls again with a "
            "new code from the province.")


def _refuse_if_revoked(session: Session) -> None:
    """A PC the province revoked signs nothing: the province would refuse it, and the officer learns now."""
    revoked = device_revocation(session)
    if revoked is not None:
        raise InputError(f"Không ký được: {revoked[0]}", f"Cannot sign: {revoked[1]}", code="device_revoked")


def _freeze(session: Session, report: Report, agency: Agency, today: date) -> None:
    # Numbers restart on 1 January in Vietnam, which is 31 December 17:00 UTC.
    year_start = datetime(today.year, 1, 1, tzinfo=VIETNAM_TZ).astimezone(UTC)
    last_number = session.scalar(select(func.max(Report.document_number)).where(
        Report.agency_id == agency.id, Report.signed_at >= year_start)) or 0
    now = utcnow()
    report.document_number = last_number + 1
    report.document_date = today
    report.status = "signed"
    report.approved_at = report.approved_at or now
    report.approved_by = report.approved_by or session.info.get("actor")
    report.signed_at = now
    report.signed_by = session.info.get("actor")
    session.flush()


def _queue(session: Session, report: Report, agency: Agency, snapshot: ReportSnapshot,
           recipient: str) -> OutboxItem:
    sequence, previous_hash = next_sequence(session)
    bundle_id = f"{agency.code}-{report.period_code}-r{report.revision}-{secrets.token_hex(4)}"
    item = OutboxItem(bundle_id=bundle_id, report_id=report.id, period_code=report.period_code,
                      revision=report.revision, sequence=sequence, bundle_sha256="", size=0)
    session.add(item)
    session.flush()
    sink = ChunkSink(session, item.id)
    info = write_bundle(
        sink, report_json(snapshot), _bundle_files(session, report), agency_code=agency.code,  # type: ignore[arg-type]
        period=report.period_code, revision=report.revision, supersedes=snapshot.supersedes, sequence=sequence,
        previous_hash=previous_hash, created_at=datetime.now(UTC).replace(microsecond=0),
        recipient_key_id=recipient, bundle_id=bundle_id, signing_key=device_key(session),
        base=bundle_base(session, report))
    sink.close()
    item.bundle_sha256, item.size = info.sha256, info.size
    report.bundle_sha256 = info.sha256
    return item


def _bundle_files(session: Session, report: Report) -> list[BundleFile]:
    rows = session.scalars(select(Attachment).where(Attachment.report_id == report.id,
                                                    Attachment.owner_kind.in_(("task", "indicator")))
                           .order_by(Attachment.id))
    unique = {row.sha256: row for row in rows}
    return [BundleFile(row.sha256, row.size, row.media_type, AttachmentReader(session, row))  # type: ignore[arg-type]
            for row in unique.values()]


def _evidence_diff(session: Session, agency: Agency, previous: Report | None, current: Report) -> list[Change]:
    """Evidence files added (``after`` is the name) and removed (``before`` is the name), field "evidence"."""
    def files(report: Report | None) -> dict[tuple[str, str, str], Attachment]:
        if report is None:
            return {}
        rows = session.scalars(select(Attachment).where(Attachment.report_id == report.id).order_by(Attachment.id))
        return {(row.owner_kind, row.owner_key, row.sha256): row for row in rows}

    before, after = files(previous), files(current)
    titles = {i.ref: i.title for i in task_items(session, current, agency)}
    titles.update({i.ref: i.name for i in indicator_items(session, current, agency)})
    removed = [Change(kind, ref, titles.get(ref, ""), EVIDENCE, row.name, None)
               for (kind, ref, digest), row in before.items() if (kind, ref, digest) not in after]
    added = [Change(kind, ref, titles.get(ref, ""), EVIDENCE, None, row.name)
             for (kind, ref, digest), row in after.items() if (kind, ref, digest) not in before]
    return added + removed


def _diff(session: Session, agency: Agency, previous: Report | None, current: Report) -> list[Change]:
    changes: list[Change] = []
    for kind, items_of, label in (("task", task_items, "title"), ("indicator", indicator_items, "name")):
        before: dict[str, Callable[[], dict[str, Any]]] = {}
        if previous is not None:
            before = {i.ref: i.values for i in items_of(session, previous, agency)}  # type: ignore[operator]
        for item in items_of(session, current, agency):  # type: ignore[operator]
            old = before[item.ref]() if item.ref in before else {}
            for name, value in item.values().items():
                if value != old.get(name) and (value is not None or name in old):
                    changes.append(Change(kind, item.ref, getattr(item, label), name, old.get(name), value))
    return changes
