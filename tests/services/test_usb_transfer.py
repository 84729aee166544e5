"""The USB path: an encrypted export only the province opens, and its receipt file taken back."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import IntegrityError
from desktop.models.outbox import OutboxItem
from desktop.services import usb_transfer
from desktop.services.demo import setup_demo
from desktop.services.identity import device_key
from desktop.sync.bundle import verify_bundle
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from desktop.sync.encrypted_export import decrypt_file
from desktop.sync.receipt import Receipt, make_receipt
from tests.conftest import FAST_KDF, PASSPHRASE

PERIOD = "2026Q3"


@pytest.fixture
def province() -> ProvinceKeys:
    return ProvinceKeys.generate()


@pytest.fixture
def setup(tmp_path: Path, province: ProvinceKeys):
    demo = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=date(2026, 11, 23),
                      province=province.public())
    yield demo.store
    demo.store.close()


def test_export_opens_only_with_the_province_key(setup, province: ProvinceKeys, tmp_path: Path) -> None:
    out = tmp_path / "usb" / "bao-cao-2026Q3.bcx"
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []
    usb_transfer.export_encrypted(setup, PERIOD, out, progress=lambda done, total: seen.append((done, total)))
    sealed = out.read_bytes()
    assert "Mỹ Hiệp".encode() not in sealed and b"DT-MYHIEP" not in sealed
    assert seen and seen[-1][0] == seen[-1][1]
    plain = io.BytesIO()
    decrypt_file(io.BytesIO(sealed), plain, province.hpke_private_key)
    with setup.session() as session:
        public = ed25519_public_bytes(device_key(session))
    bundle = verify_bundle(io.BytesIO(plain.getvalue()), key_for_agency=lambda _code: public)
    assert bundle.period == PERIOD and bundle.report.agency.name == "Ủy ban nhân dân xã Mỹ Hiệp"
    with pytest.raises(IntegrityError):
        decrypt_file(io.BytesIO(sealed), io.BytesIO(), ProvinceKeys.generate().hpke_private_key)


def test_receipt_file_marks_the_bundle_received(setup, province: ProvinceKeys, tmp_path: Path) -> None:
    with setup.session() as session:
        item = session.scalar(select(OutboxItem).where(OutboxItem.period_code == PERIOD))
        sha, bundle_id = item.bundle_sha256, item.bundle_id
    receipt = Receipt(bundle_sha256=sha, bundle_id=bundle_id, agency="DT-MYHIEP", period=PERIOD, revision=1,
                      received_at="2026-11-23T08:00:00Z", status="accepted", message_vi="Đã nhận.",
                      message_en="Received.")
    forged = tmp_path / "forged.receipt"
    forged.write_bytes(make_receipt(receipt, ProvinceKeys.generate().signing))
    with pytest.raises(IntegrityError):
        usb_transfer.import_receipt(setup, forged)
    good = tmp_path / "bien-nhan.receipt"
    good.write_bytes(make_receipt(receipt, province.signing))
    assert usb_transfer.import_receipt(setup, good).status == "accepted"
    with setup.session() as session:
        assert session.scalar(select(OutboxItem.state).where(OutboxItem.bundle_id == bundle_id)) == "receipted"


def test_export_marks_the_report_sent_on_time(setup, tmp_path: Path) -> None:
    from desktop.services.reports import report_history

    usb_transfer.export_encrypted(setup, PERIOD, tmp_path / "q3.bcx")
    [row] = report_history(setup, PERIOD)
    assert row["status"] == "sent"
    assert row["timeliness"] == "late"  # Q3's deadline was 20/09/2026; this export is made in November
