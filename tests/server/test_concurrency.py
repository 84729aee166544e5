"""A hundred agencies syncing at the same moment: every bundle accepted, each exactly once."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.server.bundles import agency_bundle
from tests.server.live_server import Device

AGENCIES = 100


def test_hundred_agencies_at_once_are_each_accepted_exactly_once(live_server):
    codes = [(f"PX-{i:03d}", live_server.add_agency(f"PX-{i:03d}")) for i in range(AGENCIES)]

    def enrolled(item: tuple[str, str]) -> tuple[str, Device]:
        device = Device(live_server.url, Ed25519PrivateKey.generate())
        assert device.enroll(item[1]).status_code == 200
        return item[0], device

    # Enrollment spends the address's budget before the code is checked (a success gives it back):
    # ten at a time from this one address stay within its burst.
    with ThreadPoolExecutor(max_workers=10) as pool:
        devices = list(pool.map(enrolled, codes))

    def sync(item: tuple[str, Device]) -> tuple[str, str, str]:
        agency, device = item
        try:
            assert device.request("GET", "/v1/assignments").status_code == 200
            bundle = agency_bundle(device.key, agency, recipient=device.recipient, evidence=agency.encode() * 5000)
            first = device.push(bundle.data, bundle.bundle_id, chunk=16 * 1024)
            again = device.push(bundle.data, bundle.bundle_id)
            assert first.status_code == again.status_code == 200, first.text
            assert first.json()["receipt"] == again.json()["receipt"]
            return agency, first.json()["status"], bundle.sha256
        finally:
            device.client.close()

    with ThreadPoolExecutor(max_workers=AGENCIES) as pool:
        results = list(pool.map(sync, devices))
    assert [status for _agency, status, _sha in results] == ["accepted"] * AGENCIES
    with sqlite3.connect(live_server.data_dir / "server.sqlite3") as db:
        stored = db.execute("SELECT a.code, b.sha256 FROM bundles b JOIN agencies a ON a.id = b.agency_id "
                            "WHERE a.code LIKE 'PX-%'").fetchall()
    assert sorted(stored) == sorted((agency, sha) for agency, _status, sha in results)
