"""The province's trusted roots: ``baocao-server trust add`` records them, the signed assignment package
carries them, and the app stores them on sync and verifies signatures against them."""

from __future__ import annotations

from pathlib import Path

from asn1crypto import x509

from desktop.models.store import Store
from desktop.signing.trust import list_roots, set_province_roots, trusted_certificates
from desktop.sync.assignments import verify_assignments
from desktop.sync.device_keys import ProvinceKeys
from server.cli import main as server_main
from server.db import Database
from server.enrollment import add_agency
from server.plans import AssignmentPackages
from tests.signing.pki import make_ca


def test_roots_travel_in_the_assignment_package_to_the_store(tmp_path: Path, store: Store, capsys) -> None:  # type: ignore[no-untyped-def]
    ca = make_ca("CA chuyen dung Chinh phu (thu)")
    pem = tmp_path / "ca.pem"
    pem.write_bytes(ca.cert_pem())
    data = tmp_path / "server"
    assert server_main(["--data-dir", str(data), "trust", "add", str(pem)]) == 0
    assert "Đã tin cậy: " in capsys.readouterr().out
    assert server_main(["--data-dir", str(data), "trust", "list"]) == 0
    assert "CA chuyen dung Chinh phu" in capsys.readouterr().out

    db = Database(f"sqlite:///{data / 'server.sqlite3'}")
    add_agency(db, "000.00.00.H30", "UBND xã Thử")
    keys = ProvinceKeys.generate()
    package = verify_assignments(AssignmentPackages(db, keys.signing).for_agency("000.00.00.H30").envelope,
                                 keys.public())
    assert len(package["trust_roots"]) == 1
    with store.session() as session:
        set_province_roots(session, package["trust_roots"])
    [root] = list_roots(store)
    assert root.source == "province" and root.subject.startswith("CA chuyen dung")
    assert "Common Name" not in root.subject and "Organization" not in root.subject, "values, not English labels"
    assert trusted_certificates(store)[0].dump() == x509.Certificate.load(ca.cert_der()).dump()
    db.dispose()
