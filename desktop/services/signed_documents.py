"""The digitally signed report PDF on its way to the province: queued in the outbox after each signature.

When is it queued: after **each** digital signature made on this PC (the signer's, then the agency's), and
for any signed PDF of one of this PC's bundles brought back from another PC (``baocao pdf send``). The two
signatures are often made on different PCs (the văn thư holds the agency's certificate), and the file may
never come back: sending the signer's version at once means the province holds the head's signature even
then. When the agency's version is queued, an earlier version of the same report still waiting in the
outbox is dropped (it would only be superseded); once sent, the province keeps both and counts the most
complete valid one. The follow-up waits until its bundle has a receipt: the province refuses a signed PDF
of a bundle it has not received.

A follow-up the province refused is sent again (the same bytes: the province keeps them, so it answers at
once) when the user asks («Gửi lại văn bản ký số», ``baocao pdf send`` of the same PDF) and by itself when
the province's trusted roots gain a root (a refusal as untrusted may then no longer hold). The province
judges such a document again only when its roots changed since the refusal; it never stores the same bytes
twice. A refused follow-up no longer needs the user once a later copy of the same report was accepted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.errors import InputError
from desktop.models.outbox import OutboxChunk, OutboxItem
from desktop.models.store import Store
from desktop.services.identity import device_key, require_province
from desktop.services.installation import installation_agency
from desktop.services.outbox import ChunkSink
from desktop.sync.receipt import verify_receipt
from desktop.sync.signed_document import MAX_PDF_BYTES, ReportBinding, document_id_for, make_signed_document

KIND = "signed_document"
UNTRUSTED = "document_untrusted"


@dataclass(frozen=True)
class QueuedDocument:
    """A signed PDF in the outbox: its follow-up's id and the report bundle it belongs to."""

    document_id: str
    bundle_id: str
    period: str
    revision: int
    new: bool


def bound_bundle(path: Path) -> str | None:
    """The bundle SHA-256 a signed PDF names under its first signature (None: unsigned or not of a bundle)."""
    return _bound_sha256(_read(path), path.name)


def queue_signed_document(store: Store, path: Path) -> QueuedDocument:
    """Queue the signed PDF at ``path`` for the province, bound to the bundle it names; refuses a PDF
    without a digital signature or of no bundle signed on this PC."""
    data = _read(path)
    bundle_sha = _bound_sha256(data, path.name)
    if bundle_sha is None:
        raise InputError(f"{path.name} không mang chữ ký số của một báo cáo đã ký trên máy này (không có mã gói "
                         "trong chữ ký đầu tiên).",
                         f"{path.name} is not a digitally signed report of this PC (no bundle reference under its "
                         "first signature).", code="not_bound")
    with store.session() as session:
        bundle = session.scalar(select(OutboxItem).where(OutboxItem.bundle_sha256 == bundle_sha,
                                                         OutboxItem.kind.is_(None)))
        if bundle is None:
            raise InputError(f"{path.name} là bản ký của một gói không có trên máy này ({bundle_sha[:16]}…).",
                             f"{path.name} is the signed copy of a bundle this PC does not hold ({bundle_sha[:16]}…).",
                             code="unknown_bundle")
        binding = ReportBinding(installation_agency(session).code, bundle.period_code, bundle.revision,
                                bundle.bundle_id, bundle_sha)
        return _queue(session, data, binding)


def queue_if_bound(store: Store, path: Path) -> QueuedDocument | None:
    """``queue_signed_document`` for a PDF just signed here, when it is the signed copy of a bundle of this
    PC and this PC is enrolled; None otherwise (an unrelated PDF, or no province yet)."""
    try:
        return queue_signed_document(store, path)
    except InputError as exc:
        if exc.code in ("not_bound", "unknown_bundle", "not_enrolled"):
            return None
        raise


def documents_ready(session: Session, items: list[OutboxItem]) -> set[int]:
    """The ids of the follow-ups among ``items`` whose report bundle has the province's receipt."""
    if not items:
        return set()
    receipted = {(period, revision) for period, revision in session.execute(
        select(OutboxItem.period_code, OutboxItem.revision).where(OutboxItem.kind.is_(None),
                                                                  OutboxItem.state == "receipted"))}
    return {item.id for item in items if (item.period_code, item.revision) in receipted}


def resend_document(store: Store, document_id: str) -> QueuedDocument:
    """Send again the follow-up ``document_id`` the province refused (e.g. after it added the CA's root)."""
    with store.session() as session:
        item = session.scalar(select(OutboxItem).where(OutboxItem.bundle_id == document_id, OutboxItem.kind == KIND))
        if item is None or item.state != "needs_attention":
            raise InputError(f"Văn bản ký số {document_id} không ở trạng thái bị Sở từ chối; không có gì để gửi lại.",
                             f"Signed document {document_id} was not refused by the province; nothing to send again.",
                             code="not_refused")
        _send_again(item)
        return QueuedDocument(item.bundle_id, "", item.period_code, item.revision, True)


