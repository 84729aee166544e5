"""The commands a văn thư types, against a real store and a real SoftHSM2 token: ``trust add/list/remove``,
``pdf images``, ``report pdf --sign``, ``pdf sign --as agency``, ``pdf verify``.

The signing with the token and the verify without a store run as child processes, as a user runs them
(the PIN from the environment, the PKCS#11 library loaded by a fresh program); the refusals and the trust
commands run in this process (``run_cli_in_process``: the same ``main``, seconds less each)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.signing.trust import fingerprint
from tests.conftest import PASSPHRASE, run_cli, run_cli_in_process
from tests.services.conftest import demo_template  # noqa: F401 - the fixture, shared
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, SIGNER_TOKEN, Pki


def _env(data: Path, **extra: str) -> dict[str, str]:
    return {"BAOCAO_DATA_DIR": str(data), "BAOCAO_PASSPHRASE": PASSPHRASE, "BAOCAO_TOKEN_PIN": softhsm.PIN,
            **extra}


@pytest.mark.slow(seconds=10)
def test_sign_as_signer_then_agency_and_verify(pki: Pki, demo_template: Path, tmp_path: Path) -> None:  # noqa: F811
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    env = _env(data)
    out = tmp_path / "ky" / "bao-cao.pdf"
    token = ["--pkcs11-lib", softhsm.LIBRARY, "--token", SIGNER_TOKEN]
    sign_report = ["report", "pdf", "--period", "2026Q3", "--out", str(out), "--sign", "signer", *token]

    no_image = run_cli_in_process(*sign_report, env=env | {"BAOCAO_LANG": "en"})
    assert no_image.returncode == 2 and "No signature image chosen" in no_image.stderr, no_image.stderr
    images = run_cli_in_process("pdf", "images", "--signature", str(pki.folder / "chu-ky.png"), "--seal",
                     str(pki.folder / "con-dau.png"), env=env)
    assert images.returncode == 0 and "Ảnh chữ ký: có; ảnh con dấu: có." in images.stdout, images.stderr
    png_base64 = "iVBORw0KGgo"
    assert not any(png_base64.encode() in f.read_bytes() or b"\x89PNG" in f.read_bytes()
                   for f in data.rglob("*") if f.is_file()), "the images are kept encrypted"

    refused = run_cli_in_process(*sign_report, env=env)
    assert refused.returncode == 4 and "Chưa có chứng thư gốc tin cậy" in refused.stderr, refused.stderr
    assert list(out.parent.iterdir()) == [], "a refusal leaves nothing, not even a temp file"

    added = run_cli_in_process("trust", "add", str(pki.ca_pem), env=env)
    assert added.returncode == 0 and "Đã tin cậy: " in added.stdout, added.stderr
    ca_print = fingerprint(__import__("asn1crypto.x509", fromlist=["x509"]).Certificate.load(pki.ca.cert_der()))
    listed = run_cli_in_process("trust", "list", env=env)
    assert ca_print in listed.stdout and "cục bộ" in listed.stdout

    wrong = run_cli_in_process(*sign_report, env=env | {"BAOCAO_TOKEN_PIN": "111111"})
    assert wrong.returncode == 4 and "Mã PIN không đúng" in wrong.stderr and not out.exists()
    unplugged = run_cli_in_process(*sign_report[:-1], "KHONG-CO", env=env)
    assert unplugged.returncode == 4 and "cắm token" in unplugged.stderr and not out.exists(), unplugged.stderr
    no_driver = [*sign_report[:-4], "--pkcs11-lib", str(tmp_path / "eTPKCS11.dll")]
    missing = run_cli_in_process(*no_driver, env=env | {"BAOCAO_LANG": "en"})
    assert missing.returncode == 4 and "eTPKCS11.dll" in missing.stderr and not out.exists(), missing.stderr

    signed = run_cli(*sign_report, env=env)
    assert signed.returncode == 0 and "Đã ký số" in signed.stdout and "Nguyễn Văn An" in signed.stdout, signed.stderr
    final = tmp_path / "ky" / "bao-cao-co-quan.pdf"
    agency = run_cli_in_process("pdf", "sign", str(out), "--as", "agency", "--out", str(final), "--pkcs11-lib",
                     softhsm.LIBRARY, "--token", AGENCY_TOKEN, env=env)
    assert agency.returncode == 0, agency.stderr

    verified = run_cli_in_process("pdf", "verify", str(final), env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.stdout.count("=> HỢP LỆ") == 2 and "Nguyễn Văn An" in verified.stdout
    assert "UBND xã Thử Nghiệm" in verified.stdout and "Tổ chức cấp: CA thu nghiem" in verified.stdout

    altered = tmp_path / "sua.pdf"
    data_bytes = bytearray(final.read_bytes())
    data_bytes[data_bytes.index(b"stream", len(data_bytes) // 4) + 40] ^= 0x01
    altered.write_bytes(bytes(data_bytes))
    caught = run_cli_in_process("pdf", "verify", str(altered), env=env | {"BAOCAO_LANG": "en"})
    assert caught.returncode == 1 and "ALTERED after signing" in caught.stdout, caught.stdout + caught.stderr

    removed = run_cli_in_process("trust", "remove", ca_print[:12], env=env)
    assert removed.returncode == 0, removed.stderr
    untrusted = run_cli_in_process("pdf", "verify", str(final), env=env)
    assert untrusted.returncode == 1 and "KHÔNG thuộc gốc tin cậy" in untrusted.stdout
    with_roots = run_cli("pdf", "verify", str(final), "--no-store", "--roots", str(pki.ca_pem), env={})
    assert with_roots.returncode == 0, with_roots.stdout + with_roots.stderr
