"""Kế hoạch: preview a plan workbook (what was read, the warnings), publish it, list the published versions.

``preview_plan`` and ``publish_plan`` have the signatures of branch i17-plans' ``server.plans`` functions
so that they can be swapped for them: today the preview is the app's own parser's result and publishing
is ``server.plans.import_plan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desktop.documents.plan_model import ParsedPlan
from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.domain.periods import vietnam_time
from server.db import Database
from server.models import Plan
from server.plans import import_plan

PLAN_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class PlanVersion:
    """A published plan."""

    number: str
    title: str
    sha256: str
    published_at: datetime


def preview_plan(_db: Database, path: Path) -> ParsedPlan:
    """What the app's importer reads from the workbook at ``path``, with its warnings; nothing is stored."""
    return parse_plan_workbook(path)


def publish_plan(db: Database, path: Path, _actor: str) -> tuple[str, bool]:
    """Publish the workbook to every agency; (plan number, whether it was new)."""
    number, _tasks, _indicators, new = import_plan(db, path)
    return number, new


def versions(db: Database) -> list[PlanVersion]:
    """The published plans, newest first."""
    with db.reading() as connection:
        rows = connection.execute(select(Plan.number, Plan.title, Plan.sha256, Plan.imported_at)
                                  .order_by(Plan.id.desc())).all()
    return [PlanVersion(r.number, r.title, r.sha256, vietnam_time(datetime.fromtimestamp(r.imported_at, UTC)))
            for r in rows]
