"""Kế hoạch: the published versions; preview and publishing are ``server.plans.preview_plan``/``publish_plan``
(the same services as ``baocao-server plan import [--dry-run]``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from desktop.domain.periods import vietnam_time
from server.db import Database
from server.models import Plan

PLAN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".docx", ".pdf")


@dataclass(frozen=True)
class PlanVersion:
    """A published plan."""

    number: str
    title: str
    sha256: str
    published_at: datetime


def versions(db: Database) -> list[PlanVersion]:
    """The published plans, newest first."""
    with db.reading() as connection:
        rows = connection.execute(select(Plan.number, Plan.title, Plan.sha256, Plan.imported_at)
                                  .order_by(Plan.id.desc())).all()
    return [PlanVersion(r.number, r.title, r.sha256, vietnam_time(datetime.fromtimestamp(r.imported_at, UTC)))
            for r in rows]
