"""A real province server process on 127.0.0.1, driven through its admin CLI, and bundles to send it.

``Province.create(tmp)`` runs ``baocao-server init`` and ``serve`` on a free port; ``enroll(agency)``
registers an agency (``agency add``), issues a one-time code (``enroll-code``) and enrolls a fresh device
key with the real ``ProvinceClient``. ``kill()`` is a ``kill -9``; ``start()`` resumes on the same data.
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.domain.report_snapshot import AttachmentRef
from desktop.sync.bundle import BundleFile, make_bundle, report_json
from desktop.sync.device_keys import ProvincePublicKeys, generate_device_key
from desktop.sync.retry_policy import RetryPolicy
from desktop.sync.sync_client import ProvinceClient
from server.db import Database
from server.enrollment import add_agency, issue_code
from tests.sync.report_factory import AGENCY, make_snapshot

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "mật khẩu máy chủ thử nghiệm"
FAST = RetryPolicy(max_attempts=8, base=0.05, cap=2.0, stall_timeout=10.0)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "BAOCAO_SERVER_PASSPHRASE": PASSPHRASE, "BAOCAO_SERVER_DATA_DIR": str(data_dir),
           "PYTHONPATH": str(REPO), "BAOCAO_LANG": "en"}
    env.pop("BAOCAO_SERVER_DB", None)
    return env


@dataclass
class Province:
    """One server process and its data directory; the URL stays the same across restarts."""

    data_dir: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    province: ProvincePublicKeys | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.data_dir.parent / f"server-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    def create(cls, directory: Path) -> Province:
        server = cls(directory / "server-data", free_port())
        server.cli("init")
        server.start()
        return server

    def cli(self, *args: str) -> str:
        """``baocao-server ARGS``; its standard output."""
        done = subprocess.run([sys.executable, "-m", "server.cli", *args], env=_env(self.data_dir), cwd=REPO,
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise AssertionError(f"baocao-server {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=_env(self.data_dir), cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError("server did not start")

    def kill(self) -> None:
        """``kill -9``: no chance to flush or clean up."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def enrollment_code(self, agency: str, *, via_cli: bool = False) -> str:
        """Register ``agency`` and issue its one-time code, with the admin CLI or (faster) its functions."""
        if via_cli:
            self.cli("agency", "add", agency, f"UBND xã {agency}", "--parent", "TỈNH ĐỒNG THÁP")
            return self.cli("enroll-code", agency).strip().splitlines()[-1].strip()
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

    def bundle(self, *, revision: int = 1, evidence: bytes | None = None, tasks: int = 3) -> tuple[str, bytes]:
        """The next bundle in this device's chain: ``(bundle_id, bytes)``."""
        refs: tuple[AttachmentRef, ...] = ()
        files = []
        if evidence is not None:
            sha = hashlib.sha256(evidence).hexdigest()
            refs = (AttachmentRef(name="bien-ban-nghiem-thu.pdf", sha256=sha, size=len(evidence),
                                  media_type="application/pdf"),)
            files = [BundleFile(sha, len(evidence), "application/pdf", io.BytesIO(evidence))]
        snapshot = make_snapshot(tasks, 2, revision=revision, supersedes=revision - 1 if revision > 1 else None,
                                 attachments=refs, agency=replace(AGENCY, code=self.agency))
        self.sequence += 1
        bundle_id = f"{self.agency}-{snapshot.period.code}-r{revision}"
        data = make_bundle(report_json(snapshot), files, agency_code=self.agency, period=snapshot.period.code,
                           revision=revision, supersedes=snapshot.supersedes, sequence=self.sequence,
                           previous_hash=self.last_hash, created_at=datetime(2026, 11, 28, 8, 30, tzinfo=UTC),
                           recipient_key_id=self.province.recipient()[0], bundle_id=bundle_id, signing_key=self.key)
        self.last_hash = hashlib.sha256(data).hexdigest()
        return bundle_id, data
