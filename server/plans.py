"""Plans and the signed assignment package each agency downloads.

A plan workbook is read by the same importer as the app (``parse_plan_workbook``) and published to
every agency; the app resolves which tasks and indicators are its own. The package is a DSSE envelope
(canonical JSON, like a receipt) signed by the province key over an exact payload whose ``issued_at``
is the latest publication time, so an unchanged package is byte-identical and its ETag stable.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.sync.canonical import canonical_json, pae
from desktop.sync.device_keys import ed25519_public_bytes, key_id
from desktop.sync.receipt import receipt_time
from server.db import Database
from server.models import Agency, Plan
from server.trust_roots import root_pems, roots_version

ASSIGNMENTS_TYPE = "application/vnd.baocao.assignments+json"
FORMAT = "baocao.assignments/1"
_CACHE_LIMIT = 4096


@dataclass(frozen=True)
class Package:
    """A signed assignment package and its ETag (quoted SHA-256 of the envelope)."""

    envelope: bytes
    etag: str


def import_plan(db: Database, path: Path) -> tuple[str, int, int, bool]:
    """Parse and publish a plan workbook; returns (number, tasks, indicators, whether it was new)."""
    parsed = parse_plan_workbook(path)
    content = parsed.to_json()
    body = json.dumps(content, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    number = parsed.plan.code or path.stem
    with db.transaction() as session:
        if session.scalar(select(Plan.id).where(Plan.sha256 == digest)) is not None:
            return number, len(parsed.tasks), len(parsed.indicators), False
        session.add(Plan(number=number[:100], title=parsed.plan.title or "", sha256=digest, content=body,
                         imported_at=int(time.time())))
    return number, len(parsed.tasks), len(parsed.indicators), True


class AssignmentPackages:
    """Builds and caches each agency's package; rebuilt only when a plan is published."""

    def __init__(self, db: Database, signing_key: Ed25519PrivateKey) -> None:
        self._db = db
        self._signing_key = signing_key
        self._cache: dict[tuple[str, int, int, int, int], Package] = {}
        self._lock = threading.Lock()

    def for_agency(self, agency_code: str) -> Package:
        """The current package of ``agency_code``."""
        with self._db.transaction() as session:
            count, latest = session.execute(select(func.count(Plan.id), func.max(Plan.imported_at))).one()
            version = (agency_code, int(count or 0), int(latest or 0), *roots_version(session))
            with self._lock:
                cached = self._cache.get(version)
            if cached is not None:
                return cached
            agency = session.scalar(select(Agency).where(Agency.code == agency_code))
            assert agency is not None
            plans = [json.loads(p.content) for p in session.scalars(select(Plan).order_by(Plan.id))]
            issued = latest or agency.created_at
            payload = {"format": FORMAT, "agency": {"code": agency.code, "name": agency.name,
                                                    "parent_name": agency.parent_name, "kind": agency.kind},
                       "plans": plans, "schedule": None, "trust_roots": root_pems(session),
                       "issued_at": receipt_time(datetime.fromtimestamp(issued, UTC))}
        package = self._sign(canonical_json(payload))
        with self._lock:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[version] = package
        return package

    def _sign(self, body: bytes) -> Package:
        signature = self._signing_key.sign(pae(ASSIGNMENTS_TYPE, body))
        envelope = canonical_json({
            "payload": base64.b64encode(body).decode("ascii"), "payloadType": ASSIGNMENTS_TYPE,
            "signatures": [{"keyid": key_id("ed25519", ed25519_public_bytes(self._signing_key)),
                            "sig": base64.b64encode(signature).decode("ascii")}]})
        return Package(envelope, f'"{hashlib.sha256(envelope).hexdigest()}"')
