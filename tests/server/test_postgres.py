"""The same enrollment and intake against PostgreSQL (BAOCAO_TEST_PG_URL); skipped without it, except in CI."""

from __future__ import annotations

import base64
import time
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text

from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from desktop.sync.receipt import verify_receipt
from server.config import Settings
from server.db import Database
from server.enrollment import add_agency, enroll, issue_code
from server.intake import Intake, recipient_ids
from server.problems import ApiError
from tests.server.bundles import agency_bundle
from tests.server.postgres_url import postgres_url

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_db():
    db = Database(postgres_url())
    db.create_schema()
    yield db
    db.dispose()


def test_enroll_and_intake_on_postgres(pg_db: Database, tmp_path: Path) -> None:
    agency = f"PG-{uuid.uuid4().hex[:8]}"
    add_agency(pg_db, agency, "UBND xã PostgreSQL")
    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(ed25519_public_bytes(key)).decode()
    code = issue_code(pg_db, agency)
    enroll(pg_db, code, public, "pg", now=time.time())
    with pytest.raises(ApiError) as refused:
        enroll(pg_db, code, base64.b64encode(ed25519_public_bytes(Ed25519PrivateKey.generate())).decode(), "x",
               now=time.time())
    assert refused.value.status == 403
    settings = Settings.from_env(tmp_path)
    settings.ensure_dirs()
    province = ProvinceKeys.generate()
    intake = Intake(pg_db, settings.bundles_dir, province.signing, recipients=recipient_ids(province))
    built = agency_bundle(key, agency, recipient=sorted(recipient_ids(province))[-1])
    path = tmp_path / "b.bcb"
    path.write_bytes(built.data)
    first = intake.take(path, source="network", agency_code=agency)
    again = intake.take(path, source="usb")
    assert first.status == "accepted" and first.stored and not again.stored and again.receipt == first.receipt
    assert verify_receipt(first.receipt, province.public().signing).bundle_sha256 == built.sha256
    with pg_db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM bundles WHERE sha256 = :s"),
                                  {"s": built.sha256}).scalar() == 1
