"""The agency's history from the province: where its chain stands, restoring past quarters, the revision conflict.

- ``learn_chain`` asks the province where this device's own chain stands and who holds each period's
  revision; it runs right after enrolling and at every sync, so ``outbox.next_sequence`` continues the
  chain and signing refuses a revision the province already holds from another PC, and a revision made
  from this PC's copy when the province holds a later one another PC made (``continues_province``):
  signing it would silently undo that PC's revision, so the way out is a revision from the province's copy.
- ``restore_history`` rebuilds the past quarters of a new PC from the agency's accepted bundles: each
  one verified against the device key the province publishes for the agency (in a province-signed
  list), its receipt against the pinned province key; then its values become a read-only revision and
  its receipt an outbox row marked as restored. Last quarter's answers and carry-over then work as on
  the old PC. Evidence files come back too (``evidence=False`` skips them): their bytes travel in the
  bundle, are checked against the SHA-256 and size the signed report names before the transaction that
  stores them (encrypted, in the store's chunks) commits, and a file already here is shared, not copied.
- ``open_revision_from_province`` answers a ``revision_conflict``: a new revision N+1 whose values are
  the province's revision N, so the user continues from what the province holds.
- ``bundle_base`` is what a signed bundle names as the revision it is made on (``supersedes_sha256``,
  bundle format 2), so the province itself refuses a revision made on a stale copy; only for a province
  that said it takes format 2 (docs/sync-protocol.md, "Rollout of bundle format 2").
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.officer_words import period_words
from desktop.domain.report_snapshot import AttachmentRef, ReportSnapshot
from desktop.domain.text import nfc
from desktop.errors import Cancelled, InputError, IntegrityError
from desktop.i18n import current_language
from desktop.models.attachment import Attachment, share_attachment, store_attachment
from desktop.models.outbox import OutboxItem
from desktop.models.plan import Agency
from desktop.models.report import IndicatorValue, Report, TaskProgress
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store
from desktop.services import periods as period_service
from desktop.services.identity import require_province
from desktop.services.installation import installation_agency
from desktop.services.outbox import CHAIN_SETTING
from desktop.services.report_items import (
    INDICATOR_FIELDS,
    TASK_FIELDS,
    assigned_indicators,
    assigned_tasks,
    make_ref,
)
from desktop.services.reports import latest_report
from desktop.services.sync_status import CONFLICT_ANSWERED_SETTING, record_conflict_answered
from desktop.sync.agency_chain import (
    REVISION_CONFLICT,
    STALE_BASE,
    PeriodHolder,
    conflict_message,
    held_from,
    period_label,
)
from desktop.sync.agency_chain import stale_base_message as chain_stale_base_message
from desktop.sync.bundle import BaseHash, VerifiedBundle, verify_bundle
from desktop.sync.bundle_container import DEFAULT_LIMITS, FORMAT_V2, read_frame
from desktop.sync.history import AgencyHistory, HistoryEntry
from desktop.sync.receipt import verify_receipt
from desktop.sync.sync_client import ProvinceClient

MAX_CHAIN = 1000  # revisions of one period walked back; far above any real quarter's
BASE_SETTING = "sync.revision_base"  # period → the revision opened from the province's copy and that copy's hash


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore brought back: revisions rebuilt, bundles already here, rows the local plans lack,
    evidence files stored (a file already here counts, shared)."""

    restored: list[tuple[str, int]]  # (period code, revision)
    already_here: int
    unmatched_rows: int
    evidence_files: int = 0

    def named(self, language: str | None = None) -> list[str]:
        """The revisions restored as an officer reads them: «Quý III/2026 lần 1», «Q3 2026 revision 1»."""
        english = (language or current_language()) == "en"
        return [f"{period_words(code)[english]} {'revision' if english else 'lần'} {revision}"
                for code, revision in self.restored]


def learn_chain(store: Store, client: ProvinceClient) -> dict[str, Any]:
    """Keep what the province says of this device's chain and of the agency's revisions."""
    position = client.chain_position()
    with store.session() as session:
        set_setting(session, CHAIN_SETTING, position)
    return position


