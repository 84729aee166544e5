"""Plan use cases: import a province's plan (.xlsx, .xls, .docx or PDF) into the store, preview an
import before storing it, and browse what a plan assigns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.agencies import is_group
from desktop.domain.text import fold, nfc
from desktop.models.plan import Indicator, IndicatorTarget, Plan, Section, Task, TaskAgency
from desktop.models.store import Store
from desktop.services.report_items import IndicatorItem, TaskItem, make_ref


@dataclass(frozen=True)
class PlanImport:
    """What an import did: the plan, and which task and indicator keys were added, removed or changed."""

    plan_code: str
    created: bool
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    tasks: int = 0  # how many tasks and indicators the stored version holds
    indicators: int = 0

    @property
    def unchanged(self) -> bool:
        """True when the store already held exactly this plan."""
        return not (self.created or self.added or self.removed or self.changed)


@dataclass(frozen=True)
class PlanPreview:
    """A plan read from a file and what storing it would change; nothing of it is stored yet."""

    data: dict[str, Any]
    plan_code: str
    source_name: str
    digest: str
    changes: PlanImport
    before: dict[str, dict[str, str]] = field(default_factory=dict)  # "task:I.1" → the stored fields

    def differences(self) -> list[tuple[str, str, str, str]]:
        """What changed in each changed task or indicator: (key, field, stored text, new text); the fields
        are those of ``compared_fields`` ("title", "lead", "coordinators", "deadline", "result", "name",
        "unit", "targets")."""
        out: list[tuple[str, str, str, str]] = []
        new = {f"task:{t['key']}": compared_fields("task", t) for t in self.data["tasks"]}
        new |= {f"indicator:{i['key']}": compared_fields("indicator", i) for i in self.data["indicators"]}
        for key in self.changes.changed:
            for ref in (f"task:{key}", f"indicator:{key}"):
                old, now = self.before.get(ref), new.get(ref)
                if old is None or now is None:
                    continue
                out.extend((key, name, old[name], now[name]) for name in now if old.get(name) != now[name])
        return out


def compared_fields(kind: str, item: dict[str, Any]) -> dict[str, str]:
    """The fields of a parsed task or indicator an officer reads, as text, to say what a new version changed."""
    if kind == "task":
        return {"title": item["title"], "lead": item.get("lead") or "", "coordinators": item.get("coordinators") or "",
                "deadline": item["deadline"]["text"], "result": item.get("result") or ""}
    return {"name": item["name"], "unit": item.get("unit") or "",
            "targets": "; ".join(f"{t['phase']}: {t['text']}" for t in item.get("targets", []))}


def _stored_fields(session: Session, plan_code: str) -> dict[str, dict[str, str]]:
    """The stored version's fields, as ``compared_fields`` gives them for the parsed one."""
    plan = session.scalar(select(Plan).where(Plan.code == plan_code).options(
        selectinload(Plan.tasks), selectinload(Plan.indicators).selectinload(Indicator.targets)))
    if plan is None:
        return {}
    out = {f"task:{t.key}": compared_fields("task", {
        "title": t.title, "lead": t.lead_text, "coordinators": t.coordinator_text,
        "deadline": {"text": t.deadline_text}, "result": t.expected_result}) for t in plan.tasks}
    out |= {f"indicator:{i.key}": compared_fields("indicator", {
        "name": i.name, "unit": i.unit, "targets": [{"phase": t.phase, "text": t.text} for t in i.targets]})
        for i in plan.indicators}
    return out


def parse_plan(path: Path, sheet: str | None = None) -> dict[str, Any]:
    """The parsed plan as the JSON of ``baocao plan parse`` (nothing stored)."""
    from desktop.documents.plan_workbook import parse_plan_workbook

    return parse_plan_workbook(path, sheet=sheet).to_json()


