"""TLS to the province: verified against a custom CA file when one is configured, refused otherwise."""

from __future__ import annotations

import datetime
import ipaddress
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.sync.device_keys import generate_device_key
from desktop.sync.retry_policy import RetryPolicy
from desktop.sync.sync_client import ProvinceClient
from desktop.sync.sync_errors import RejectedError, TransientError
from tests.server.live_server import PASSPHRASE, REPO, free_port

SERVE = """
import sys, uvicorn
from server.app import create_app
from server.config import Settings
from server.keys import load_keys
settings = Settings.from_env()
uvicorn.run(create_app(settings, load_keys(settings.keys_path, sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]),
            ssl_certfile=sys.argv[3], ssl_keyfile=sys.argv[4], log_level="warning")
"""


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _write_pki(folder: Path) -> tuple[Path, Path, Path]:
    """A CA of "Sở KH&CN (thử)" and a certificate for 127.0.0.1 signed by it."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("So KHCN test CA")).issuer_name(_name("So KHCN test CA"))
          .public_key(ca_key.public_key()).serial_number(1).not_valid_before(now)
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(2).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False).sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    ca, cert, key = _write_pki(tmp_path)
    env = {**os.environ, "BAOCAO_SERVER_PASSPHRASE": PASSPHRASE, "BAOCAO_SERVER_DATA_DIR": str(tmp_path / "srv"),
           "PYTHONPATH": str(REPO)}
    env.pop("BAOCAO_SERVER_DB", None)
    subprocess.run([sys.executable, "-m", "server.cli", "init"], env=env, check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVE, PASSPHRASE, str(port), str(cert), str(key)], env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with ProvinceClient(f"https://127.0.0.1:{port}", ca_file=str(ca)) as client:
                    client._http.get(f"https://127.0.0.1:{port}/v1/health")
                break
            except Exception:
                time.sleep(0.1)
        yield f"https://127.0.0.1:{port}", ca
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_custom_ca_is_honoured_and_unknown_certificates_refused(tls_server: tuple[str, Path]) -> None:
    url, ca = tls_server
    quick = RetryPolicy(max_attempts=2, base=0.01, cap=0.05)
    key = generate_device_key()
    with ProvinceClient(url, ca_file=str(ca), policy=quick, device_key=key) as client, \
            pytest.raises(RejectedError) as refused:
        client.enroll("MA-SAI-0000", "máy thử")
    assert refused.value.status == 403  # TLS worked: the server itself answered about the wrong code
    with ProvinceClient(url, policy=quick, device_key=key) as client, pytest.raises(TransientError) as untrusted:
        client.enroll("MA-SAI-0000", "máy thử")
    assert untrusted.value.code == "tls" and "chứng chỉ" in untrusted.value.message_vi