def province_holder(session: Session, period_code: str) -> PeriodHolder | None:
    """Who holds the period's highest revision on the province, as last learned."""
    held = ((get_setting(session, CHAIN_SETTING) or {}).get("periods") or {}).get(period_code)
    return PeriodHolder.from_dict(held) if held else None


def missing_history(session: Session) -> int:
    """How many periods the province holds a revision of (as last learned) that this PC does not have: a new
    PC that has not restored the agency's history yet."""
    agency = installation_agency(session)
    periods = (get_setting(session, CHAIN_SETTING) or {}).get("periods") or {}
    local = dict(session.execute(select(Report.period_code, func.max(Report.revision))
                                 .where(Report.agency_id == agency.id).group_by(Report.period_code)).all())
    return sum(1 for code, held in periods.items() if local.get(code, 0) < PeriodHolder.from_dict(held).revision)


def check_not_held(session: Session, report: Report) -> None:
    """Refuse to sign a revision the province already holds from another bundle (the named conflict), and a
    revision made from content older than the province's (it would silently undo that revision)."""
    holder = province_holder(session, report.period_code)
    if holder is not None and holder.revision >= report.revision:
        vi, en = conflict_message(report.period_code, holder)
        raise IntegrityError(vi, en, code=REVISION_CONFLICT)
    if holder is not None and not continues_province(session, report, holder):
        vi, en = stale_base_message(report, _base_revision(session, report), holder)
        raise IntegrityError(vi, en, code=STALE_BASE)


def continues_province(session: Session, report: Report, holder: PeriodHolder) -> bool:
    """Whether the report is made on the province's held revision: opened from the province's copy, or one of
    the revisions it replaces (on this PC) is that very bundle."""
    if holder.sha256 is None:  # a ledger kept before the province remembered bundles: nothing to compare
        return True
    if get_setting(session, CONFLICT_ANSWERED_SETTING, {}).get(report.period_code) == report.revision:
        return True
    previous = session.get(Report, report.supersedes_id) if report.supersedes_id else None
    for _ in range(MAX_CHAIN):
        if previous is None:
            return False
        if previous.bundle_sha256 == holder.sha256:
            return True
        previous = session.get(Report, previous.supersedes_id) if previous.supersedes_id else None
    return False


def bundle_base(session: Session, report: Report) -> BaseHash | None:
    """The revision the bundle of ``report`` is made on, by hash: the province's copy it was opened from, else
    the revision it replaces on this PC, passing over revisions the province refused (they never held the
    period). None (bundle format 1) for a province that has not said it takes format 2, and when the
    replaced revision's bundle is not known here."""
    if FORMAT_V2 not in ((get_setting(session, CHAIN_SETTING) or {}).get("bundle_formats") or []):
        return None
    opened = get_setting(session, BASE_SETTING, {}).get(report.period_code)
    if opened and opened.get("revision") == report.revision:
        return BaseHash(opened.get("sha256"))
    previous = session.get(Report, report.supersedes_id) if report.supersedes_id else None
    for _ in range(MAX_CHAIN):
        if previous is None or previous.bundle_sha256 is None or not _refused(session, previous.bundle_sha256):
            break
        previous = session.get(Report, previous.supersedes_id) if previous.supersedes_id else None
    if previous is not None and previous.bundle_sha256 is None:
        return None
    return BaseHash(previous.bundle_sha256 if previous is not None else None)


def _refused(session: Session, bundle_sha256: str) -> bool:
    state = session.scalar(select(OutboxItem.state).where(OutboxItem.bundle_sha256 == bundle_sha256).limit(1))
    return state == "needs_attention"


def _base_revision(session: Session, report: Report) -> int | None:
    previous = session.get(Report, report.supersedes_id) if report.supersedes_id else None
    return previous.revision if previous is not None else None


def stale_base_message(report: Report, base: int | None, holder: PeriodHolder) -> tuple[str, str]:
    """Why the revision cannot be signed: it was made from this PC's older copy while the province holds a
    later revision from another PC (named, with when), and the way out; the province refuses such a bundle
    in the same words (``agency_chain.StaleBase``)."""
    return chain_stale_base_message(report.revision, base, holder, here=True)


