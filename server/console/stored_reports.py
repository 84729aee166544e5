"""The reports the server holds, read back from their stored bundles: revisions, snapshots, evidence, receipts.

A stored bundle is verified again when it is opened (signature with the key that signed it, even if
that device was revoked since, and every hash): a file changed on the server's disk is never shown.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from desktop.domain.periods import Period, vietnam_time
from desktop.domain.report_snapshot import AttachmentRef, ReportSnapshot
from desktop.errors import InputError
from desktop.sync.bundle import VerifiedBundle, verify_bundle
from desktop.sync.bundle_container import DEFAULT_LIMITS, read_frame
from server.db import Database
from server.models import Agency, Device, ReceiptRecord, StoredBundle

_CACHE_SIZE = 256


@dataclass(frozen=True)
class Revision:
    """One accepted revision of an agency's report for a period."""

    revision: int
    sha256: str
    received_at: datetime
    signed_at: str
    source: str
    size: int


def not_found() -> InputError:
    """The refusal for a report, file or agency that is not on the server."""
    return InputError("Không tìm thấy báo cáo hoặc tệp này.", "No such report or file.", code="not_found")


def revisions(db: Database, agency_code: str, period: Period) -> list[Revision]:
    """The accepted revisions of ``agency_code``'s report for ``period``, oldest first."""
    with db.reading() as connection:
        rows = connection.execute(
            select(StoredBundle.revision, StoredBundle.sha256, StoredBundle.received_at, StoredBundle.signed_at,
                   StoredBundle.source, StoredBundle.size)
            .join(Agency, Agency.id == StoredBundle.agency_id)
            .where(Agency.code == agency_code, StoredBundle.period == period.code)
            .order_by(StoredBundle.revision)).all()
    return [Revision(r.revision, r.sha256, vietnam_time(datetime.fromtimestamp(r.received_at, UTC)), r.signed_at,
                     r.source, r.size) for r in rows]


class ReportReader:
    """Opens stored bundles (verified, the latest few snapshots kept in memory)."""

    def __init__(self, db: Database, bundles_dir: Path) -> None:
        self._db = db
        self._dir = bundles_dir
        self._cache: OrderedDict[str, VerifiedBundle] = OrderedDict()
        self._lock = threading.Lock()

    def open(self, sha256: str) -> VerifiedBundle:
        """The verified bundle stored under ``sha256``."""
        with self._lock:
            if sha256 in self._cache:
                self._cache.move_to_end(sha256)
                return self._cache[sha256]
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise not_found()
        path = self._dir / f"{sha256}.bcb"
        if not path.is_file():
            raise not_found()
        with open(path, "rb") as stream:
            signer = read_frame(stream, DEFAULT_LIMITS).manifest.get("signer")
        with self._db.reading() as connection:
            key = connection.execute(select(Device.public_key).where(Device.key_id == signer)).scalar()
        verified = verify_bundle(path, key_for_agency=lambda _code: key)
        with self._lock:
            self._cache[sha256] = verified
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return verified

    def snapshot(self, sha256: str) -> ReportSnapshot:
        """The report of the bundle stored under ``sha256``."""
        return self.open(sha256).report

    def copy_evidence(self, sha256: str, evidence_sha256: str, out: BinaryIO) -> AttachmentRef:
        """Stream one evidence file of the bundle into ``out``; returns how the report names it."""
        verified = self.open(sha256)
        ref = next((a for a in attachments(verified.report) if a.sha256 == evidence_sha256), None)
        if ref is None:
            raise not_found()
        verified.copy_attachment(evidence_sha256, out)
        return ref


def attachments(snapshot: ReportSnapshot) -> list[AttachmentRef]:
    """Every evidence file the report names, once each."""
    seen: dict[str, AttachmentRef] = {}
    for refs in [t.attachments for t in snapshot.tasks] + [i.attachments for i in snapshot.indicators]:
        for ref in refs:
            seen.setdefault(ref.sha256, ref)
    return list(seen.values())


def receipt(db: Database, sha256: str) -> bytes:
    """The signed receipt the server gave for the bundle ``sha256``."""
    with db.reading() as connection:
        envelope = connection.execute(select(ReceiptRecord.envelope).where(ReceiptRecord.sha256 == sha256)).scalar()
    if envelope is None:
        raise not_found()
    return bytes(envelope)
