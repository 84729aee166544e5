"""Chỉ tiêu and Nhiệm vụ: each indicator across agencies against its target, each task's lead and coordinators.

Indicators come from the figures the intake keeps for each accepted bundle (the latest revision of
each agency); tasks' notes from the stored reports themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from desktop.documents.report_text import has_no_target
from desktop.domain.periods import Period
from desktop.domain.report_snapshot import ReportSnapshot
from server.console.stored_reports import ReportReader
from server.console.task_roles import coordinator_note, registered_agencies, task_roles
from server.db import Database
from server.models import Agency, Plan, StoredBundle
from server.province import province_settings
from server.summary_data import achieved


@dataclass(frozen=True)
class AgencyValue:
    """One agency's value of one indicator."""

    agency_code: str
    agency_name: str
    value: float | None
    text: str  # what the agency wrote when the indicator is not a number (a level, a note)
    met: bool | None


@dataclass
class IndicatorAcross:
    """One indicator across the agencies that reported it."""

    key: str
    name: str
    unit: str
    target_text: str
    target_value: float | None
    kind: str = ""
    values: list[AgencyValue] = field(default_factory=list)

    @property
    def reported(self) -> int:
        """Agencies that gave it."""
        return len(self.values)

    @property
    def met(self) -> int:
        """Agencies that met the target."""
        return sum(v.met is True for v in self.values)

    @property
    def no_target(self) -> bool:
        """The plan gives no target for the period («-»): counted neither met nor not met."""
        return has_no_target(self.target_text)

    @property
    def compared(self) -> bool:
        """Some agency's value could be set against the target (else «Số cơ quan đạt» has nothing to count)."""
        return any(v.met is not None for v in self.values)

    @property
    def unit_suffix(self) -> str:
        """What follows a value: «%» for a rate (its value is a percentage), « hồ sơ» for a count of hồ sơ."""
        unit = " ".join(self.unit.split())
        if self.kind == "ratio" or unit == "%":
            return "%"
        return f" {unit}" if unit else ""

    @property
    def mean(self) -> float | None:
        """The mean of the numeric values (the province value)."""
        numbers = [v.value for v in self.values if v.value is not None]
        return round(sum(numbers) / len(numbers), 2) if numbers else None


