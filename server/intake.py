"""Bundle intake: verify, store once, answer with a signed receipt. Shared by network commits and USB imports.

Order, for a bundle file already on the server's disk:

0. A signed-document follow-up (the digitally signed PDF of a bundle, ``baocao.signed-document/1``) is
   handed to ``server.document_intake`` once its frame is read; everything below is about bundles.
1. SHA-256 of the file (the only time it is hashed: ``verify_bundle`` is handed the result). A
   receipt already given for these bytes is answered again, byte for byte, before any verification
   (the same bundle by network and by USB, a repeated commit).
2. The manifest is read within bounds; a network upload for another agency's bundle is refused (403).
3. A different file under an already accepted bundle id is rejected.
4. ``verify_bundle`` with the enrolled key of the device that signed it: signature, hashes, report.
5. Under a lock on the agency's row, the chain check (``desktop.sync.agency_chain``: replays and forks
   in the signing device's own sequence, old revisions, a revision another device already holds) against
   the state at that moment, then the file, the bundle row, the new chain state and the receipt in one transaction.

A refusal decided before the signature verified (unreadable file, hash declared at upload creation not
matching, bad signature or payload, unknown or revoked signer, another file under an accepted id) says
nothing about the agency the unverified manifest names: its signed "rejected" receipt is answered to the
uploader only and never stored by SHA-256 (the network commit records it against the upload:
``server.models.UploadRefusal``). Otherwise anyone holding a copy of another agency's bundle could make
the province answer for those bytes. A refusal of verified bytes (the chain check: replay, fork, an
older revision "superseded") is stored like an acceptance, so every later attempt gets the same bytes.

Every bundle passes through here, so the database work is a handful of prepared Core statements
(an ORM session per bundle cost more than all the cryptography) and the lookups run in a read
transaction that never waits for a writer.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError as DbIntegrityError

from desktop.domain.periods import period_name
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.sync.bundle import verify_bundle
from desktop.sync.bundle_container import DEFAULT_LIMITS, Frame, Limits, check_format, check_manifest, read_frame
from desktop.sync.bundle_errors import BundleError, OlderRevision
from desktop.sync.device_keys import ProvinceKeys, ProvincePublicKeys, key_id
from desktop.sync.receipt import Receipt, make_receipt, receipt_time
from desktop.sync.signed_document import is_signed_document
from server.agency_chains import device_name, load_chain
from server.db import Database
from server.devices import format_moment
from server.document_intake import UNTRUSTED, DocumentIntake
from server.models import Agency, AuditEvent, Device, ReceiptRecord, StoredBundle
from server.problems import ApiError

HASH_PIECE = 1024 * 1024
MAX_MESSAGE = 2000
# Which receipt of a bundle id answers a device asking for it: the accepted one before any other.
_RECEIPT_PREFERENCE = {"accepted": 0, "superseded": 1, "duplicate": 2, "rejected": 3}
# Codes of refusals decided before the signer was verified; older databases stored receipts for some of
# them by SHA-256: those rows are not answered (they would answer for bytes an uploader does not own).
UNVERIFIED_CODES = frozenset({"upload_hash", "container", "format_version", "unknown_agency", "signature", "hash",
                              "size", "schema", "bundle", "bundle_id_conflict", "device_revoked", "recipient"})

_agencies, _devices = Agency.__table__, Device.__table__
_bundles, _receipts = StoredBundle.__table__, ReceiptRecord.__table__
_RECEIPT_BY_SHA = select(_receipts.c.envelope, _receipts.c.status, _receipts.c.code, _receipts.c.agency_code
                         ).where(_receipts.c.sha256 == bindparam("sha256"))
_ACCEPTED_UNDER_ID = (select(_bundles.c.sha256).join(_agencies, _agencies.c.id == _bundles.c.agency_id)
                      .where(_agencies.c.code == bindparam("agency"), _bundles.c.bundle_id == bindparam("bundle_id")))
_AGENCY_KEYS = (select(_devices.c.key_id, _devices.c.public_key, _devices.c.revoked_at)
                .join(_agencies, _agencies.c.id == _devices.c.agency_id)
                .where(_agencies.c.code == bindparam("agency"))
                .order_by(_devices.c.revoked_at.is_not(None), _devices.c.id))
_AGENCY_LOCKED = (select(_agencies.c.id, _agencies.c.chain).where(_agencies.c.code == bindparam("agency"))
                  .with_for_update())
_INSERT_BUNDLE, _INSERT_RECEIPT, _INSERT_AUDIT = insert(StoredBundle), insert(ReceiptRecord), insert(AuditEvent)
_ADVANCE_CHAIN = update(Agency).where(Agency.id == bindparam("agency_id")).values(chain=bindparam("new_chain"))


@dataclass(frozen=True)
class StoredReceipt:
    """A receipt already given: its signed bytes, status, refusal code and the agency it was for; ``judged_now``
    when it was not given before but made by this very look-up (a signed document judged again)."""

    envelope: bytes
    status: str
    code: str | None
    agency_code: str | None
    judged_now: bool = False


@dataclass(frozen=True)
class IntakeResult:
    """The receipt for a bundle, its status, and whether this call stored anything new."""

    receipt: bytes
    status: str
    code: str | None
    stored: bool
    verified: bool = True


@dataclass(frozen=True)
class _Decision:
    status: str
    code: str | None
    message_vi: str
    message_en: str
    supersedes: int | None = None


class Intake:
    """Takes bundle files into the store; safe to call from many threads and processes at once."""

    def __init__(self, db: Database, bundles_dir: Path, signing_key: Ed25519PrivateKey, *,
                 recipients: frozenset[str], limits: Limits = DEFAULT_LIMITS,
                 clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._recipients = recipients
        self._bundles_dir = bundles_dir
        self._signing_key = signing_key
        self._limits = limits
        self._clock = clock
        self._documents = DocumentIntake(db, bundles_dir, signing_key, recipients=recipients, clock=clock,
                                         place=_place)

    def receipt_for(self, sha256: str, agency_code: str | None = None) -> StoredReceipt | None:
        """The receipt already given for the bundle with this SHA-256 (for ``agency_code`` when given)."""
        with self._db.reading() as connection:
            record = _receipt(connection, sha256)
        if record is not None and agency_code is not None and record.agency_code != agency_code:
            return None
        if record is not None and record.code == UNTRUSTED:
            # A signed document refused as untrusted before the province added a root: judged again.
            again = self._documents.rejudge(sha256)
            if again is not None:
                return StoredReceipt(again.receipt, again.status, again.code, record.agency_code, judged_now=True)
        return record

    def recheck_documents(self, *, always: bool = False) -> list[tuple[str, str, str | None]]:
        """Judge again every stored document refused as untrusted (``documents recheck``); for each one
        judged, its SHA-256, new status and code."""
        done = []
        for sha256 in self._documents.refused_untrusted():
            again = self._documents.rejudge(sha256, always=always)
            if again is not None:
                done.append((sha256, again.status, again.code))
        return done

    def receipts_by_bundle_id(self, agency_code: str, bundle_ids: list[str]) -> dict[str, bytes]:
        """Receipts of this agency's accepted (or superseded) bundles among ``bundle_ids``."""
        with self._db.reading() as connection:
            rows = connection.execute(select(_receipts.c.bundle_id, _receipts.c.envelope).where(
                _receipts.c.agency_code == agency_code, _receipts.c.bundle_id.in_(bundle_ids),
                _receipts.c.status.in_(("accepted", "superseded"))))
            return {bundle_id: envelope for bundle_id, envelope in rows if bundle_id is not None}

    def receipt_of_bundle(self, agency_code: str, bundle_id: str) -> bytes | None:
        """The receipt given for this agency's bundle ``bundle_id``: an accepted one first, then superseded,
        duplicate, refused; the latest among equals."""
        with self._db.reading() as connection:
            rows = connection.execute(select(_receipts.c.status, _receipts.c.created_at, _receipts.c.envelope).where(
                _receipts.c.agency_code == agency_code, _receipts.c.bundle_id == bundle_id)).all()
        ranked = sorted(rows, key=lambda r: (_RECEIPT_PREFERENCE.get(r.status, 9), -r.created_at))
        return ranked[0].envelope if ranked else None

    def take(self, path: Path, *, source: str, agency_code: str | None = None,
             declared_sha256: str | None = None) -> IntakeResult:
        """Verify the bundle at ``path`` and store it once; ``agency_code`` is the uploader's (network).

        The file at ``path`` is the server's own (an upload, an import's copy) and must not change while
        it is taken: it is hashed once and verified against that hash. It is left in place (the caller
        removes it); the store keeps its own hard link or copy.
        """
        with open(path, "rb") as stream:
            sha256 = _stream_sha256(stream)
            try:
                read = read_frame(stream, self._limits)
                if is_signed_document(read.manifest):
                    done = self._documents.take(path, stream, sha256, read, source=source, agency_code=agency_code,
                                                declared_sha256=declared_sha256, wrong_agency=_wrong_agency)
                    return IntakeResult(done.receipt, done.status, done.code, done.stored, done.verified)
                _check_frame(read, self._limits)
                frame: Frame | None = read
                unreadable: BundleError | None = None
            except BundleError as exc:
                frame, unreadable = None, exc
            manifest = frame.manifest if frame is not None else None
            existing, conflict, signer = self._lookup(sha256, manifest)
            if existing is not None:
                if agency_code is not None and existing.agency_code != agency_code:
                    raise _wrong_agency(existing.agency_code or "?", agency_code)
                return IntakeResult(existing.envelope, existing.status, existing.code, False)
            if declared_sha256 is not None and declared_sha256 != sha256:
                return self._refuse_unverified(sha256, agency_code, manifest, _Decision(
                    "rejected", "upload_hash", "Dữ liệu tải lên khác mã băm đã khai khi bắt đầu tải.",
                    "The uploaded data does not match the SHA-256 declared when the upload began."))
            if frame is None or manifest is None:
                assert unreadable is not None
                return self._refuse_unverified(sha256, agency_code, None, _refusal(unreadable))
            if agency_code is not None and manifest["agency"] != agency_code:
                raise _wrong_agency(manifest["agency"], agency_code)
            if conflict is not None:
                return self._refuse_unverified(sha256, agency_code, manifest, _Decision(
                    "rejected", "bundle_id_conflict",
                    f"Mã gói {manifest['bundle_id']} đã được nhận với nội dung khác ({conflict[:16]}…).",
                    f"Bundle id {manifest['bundle_id']} was already accepted with different content "
                    f"({conflict[:16]}…)."))
            refusal = self._recipient_refusal(manifest)
            if refusal is not None:
                return self._refuse_unverified(sha256, agency_code, manifest, refusal)
            public_key = signer[0] if signer is not None else None
            try:
                verified = verify_bundle(stream, key_for_agency=lambda code: public_key
                                         if code == manifest["agency"] else None, limits=self._limits,
                                         sha256=sha256, frame=frame)
            except BundleError as exc:
                return self._refuse_unverified(sha256, agency_code, manifest, _refusal(exc))
            if signer is not None and signer[1] is not None and _signed_at(manifest) >= signer[1]:
                return self._refuse_unverified(sha256, agency_code, manifest, _revoked_signer(manifest, signer[1]))
        return self._accept(path, sha256, manifest, verified.size, figures(verified.report), source)

    def _accept(self, path: Path, sha256: str, manifest: dict[str, Any], size: int, report: dict[str, Any],
                source: str) -> IntakeResult:
        _place(path, self._bundles_dir / f"{sha256}.bcb")
        now = self._clock()
        try:
            with self._db.connection(durable=True) as connection:
                agency = connection.execute(_AGENCY_LOCKED, {"agency": manifest["agency"]}).first()
                if agency is None:
                    raise ApiError(403, "unknown_agency", "Cơ quan không có trên máy chủ.", "Unknown agency.")
                chain = load_chain(connection, agency.id, agency.chain)
                try:
                    chain.check(manifest, self._limits.max_sequence_gap)
                except BundleError as exc:
                    decision = _refusal(exc)
                    envelope = self._sign(sha256, manifest["agency"], manifest, decision, now)
                    connection.execute(_INSERT_RECEIPT,
                                       _receipt_row(sha256, manifest, manifest["agency"], decision, envelope, now))
                    return IntakeResult(envelope, decision.status, decision.code, True)
                decision = _accepted(manifest)
                envelope = self._sign(sha256, manifest["agency"], manifest, decision, now)
                connection.execute(_ADVANCE_CHAIN, {"agency_id": agency.id, "new_chain": chain.advance(
                    manifest, sha256, device_name(connection, manifest["signer"]), int(now)).to_json()})
                connection.execute(_INSERT_BUNDLE, {
                    "agency_id": agency.id, "bundle_id": manifest["bundle_id"], "sha256": sha256,
                    "period": manifest["period"], "revision": manifest["revision"], "sequence": manifest["sequence"],
                    "size": size, "signed_at": manifest["created_at"], "received_at": int(now), "source": source,
                    "figures": json.dumps(report, ensure_ascii=False)})
                connection.execute(_INSERT_RECEIPT,
                                   _receipt_row(sha256, manifest, manifest["agency"], decision, envelope, now))
                connection.execute(_INSERT_AUDIT, {
                    "at": int(now), "actor": manifest["agency"][:100], "action": "report_receive",
                    "subject": f"{manifest['agency']} {manifest['period']} {manifest['revision']} {source}"[:200],
                    "details": "{}"})
                return IntakeResult(envelope, decision.status, None, True)
        except DbIntegrityError:
            # Another thread or process stored the same bytes since our lookup (the unique SHA-256 of
            # receipts and bundles is the guard): answer with its receipt.
            record = self.receipt_for(sha256)
            if record is None:
                raise
            return IntakeResult(record.envelope, record.status, record.code, False)

    def _refuse_unverified(self, sha256: str, uploader: str | None, manifest: dict[str, Any] | None,
                           decision: _Decision) -> IntakeResult:
        """A signed refusal for the uploader (network) or the operator (import) only; nothing stored."""
        claimed = {key: manifest[key] for key in ("bundle_id", "period", "revision")} if manifest else {}
        envelope = self._sign(sha256, uploader, {**claimed, "agency": uploader}, decision, self._clock())
        return IntakeResult(envelope, decision.status, decision.code, False, verified=False)

    def _recipient_refusal(self, manifest: dict[str, Any]) -> _Decision | None:
        if manifest["recipient"] in self._recipients:
            return None
        return _Decision("rejected", "recipient",
                         f"Gói được gửi cho khoá {manifest['recipient']}, không phải khoá của Sở này.",
                         f"The bundle is addressed to key {manifest['recipient']}, not to this province's keys.")

    def _sign(self, sha256: str, agency_code: str | None, manifest: dict[str, Any] | None, decision: _Decision,
              now: float) -> bytes:
        fields = manifest or {}
        receipt = Receipt(
            bundle_sha256=sha256, bundle_id=fields.get("bundle_id"), agency=fields.get("agency", agency_code),
            period=fields.get("period"), revision=fields.get("revision"),
            received_at=receipt_time(datetime.fromtimestamp(now, UTC)), status=decision.status,
            message_vi=decision.message_vi[:MAX_MESSAGE], message_en=decision.message_en[:MAX_MESSAGE],
            code=decision.code, supersedes=decision.supersedes)
        return make_receipt(receipt, self._signing_key)

    def _lookup(self, sha256: str, manifest: dict[str, Any] | None
                ) -> tuple[StoredReceipt | None, str | None, tuple[bytes, int | None] | None]:
        """In one read: the receipt for these bytes, the file accepted under the same bundle id, the signer.

        The signer is the enrolled key that signed and when it was revoked (None: active), else any
        active key of the agency (so the refusal names the wrong signer rather than an unknown agency).
        """
        with self._db.reading() as connection:
            existing = _receipt(connection, sha256)
            if existing is not None and existing.status == "rejected" and existing.code in UNVERIFIED_CODES:
                existing = None
            if existing is not None or manifest is None:
                return existing, None, None
            names = {"agency": manifest["agency"], "bundle_id": manifest["bundle_id"]}
            conflict = connection.execute(_ACCEPTED_UNDER_ID, names).scalar()
            keys = connection.execute(_AGENCY_KEYS, names).all()
        own = next(((key, revoked) for kid, key, revoked in keys if kid == manifest["signer"]), None)
        if own is None and keys and keys[0][2] is None:
            own = (keys[0][1], None)
        return None, conflict, own


