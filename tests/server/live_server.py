"""A real province server process on 127.0.0.1 for tests, and a device that signs its requests.

``LiveServer.create(tmp)`` runs ``baocao-server init`` and starts ``python -m server.cli serve`` on a free
port; ``kill()`` is a ``kill -9``; ``start()`` again resumes on the same data directory and port.
"""

from __future__ import annotations

import base64
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.device_keys import ProvincePublicKeys, ed25519_public_bytes, key_id
from desktop.sync.request_signing import sign_request
from server.db import Database
from server.enrollment import add_agency, issue_code

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "mật khẩu máy chủ thử"
TUS = {"Tus-Resumable": "1.0.0"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli_env(data_dir: Path, db_url: str | None = None, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {}), "BAOCAO_SERVER_PASSPHRASE": PASSPHRASE,
           "BAOCAO_SERVER_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO), "BAOCAO_LANG": "en"}
    if db_url:
        env["BAOCAO_SERVER_DB"] = db_url
    else:
        env.pop("BAOCAO_SERVER_DB", None)
    return env


def run_cli(data_dir: Path, *args: str, db_url: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """``baocao-server ARGS`` as a subprocess on ``data_dir``."""
    done = subprocess.run([sys.executable, "-m", "server.cli", *args], env=cli_env(data_dir, db_url), cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    if check and done.returncode != 0:
        raise AssertionError(f"baocao-server {' '.join(args)} failed: {done.stderr}")
    return done


@dataclass
class LiveServer:
    """A server process; ``url`` stays the same across restarts."""

    data_dir: Path
    port: int
    db_url: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.data_dir.parent / f"server-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    def create(cls, directory: Path, db_url: str | None = None, env: dict[str, str] | None = None) -> LiveServer:
        """``env``: extra environment of the server process (e.g. a short BAOCAO_SERVER_UPLOAD_TTL_SECONDS)."""
        data_dir = directory / "server-data"
        run_cli(data_dir, "init", db_url=db_url)
        server = cls(data_dir, free_port(), db_url, dict(env or {}))
        server.start()
        return server

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                 "--exit-with-parent"], env=cli_env(self.data_dir, self.db_url, self.env), cwd=REPO,
                stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT)
        # Generous: on a loaded 2-core machine (the suite under -n) importing the server alone can take 30 s.
        deadline = time.monotonic() + 120
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
        self._close_input()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self._close_input()

    def _close_input(self) -> None:
        if self.process is not None and self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return run_cli(self.data_dir, *args, db_url=self.db_url, check=check)

    def issue_code(self, agency: str, replaces: str | None = None) -> str:
        """A new enrollment code for an existing agency, as ``baocao-server enroll-code`` prints it."""
        extra = ("--replaces", replaces) if replaces else ()
        return self.cli("enroll-code", agency, *extra).stdout.strip()

    def add_agency(self, code: str, name: str = "UBND xã thử") -> str:
        """Register ``code`` and return a fresh enrollment code for it (what the CLI does, in-process)."""
        db = Database(self.db_url or f"sqlite:///{self.data_dir / 'server.sqlite3'}")
        try:
            add_agency(db, code, name, parent_name="TỈNH ĐỒNG THÁP")
            return issue_code(db, code)
        finally:
            db.dispose()


@dataclass
class Device:
    """An enrolled device: signs every request with its key."""

    base_url: str
    key: Ed25519PrivateKey
    agency: str = ""
    province: ProvincePublicKeys | None = None
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))

    @property
    def recipient(self) -> str:
        """The province's X25519 recipient key id, as a bundle made on this device names it."""
        assert self.province is not None, "enroll first"
        return key_id("x25519", self.province.x25519)

    def enroll(self, code: str, name: str = "Máy kế toán") -> httpx.Response:
        body = {"code": code, "device_public_key": base64.b64encode(ed25519_public_bytes(self.key)).decode(),
                "device_name": name}
        response = self.client.post(f"{self.base_url}/v1/enroll", json=body)
        if response.status_code == 200:
            self.agency = response.json()["agency"]["code"]
            self.province = ProvincePublicKeys.from_dict(response.json()["province"])
        return response

    def request(self, method: str, target: str, body: bytes = b"", headers: dict[str, str] | None = None,
                sign_body: bytes | None = None, now: float | None = None) -> httpx.Response:
        all_headers = {**TUS, **(headers or {})}
        signed = sign_request(self.key, method, target, body if sign_body is None else sign_body, now=now,
                              headers=all_headers)
        return self.client.request(method, f"{self.base_url}{target}", content=body,
                                   headers={**all_headers, **signed})

    def create_upload(self, bundle: bytes, bundle_id: str) -> httpx.Response:
        meta = (f"bundle_id {base64.b64encode(bundle_id.encode()).decode()},"
                f"sha256 {base64.b64encode(hashlib.sha256(bundle).hexdigest().encode()).decode()}")
        return self.request("POST", "/v1/uploads", headers={"Upload-Length": str(len(bundle)),
                                                            "Upload-Metadata": meta})

    def patch(self, location: str, offset: int, chunk: bytes) -> httpx.Response:
        checksum = base64.b64encode(hashlib.sha256(chunk).digest()).decode()
        return self.request("PATCH", location, chunk, headers={
            "Upload-Offset": str(offset), "Upload-Checksum": f"sha256 {checksum}",
            "Content-Type": "application/offset+octet-stream"})

    def offset(self, location: str) -> int:
        response = self.request("HEAD", location)
        assert response.status_code == 200, response.status_code
        return int(response.headers["Upload-Offset"])

    def commit(self, location: str) -> httpx.Response:
        return self.request("POST", f"{location}/commit")

    def push(self, bundle: bytes, bundle_id: str, chunk: int = 64 * 1024) -> httpx.Response:
        """Create (or resume) the upload, send what the server lacks, commit; the commit's answer."""
        created = self.create_upload(bundle, bundle_id)
        if created.status_code in (200, 422):  # already received: its receipt
            return created
        assert created.status_code == 201, created.text
        location = created.headers["Location"]
        offset = int(created.headers["Upload-Offset"])
        while offset < len(bundle):
            sent = self.patch(location, offset, bundle[offset:offset + chunk])
            assert sent.status_code == 204, sent.text
            offset = int(sent.headers["Upload-Offset"])
        return self.commit(location)