@dataclass
class TaskAcross:
    """One task: every lead's (agency, outcome, percent, result) with the outcome of ``task_status.task_outcome``,
    every coordinator's note."""

    key: str
    section: str
    title: str
    leads: list[tuple[str, str, float | None, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # the registered leads (``task_roles``) not reported yet
    outside: tuple[str, ...] = ()  # the plan's leads, when none of them reports through the system


def latest_bundles(db: Database, period: Period) -> list[tuple[str, str, str, str]]:
    """(agency code, agency name, bundle SHA-256, figures JSON) of each agency's latest revision for ``period``."""
    latest = (select(StoredBundle.agency_id, func.max(StoredBundle.revision).label("revision"))
              .where(StoredBundle.period == period.code).group_by(StoredBundle.agency_id).subquery())
    with db.reading() as connection:
        rows = connection.execute(
            select(Agency.code, Agency.name, StoredBundle.sha256, StoredBundle.figures)
            .join(latest, latest.c.agency_id == StoredBundle.agency_id)
            .join(Agency, Agency.id == StoredBundle.agency_id)
            .where(StoredBundle.period == period.code, StoredBundle.revision == latest.c.revision)
            .order_by(Agency.code)).all()
    return [(r.code, r.name, r.sha256, r.figures) for r in rows]


def indicators_across(db: Database, period: Period) -> list[IndicatorAcross]:
    """Every indicator of the published plans and every one reported in ``period``, by key, with each agency's
    value; one nobody reported has no values, and the plan's target for the period's year."""
    found: dict[str, IndicatorAcross] = {}
    for code, name, _sha, figures in latest_bundles(db, period):
        for item in json.loads(figures).get("indicators", []):
            across = found.get(item["key"])
            if across is None:
                across = found[item["key"]] = IndicatorAcross(
                    item["key"], item.get("name") or "", item.get("unit") or "", item.get("target_text") or "",
                    item.get("target_value"), item.get("kind") or "")
            value = achieved(item)
            across.values.append(AgencyValue(code, name, value, _shown(item, value), _met(item, value)))
    published = _published(db, "indicators")
    for item in published:
        if item.get("key") and item["key"] not in found:
            text, value = _target_for(item.get("targets") or [], period.year)
            found[item["key"]] = IndicatorAcross(item["key"], item.get("name") or "", item.get("unit") or "", text,
                                                 value, item.get("kind") or "")
    return [found[key] for key in sorted(found, key=plan_order(published))]


def plan_order(published: list[dict[str, Any]]) -> Callable[[str], tuple[int, tuple[tuple[int, str], ...]]]:
    """A sort key: the plan's own order first, then the key's natural order ("2" before "10", "III.9" before
    "III.12") for items no published plan holds."""
    places: dict[str, int] = {}
    for index, item in enumerate(published):
        places.setdefault(str(item.get("key") or ""), index)

    def key(text: str) -> tuple[int, tuple[tuple[int, str], ...]]:
        return places.get(text, len(places)), natural(text)

    return key


def natural(text: str) -> tuple[tuple[int, str], ...]:
    """ "III.12" → ((0, "III"), (12, "")…): numbers compared as numbers."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in _PARTS.findall(text))


_PARTS = re.compile(r"\d+|[^\d.]+")


def _published(db: Database, part: str) -> list[dict[str, Any]]:
    """The ``part`` ("tasks", "indicators") of the newest published version of each plan number."""
    with db.reading() as connection:
        rows = connection.execute(select(Plan.number, Plan.content).order_by(Plan.id.desc())).all()
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, content in rows:
        if number not in seen:
            seen.add(number)
            items += json.loads(content).get(part, [])
    return items


def _target_for(targets: list[dict[str, Any]], year: int) -> tuple[str, float | None]:
    """The plan's target of the phase holding ``year`` ("2026–2027": "100%"), else every phase's target."""
    for target in targets:
        years = [int(y) for y in _YEAR.findall(str(target.get("phase") or ""))]
        if years and min(years) <= year <= max(years) and target.get("text"):
            value = target.get("value")
            return str(target["text"]), float(value) if isinstance(value, int | float) else None
    return "; ".join(f"{t.get('phase')}: {t['text']}" for t in targets if t.get("text")), None


_YEAR = re.compile(r"\d{4}")


def _met(item: dict[str, Any], value: float | None) -> bool | None:
    target = item.get("target_value")
    if value is None or not isinstance(target, int | float):
        return None
    return value >= target


def _shown(item: dict[str, Any], value: float | None) -> str:
    return "" if value is not None else str(item.get("level") or item.get("note") or "")


def tasks_across(db: Database, reader: ReportReader, period: Period) -> list[TaskAcross]:
    """Every task of the published plans and every one reported in ``period``: the leads' status and percent, the
    coordinators' notes (none for a task nobody reported)."""
    found: dict[str, TaskAcross] = {}
    reported: dict[str, set[str]] = {}
    for code, name, sha256, _figures in latest_bundles(db, period):
        snapshot = reader.snapshot(sha256)
        add_tasks(found, f"{name} ({code})", snapshot)
        for entry in snapshot.tasks:
            if entry.role == "lead":
                reported.setdefault(entry.key, set()).add(code)
    published = _published(db, "tasks")
    agencies, department = registered_agencies(db), province_settings(db).department
    for task in published:
        if not task.get("key"):
            continue
        across = found.setdefault(task["key"], TaskAcross(task["key"], task.get("section") or "",
                                                          task.get("title") or ""))
        roles = task_roles(task, agencies, department)
        across.waiting = [f"{a.name} ({a.code})" for a in roles.leads if a.code not in reported.get(task["key"], ())]
        across.outside = () if roles.leads or across.leads else roles.named
    return [found[key] for key in sorted(found, key=plan_order(published))]


def add_tasks(found: dict[str, TaskAcross], agency: str, snapshot: ReportSnapshot) -> None:
    """Add one agency's tasks to ``found``."""
    for task in snapshot.tasks:
        across = found.setdefault(task.key, TaskAcross(task.key, task.section, task.title))
        if task.role == "lead":
            across.leads.append((agency, task.outcome, task.percent, task.result or ""))
        elif coordinator_note(task):
            across.notes.append((agency, coordinator_note(task)))
