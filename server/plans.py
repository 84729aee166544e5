"""Plans and the signed assignment package each agency downloads.

A plan workbook is read by the same importer as the app (``parse_plan_workbook``) and published to
every agency; the app resolves which tasks and indicators are its own. The package is the DSSE envelope
of ``desktop.sync.assignments.sign_assignments`` (the one implementation, shared with the app's
verifier) over a payload whose ``issued_at`` is the latest publication time (a plan, a deadline), so an
unchanged package is byte-identical and its ETag stable. Its ``schedule`` comes from ``server.schedule``.
"""

from __future__ import annotations

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
from desktop.sync.assignments import FORMAT, sign_assignments
from desktop.sync.receipt import receipt_time
from server.db import Database
from server.models import Agency, Plan, ScheduleEntry
from server.schedule import Entry, package_schedule, schedule_version
from server.trust_roots import root_pems, roots_version

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
            scheduled = schedule_version(session)
            version = (agency_code, int(count or 0), int(latest or 0), *scheduled, *roots_version(session))
            with self._lock:
                cached = self._cache.get(version)
            if cached is not None:
                return cached
            agency = session.scalar(select(Agency).where(Agency.code == agency_code))
            assert agency is not None
            plans = [json.loads(p.content) for p in session.scalars(select(Plan).order_by(Plan.id))]
            entries = session.scalars(select(ScheduleEntry).order_by(ScheduleEntry.plan_code, ScheduleEntry.period))
            schedule = package_schedule([Entry(e.period, e.plan_code, e.deadline) for e in entries])
            changed = session.scalar(select(func.max(ScheduleEntry.updated_at))) or 0
            issued = max(latest or agency.created_at, changed)
            payload = {"format": FORMAT, "agency": {"code": agency.code, "name": agency.name,
                                                    "parent_name": agency.parent_name, "kind": agency.kind},
                       "plans": plans, "schedule": schedule, "trust_roots": root_pems(session),
                       "issued_at": receipt_time(datetime.fromtimestamp(issued, UTC))}
        envelope = sign_assignments(payload, self._signing_key)
        package = Package(envelope, f'"{hashlib.sha256(envelope).hexdigest()}"')
        with self._lock:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[version] = package
        return package
