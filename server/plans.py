"""Plans and the signed assignment package each agency downloads.

A plan file (.xlsx, .xls, .docx or PDF) is read by the same importer as the app
(``parse_plan_workbook``) and published to every agency; the app resolves which tasks and indicators
are its own. ``preview_plan`` reads a file and says what publishing it would change against the
plan of the same number already published (for the console's "Nhập"/"Hủy" screen);
``publish_plan`` publishes it. The package is the DSSE envelope of
``desktop.sync.assignments.sign_assignments`` (the one implementation, shared with the app's verifier)
over a payload whose ``issued_at`` is the latest publication time (a plan, a deadline), so an unchanged
package is byte-identical and its ETag stable. Its ``schedule`` comes from ``server.schedule``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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


_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlanPreview:
    """A plan read from a file, and what publishing it would change; nothing is stored."""

    number: str
    title: str
    issued_on: str | None
    content: dict[str, Any]
    already_published: bool  # this exact content is published already
    previous_id: int | None  # the latest published plan of the same number, if any
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[dict[str, Any]]:
        """What the importer asks a person to look at (sheet, row, message)."""
        return list(self.content.get("warnings", []))

    @property
    def tasks(self) -> int:
        """How many tasks were read."""
        return len(self.content.get("tasks", []))

    @property
    def indicators(self) -> int:
        """How many indicators were read."""
        return len(self.content.get("indicators", []))


def preview_plan(db: Database, path: Path, file_name: str = "") -> PlanPreview:
    """Read the plan file at ``path`` and compare it with the published plan of the same number.

    A plan whose document bears no number is numbered by its file's name: ``file_name`` as the user
    uploaded it (the server's copy has a random name), else ``path``'s.
    """
    parsed = parse_plan_workbook(path)
    content = parsed.to_json()
    number = (parsed.plan.code or Path(file_name).stem or path.stem)[:100]
    with db.transaction() as session:
        already = session.scalar(select(Plan.id).where(Plan.sha256 == _digest(content))) is not None
        previous = session.scalars(select(Plan).where(Plan.number == number).order_by(Plan.id.desc())).first()
        old = json.loads(previous.content) if previous is not None else {}
        previous_id = previous.id if previous is not None else None
    added, removed, changed = _differences(old, content)
    return PlanPreview(number=number, title=parsed.plan.title or "", issued_on=parsed.plan.issued_on,
                       content=content, already_published=already, previous_id=previous_id, added=added,
                       removed=removed, changed=changed)


def publish_plan(db: Database, path: Path, actor: str, file_name: str = "") -> PlanPreview:
    """Publish the plan file at ``path`` (``actor`` is who did it, ``file_name`` as in ``preview_plan``);
    returns its preview.

    An identical content already published is not stored again (``already_published``).
    """
    preview = preview_plan(db, path, file_name)
    if preview.already_published:
        return preview
    body = json.dumps(preview.content, ensure_ascii=False, sort_keys=True)
    with db.transaction() as session:
        if session.scalar(select(Plan.id).where(Plan.sha256 == _digest(preview.content))) is None:
            session.add(Plan(number=preview.number, title=preview.title, sha256=_digest(preview.content),
                             content=body, imported_at=int(time.time())))
    _log.info("plan %s published by %s from %s", preview.number, actor, path.name)
    return preview


def import_plan(db: Database, path: Path) -> tuple[str, int, int, bool]:
    """Publish a plan file from the command line; returns (number, tasks, indicators, whether it was new)."""
    preview = publish_plan(db, path, actor="cli")
    return preview.number, preview.tasks, preview.indicators, not preview.already_published


def _packaged(plan: Plan) -> dict[str, Any]:
    """A published plan as the package carries it: its content and the number the province keeps it under,
    which the app keys the plan by when the document itself bears no number."""
    return {**json.loads(plan.content), "number": plan.number}


def _digest(content: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _differences(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """Keys of tasks and indicators added, removed and changed from ``old`` to ``new``."""
    added: list[str] = []
    removed: list[str] = []
    changed: list[str] = []
    for part in ("tasks", "indicators"):
        before = {item["key"]: item for item in old.get(part, [])}
        after = {item["key"]: item for item in new.get(part, [])}
        added += [key for key in after if key not in before]
        removed += [key for key in before if key not in after]
        changed += [key for key in after if key in before and after[key] != before[key]]
    return added, removed, changed


class AssignmentPackages:
    """Builds and caches each agency's package; rebuilt only when a plan is published."""

    def __init__(self, db: Database, signing_key: Ed25519PrivateKey) -> None:
        self._db = db
        self._signing_key = signing_key
        self._cache: dict[tuple[str | int, ...], Package] = {}
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
            plans = [_packaged(p) for p in session.scalars(select(Plan).order_by(Plan.id))]
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