def recipient_ids(keys: ProvinceKeys | ProvincePublicKeys) -> frozenset[str]:
    """The key ids a bundle may name as its ``recipient``: this province's HPKE keys."""
    public = keys.public() if isinstance(keys, ProvinceKeys) else keys
    return frozenset({key_id("x25519", public.x25519), key_id("mlkem768x25519", public.mlkem768x25519)})


def figures(report: ReportSnapshot) -> dict[str, Any]:
    """What consolidation reads from a report: each task's status and each indicator's value and target."""
    return {"tasks": [{"key": t.key, "plan": t.plan, "section": t.section, "title": t.title, "role": t.role,
                       "status": t.status, "percent": t.percent, "not_applicable_reason": t.not_applicable_reason}
                      for t in report.tasks],
            "indicators": [{"key": i.key, "plan": i.plan, "name": i.name, "unit": i.unit, "kind": i.kind,
                            "target_text": i.target_text, "target_value": i.target_value, "value": i.value,
                            "numerator": i.numerator, "denominator": i.denominator, "level": i.level,
                            "not_applicable_reason": i.not_applicable_reason} for i in report.indicators]}


def _receipt(connection: Connection, sha256: str) -> StoredReceipt | None:
    row = connection.execute(_RECEIPT_BY_SHA, {"sha256": sha256}).first()
    return StoredReceipt(*row) if row is not None else None


