"""Kế hoạch: the published versions; preview and publishing are ``server.plans.preview_plan``/``publish_plan``
(the same services as ``baocao-server plan import [--dry-run]``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from desktop.domain.periods import vietnam_time
from server.db import Database
from server.models import Agency, Plan
from server.plans import PlanPreview

PLAN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".docx", ".pdf")


@dataclass(frozen=True)
class PlanVersion:
    """A published plan, with how many tasks and indicators it holds."""

    id: int
    number: str
    title: str
    sha256: str
    published_at: datetime
    tasks: int
    indicators: int


def versions(db: Database) -> list[PlanVersion]:
    """The published plans, newest first."""
    with db.reading() as connection:
        rows = connection.execute(select(Plan.id, Plan.number, Plan.title, Plan.sha256, Plan.imported_at,
                                         Plan.content).order_by(Plan.id.desc())).all()
    found = []
    for r in rows:
        content = json.loads(r.content)
        found.append(PlanVersion(r.id, r.number, r.title, r.sha256,
                                 vietnam_time(datetime.fromtimestamp(r.imported_at, UTC)),
                                 len(content.get("tasks", [])), len(content.get("indicators", []))))
    return found


def published_plan(db: Database, plan_id: int) -> tuple[PlanVersion, PlanPreview] | None:
    """One published version and its content, shown like a preview; None when there is no such version."""
    version = next((v for v in versions(db) if v.id == plan_id), None)
    if version is None:
        return None
    with db.reading() as connection:
        content = json.loads(connection.execute(select(Plan.content).where(Plan.id == plan_id)).scalar_one())
    issued_on = (content.get("plan") or {}).get("issued_on")
    return version, PlanPreview(number=version.number, title=version.title, issued_on=issued_on, content=content,
                                already_published=True, previous_id=None)


def agency_count(db: Database) -> int:
    """How many agencies a published plan goes to (every registered agency receives it)."""
    with db.reading() as connection:
        return int(connection.execute(select(func.count(Agency.id))).scalar_one())
