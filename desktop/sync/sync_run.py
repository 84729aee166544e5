"""One sync run over the outbox: collect receipts the province already has, then send the rest.

The run asks first which bundles the province already holds (one may have arrived on USB) and stores
those receipts without sending a byte; for a single bundle not yet started, the upload's creation answers
that instead (one round trip less). It then sends the others, smallest first so that a report gets
through before a large scan of evidence. Each bundle ends in one of these outcomes:

- ``receipted`` / ``already_received``: the signed receipt is stored in the outbox;
- ``needs_attention``: the province refused the bundle for good; the user must act (new revision…);
- ``deferred``: a failure that may pass; the bundle stays queued for the next run;
- ``cancelled``: the user stopped the run.

A refused or failing bundle never holds back the next one. Only when the province cannot be reached
at all, or refuses this device, does the run stop early: every remaining bundle would meet the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from desktop.sync.receipt import verify_receipt
from desktop.sync.sync_client import ProvinceClient
from desktop.sync.sync_errors import CancelledSync, DeviceRejected, RejectedError, SyncError, TransientError
from desktop.sync.upload import BundleToSend, UploadState

RECEIPTED = "receipted"
ALREADY_RECEIVED = "already_received"
NEEDS_ATTENTION = "needs_attention"
DEFERRED = "deferred"
CANCELLED = "cancelled"


class OutboxPort(Protocol):
    """What the run needs from the outbox (the encrypted store implements it)."""

    def pending(self) -> list[BundleToSend]: ...

    def upload_state(self, bundle_id: str) -> UploadState | None: ...

    def save_upload_state(self, bundle_id: str, state: UploadState) -> None: ...

    def mark_receipted(self, bundle_id: str, receipt: bytes) -> None: ...

    def mark_needs_attention(self, bundle_id: str, code: str, message_vi: str, message_en: str,
                             receipt: bytes | None = None) -> None: ...


@dataclass(frozen=True)
class SyncProgress:
    """Where the run stands: ``phase`` is "checking", "uploading" or "done"; bytes count the whole run."""

    phase: str
    bundle_id: str | None = None
    bundle_index: int = 0
    bundle_count: int = 0
    bytes_done: int = 0
    bytes_total: int = 0


@dataclass(frozen=True)
class BundleOutcome:
    """What happened to one bundle in this run."""

    bundle_id: str
    outcome: str
    receipt: bytes | None = None
    code: str | None = None
    message_vi: str = ""
    message_en: str = ""


@dataclass
class SyncReport:
    """Every bundle's outcome, plus the error that stopped the run early, if one did; ``progressed`` when
    the province confirmed new bytes of some upload during the run (a cut then is retried at once)."""

    outcomes: list[BundleOutcome] = field(default_factory=list)
    stopped_by: SyncError | None = None
    progressed: bool = False

    def with_outcome(self, outcome: str) -> list[str]:
        """Bundle ids that ended with ``outcome``."""
        return [o.bundle_id for o in self.outcomes if o.outcome == outcome]

    @property
    def complete(self) -> bool:
        """True when nothing is left for a later run."""
        return self.stopped_by is None and not any(o.outcome in (DEFERRED, CANCELLED) for o in self.outcomes)


def run_sync(client: ProvinceClient, outbox: OutboxPort, *, progress: Callable[[SyncProgress], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> SyncReport:
    """Bring every pending bundle to a receipt, or to "needs attention", or leave it for next time."""
    report = SyncReport()
    pending = sorted(outbox.pending(), key=lambda b: (b.length, b.bundle_id))
    total = sum(b.length for b in pending)
    _tell(progress, SyncProgress("checking", bundle_count=len(pending), bytes_total=total))
    if not pending:
        _tell(progress, SyncProgress("done"))
        return report
    try:
        known = {} if _creation_answers(pending, outbox) else client.known([b.bundle_id for b in pending])
    except (TransientError, DeviceRejected) as exc:
        report.stopped_by = exc
        report.outcomes = [BundleOutcome(b.bundle_id, DEFERRED, code=exc.code) for b in pending]
        return report
    done = 0
    for index, bundle in enumerate(pending):
        if report.stopped_by is not None:
            report.outcomes.append(BundleOutcome(bundle.bundle_id, DEFERRED, code=report.stopped_by.code))
            continue
        if cancelled is not None and cancelled():
            report.outcomes.append(BundleOutcome(bundle.bundle_id, CANCELLED))
            continue
        if bundle.bundle_id in known and _answers(known[bundle.bundle_id], bundle, client):
            outcome = _settle_known(outbox, bundle, known[bundle.bundle_id], client)
        else:
            outcome = _send(client, outbox, bundle, index, len(pending), done, total, progress, cancelled, report)
        report.outcomes.append(outcome)
        done += bundle.length
        _tell(progress, SyncProgress("uploading", bundle.bundle_id, index + 1, len(pending), done, total))
    _tell(progress, SyncProgress("done", bundle_count=len(pending), bytes_done=done, bytes_total=total))
    return report


def _send(client: ProvinceClient, outbox: OutboxPort, bundle: BundleToSend, index: int, count: int, before: int,
          total: int, progress: Callable[[SyncProgress], None] | None, cancelled: Callable[[], bool] | None,
          report: SyncReport) -> BundleOutcome:
    def on_bytes(sent: int, _length: int) -> None:
        _tell(progress, SyncProgress("uploading", bundle.bundle_id, index, count, before + sent, total))

    def on_state(state: UploadState) -> None:
        outbox.save_upload_state(bundle.bundle_id, state)
        report.progressed = True

    held: list[bool] = []
    try:
        receipt = client.upload(bundle, state=outbox.upload_state(bundle.bundle_id), on_state=on_state,
                                progress=on_bytes, cancelled=cancelled, on_held=lambda: held.append(True))
    except CancelledSync:
        return BundleOutcome(bundle.bundle_id, CANCELLED)
    except DeviceRejected as exc:
        report.stopped_by = exc
        return BundleOutcome(bundle.bundle_id, DEFERRED, code=exc.code, message_vi=exc.message_vi,
                             message_en=exc.message_en)
    except RejectedError as exc:
        outbox.mark_needs_attention(bundle.bundle_id, exc.code, exc.message_vi, exc.message_en, exc.receipt)
        return BundleOutcome(bundle.bundle_id, NEEDS_ATTENTION, exc.receipt, exc.code, exc.message_vi,
                             exc.message_en)
    except TransientError as exc:
        if exc.link:
            report.stopped_by = exc
        return BundleOutcome(bundle.bundle_id, DEFERRED, code=exc.code, message_vi=exc.message_vi,
                             message_en=exc.message_en)
    outbox.mark_receipted(bundle.bundle_id, receipt)
    return BundleOutcome(bundle.bundle_id, ALREADY_RECEIVED if held else RECEIPTED, receipt)


def _creation_answers(pending: list[BundleToSend], outbox: OutboxPort) -> bool:
    """Whether creating the upload tells all ``known`` would: one bundle not started, whose creation the
    province answers with its receipt, saying whether it gave it before (a round trip less on a slow link)."""
    return len(pending) == 1 and outbox.upload_state(pending[0].bundle_id) is None


def _answers(receipt: bytes, bundle: BundleToSend, client: ProvinceClient) -> bool:
    """Whether a receipt from ``known`` is for these very bytes (same id, different bytes is not)."""
    assert client.province is not None
    return verify_receipt(receipt, client.province.signing).bundle_sha256 == bundle.sha256


def _settle_known(outbox: OutboxPort, bundle: BundleToSend, receipt: bytes, client: ProvinceClient) -> BundleOutcome:
    assert client.province is not None
    checked = verify_receipt(receipt, client.province.signing)
    if checked.status == "rejected":
        code = checked.code or "rejected"
        outbox.mark_needs_attention(bundle.bundle_id, code, checked.message_vi, checked.message_en, receipt)
        return BundleOutcome(bundle.bundle_id, NEEDS_ATTENTION, receipt, code, checked.message_vi,
                             checked.message_en)
    outbox.mark_receipted(bundle.bundle_id, receipt)
    return BundleOutcome(bundle.bundle_id, ALREADY_RECEIVED, receipt)


def _tell(progress: Callable[[SyncProgress], None] | None, state: SyncProgress) -> None:
    if progress is not None:
        progress(state)