def reenrolled_advice(stale: list[tuple[str, PeriodHolder]]) -> tuple[str, str]:
    """What a PC enrolled again with a new key should do with reports signed after its revocation: sign again
    its own copy, or, for a period another PC reported on meanwhile, start from the province's copy."""
    if not stale:
        return ("Báo cáo ký trên máy này sau lúc bị thu hồi Sở không nhận: hãy mở lần sửa đổi mới và ký lại.",
                "Reports signed on this PC after the revocation are refused: open a new revision and sign it again.")
    held_vi = "; ".join(f"{period_label(code)[0]} lần {h.revision} {held_from(h)[0]}" for code, h in stale)
    held_en = "; ".join(f"{period_label(code)[1]} revision {h.revision} {held_from(h)[1]}" for code, h in stale)
    return (f"Sở đã nhận báo cáo mới hơn bản trên máy này ({held_vi}). Báo cáo ký trên máy này sau lúc bị thu hồi "
            f"Sở không nhận; đừng sửa từ bản trên máy này (sẽ ghi đè báo cáo của máy kia): hãy mở lần sửa đổi mới từ "
            f"bản của Sở (menu Báo cáo › «Mở lần sửa đổi mới từ bản của Sở…» hoặc lệnh baocao revise-from-province) "
            f"rồi ký lại.",
            f"The province has received newer reports than this PC's copy ({held_en}). Reports signed on this PC "
            f"after the revocation are refused; do not revise this PC's copy (it would overwrite the other PC's "
            f"report): open a new revision from the province's copy (Report › «New revision from the province's "
            f"copy…» or the command baocao revise-from-province) and sign it.")


def stale_periods(session: Session) -> list[tuple[str, PeriodHolder]]:
    """Periods this PC has reports of whose revision held by the province is not among them (another PC made
    it, as last learned): a revision opened from this PC's copy would undo it."""
    agency = installation_agency(session)
    periods = (get_setting(session, CHAIN_SETTING) or {}).get("periods") or {}
    stale = []
    for code, held in sorted(periods.items()):
        holder = PeriodHolder.from_dict(held)
        mine = set(session.scalars(select(Report.bundle_sha256).where(Report.agency_id == agency.id,
                                                                      Report.period_code == code)))
        if holder.sha256 is not None and mine and holder.sha256 not in mine:
            stale.append((code, holder))
    return stale


def restore_history(client: ProvinceClient, store: Store, *,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, evidence: bool = True) -> RestoreOutcome:
    """Download, verify and rebuild every accepted revision of the agency that this PC does not have.

    Each revision is stored in its own transaction: a cancel (asked between bundles) keeps the revisions
    already rebuilt, and the next restore brings only the rest.
    """
    with store.session() as session:
        agency_code = installation_agency(session).code
        province = require_province(session)
        here = {row for row in session.scalars(select(OutboxItem.bundle_sha256))}
    history = client.history(agency_code)
    todo = [entry for entry in history.bundles if entry.sha256 not in here]
    restored: list[tuple[str, int]] = []
    unmatched = files = 0
    if progress is not None:
        progress(0, len(todo))
    for index, entry in enumerate(todo):
        if cancelled is not None and cancelled():
            raise Cancelled(f"Đã dừng: {len(restored)}/{len(todo)} lần báo cáo đã khôi phục; lần sau khôi phục tiếp.",
                            f"Stopped: {len(restored)} of {len(todo)} revisions restored; the next restore "
                            f"brings the rest.")
        data = client.history_bundle(entry)
        verified = _verified(data, entry, history, province.signing)
        with store.session() as session:
            report, missing = _rebuild(session, verified.report, verified.created_at, entry)
            unmatched += missing
            if evidence and report is not None:
                files += _restore_evidence(session, report, verified, data)
        restored.append((entry.period, entry.revision))
        if progress is not None:
            progress(index + 1, len(todo))
    learn_chain(store, client)
    return RestoreOutcome(restored, len(history.bundles) - len(todo), unmatched, files)


