"""A new PC restoring from a real province server refuses what does not check out, with a clear message and
nothing stored: a bundle altered on the province's disk, a bundle signed by a key the province does not
publish for the agency, and a receipt that names another bundle. The genuine history restores afterwards."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.errors import IntegrityError
from desktop.models.outbox import OutboxItem
from desktop.models.report import Report
from desktop.models.store import Store
from desktop.services import accounts, reports, signing
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.installation import installation_agency
from desktop.services.province_history import restore_history
from desktop.services.sync import _client, enroll, restore_from_province, sync_now
from desktop.sync.history import AgencyHistory
from desktop.sync.sync_client import ProvinceClient
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.e2e.test_agency_devices import TODAY


def _altered(store: Store, change: Callable[[AgencyHistory], AgencyHistory]) -> ProvinceClient:
    """This PC's client to the real server, whose (province-signed) history list is replaced by ``change``'s:
    what a province publishing a wrong list, or an attacker holding its key, would send."""
    client = _client(store)
    real = client.history
    client.history = lambda agency: change(real(agency))  # type: ignore[method-assign]
    return client


def _refused(store: Store, client: ProvinceClient) -> str:
    with client, pytest.raises(IntegrityError) as refused:  # not a passing fault to retry
        restore_history(client, store)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 0, "nothing restored"
        assert session.scalar(select(func.count()).select_from(OutboxItem)) == 0
    return refused.value.message_vi


@pytest.mark.timeout(900)  # a demo store and a server process: minutes on a loaded machine
def test_a_tampered_bundle_an_unpublished_signer_and_a_wrong_receipt_are_refused(
        tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = setup_demo(tmp_path / "old", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                         enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy cũ")).store
        new = accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        try:
            reports.reopen_report(old, "2026Q3", "Sửa câu chữ")
            signing.approve_and_sign(old, "2026Q3", TODAY)
            assert [o.outcome for o in sync_now(old).report.outcomes] == ["receipted"] * 2
            enroll(new, province.url, demo_code(province), "Máy mới")

            held = _held_bundle(new, demo_province_folder)
            genuine = held.read_bytes()
            held.write_bytes(genuine[:-1] + bytes([genuine[-1] ^ 1]))
            message = _refused(new, _client(new))
            assert "không khớp danh sách Sở đã ký" in message, message
            held.write_bytes(genuine)

            # The list still publishes the new PC's key, not the old PC's that signed the bundles.
            unpublished = _refused(new, _altered(new, lambda h: dataclasses.replace(
                h, devices=tuple(d for d in h.devices if d.name != "Máy cũ"))))
            assert "khoá" in unpublished or "khóa" in unpublished, unpublished

            def swap_receipts(history: AgencyHistory) -> AgencyHistory:
                one, two = history.bundles[:2]
                return dataclasses.replace(history, bundles=(dataclasses.replace(one, receipt=two.receipt),
                                                             dataclasses.replace(two, receipt=one.receipt)))

            mismatch = _refused(new, _altered(new, swap_receipts))
            assert "Biên nhận của Sở không khớp" in mismatch, mismatch

            assert restore_from_province(new).restored == [("2026Q3", 1), ("2026Q3", 2)], "the genuine history restores"
        finally:
            old.close()
            new.close()


def _held_bundle(store: Store, folder: Path) -> Path:
    """The province's stored copy of the agency's first accepted bundle, found by its SHA-256."""
    with store.session() as session:
        agency = installation_agency(session).code
    with _client(store) as client:
        wanted = client.history(agency).bundles[0].sha256
    [path] = [p for p in folder.rglob("*") if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == wanted]
    return path