def resend_refused_untrusted(session: Session) -> int:
    """Queue again every follow-up refused because a certificate was not trusted (the province's roots just
    changed); how many."""
    items = [item for item in session.scalars(select(OutboxItem).where(OutboxItem.kind == KIND,
                                                                        OutboxItem.state == "needs_attention"))
             if refusal_code(item.last_error) == UNTRUSTED]
    for item in items:
        _send_again(item)
    return len(items)


def refusal_code(last_error: str | None) -> str | None:
    """The refusal code kept at the head of an outbox row's ``last_error`` ("code: vi / en")."""
    return (last_error or "").split(":", 1)[0] or None


def settled_refusals(session: Session) -> set[int]:
    """Refused follow-ups that no longer need the user: a later copy of the same report was accepted."""
    rows = session.execute(select(OutboxItem.id, OutboxItem.period_code, OutboxItem.revision, OutboxItem.state)
                           .where(OutboxItem.kind == KIND).order_by(OutboxItem.id)).all()
    accepted = {(period, revision): item_id for item_id, period, revision, state in rows if state == "receipted"}
    return {item_id for item_id, period, revision, state in rows
            if state == "needs_attention" and accepted.get((period, revision), 0) > item_id}


def signature_result(session: Session, period: str, revision: int) -> str | None:
    """What the province said of the signed PDFs of one report, for the home screen: "complete" (a copy with
    both signatures accepted), "partly" (only the signer's accepted), "untrusted"/"invalid" (the newest copy
    refused, none accepted), "pending" (sent or waiting), None (no signed PDF queued)."""
    items = session.scalars(select(OutboxItem).where(OutboxItem.kind == KIND, OutboxItem.period_code == period,
                                                     OutboxItem.revision == revision).order_by(OutboxItem.id)).all()
    if not items:
        return None
    accepted = [item.receipt for item in items if item.state == "receipted" and item.receipt]
    if accepted:
        signing = require_province(session).signing
        complete = any((verify_receipt(receipt, signing).document or {}).get("complete") for receipt in accepted)
        return "complete" if complete else "partly"
    newest = items[-1]
    if newest.state != "needs_attention":
        return "pending"
    return "untrusted" if refusal_code(newest.last_error) == UNTRUSTED else "invalid"


def _send_again(item: OutboxItem) -> None:
    """The same bytes, sent again from the start (the province's answer at the upload's creation decides; the
    refusal's receipt goes with the refusal)."""
    item.state, item.upload_url, item.last_error, item.receipt = "new", None, None, None


def _queue(session: Session, data: bytes, binding: ReportBinding) -> QueuedDocument:
    recipient = require_province(session).recipient()[0]
    document_id = document_id_for(binding, hashlib.sha256(data).hexdigest())
    queued = session.scalar(select(OutboxItem).where(OutboxItem.bundle_id == document_id))
    if queued is not None:
        refused = queued.state == "needs_attention"
        if refused:
            _send_again(queued)
        return QueuedDocument(document_id, binding.bundle_id, binding.period, binding.revision, refused)
    document = make_signed_document(data, binding, created_at=datetime.now(UTC).replace(microsecond=0),
                                    recipient_key_id=recipient, signing_key=device_key(session))
    _drop_unsent(session, binding)
    item = OutboxItem(bundle_id=document_id, report_id=None, period_code=binding.period, revision=binding.revision,
                      sequence=0, bundle_sha256=hashlib.sha256(document).hexdigest(), size=len(document), kind=KIND)
    session.add(item)
    session.flush()
    sink = ChunkSink(session, item.id)
    sink.write(document)
    sink.close()
    return QueuedDocument(document_id, binding.bundle_id, binding.period, binding.revision, True)


def _drop_unsent(session: Session, binding: ReportBinding) -> None:
    """An earlier signed copy of the same report that has not started to leave is superseded: drop it."""
    stale = session.scalars(select(OutboxItem).where(
        OutboxItem.kind == KIND, OutboxItem.period_code == binding.period, OutboxItem.revision == binding.revision,
        OutboxItem.state == "new", OutboxItem.upload_url.is_(None))).all()
    for item in stale:
        session.execute(delete(OutboxChunk).where(OutboxChunk.item_id == item.id))
        session.delete(item)  # through the ORM, so that the audit log records the drop
    session.flush()


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path}.", f"Cannot read {path}.", code="no_pdf") from exc
    if len(data) > MAX_PDF_BYTES:
        raise InputError(f"Tệp {path.name} quá lớn để gửi (tối đa 64 MB).",
                         f"{path.name} is too large to send (64 MB at most).", code="bad_pdf")
    return data


def _bound_sha256(data: bytes, name: str) -> str | None:
    # pyHanko is imported here, not at the top: the sync service imports this module, and the window and
    # the CLI start without the signing stack.
    from desktop.signing.binding import signed_bundle_sha256
    from desktop.signing.pades import readable_pdf

    return signed_bundle_sha256(readable_pdf(data, name))