def open_revision_from_province(client: ProvinceClient, store: Store, period_code: str, reason: str) -> int:
    """After a conflict: open revision N+1 on the province's revision N (restored first if missing here)."""
    reason = nfc(reason).strip()
    if not reason:
        raise InputError("Cần ghi lý do sửa đổi báo cáo.", "A reason for the new revision is required.",
                         code="reason_required")
    learn_chain(store, client)
    with store.session() as session:
        holder = province_holder(session, period_code)
    if holder is None or holder.sha256 is None:
        period_vi, period_en = period_words(period_code)
        raise InputError(f"Sở chưa giữ báo cáo {period_vi}: không có gì để tiếp tục.",
                         f"The province holds no report for {period_en}: nothing to continue from.",
                         code="not_held")
    with store.session() as session:
        agency_code = installation_agency(session).code
        province = require_province(session)
    history = client.history(agency_code)
    entry = next((e for e in history.bundles if e.sha256 == holder.sha256), None)
    if entry is None:
        raise InputError("Danh sách của Sở không có bản đang giữ.", "The province's list lacks the held copy.",
                         code="not_held")
    snapshot = _verified(client.history_bundle(entry), entry, history, province.signing).report
    with store.session() as session:
        agency = installation_agency(session)
        previous = latest_report(session, agency, period_code)
        revision = max(holder.revision, previous.revision if previous else 0) + 1
        report = Report(agency_id=agency.id, period_code=period_code, revision=revision,
                        supersedes_id=previous.id if previous else None, revision_reason=reason, status="draft",
                        summary=snapshot.summary, difficulties=snapshot.difficulties, proposals=snapshot.proposals,
                        created_by=session.info.get("actor", ""))
        session.add(report)
        session.flush()
        _copy_values(session, agency, report, snapshot)
        record_conflict_answered(session, period_code, revision)
        bases = dict(get_setting(session, BASE_SETTING, {}))
        bases[period_code] = {"revision": revision, "sha256": holder.sha256}
        set_setting(session, BASE_SETTING, bases)
        return revision


def _verified(data: bytes, entry: HistoryEntry, history: AgencyHistory, province_signing: bytes) -> VerifiedBundle:
    """One downloaded bundle, once bundle (every payload hash included) and receipt check out."""
    stream = io.BytesIO(data)
    frame = read_frame(stream, DEFAULT_LIMITS)
    manifest = frame.manifest
    signer_key = history.device_key(str(manifest.get("signer")))
    verified = verify_bundle(stream, key_for_agency=lambda code: signer_key if code == history.agency else None,
                             sha256=entry.sha256, frame=frame)
    receipt = verify_receipt(entry.receipt, province_signing)
    if receipt.bundle_sha256 != entry.sha256 or receipt.status != "accepted" or verified.agency != history.agency \
            or (verified.period, verified.revision) != (entry.period, entry.revision):
        raise IntegrityError(f"Biên nhận của Sở không khớp gói {entry.bundle_id}.",
                             f"The province's receipt does not match bundle {entry.bundle_id}.", code="history")
    return verified


def _rebuild(session: Session, snapshot: ReportSnapshot, created_at: str,
             entry: HistoryEntry) -> tuple[Report | None, int]:
    """One accepted revision as a read-only report with its receipt; returns the report rebuilt (None when it
    was already here) and the rows the local plans lack."""
    agency = installation_agency(session)
    period_service.ensure_period(session, entry.period)
    received = datetime.fromtimestamp(entry.received_at, UTC)
    report = session.scalar(select(Report).where(Report.agency_id == agency.id, Report.period_code == entry.period,
                                                 Report.revision == entry.revision))
    unmatched = 0
    rebuilt = None
    if report is None:
        previous = session.scalar(select(Report).where(
            Report.agency_id == agency.id, Report.period_code == entry.period,
            Report.revision == snapshot.supersedes)) if snapshot.supersedes else None
        signed = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
        report = Report(agency_id=agency.id, period_code=entry.period, revision=entry.revision,
                        supersedes_id=previous.id if previous else None, revision_reason=snapshot.revision_reason,
                        status="acknowledged", document_number=snapshot.document.number or None,
                        document_date=_date(snapshot.document.date), summary=snapshot.summary,
                        difficulties=snapshot.difficulties, proposals=snapshot.proposals,
                        created_by="province", signed_at=signed, sent_at=received, acknowledged_at=received,
                        bundle_sha256=entry.sha256)
        session.add(report)
        session.flush()
        unmatched = _copy_values(session, agency, report, snapshot)
        rebuilt = report
    session.add(OutboxItem(bundle_id=entry.bundle_id, report_id=report.id, period_code=entry.period,
                           revision=entry.revision, sequence=entry.sequence, bundle_sha256=entry.sha256,
                           size=entry.size, state="receipted", receipt=entry.receipt, restored_at=received))
    return rebuilt, unmatched


