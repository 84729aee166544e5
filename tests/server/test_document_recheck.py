"""A signed document the province refused because its certificate did not chain to a trusted root is
judged again once the province trusts that root: when the same bytes are offered again (a re-send) or by
``baocao-server documents recheck``. The same bytes stay one record, and an accepted one is never judged
again. In-process over a real SQLite store, PDFs signed on real SoftHSM2 tokens."""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import pem
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from desktop.domain.periods import Period
from desktop.signing.pades import Role
from desktop.sync.bundle import make_bundle, report_json
from desktop.sync.device_keys import ed25519_public_bytes
from desktop.sync.receipt import verify_receipt
from server import cli
from server.app import create_app
from server.config import Settings
from server.enrollment import add_agency, enroll, issue_code
from server.keys import create_keys
from server.models import ReceiptRecord, SignedDocument
from server.summary import load_reports
from server.summary_data import SIGNED_PARTLY
from server.trust_roots import add_roots
from tests.conftest import FAST_KDF
from tests.server.test_signed_documents import AGENCY, Province, _signed
from tests.signing.conftest import FOREIGN_TOKEN, SIGNER_TOKEN, Pki, pki  # noqa: F401 - fixture
from tests.sync.report_factory import make_snapshot

PASSPHRASE = "mật khẩu máy chủ thử"


@pytest.fixture
def province(tmp_path: Path, pki: Pki) -> Iterator[Province]:  # noqa: F811
    """A province whose keys are on disk (the CLI opens them), one agency, the test CA trusted, one bundle."""
    settings = Settings.from_env(tmp_path / "server")
    settings.ensure_dirs()
    keys = create_keys(settings.keys_path, PASSPHRASE, FAST_KDF)
    app = create_app(settings, keys)
    db = app.state.baocao.db
    add_agency(db, AGENCY, "UBND xã Tân Hòa")
    device = Ed25519PrivateKey.generate()
    enroll(db, issue_code(db, AGENCY), base64.b64encode(ed25519_public_bytes(device)).decode(), "Máy 1",
           now=time.time())
    add_roots(db, pki.ca_pem)
    bundle = make_bundle(report_json(make_snapshot(3, 2)), agency_code=AGENCY, period="2026Q4", revision=1,
                         supersedes=None, sequence=1, previous_hash=None,
                         created_at=datetime.now(UTC).replace(microsecond=0),
                         recipient_key_id=keys.public().recipient()[0], bundle_id="XA-TANHOA-2026Q4-r1",
                         signing_key=device)
    yield Province(settings, keys, app.state.baocao.intake, device, bundle, tmp_path)
    db.dispose()


def _refused(province: Province, pki: Pki, tmp_path: Path) -> tuple[bytes, str]:  # noqa: F811
    """A follow-up signed with the foreign CA's certificate, refused as untrusted; its bytes and SHA-256."""
    assert province.take(province.bundle)[0].status == "accepted"
    stranger = _signed(pki, tmp_path / "ky", province.bundle_sha256, (Role.SIGNER, FOREIGN_TOKEN))
    document = province.follow_up(stranger)
    refused, receipt = province.take(document)
    assert (refused.status, refused.code, receipt.document["verdict"]) == (
        "rejected", "document_untrusted", "untrusted")
    return document, hashlib.sha256(document).hexdigest()


def _trust_foreign_ca(province: Province, pki: Pki) -> None:  # noqa: F811
    path = province.folder / "ca-la.pem"
    path.write_bytes(pem.armor("CERTIFICATE", pki.foreign_ca.cert_der()))
    add_roots(province.intake._db, path)


def _records(province: Province, sha256: str) -> tuple[int, int]:
    with province.intake._db.reading() as connection:
        return (connection.execute(select(func.count()).where(SignedDocument.sha256 == sha256)).scalar_one(),
                connection.execute(select(func.count()).where(ReceiptRecord.sha256 == sha256)).scalar_one())


def test_a_re_sent_refusal_is_judged_again_after_the_root_is_added_and_stays_one_record(
        province: Province, pki: Pki, tmp_path: Path) -> None:  # noqa: F811
    document, sha256 = _refused(province, pki, tmp_path)
    first = province.intake.receipt_for(sha256, AGENCY)
    assert first is not None and first.status == "rejected", "no new root: the refusal stands"
    assert province.take(document)[0].receipt == first.envelope

    _trust_foreign_ca(province, pki)
    # The re-send asks for the upload again: the answer at creation is the new judgement, no bytes needed.
    again = province.intake.receipt_for(sha256, AGENCY)
    assert again is not None and again.status == "accepted"
    receipt = verify_receipt(again.envelope, ed25519_public_bytes(province.keys.signing))
    assert receipt.document["verdict"] == "valid" and receipt.bundle_sha256 == sha256
    assert receipt.document["signatures"][0]["trusted"] is True

    replay, _ = province.take(document)
    assert (replay.status, replay.stored, replay.receipt) == ("accepted", False, again.envelope), \
        "an accepted document is answered as is, never judged or stored again"
    assert _records(province, sha256) == (1, 1), "the same bytes never make a second record"
    assert province.intake.receipts_by_bundle_id(AGENCY, [receipt.bundle_id]) == {receipt.bundle_id: again.envelope}
    [report] = load_reports(province.intake._db, Period.parse("2026Q4"))
    assert report.signed == SIGNED_PARTLY, "the summary counts the signer's signature now recognised"


def test_a_second_offer_after_the_re_judgement_is_not_judged_again(
        province: Province, pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    document, _sha256 = _refused(province, pki, tmp_path)
    _trust_foreign_ca(province, pki)
    assert province.take(document)[0].status == "accepted"
    judged: list[str] = []
    monkeypatch.setattr("server.document_intake.judge", lambda *_a: judged.append("again"))
    assert province.take(document)[0].status == "accepted"
    assert province.intake.recheck_documents() == [] and judged == []


def test_documents_recheck_judges_the_refused_documents_again(
        province: Province, pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture[str]) -> None:
    _document, sha256 = _refused(province, pki, tmp_path)
    monkeypatch.setenv("BAOCAO_SERVER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("BAOCAO_LANG", "vi")
    data_dir = str(province.settings.data_dir)
    assert cli.main(["--data-dir", data_dir, "documents", "recheck"]) == 0
    assert "vẫn không được công nhận (document_untrusted)" in capsys.readouterr().out

    _trust_foreign_ca(province, pki)
    assert cli.main(["--data-dir", data_dir, "documents", "recheck"]) == 0
    out = capsys.readouterr().out
    assert f"{sha256[:16]}…: được công nhận" in out and "1 nay được công nhận" in out
    stored = province.intake.receipt_for(sha256, AGENCY)
    assert stored is not None and stored.status == "accepted"
    assert _records(province, sha256) == (1, 1)
