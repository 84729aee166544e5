"""Sync with the province: enroll, pull the signed assignment package, push the outbox, keep the receipts.

The network client (``desktop.sync``) knows nothing of the store; ``StoreOutbox`` is its view of the
encrypted outbox. Each state change is its own short transaction, so a sync killed at any moment resumes
from what was last recorded (the server's offset is asked again before sending).
"""

from __future__ import annotations

import hashlib
import platform
import threading
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from sqlalchemy import select

from desktop.domain.text import nfc
from desktop.errors import InputError
from desktop.models.outbox import OutboxItem
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store
from desktop.services import periods as period_service
from desktop.services.identity import (
    device_key,
    pin_province,
    province_keys,
    record_revoked,
    replace_device_key,
    require_province,
)
from desktop.services.installation import AgencyProfile, adopt_declared, configure_agency, profile_from_province
from desktop.services.outbox import OutboxReader, mark_needs_attention, mark_receipted, outbox_item
from desktop.services.plans import store_parsed_plan
from desktop.services.province_history import (
    RestoreOutcome,
    learn_chain,
    missing_history,
    open_revision_from_province,
    reenrolled_advice,
    restore_history,
    stale_periods,
)
from desktop.services.signed_documents import documents_ready, resend_refused_untrusted
from desktop.services.sync_status import PENDING_STATES, record_success
from desktop.services.sync_status import outbox_counts as status_counts
from desktop.signing.trust import set_province_roots
from desktop.sync.receipt import verify_receipt
from desktop.sync.server_url import check_server_url
from desktop.sync.sync_client import BundleToSend, ProvinceClient, UploadState
from desktop.sync.sync_errors import DeviceRejected, TransientError
from desktop.sync.sync_run import SyncProgress, SyncReport, run_sync

URL_SETTING, PROXY_SETTING, CA_SETTING = "sync.server_url", "sync.proxy", "sync.ca_file"
ETAG_SETTING = "sync.assignments_etag"


@dataclass(frozen=True)
class SyncSettings:
    """Where the province server is and how to reach it."""

    server_url: str | None
    proxy: str | None
    ca_file: str | None
    enrolled: bool


@dataclass(frozen=True)
class SyncOutcome:
    """One sync: whether new assignments arrived, and what became of each queued bundle."""

    assignments_changed: bool  # a new package from the province was taken (plans, deadlines or trust roots)
    plans: list[str]  # the plans in it that are new or whose tasks changed: what is news to the user
    report: SyncReport
    missing_history: int = 0  # periods the province holds that this PC lacks (a new PC: restore-history)


@dataclass(frozen=True)
class ReceiptRow:
    """A bundle and what the province answered (once it has)."""

    bundle_id: str
    period_code: str
    revision: int
    state: str
    status: str | None
    received_at: str | None
    message_vi: str | None
    message_en: str | None
    # For the digitally signed PDF that followed a bundle: "signed_document", and the province's verdict on
    # its signatures ("valid", "invalid", "untrusted"; None until a receipt says).
    kind: str | None = None
    verdict: str | None = None
    # The refusal's code while the bundle waits for the user ("revision_conflict", …), None otherwise.
    code: str | None = None


def sync_settings(store: Store) -> SyncSettings:
    """The saved server address, proxy and CA file, and whether this PC has enrolled."""
    with store.session() as session:
        return SyncSettings(get_setting(session, URL_SETTING), get_setting(session, PROXY_SETTING),
                            get_setting(session, CA_SETTING), get_setting(session, "province.public_keys") is not None)


def save_sync_settings(store: Store, server_url: str, proxy: str | None = None, ca_file: str | None = None) -> None:
    """Keep the server address (https, or http only on this computer), proxy and CA file."""
    url = check_server_url(server_url)
    with store.session() as session:
        set_setting(session, URL_SETTING, url)
        set_setting(session, PROXY_SETTING, proxy or None)
        set_setting(session, CA_SETTING, ca_file or None)


@dataclass(frozen=True)
class Enrolled:
    """An enrollment done; ``revoked`` is what the province said of this PC's old key when the province had
    revoked it and a new key was made and enrolled in its place (None for an ordinary enrollment)."""

    profile: AgencyProfile
    revoked: tuple[str, str] | None = None
    replaced: tuple[str, ...] = ()  # the names of the agency's old PCs the province revoked as this one enrolled
    advice: tuple[str, str] | None = None  # for a PC enrolled again: what to do with reports signed since
    missing_history: int = 0  # periods the province holds that this PC lacks (a new PC: restore history next)