def _restore_evidence(session: Session, report: Report, verified: VerifiedBundle, data: bytes) -> int:
    """Store the evidence the revision names, each file checked against its hash before the session commits."""
    agency = installation_agency(session)
    owned = {("task", make_ref(t.plan.code, t.key)) for t, _role in assigned_tasks(session, agency)}
    owned |= {("indicator", make_ref(i.plan.code, i.key)) for i, _role in assigned_indicators(session, agency)}
    carried = {entry.sha256: entry for entry in verified.attachments}
    stored = 0
    items = [("task", t.plan, t.key, t.attachments) for t in verified.report.tasks]
    items += [("indicator", i.plan, i.key, i.attachments) for i in verified.report.indicators]
    for kind, plan, key, refs in items:
        owner = make_ref(plan, key)
        if (kind, owner) not in owned:
            continue  # like its values: an item this PC's plans lack keeps nothing
        for ref in refs:
            entry = carried.get(ref.sha256)
            if entry is None or entry.size != ref.size:
                raise IntegrityError(f"Gói {verified.bundle_id} thiếu tệp minh chứng {ref.name}.",
                                     f"Bundle {verified.bundle_id} lacks the evidence file {ref.name}.",
                                     code="history")
            _store_one(session, report, kind, owner, ref, verified, data)
            stored += 1
    return stored


def _store_one(session: Session, report: Report, kind: str, owner: str, ref: AttachmentRef,
               verified: VerifiedBundle, data: bytes) -> None:
    name = nfc(ref.name)[:255]
    here = session.scalar(select(Attachment).where(Attachment.sha256 == ref.sha256, Attachment.size == ref.size)
                          .order_by(Attachment.id).limit(1))
    if here is not None:
        shared = share_attachment(session, here, report_id=report.id)
        shared.owner_kind, shared.owner_key, shared.name, shared.media_type = kind, owner, name, ref.media_type
        return
    start = verified.payload_offsets[ref.sha256]
    source = io.BytesIO(memoryview(data)[start:start + ref.size])
    row = store_attachment(session, source, name=name, media_type=ref.media_type[:127], report_id=report.id,
                           owner_kind=kind, owner_key=owner)
    if (row.sha256, row.size) != (ref.sha256, ref.size):
        raise IntegrityError(f"Tệp minh chứng {name} không khớp mã băm trong báo cáo đã ký; không lưu gì.",
                             f"Evidence file {name} does not match the hash in the signed report; nothing stored.",
                             code="history")


def _copy_values(session: Session, agency: Agency, report: Report, snapshot: ReportSnapshot) -> int:
    """The snapshot's task and indicator answers as the report's rows; returns how many found no local item."""
    tasks = {make_ref(t.plan.code, t.key): (t, role) for t, role in assigned_tasks(session, agency)}
    indicators = {make_ref(i.plan.code, i.key): (i, role) for i, role in assigned_indicators(session, agency)}
    unmatched = 0
    for task_entry in snapshot.tasks:
        found = tasks.get(make_ref(task_entry.plan, task_entry.key))
        if found is None:
            unmatched += 1
            continue
        session.add(TaskProgress(report_id=report.id, task_id=found[0].id, role=found[1],
                                 **{name: getattr(task_entry, name) for name in TASK_FIELDS}))
    for value in snapshot.indicators:
        found_indicator = indicators.get(make_ref(value.plan, value.key))
        if found_indicator is None:
            unmatched += 1
            continue
        session.add(IndicatorValue(report_id=report.id, indicator_id=found_indicator[0].id, role=found_indicator[1],
                                   **{name: getattr(value, name) for name in INDICATOR_FIELDS}))
    return unmatched


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None

