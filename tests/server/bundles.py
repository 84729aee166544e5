"""Signed bundles of any agency for server tests (the real format: desktop.sync.bundle.make_bundle)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.domain.report_snapshot import AttachmentRef
from desktop.sync.bundle import BundleFile, make_bundle, report_json
from tests.sync.report_factory import AGENCY, make_snapshot

RECIPIENT = "x25519:00112233445566ff"


@dataclass(frozen=True)
class Built:
    """A bundle's bytes, id and SHA-256."""

    data: bytes
    bundle_id: str
    sha256: str


def agency_bundle(key: Ed25519PrivateKey, agency: str, *, revision: int = 1, supersedes: int | None = None,
                  sequence: int = 1, previous_hash: str | None = None, evidence: bytes | None = None,
                  tasks: int = 3, period: str = "2026Q4", bundle_id: str | None = None,
                  recipient: str = RECIPIENT, created_at: datetime = datetime(2026, 11, 28, 8, 30, tzinfo=UTC)
                  ) -> Built:
    """A report bundle of ``agency`` signed with ``key``; ``evidence`` becomes an attachment."""
    refs: tuple[AttachmentRef, ...] = ()
    files = []
    if evidence is not None:
        sha = hashlib.sha256(evidence).hexdigest()
        refs = (AttachmentRef(name="minh-chung.pdf", sha256=sha, size=len(evidence), media_type="application/pdf"),)
        files = [BundleFile(sha, len(evidence), "application/pdf", io.BytesIO(evidence))]
    snapshot = make_snapshot(tasks, 2, revision=revision, supersedes=supersedes, attachments=refs,
                             agency=replace(AGENCY, code=agency))
    assert snapshot.period.code == period
    bid = bundle_id or f"{agency}-{period}-r{revision}"
    data = make_bundle(report_json(snapshot), files, agency_code=agency, period=period, revision=revision,
                       supersedes=supersedes, sequence=sequence, previous_hash=previous_hash,
                       created_at=created_at, recipient_key_id=recipient,
                       bundle_id=bid, signing_key=key)
    return Built(data, bid, hashlib.sha256(data).hexdigest())