def _check_frame(frame: Frame, limits: Limits) -> None:
    check_format(frame)
    check_manifest(frame.manifest, limits)


def _accepted(manifest: dict[str, Any]) -> _Decision:
    """The receipt's note names the period as a commune officer reads it («Quý I năm 2027», not «2027Q1»)."""
    period, revision, supersedes = manifest["period"], manifest["revision"], manifest["supersedes"]
    vi, en = period_name(period, "vi"), period_name(period, "en")
    if supersedes is not None:
        return _Decision("accepted", None, f"Đã nhận báo cáo {vi} lần {revision}, thay thế lần {supersedes}.",
                         f"Report for {en} revision {revision} accepted; it supersedes revision {supersedes}.",
                         supersedes)
    return _Decision("accepted", None, f"Đã nhận báo cáo {vi} lần {revision}.",
                     f"Report for {en} revision {revision} accepted.")


def _refusal(exc: BundleError) -> _Decision:
    status = "superseded" if isinstance(exc, OlderRevision) else "rejected"
    return _Decision(status, exc.code, exc.message_vi, exc.message_en)


def _receipt_row(sha256: str, manifest: dict[str, Any] | None, agency_code: str | None, decision: _Decision,
                 envelope: bytes, now: float) -> dict[str, Any]:
    return {"sha256": sha256, "bundle_id": (manifest or {}).get("bundle_id"),
            "agency_code": (manifest or {}).get("agency", agency_code), "status": decision.status,
            "code": decision.code, "envelope": envelope, "created_at": int(now)}


