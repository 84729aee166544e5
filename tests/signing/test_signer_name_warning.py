"""The warning that the report prints another signer's name than the certificate's holder, on the command
line as in the window (the same service): on stderr, in Vietnamese or English, for a token and for a
PKCS#12 file; the signature is made all the same, and the agency's signature never warns.

The demo's agency profile prints «Nguyễn Văn Bình»; the test signer's certificate is «Nguyễn Văn An»'s."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import PASSPHRASE, run_cli_in_process
from tests.services.conftest import demo_template  # noqa: F401 - the fixture, shared
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, SIGNER_TOKEN, Pki

VI = ("Cảnh báo: báo cáo in tên người ký «Nguyễn Văn Bình» (thông tin cơ quan), nhưng chứng thư là của "
      "«Nguyễn Văn An»")
EN = ("Warning: the report prints «Nguyễn Văn Bình» as its signer (agency details), but the certificate is "
      "«Nguyễn Văn An»'s")


def _ready_store(pki: Pki, template: Path, folder: Path) -> dict[str, str]:
    data = folder / "data"
    shutil.copytree(template, data)
    env = {"BAOCAO_DATA_DIR": str(data), "BAOCAO_PASSPHRASE": PASSPHRASE, "BAOCAO_TOKEN_PIN": softhsm.PIN}
    for args in (("pdf", "images", "--signature", str(pki.folder / "chu-ky.png"), "--seal",
                  str(pki.folder / "con-dau.png")), ("trust", "add", str(pki.ca_pem))):
        done = run_cli_in_process(*args, env=env)
        assert done.returncode == 0, done.stderr
    return env


def test_report_pdf_sign_and_pdf_sign_warn_on_stderr(pki: Pki, demo_template: Path,  # noqa: F811
                                                     tmp_path: Path) -> None:
    env = _ready_store(pki, demo_template, tmp_path)
    signed = tmp_path / "bao-cao-da-ky.pdf"
    by_token = run_cli_in_process("report", "pdf", "--period", "2026Q3", "--out", str(signed), "--sign", "signer",
                                  "--pkcs11-lib", softhsm.LIBRARY, "--token", SIGNER_TOKEN, env=env)
    assert by_token.returncode == 0 and signed.exists(), by_token.stderr
    assert VI in by_token.stderr and VI not in by_token.stdout, by_token.stderr

    agency = run_cli_in_process("pdf", "sign", str(signed), "--as", "agency", "--out", str(tmp_path / "cq.pdf"),
                                "--pkcs11-lib", softhsm.LIBRARY, "--token", AGENCY_TOKEN, env=env)
    assert agency.returncode == 0 and "Cảnh báo" not in agency.stderr, agency.stderr

    plain = tmp_path / "bao-cao.pdf"
    assert run_cli_in_process("report", "pdf", "--period", "2026Q3", "--out", str(plain), env=env).returncode == 0
    p12 = tmp_path / "ky.p12"
    p12.write_bytes(pki.signer.p12("mật khẩu p12", [pki.ca.cert]))
    by_file = run_cli_in_process("pdf", "sign", str(plain), "--as", "signer", "--out", str(tmp_path / "p12.pdf"),
                                 "--p12", str(p12), env=env | {"BAOCAO_TOKEN_PIN": "mật khẩu p12", "LANG": "en"})
    assert by_file.returncode == 0 and (tmp_path / "p12.pdf").exists(), by_file.stderr
    assert EN in by_file.stderr, by_file.stderr