def enroll(store: Store, server_url: str, code: str, device_name: str | None = None) -> Enrolled:
    """Enroll this PC with a one-time code: pin the province's keys and take the agency's identity.

    A key the province revoked never comes back (it may be a thief's): a revoked PC that is given a new code
    makes a new key and enrolls that one; the old key stays revoked, and what it signed after its revocation
    stays refused."""
    save_sync_settings(store, server_url, *_transport(store))
    name, code = device_name or platform.node() or "baocao", nfc(code).strip()
    revoked = None
    try:
        with _client(store) as client:
            enrollment = client.enroll(code, name)
    except DeviceRejected as exc:
        if exc.code != "device_revoked":
            raise
        revoked = (exc.message("vi"), exc.message("en"))
        with store.session() as session:
            replace_device_key(session)
        with _client(store) as client:
            enrollment = client.enroll(code, name)
    adopt_declared(store, enrollment.agency["code"])
    profile = profile_from_province(store, enrollment.agency)
    with store.session() as session:
        pin_province(session, enrollment.province)
    configure_agency(store, profile)
    with _client(store) as client:
        learn_chain(store, client)
    advice = None
    with store.session() as session:
        if revoked is not None:
            advice = reenrolled_advice(stale_periods(session))
        missing = missing_history(session)
    return Enrolled(profile, revoked, enrollment.replaced, advice, missing)


_ONE_AT_A_TIME = threading.Lock()


def sync_if_idle(store: Store, *, cancelled: Callable[[], bool] | None = None) -> SyncOutcome | None:
    """``sync_now`` unless a sync already runs in this process (then None): periodic sync never doubles one."""
    if not _ONE_AT_A_TIME.acquire(blocking=False):
        return None
    try:
        return _sync(store, None, cancelled)
    finally:
        _ONE_AT_A_TIME.release()


def province_reachable(store: Store) -> bool:
    """Whether the province server answers its health check now (one tiny unsigned request, no retry)."""
    with store.session() as session:
        url = get_setting(session, URL_SETTING)
    if not url:
        return False
    try:
        return httpx.get(f"{url}/v1/health", timeout=3.0, follow_redirects=False).status_code == 200
    except httpx.HTTPError:
        return False


def outbox_counts(store: Store) -> tuple[int, int]:
    """How many bundles wait to be sent, and how many need the user's attention."""
    with store.session() as session:
        return status_counts(session)


