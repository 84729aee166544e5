"""A real province server process on 127.0.0.1, driven through its admin CLI, and bundles to send it.

``Province.create(tmp)`` runs ``baocao-server init`` and ``serve`` on a free port; ``enroll(agency)``
registers an agency (``agency add``), issues a one-time code (``enroll-code``) and enrolls a fresh device
key with the real ``ProvinceClient``. ``kill()`` is a ``kill -9``; ``start()`` resumes on the same data.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.domain.report_snapshot import AttachmentRef, ReportSnapshot
from desktop.sync.bundle import BundleFile, make_bundle, report_json
from desktop.sync.device_keys import ProvincePublicKeys, generate_device_key
from desktop.sync.retry_policy import RetryPolicy
from desktop.sync.sync_client import ProvinceClient
from server.db import Database
from server.enrollment import add_agency, issue_code
from tests.server.live_server import LiveServer, free_port, run_cli
from tests.sync.report_factory import AGENCY, make_snapshot

FAST = RetryPolicy(max_attempts=8, base=0.05, cap=2.0, stall_timeout=10.0)


@dataclass
class Province(LiveServer):
    """The server of tests/server/live_server.py, with enrollment through the real ``ProvinceClient``."""

    province: ProvincePublicKeys | None = None

    @classmethod
    def create(cls, directory: Path, db_url: str | None = None) -> Province:
        data_dir = directory / "server-data"
        run_cli(data_dir, "init", db_url=db_url)
        server = cls(data_dir, free_port(), db_url)
        server.start()
        return server

    def admin(self, *args: str) -> str:
        """``baocao-server ARGS``; its standard output."""
        return self.cli(*args).stdout

    def enrollment_code(self, agency: str, *, via_cli: bool = False) -> str:
        """Register ``agency`` and issue its one-time code, with the admin CLI or (faster) its functions."""
        if via_cli:
            self.admin("agency", "add", agency, f"UBND xã {agency}", "--parent", "TỈNH ĐỒNG THÁP")
            return self.admin("enroll-code", agency).strip().splitlines()[-1].strip()
        db = Database(f"sqlite:///{self.data_dir / 'server.sqlite3'}")
        try:
            add_agency(db, agency, f"UBND xã {agency}", parent_name="TỈNH ĐỒNG THÁP")
            return issue_code(db, agency)
        finally:
            db.dispose()

    def enroll(self, agency: str, *, url: str | None = None, policy: RetryPolicy = FAST,
               via_cli: bool = False) -> Device:
        """A new device enrolled for ``agency``; its client talks to ``url`` (e.g. a proxy) or the server."""
        key = generate_device_key()
        with ProvinceClient(self.url, device_key=key, policy=policy) as client:
            enrollment = client.enroll(self.enrollment_code(agency, via_cli=via_cli), "Máy văn phòng")
        self.province = enrollment.province
        return Device(agency, key, enrollment.province, url or self.url, policy)


@dataclass
class Device:
    """An enrolled device: its key, the pinned province keys, and the chain of bundles it signed."""

    agency: str
    key: Ed25519PrivateKey
    province: ProvincePublicKeys
    url: str
    policy: RetryPolicy
    sequence: int = 0
    last_hash: str | None = None

    def client(self, url: str | None = None, policy: RetryPolicy | None = None) -> ProvinceClient:
        return ProvinceClient(url or self.url, device_key=self.key, province=self.province,
                              policy=policy or self.policy)

    def bundle(self, *, revision: int = 1, evidence: bytes | None = None, tasks: int = 3,
               edit: Callable[[ReportSnapshot], ReportSnapshot] = lambda s: s) -> tuple[str, bytes]:
        """The next bundle in this device's chain: ``(bundle_id, bytes)``; ``edit`` changes its report."""
        refs: tuple[AttachmentRef, ...] = ()
        files = []
        if evidence is not None:
            sha = hashlib.sha256(evidence).hexdigest()
            refs = (AttachmentRef(name="bien-ban-nghiem-thu.pdf", sha256=sha, size=len(evidence),
                                  media_type="application/pdf"),)
            files = [BundleFile(sha, len(evidence), "application/pdf", io.BytesIO(evidence))]
        snapshot = make_snapshot(tasks, 2, revision=revision, supersedes=revision - 1 if revision > 1 else None,
                                 attachments=refs, agency=replace(AGENCY, code=self.agency))
        snapshot = edit(snapshot)
        self.sequence += 1
        bundle_id = f"{self.agency}-{snapshot.period.code}-r{revision}"
        data = make_bundle(report_json(snapshot), files, agency_code=self.agency, period=snapshot.period.code,
                           revision=revision, supersedes=snapshot.supersedes, sequence=self.sequence,
                           previous_hash=self.last_hash, created_at=datetime(2026, 11, 28, 8, 30, tzinfo=UTC),
                           recipient_key_id=self.province.recipient()[0], bundle_id=bundle_id, signing_key=self.key)
        self.last_hash = hashlib.sha256(data).hexdigest()
        return bundle_id, data
