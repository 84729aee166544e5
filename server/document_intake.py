"""Intake of signed-document follow-ups: the digitally signed report PDF that follows a bundle.

Called by ``Intake.take`` (network commits and ``baocao-server import`` alike) when a container's manifest
says ``baocao.signed-document/1``. Order, nothing trusted before it is checked:

1. A receipt already given for these bytes is answered again (only to its own agency over the network).
2. The SHA-256 declared at upload creation; the uploader's agency; the manifest's fields (bounded: the
   container is at most 64 MiB of PDF and a 4 KiB manifest); the recipient key.
3. The device signature over the manifest with the enrolled key of the device that signed (a device revoked
   before ``created_at``: ``device_revoked``), the PDF's size and SHA-256.
4. The report bundle it names must be stored for this agency, period and revision (``document_bundle``: the
   bundle has not arrived yet; nothing is kept, so the same bytes are taken once it has).

Refusals of steps 2–4 are answered to the uploader only and never stored (as for bundles). Then:

5. The PDF's PAdES signatures with pyHanko against the province's trust roots (``trust_roots``): the bundle
   SHA-256 under the first signature (``desktop.signing.binding``) must be the one the manifest names; every
   signature intact, covering its whole revision, and followed by nothing but signatures and validation data
   (a form filled, an annotation or any other change after signing is refused); every certificate chained to
   a trusted root. The verdict (``valid``, ``invalid`` with the reason's code, ``untrusted``) and the signers'
   names and times (Vietnam time) go into the signed receipt, which is stored with the document: accepted
   when valid, rejected otherwise.

A document refused only because a certificate did not chain to a trusted root (``document_untrusted``) is
judged again, from the file the province keeps, when a root was added after its receipt and the same bytes
are offered again (a re-send: the upload's creation or commit, an import), or by ``baocao-server documents
recheck``. The verdict, the signatures and the receipt of its one ``signed_documents`` row are replaced in
place (compare-and-set on the receipt), so the same bytes never make a second record; an accepted document
is never judged again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError as DbIntegrityError

from desktop.domain.officer_words import period_words
from desktop.errors import InputError
from desktop.sync.bundle_container import Frame
from desktop.sync.bundle_errors import BundleError, HashMismatch
from desktop.sync.receipt import Receipt, make_receipt, receipt_time
from desktop.sync.signed_document import (
    VerifiedDocument,
    check_document_manifest,
    read_document_frame,
    verify_signed_document,
)
from server.db import Database
from server.models import Agency, Device, ReceiptRecord, SignedDocument, StoredBundle, TrustRoot
from server.trust_roots import trusted_certificates

ACCEPTED_AFTER_SIGNING = frozenset({"NONE", "LTA_UPDATES", "FORM_FILLING"})
UNTRUSTED = "document_untrusted"
MAX_MESSAGE = 2000
_agencies, _devices, _bundles = Agency.__table__, Device.__table__, StoredBundle.__table__


@dataclass(frozen=True)
class DocumentOutcome:
    """The receipt for a follow-up, its status and code, whether it was stored and its bytes verified."""

    receipt: bytes
    status: str
    code: str | None
    stored: bool
    verified: bool


@dataclass(frozen=True)
class Verdict:
    """What the province concludes of a signed PDF."""

    verdict: str
    code: str | None
    message_vi: str
    message_en: str
    complete: bool
    signatures: list[dict[str, Any]]


class DocumentIntake:
    """Takes signed-document follow-ups into the store."""

    def __init__(self, db: Database, bundles_dir: Path, signing_key: Ed25519PrivateKey, *,
                 recipients: frozenset[str], clock: Callable[[], float] = time.time,
                 place: Callable[[Path, Path], None]) -> None:
        self._db, self._bundles_dir, self._signing_key = db, bundles_dir, signing_key
        self._recipients, self._clock, self._place = recipients, clock, place

    def take(self, path: Path, stream: BinaryIO, sha256: str, frame: Frame, *, source: str,
             agency_code: str | None, declared_sha256: str | None,
             wrong_agency: Callable[[str, str], Exception]) -> DocumentOutcome:
        """Verify the follow-up at ``path`` (already hashed to ``sha256`` and framed) and store it once."""
        manifest = frame.manifest
        with self._db.reading() as connection:
            row = connection.execute(select(ReceiptRecord.envelope, ReceiptRecord.status, ReceiptRecord.code,
                                            ReceiptRecord.agency_code).where(ReceiptRecord.sha256 == sha256)).first()
        if row is not None:
            if agency_code is not None and row.agency_code != agency_code:
                raise wrong_agency(row.agency_code or "?", agency_code)
            again = self.rejudge(sha256) if row.code == UNTRUSTED else None
            if again is not None:
                return again
            return DocumentOutcome(row.envelope, row.status, row.code, False, True)
        if declared_sha256 is not None and declared_sha256 != sha256:
            return self._refuse(sha256, agency_code, None, "upload_hash",
                                "Dữ liệu tải lên khác mã băm đã khai khi bắt đầu tải.",
                                "The uploaded data does not match the SHA-256 declared when the upload began.")
        try:
            check_document_manifest(manifest)
        except BundleError as exc:
            return self._refuse(sha256, agency_code, None, exc.code, exc.message_vi, exc.message_en)
        if agency_code is not None and manifest["agency"] != agency_code:
            raise wrong_agency(manifest["agency"], agency_code)
        if manifest["recipient"] not in self._recipients:
            return self._refuse(sha256, agency_code, manifest, "recipient",
                                f"Văn bản được gửi cho khoá {manifest['recipient']}, không phải khoá của Sở này.",
                                f"The document is addressed to key {manifest['recipient']}, not to this province.")
        key, revoked_at = self._signer_key(manifest)
        try:
            document = verify_signed_document(stream, frame, sha256, key)
        except BundleError as exc:
            return self._refuse(sha256, agency_code, manifest, exc.code, exc.message_vi, exc.message_en)
        if revoked_at is not None and _signed_at(manifest["created_at"]) >= revoked_at:
            return self._refuse(sha256, agency_code, manifest, "device_revoked",
                                f"Văn bản được gửi bằng máy {manifest['signer']} sau khi máy này bị thu hồi.",
                                f"The document was sent by device {manifest['signer']} after it was revoked.")
        agency_id = self._bundle_agency(document)
        if agency_id is None:
            return self._refuse(sha256, agency_code, manifest, "document_bundle",
                                f"Sở chưa nhận gói báo cáo {document.binding.bundle_id} mà văn bản ký số này đi "
                                "kèm; hãy gửi (nhập) gói báo cáo trước rồi gửi lại văn bản.",
                                f"The province has not received report bundle {document.binding.bundle_id} this "
                                "signed document belongs to; send (import) the bundle first, then the document.")
        with self._db.transaction() as session:
            roots = trusted_certificates(session)
        verdict = judge(document, roots)
        return self._store(path, document, agency_id, verdict, source)

    def rejudge(self, sha256: str, *, always: bool = False) -> DocumentOutcome | None:
        """Judge again the stored document ``sha256`` refused as untrusted, when a trusted root was added at or
        after its receipt (or ``always``); its new outcome, or None (not such a document, nothing changed).

        The new receipt replaces the old only if the old is still the stored one: two re-judgements at once
        leave one receipt and one record."""
        with self._db.reading() as connection:
            old = connection.execute(select(ReceiptRecord.envelope, ReceiptRecord.created_at)
                                     .where(ReceiptRecord.sha256 == sha256, ReceiptRecord.code == UNTRUSTED)).first()
            stored = connection.execute(select(SignedDocument.received_at, SignedDocument.source)
                                        .where(SignedDocument.sha256 == sha256,
                                               SignedDocument.verdict == "untrusted")).first()
            newest = connection.execute(select(func.max(TrustRoot.added_at))).scalar()
        if old is None or stored is None or not (always or (newest is not None and newest >= old.created_at)):
            return None
        document = self._stored_document(sha256)
        with self._db.transaction() as session:
            roots = trusted_certificates(session)
        verdict = judge(document, roots)
        status = "accepted" if verdict.verdict == "valid" else "rejected"
        now = self._clock()
        envelope = self._verdict_receipt(document, status, verdict, stored.received_at)
        with self._db.connection(durable=True) as connection:
            replaced = connection.execute(
                update(ReceiptRecord).where(ReceiptRecord.sha256 == sha256, ReceiptRecord.envelope == old.envelope)
                .values(status=status, code=verdict.code, envelope=envelope, created_at=max(int(now), old.created_at)))
            if replaced.rowcount != 1:
                current = connection.execute(select(ReceiptRecord.envelope, ReceiptRecord.status, ReceiptRecord.code)
                                             .where(ReceiptRecord.sha256 == sha256)).one()
                return DocumentOutcome(current.envelope, current.status, current.code, False, True)
            connection.execute(update(SignedDocument).where(SignedDocument.sha256 == sha256).values(
                verdict=verdict.verdict, complete=int(verdict.complete), code=verdict.code,
                signatures=json.dumps(verdict.signatures, ensure_ascii=False)))
        return DocumentOutcome(envelope, status, verdict.code, False, True)

    def refused_untrusted(self) -> list[str]:
        """The SHA-256 of every stored document refused because a certificate was not trusted, oldest first."""
        with self._db.reading() as connection:
            return list(connection.execute(select(SignedDocument.sha256).where(SignedDocument.verdict == "untrusted")
                                           .order_by(SignedDocument.id)).scalars())

    def _stored_document(self, sha256: str) -> VerifiedDocument:
        """The kept file of a stored document, hashed and its device signature checked again before use."""
        path = self._bundles_dir / f"{sha256}.bcb"
        with open(path, "rb") as stream:
            digest = hashlib.sha256()
            while block := stream.read(1024 * 1024):
                digest.update(block)
            if digest.hexdigest() != sha256:
                raise HashMismatch(f"tệp lưu {path.name} đã bị thay đổi.", f"the stored file {path.name} changed.")
            stream.seek(0)
            frame = read_document_frame(stream)
            return verify_signed_document(stream, frame, sha256, self._signer_key(frame.manifest)[0])

    def _signer_key(self, manifest: dict[str, Any]) -> tuple[bytes | None, int | None]:
        """The enrolled key that signed and when it was revoked; else an active key of the agency (so the
        refusal names the wrong signer, as for bundles), else none (an unknown agency)."""
        with self._db.reading() as connection:
            rows = connection.execute(
                select(_devices.c.key_id, _devices.c.public_key, _devices.c.revoked_at)
                .join(_agencies, _agencies.c.id == _devices.c.agency_id)
                .where(_agencies.c.code == manifest["agency"])).all()
        own = next(((key, revoked) for kid, key, revoked in rows if kid == manifest["signer"]), None)
        active = next(((key, None) for _kid, key, revoked in rows if revoked is None), (None, None))
        return own or active

    def _bundle_agency(self, document: VerifiedDocument) -> int | None:
        binding = document.binding
        with self._db.reading() as connection:
            return connection.execute(
                select(_bundles.c.agency_id).join(_agencies, _agencies.c.id == _bundles.c.agency_id)
                .where(_bundles.c.sha256 == binding.bundle_sha256, _agencies.c.code == binding.agency,
                       _bundles.c.period == binding.period, _bundles.c.revision == binding.revision)).scalar()

    def _store(self, path: Path, document: VerifiedDocument, agency_id: int, verdict: Verdict,
               source: str) -> DocumentOutcome:
        self._place(path, self._bundles_dir / f"{document.sha256}.bcb")
        now = self._clock()
        status = "accepted" if verdict.verdict == "valid" else "rejected"
        binding = document.binding
        envelope = self._verdict_receipt(document, status, verdict, now)
        try:
            with self._db.connection(durable=True) as connection:
                connection.execute(insert(SignedDocument), {
                    "agency_id": agency_id, "document_id": document.document_id, "sha256": document.sha256,
                    "bundle_sha256": binding.bundle_sha256, "period": binding.period, "revision": binding.revision,
                    "verdict": verdict.verdict, "complete": int(verdict.complete), "code": verdict.code,
                    "signatures": json.dumps(verdict.signatures, ensure_ascii=False), "size": len(document.pdf),
                    "received_at": int(now), "source": source})
                connection.execute(insert(ReceiptRecord), {
                    "sha256": document.sha256, "bundle_id": document.document_id, "agency_code": binding.agency,
                    "status": status, "code": verdict.code, "envelope": envelope, "created_at": int(now)})
        except DbIntegrityError:
            with self._db.reading() as connection:
                row = connection.execute(select(ReceiptRecord.envelope, ReceiptRecord.status, ReceiptRecord.code)
                                         .where(ReceiptRecord.sha256 == document.sha256)).first()
            if row is None:
                raise
            return DocumentOutcome(row.envelope, row.status, row.code, False, True)
        return DocumentOutcome(envelope, status, verdict.code, True, True)

    def _verdict_receipt(self, document: VerifiedDocument, status: str, verdict: Verdict, received: float) -> bytes:
        binding = document.binding
        return self._sign(document.sha256, document.document_id, binding.agency, binding.period, binding.revision,
                          status, verdict.code, verdict.message_vi, verdict.message_en, received,
                          {"verdict": verdict.verdict, "complete": verdict.complete,
                           "report_bundle_sha256": binding.bundle_sha256, "signatures": verdict.signatures})

    def _refuse(self, sha256: str, uploader: str | None, manifest: dict[str, Any] | None, code: str,
                message_vi: str, message_en: str) -> DocumentOutcome:
        """A signed refusal for the uploader (network) or the operator (import) only; nothing stored."""
        fields = manifest or {}
        envelope = self._sign(sha256, fields.get("document_id"), uploader, fields.get("period"),
                              fields.get("revision"), "rejected", code, message_vi, message_en, self._clock(), None)
        return DocumentOutcome(envelope, "rejected", code, False, False)

    def _sign(self, sha256: str, document_id: str | None, agency: str | None, period: str | None,
              revision: int | None, status: str, code: str | None, message_vi: str, message_en: str, now: float,
              document: dict[str, Any] | None) -> bytes:
        return make_receipt(Receipt(
            bundle_sha256=sha256, bundle_id=document_id, agency=agency, period=period, revision=revision,
            received_at=receipt_time(datetime.fromtimestamp(now, UTC)), status=status,
            message_vi=message_vi[:MAX_MESSAGE], message_en=message_en[:MAX_MESSAGE], code=code,
            document=document), self._signing_key)


def judge(document: VerifiedDocument, roots: list[Any]) -> Verdict:
    """The PAdES verdict on the follow-up's PDF against ``roots`` (pyHanko; nothing fetched)."""
    from desktop.signing.binding import signed_bundle_sha256
    from desktop.signing.verify import pdf_reader, verify_pdf_bytes

    period_vi, period_en = period_words(document.binding.period)
    what_vi = f"Văn bản ký số của báo cáo {period_vi} lần {document.binding.revision}"
    what_en = f"The signed document of the {period_en} report, revision {document.binding.revision},"
    try:
        checks = verify_pdf_bytes(document.pdf, roots, "PDF")
        bound = signed_bundle_sha256(pdf_reader(document.pdf))
    except InputError:
        return _invalid(what_vi, what_en, "document_unreadable", "tệp PDF không đọc được", "the PDF cannot be read", [])
    entries = [_entry(check) for check in checks]
    if not checks:
        return _invalid(what_vi, what_en, "document_unsigned", "tệp PDF không có chữ ký số nào",
                        "the PDF carries no digital signature", entries)
    if bound != document.binding.bundle_sha256:
        return _invalid(what_vi, what_en, "document_binding",
                        "nội dung đã ký không phải báo cáo của gói này (mã gói trong chữ ký đầu tiên khác)",
                        "the signed content is not this bundle's report (the bundle reference under the first "
                        "signature differs)", entries)
    for check in checks:
        if check.revoked:
            return _invalid(what_vi, what_en, "document_revoked",
                            f"chứng thư của {check.signer} đã bị thu hồi (theo dữ liệu thu hồi kèm trong tệp)",
                            f"{check.signer}'s certificate is revoked (by the revocation data the file carries)",
                            entries)
        if not check.intact or not check.whole_revision or check.problem:
            return _invalid(what_vi, what_en, "document_signature", f"chữ ký {check.field} của {check.signer} hỏng",
                            f"signature {check.field} by {check.signer} is broken", entries)
        if check.modification not in ACCEPTED_AFTER_SIGNING or not check.unaltered:
            return _invalid(what_vi, what_en, "document_altered",
                            f"tệp đã bị sửa sau chữ ký {check.field} của {check.signer} (không chỉ thêm chữ ký)",
                            f"the file was changed after signature {check.field} by {check.signer} (not only "
                            "signatures were added)", entries)
    by_role = {check.role.value: check for check in checks if check.role is not None}
    if ("signer" in by_role and "agency" in by_role
            and by_role["signer"].certificate_sha256 == by_role["agency"].certificate_sha256):
        name = by_role["agency"].signer
        return _invalid(what_vi, what_en, "document_roles",
                        f"chữ ký của cơ quan được ký bằng chính chứng thư của người ký ({name}), không phải chứng "
                        "thư của cơ quan",
                        f"the agency's signature was made with the signer's own certificate ({name}), not the "
                        "agency's", entries)
    untrusted = [check for check in checks if not check.trusted]
    complete = {check.role.value for check in checks if check.role is not None} >= {"signer", "agency"}
    if untrusted:
        names = ", ".join(f"{c.signer} (do {c.issuer} cấp)" for c in untrusted)
        names_en = ", ".join(f"{c.signer} (issued by {c.issuer})" for c in untrusted)
        return Verdict("untrusted", UNTRUSTED,
                       f"{what_vi} KHÔNG được công nhận: chứng thư của {names} không thuộc chứng thư gốc Sở tin cậy.",
                       f"{what_en} is NOT recognised: the certificate of {names_en} does not chain to a root the "
                       "province trusts.", complete, entries)
    who = "; ".join(f"{c.signer} lúc {_shown(c.signed_at)}" for c in checks)
    who_en = "; ".join(f"{c.signer} at {_shown(c.signed_at)}" for c in checks)
    lack_vi = "" if complete else " Chưa có đủ chữ ký của người ký và của cơ quan."
    lack_en = "" if complete else " It does not yet carry both the signer's and the agency's signatures."
    return Verdict("valid", None, f"{what_vi}: chữ ký số hợp lệ ({who}).{lack_vi}",
                   f"{what_en}: digital signatures valid ({who_en}).{lack_en}", complete, entries)


def _invalid(what_vi: str, what_en: str, code: str, reason_vi: str, reason_en: str,
             entries: list[dict[str, Any]]) -> Verdict:
    return Verdict("invalid", code, f"{what_vi} KHÔNG hợp lệ: {reason_vi}.", f"{what_en} is NOT valid: {reason_en}.",
                   False, entries)


def _entry(check: Any) -> dict[str, Any]:
    return {"field": check.field[:300], "role": check.role.value if check.role is not None else None,
            "signer": check.signer[:300], "issuer": check.issuer[:300],
            "signed_at": check.signed_at.replace(microsecond=0).isoformat() if check.signed_at else None,
            "timestamped": check.timestamped, "valid": check.ok, "trusted": check.trusted,
            "problem": check.problem[:300]}


def _shown(moment: datetime | None) -> str:
    return moment.strftime("%H:%M:%S %d/%m/%Y") if moment else "—"


def _signed_at(created_at: str) -> int:
    return int(datetime.strptime(created_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())