def sync_now(store: Store, *, progress: Callable[[SyncProgress], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> SyncOutcome:
    """Pull assignments, then push every queued bundle; one failing bundle never holds back the others."""
    with _ONE_AT_A_TIME:
        return _sync(store, progress, cancelled)


def _sync(store: Store, progress: Callable[[SyncProgress], None] | None,
          cancelled: Callable[[], bool] | None) -> SyncOutcome:
    try:
        outcome = _sync_once(store, progress, cancelled)
    except DeviceRejected as exc:
        _note_revoked(store, exc)
        raise
    _note_revoked(store, outcome.report.stopped_by)
    return outcome


def _note_revoked(store: Store, error: BaseException | None) -> None:
    """Keep the province's word that this PC's key is revoked: the window then offers a new enrollment."""
    if isinstance(error, DeviceRejected) and error.code == "device_revoked":
        with store.session() as session:
            record_revoked(session, error.message("vi"), error.message("en"))


def _sync_once(store: Store, progress: Callable[[SyncProgress], None] | None,
               cancelled: Callable[[], bool] | None) -> SyncOutcome:
    with _client(store) as client:
        changed, plans = _pull(store, client)
        learn_chain(store, client)
        report = run_sync(client, StoreOutbox(store), progress=progress, cancelled=cancelled)
        followers = StoreOutbox(store, skip={o.bundle_id for o in report.outcomes})
        if report.outcomes and report.stopped_by is None and followers.pending():
            # A signed PDF waits for its bundle's receipt: one receipted just now lets it go in this same run.
            more = run_sync(client, followers, progress=progress, cancelled=cancelled)
            report.outcomes += more.outcomes
            report.stopped_by = more.stopped_by
        if report.outcomes:
            learn_chain(store, client)
    if not isinstance(report.stopped_by, TransientError):
        record_success(store)
    with store.session() as session:
        missing = missing_history(session)
    return SyncOutcome(changed, plans, report, missing)


def restore_from_province(store: Store, *, progress: Callable[[int, int], None] | None = None,
                          cancelled: Callable[[], bool] | None = None, evidence: bool = True) -> RestoreOutcome:
    """Rebuild the agency's past quarters on this PC from the province (after enrolling a new PC), with
    their evidence files unless ``evidence`` is False."""
    with _client(store) as client:
        _pull(store, client)
        return restore_history(client, store, progress=progress, cancelled=cancelled, evidence=evidence)


def continue_from_province(store: Store, period_code: str, reason: str) -> int:
    """Answer a revision conflict: open the next revision on top of the one the province holds."""
    with _client(store) as client:
        return open_revision_from_province(client, store, period_code, reason)


def receipt_history(store: Store) -> list[ReceiptRow]:
    """Every queued or sent bundle, newest period then newest revision first, with the province's verified answer."""
    with store.session() as session:
        province = require_province(session)
        rows = []
        for item in session.scalars(select(OutboxItem).order_by(
                OutboxItem.period_code.desc(), OutboxItem.revision.desc(), OutboxItem.sequence.desc())):
            receipt = verify_receipt(item.receipt, province.signing) if item.receipt else None
            rows.append(ReceiptRow(item.bundle_id, item.period_code, item.revision, item.state,
                                   receipt.status if receipt else None, receipt.received_at if receipt else None,
                                   receipt.message_vi if receipt else item.last_error,
                                   receipt.message_en if receipt else item.last_error, item.kind,
                                   (receipt.document or {}).get("verdict") if receipt else _verdict(item.last_error),
                                   _refusal_code(item.state, item.last_error)))
        return rows


def _refusal_code(state: str, error: str | None) -> str | None:
    """The code kept with a bundle set aside for the user (``mark_needs_attention`` writes "code: …")."""
    if state != "needs_attention":
        return None
    return (error or "").split(":", 1)[0] or None


def _verdict(error: str | None) -> str | None:
    """A refused signed document's verdict, from the refusal code kept in the outbox row."""
    code = (error or "").split(":", 1)[0]
    return {"document_untrusted": "untrusted"}.get(code, "invalid" if code.startswith("document_") else None)


class StoreOutbox:
    """The sync run's view of the encrypted outbox (``desktop.sync.sync_run.OutboxPort``)."""

    def __init__(self, store: Store, skip: set[str] | None = None) -> None:
        self.store = store
        self.skip = skip or set()

    def pending(self) -> list[BundleToSend]:
        with self.store.session() as session:
            items = session.scalars(select(OutboxItem).where(OutboxItem.state.in_(PENDING_STATES))
                                    .order_by(OutboxItem.sequence)).all()
            # A signed PDF follows its bundle: the province refuses one whose bundle it has not received.
            ready = documents_ready(session, [i for i in items if i.kind is not None])
            return [self._bundle(i.id, i.bundle_id, i.bundle_sha256, i.size) for i in items
                    if (i.kind is None or i.id in ready) and i.bundle_id not in self.skip]

    def upload_state(self, bundle_id: str) -> UploadState | None:
        with self.store.session() as session:
            url = outbox_item(session, bundle_id).upload_url
        return UploadState(url, 0) if url else None

    def save_upload_state(self, bundle_id: str, state: UploadState) -> None:
        with self.store.session() as session:
            item = outbox_item(session, bundle_id)
            if item.upload_url != state.url or item.state != "uploading":
                item.upload_url, item.state = state.url, "uploading"

    def mark_receipted(self, bundle_id: str, receipt: bytes) -> None:
        mark_receipted(self.store, bundle_id, receipt)

    def mark_needs_attention(self, bundle_id: str, code: str, message_vi: str, message_en: str,
                             receipt: bytes | None = None) -> None:
        mark_needs_attention(self.store, bundle_id, code, message_vi, message_en, receipt)

    def _bundle(self, item_id: int, bundle_id: str, sha256: str, size: int) -> BundleToSend:
        return BundleToSend(bundle_id, sha256, size, lambda: OutboxReader(self.store, item_id, size))


def _transport(store: Store) -> tuple[str | None, str | None]:
    settings = sync_settings(store)
    return settings.proxy, settings.ca_file


def _client(store: Store) -> ProvinceClient:
    with store.session() as session:
        url = get_setting(session, URL_SETTING)
        if not url:
            raise InputError("Chưa nhập địa chỉ máy chủ của Sở (mục Đồng bộ).",
                             "The province server address is not set (Sync panel).", code="no_server")
        key = device_key(session)
        proxy, ca_file = get_setting(session, PROXY_SETTING), get_setting(session, CA_SETTING)
        province = province_keys(session)
    # An address saved by an older version (checked by prefix only) is checked again before any use.
    return ProvinceClient(check_server_url(url), device_key=key, ca_file=ca_file, proxy=proxy, province=province)


def _pull(store: Store, client: ProvinceClient) -> tuple[bool, list[str]]:
    with store.session() as session:
        etag = get_setting(session, ETAG_SETTING)
    pulled = client.pull_assignments(etag)
    if not pulled.changed or pulled.envelope is None or pulled.package is None:
        return False, []
    package = pulled.package
    digest = hashlib.sha256(pulled.envelope).hexdigest()
    codes = []
    with store.session() as session:
        for plan in package["plans"]:
            # A plan whose document bears no number is keyed by the number the province published it under.
            code = nfc((plan.get("plan") or {}).get("code") or plan.get("number") or "").strip()
            if not code:
                continue
            stored = store_parsed_plan(session, plan, plan_code=code, source_name="assignments", digest=digest)
            # Only a plan that is new or whose tasks changed is news: a package re-issued for another reason
            # (a trust root, the schedule) says nothing of tasks.
            if stored.created or stored.added or stored.removed or stored.changed:
                codes.append(code)
        if "schedule" in package:  # null: the province cleared its deadlines, the defaults apply again
            period_service.save_schedule(session, package["schedule"])
        if "trust_roots" in package and set_province_roots(session, package["trust_roots"]):
            resend_refused_untrusted(session)
        set_setting(session, ETAG_SETTING, pulled.etag)
    return True, codes