def preview_plan(store: Store, path: Path, *, sheet: str | None = None, code: str | None = None) -> PlanPreview:
    """Read the plan of ``path`` and work out what importing it would add, remove and change (a dry run).

    The import is done in a transaction that is rolled back, so the differences are exactly those
    ``import_plan`` would make.
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    data = parse_plan(path, sheet)
    plan_code = nfc(code or data.get("plan", {}).get("code") or path.stem).strip()
    with store.session() as session:
        before = _stored_fields(session, plan_code)
        changes = store_parsed_plan(session, data, plan_code=plan_code, source_name=path.name, digest=digest)
        session.rollback()
    return PlanPreview(data=data, plan_code=plan_code, source_name=path.name, digest=digest, changes=changes,
                       before=before)


def import_preview(store: Store, preview: PlanPreview) -> PlanImport:
    """Store a previewed plan as it was read (the file is not read again)."""
    with store.session() as session:
        return store_parsed_plan(session, preview.data, plan_code=preview.plan_code, source_name=preview.source_name,
                                 digest=preview.digest)


def import_plan(store: Store, path: Path, *, sheet: str | None = None, code: str | None = None) -> PlanImport:
    """Store the plan of ``path`` in one transaction; a re-import changes only what differs.

    Tasks and indicators that the new version drops are retired, not deleted, so reports already
    written against them keep their rows.
    """
    data = parse_plan(path, sheet)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    plan_code = nfc(code or data.get("plan", {}).get("code") or path.stem).strip()
    with store.session() as session:
        return store_parsed_plan(session, data, plan_code=plan_code, source_name=path.name, digest=digest)


def store_parsed_plan(session: Session, data: dict[str, Any], *, plan_code: str, source_name: str,
                      digest: str) -> PlanImport:
    """Store a parsed plan (from a workbook or the province's assignment package) in ``session``."""
    plan = session.scalar(select(Plan).where(Plan.code == plan_code).options(
        selectinload(Plan.tasks).selectinload(Task.agencies), selectinload(Plan.sections),
        selectinload(Plan.indicators).selectinload(Indicator.targets)))
    created = plan is None
    if plan is None:
        plan = Plan(code=plan_code, title=data.get("plan", {}).get("title") or "", source_name=source_name)
        session.add(plan)
        session.flush()
    if plan.source_sha256 != digest:
        plan.source_sha256 = digest
        plan.source_name = source_name
    sections = _sync_sections(session, plan, data["sections"])
    added, removed, changed = _sync_tasks(session, plan, sections, data["tasks"])
    i_added, i_removed, i_changed = _sync_indicators(session, plan, data["indicators"])
    if (added or removed or changed or i_added or i_removed or i_changed) and not created:
        plan.version += 1
    return PlanImport(plan_code=plan_code, created=created, added=added + i_added,
                      removed=removed + i_removed, changed=changed + i_changed, warnings=data.get("warnings", []),
                      tasks=len(data["tasks"]), indicators=len(data["indicators"]))


def _sync_sections(session: Session, plan: Plan, sections: list[dict[str, Any]]) -> dict[str, Section]:
    existing = {s.code: s for s in plan.sections}
    for position, item in enumerate(sections):
        section = existing.get(item["code"])
        if section is None:
            section = Section(plan_id=plan.id, code=item["code"], title=item["title"], position=position)
            session.add(section)
            existing[item["code"]] = section
        else:
            _assign(section, title=item["title"], position=position)
    session.flush()
    return existing


def _task_values(item: dict[str, Any], sections: dict[str, Section]) -> dict[str, Any]:
    deadline = item["deadline"]
    section = sections.get(item["section"])
    return {
        "section_id": section.id if section else None, "stt": item["stt"], "title": item["title"],
        "expected_result": item.get("result"), "lead_text": item.get("lead") or "",
        "coordinator_text": item.get("coordinators") or "", "deadline_text": deadline["text"],
        "deadline_kind": deadline["kind"],
        "deadline_due": date.fromisoformat(deadline["due"]) if deadline.get("due") else None,
        "deadline_note": deadline.get("note"), "note": item.get("note"), "retired": False,
    }


def _sync_tasks(session: Session, plan: Plan, sections: dict[str, Section],
                items: list[dict[str, Any]]) -> tuple[list[str], list[str], list[str]]:
    existing = {t.key: t for t in plan.tasks}
    added: list[str] = []
    changed: list[str] = []
    seen = set()
    for position, item in enumerate(items):
        key = item["key"]
        seen.add(key)
        values = _task_values(item, sections)
        agencies = [("lead", a) for a in item.get("lead_agencies", [])] + [
            ("coordinator", a) for a in item.get("coordinator_agencies", [])]
        task = existing.get(key)
        if task is None:
            task = Task(plan_id=plan.id, key=key, position=position, **values)
            task.agencies = [TaskAgency(role=r, agency_name=a, position=i) for i, (r, a) in enumerate(agencies)]
            session.add(task)
            added.append(key)
            continue
        was_retired = task.retired
        task.position = position  # a row inserted above shifts positions: not a change of the task
        differs = _assign(task, **values)
        if [(a.role, a.agency_name) for a in task.agencies] != agencies:
            task.agencies = [TaskAgency(role=r, agency_name=a, position=i) for i, (r, a) in enumerate(agencies)]
            differs = True
        if was_retired:
            added.append(key)
        elif differs and key not in added:
            changed.append(key)
    removed = [key for key, task in existing.items() if key not in seen and not task.retired]
    for key in removed:
        existing[key].retired = True
    return added, removed, changed


def _sync_indicators(session: Session, plan: Plan,
                     items: list[dict[str, Any]]) -> tuple[list[str], list[str], list[str]]:
    existing = {i.key: i for i in plan.indicators}
    added: list[str] = []
    changed: list[str] = []
    seen = set()
    for position, item in enumerate(items):
        key = item["key"]
        seen.add(key)
        values = {"group": item.get("group") or "", "name": item["name"], "unit": item.get("unit") or "",
                  "monitoring_agency": item.get("monitoring_agency") or "", "retired": False}
        targets = [(t["phase"], t["text"], t["kind"], t.get("value")) for t in item.get("targets", [])]
        indicator = existing.get(key)
        if indicator is None:
            indicator = Indicator(plan_id=plan.id, key=key, position=position, **values)
            indicator.targets = [IndicatorTarget(phase=p, text=x, kind=k, value=v) for p, x, k, v in targets]
            session.add(indicator)
            added.append(key)
            continue
        was_retired = indicator.retired
        indicator.position = position
        differs = _assign(indicator, **values)
        if [(t.phase, t.text, t.kind, t.value) for t in indicator.targets] != targets:
            indicator.targets = [IndicatorTarget(phase=p, text=x, kind=k, value=v) for p, x, k, v in targets]
            differs = True
        if was_retired:
            added.append(key)
        elif differs:
            changed.append(key)
    removed = [key for key, ind in existing.items() if key not in seen and not ind.retired]
    for key in removed:
        existing[key].retired = True
    return added, removed, changed


def _assign(obj: object, **values: Any) -> bool:
    """Set only the attributes that differ (so an unchanged re-import writes nothing)."""
    differs = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            differs = True
    return differs


def stored_items(store: Store) -> tuple[list[TaskItem], list[IndicatorItem]]:
    """Every live task and indicator of the stored plans, for reading before any agency is declared: no
    role (nothing is this PC's to report yet) and nothing entered."""
    with store.session() as session:
        tasks = session.scalars(select(Task).join(Plan).where(Task.retired.is_(False)).options(
            selectinload(Task.section), selectinload(Task.plan)).order_by(Plan.id, Task.position)).all()
        indicators = session.scalars(select(Indicator).join(Plan).where(Indicator.retired.is_(False)).options(
            selectinload(Indicator.targets), selectinload(Indicator.plan)).order_by(Plan.id, Indicator.position)).all()
        return ([TaskItem(ref=make_ref(t.plan.code, t.key), plan=t.plan.code, key=t.key,
                          section=t.section.code if t.section else "",
                          section_title=t.section.title if t.section else "", title=t.title, role="",
                          lead=t.lead_text, coordinators=t.coordinator_text, deadline_text=t.deadline_text,
                          deadline_kind=t.deadline_kind, due=t.deadline_due.isoformat() if t.deadline_due else None,
                          expected_result=t.expected_result) for t in tasks],
                [IndicatorItem(ref=make_ref(i.plan.code, i.key), plan=i.plan.code, key=i.key, group=i.group,
                               name=i.name, unit=i.unit, role="", targets={t.phase: t.text for t in i.targets})
                 for i in indicators])


_LOCAL_WORDS = ("xa ", "phuong ", "thi tran ")


def named_agencies(store: Store) -> list[str]:
    """The communes and wards the stored plans name one by one (groups such as «UBND các xã, phường» and the
    province's departments left out): what an officer picks the reporting agency from (or types it)."""
    with store.session() as session:
        names = set(session.scalars(select(TaskAgency.agency_name).distinct()))
        names |= set(session.scalars(select(Indicator.monitoring_agency).distinct()))
    return sorted((name for name in names if name and not is_group(name)
                   and any(f" {word}" in f" {fold(name)}" for word in _LOCAL_WORDS)), key=fold)