def _signed_at(manifest: dict[str, Any]) -> int:
    """The manifest's ``created_at`` (UTC, ``YYYY-MM-DDTHH:MM:SSZ``) as unix seconds."""
    return int(datetime.strptime(manifest["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


def _revoked_signer(manifest: dict[str, Any], revoked_at: int) -> _Decision:
    when = format_moment(revoked_at)
    return _Decision("rejected", "device_revoked",
                     f"Gói được ký bằng máy {manifest['signer']} sau khi máy này bị thu hồi ({when}).",
                     f"The bundle was signed by device {manifest['signer']} after it was revoked ({when}).")


def _wrong_agency(bundle_agency: str, uploader: str) -> ApiError:
    return ApiError(403, "wrong_agency", f"Gói này là của cơ quan {bundle_agency}, không phải của {uploader}.",
                    f"This bundle belongs to agency {bundle_agency}, not to {uploader}.")


def _stream_sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    while piece := stream.read(HASH_PIECE):
        digest.update(piece)
    return digest.hexdigest()


def _place(source: Path, target: Path) -> None:
    """Keep the bundle's bytes under the store (a hard link when possible), durably, before the row commits."""
    if target.exists():
        return
    temp = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.part")
    try:
        os.link(source, temp)
    except OSError:
        shutil.copyfile(source, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
    os.replace(temp, target)
    _fsync_dir(target.parent)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


