"""One SoftHSM2 folder for the whole session (the PKCS#11 library reads its configuration once per process),
with five tokens: the signer's, the agency's, one with an expired certificate, one from an unknown CA, and a
signer whose certificate names the test CA's CRL server on 127.0.0.1 (for PAdES B-LT)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.signing import softhsm
from tests.signing.crl import CrlServer
from tests.signing.pki import Issued, make_ca, make_leaf, seal_png, signature_png
from tests.sync.report_factory import make_snapshot

SIGNER_TOKEN = "NGUOI-KY"
AGENCY_TOKEN = "CO-QUAN"
EXPIRED_TOKEN = "HET-HAN"
FOREIGN_TOKEN = "NGOAI-GOC"
LT_TOKEN = "KY-LT"


@dataclass(frozen=True)
class Pki:
    """The test CA, its certificates, the tokens holding them and the ND 30 images."""

    folder: Path
    ca: Issued
    signer: Issued
    agency: Issued
    tsa: Issued
    foreign_ca: Issued
    signature_image: bytes
    seal_image: bytes
    crl: CrlServer
    lt_signer: Issued

    @property
    def ca_pem(self) -> Path:
        return self.folder / "ca.pem"


_built: list[Pki] = []


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """The test PKI and its tokens, made once per process even when other test folders import this fixture:
    the PKCS#11 library reads SOFTHSM2_CONF only once, so a second token folder would never be seen."""
    if not softhsm.available():
        pytest.skip("SoftHSM2 / pkcs11-tool not installed (scripts/install-system-deps.sh installs them)")
    if not _built:
        _built.append(_build(tmp_path_factory.mktemp("pki")))
    return _built[0]


def _build(folder: Path) -> Pki:
    softhsm.configure(folder)
    ca = make_ca("CA thu nghiem chuyen dung Chinh phu")
    foreign = make_ca("CA la")
    # The CRL server runs for the whole session: the B-LT signer's certificate names its address, and the
    # token holding it must exist before the PKCS#11 library is first loaded.
    crl = CrlServer(ca)
    built = Pki(folder, ca, make_leaf(ca, "Nguyễn Văn An"), make_leaf(ca, "UBND xã Thử Nghiệm"),
                make_leaf(ca, "TSA thu nghiem", timestamping=True), foreign,
                signature_png(folder / "chu-ky.png"), seal_png(folder / "con-dau.png"), crl,
                make_leaf(ca, "Trần Thị Bình", crl_url=crl.url))
    built.ca_pem.write_bytes(ca.cert_pem())
    softhsm.add_token(folder, SIGNER_TOKEN, built.signer, "Nguyen Van An")
    softhsm.add_token(folder, AGENCY_TOKEN, built.agency, "UBND xa Thu Nghiem")
    softhsm.add_token(folder, EXPIRED_TOKEN, make_leaf(ca, "Hết Hạn", days_from=-400, days_to=-2), "Het Han")
    softhsm.add_token(folder, FOREIGN_TOKEN, make_leaf(foreign, "Người Lạ"), "Nguoi La")
    softhsm.add_token(folder, LT_TOKEN, built.lt_signer, "Tran Thi Binh")
    return built


@pytest.fixture(scope="session")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report PDF as the app writes it (13 pages), with its signature room."""
    from desktop.documents.report_pdf import write_report_pdf

    out = tmp_path_factory.mktemp("report") / "bao-cao.pdf"
    return write_report_pdf(make_snapshot(tasks=70, indicators=30), out)


@pytest.fixture
def nss_db(pki: Pki, tmp_path: Path) -> str:
    """An NSS database trusting the test CA, for poppler's pdfsig (``-nssdir``)."""
    import shutil
    import subprocess

    if shutil.which("certutil") is None:
        pytest.skip("certutil (libnss3-tools) not installed")
    folder = tmp_path / "nss"
    folder.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-n", "test-ca", "-t", "CT,C,C", "-i", str(pki.ca_pem), "-d", f"sql:{folder}"],
                   check=True, capture_output=True)
    return f"sql:{folder}"
