"""The consolidated report's tasks: every task of the published plans, each with its leads' reported status.

A task whose lead has not reported still stands in the Sở's report, as «chưa có báo cáo», saying when its
lead is the Sở itself or another agency that does not report through the system, so that the UBND tỉnh
reads the whole plan; completion is measured only over the tasks that have a report, and says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.documents.report_text import agency_in_text
from desktop.domain.report_snapshot import ReportSnapshot, TaskEntry
from desktop.domain.text import nfc
from server.db import Database
from server.models import Agency, Plan

DONE = ("done", "done_late")
NO_LEAD_REPORT = "Chưa có báo cáo."
COMMUNE_WORDS = ("xã", "phường", "địa phương", "thị trấn")
# The Sở's part in a plan task, for Phụ lục I's «Vai trò»: it leads its own, and follows the others' reports.
SO_LEADS, SO_FOLLOWS = "Chủ trì", "Theo dõi"


@dataclass(frozen=True)
class PlanTask:
    """One task as the published plan states it, with its plan's code and its section's title."""

    plan: str
    item: dict[str, Any]
    section_title: str


def plan_tasks(db: Database) -> list[PlanTask]:
    """The tasks of the newest published version of each plan number, in the plan's own order."""
    with db.reading() as connection:
        rows = connection.execute(select(Plan.number, Plan.content).order_by(Plan.id.desc())).all()
    found: list[PlanTask] = []
    seen: set[str] = set()
    for number, content in reversed(rows):
        if number in seen:
            continue
        seen.add(number)
        parsed = json.loads(content)
        titles = {s.get("code"): s.get("title") or "" for s in parsed.get("sections", [])}
        found += [PlanTask(number, t, titles.get(t.get("section"), ""))
                  for t in parsed.get("tasks", []) if t.get("key")]
    return found


def reporting_names(db: Database) -> list[str]:
    """The registered agencies' names, casefolded: the agencies that report through the system."""
    with db.reading() as connection:
        return [nfc(n).casefold() for n in connection.execute(select(Agency.name)).scalars()]


def covered_tasks(tasks: list[PlanTask], reports: list[ReportSnapshot], department: str,
                  agencies: list[str]) -> tuple[TaskEntry, ...]:
    """Every plan task (then every reported task the plans do not hold), with its leads' status and results."""
    leads: dict[str, list[tuple[str, TaskEntry]]] = {}
    reported: dict[str, TaskEntry] = {}
    for report in reports:
        for task in report.tasks:
            reported.setdefault(task.key, task)
            if task.role == "lead":
                leads.setdefault(task.key, []).append((agency_in_text(report.agency.name), task))
    found = [_entry(_from_plan(t), leads.get(t.item["key"], []), _lead_names(t.item), department, agencies)
             for t in tasks]
    keys = {t.item["key"] for t in tasks}
    found += [_entry(t, leads.get(k, []), (), department, agencies) for k, t in reported.items() if k not in keys]
    return tuple(found)


def _from_plan(task: PlanTask) -> TaskEntry:
    deadline = task.item.get("deadline") or {}
    return TaskEntry(key=task.item["key"], section=task.item.get("section") or "", section_title=task.section_title,
                     title=task.item.get("title") or "", role="lead", plan=task.plan,
                     deadline_text=deadline.get("text") or "", due=deadline.get("due"),
                     expected_result=task.item.get("result"))


def _lead_names(item: dict[str, Any]) -> tuple[str, ...]:
    names = [str(n) for n in item.get("lead_agencies") or [] if n]
    return tuple(names) or ((str(item["lead"]),) if item.get("lead") else ())


def _entry(base: TaskEntry, leads: list[tuple[str, TaskEntry]], named: Iterable[str], department: str,
           agencies: list[str]) -> TaskEntry:
    """The task with its leads' combined status (done only when every lead is done), or «chưa có báo cáo»."""
    role = SO_LEADS if _department_leads(tuple(named), department) else SO_FOLLOWS
    if not leads:
        return TaskEntry(**{**_fields(base), "role": role, "status": None, "percent": None,
                            "result": _no_report(tuple(named), department, agencies)})
    tasks = [task for _agency, task in leads]
    percents = [t.percent for t in tasks if t.percent is not None]
    done = sum(t.status in DONE for t in tasks)
    status = "done" if done == len(tasks) else ("in_progress" if done or percents else "not_started")
    lines = [f"{agency}: {' '.join(task.result.split())}" for agency, task in leads if task.result]
    lines.append(f"{done}/{len(tasks)} cơ quan chủ trì đã báo cáo hoàn thành.")
    return TaskEntry(**{**_fields(base), "role": role, "status": status, "result": "\n".join(lines),
                        "percent": round(sum(percents) / len(percents), 1) if percents else None})


def _fields(task: TaskEntry) -> dict[str, Any]:
    return {"key": task.key, "section": task.section, "section_title": task.section_title, "title": task.title,
            "plan": task.plan, "deadline_text": task.deadline_text, "due": task.due,
            "expected_result": task.expected_result}


def _no_report(named: tuple[str, ...], department: str, agencies: list[str]) -> str:
    """Why a task has no report: the Sở leads it, or its lead does not report through the system."""
    lowered = [nfc(n).casefold() for n in named]
    if not lowered:
        return NO_LEAD_REPORT
    if _department_leads(named, department):
        return f"Chưa có báo cáo: cơ quan chủ trì là {department}, không báo cáo qua hệ thống."
    if agencies and any(n in agencies or any(w in n for w in COMMUNE_WORDS) for n in lowered):
        return NO_LEAD_REPORT
    return f"Chưa có báo cáo: cơ quan chủ trì ({'; '.join(named)}) không báo cáo qua hệ thống."


def _department_leads(named: tuple[str, ...], department: str) -> bool:
    """Whether the plan names the Sở itself among the task's leads."""
    return any(nfc(department).casefold() in nfc(n).casefold() or nfc(n).casefold() in ("sở kh&cn", "sở khcn")
               for n in named)


def completion(tasks: tuple[TaskEntry, ...]) -> str:
    """ "Tỷ lệ …: 50% (3/6 nhiệm vụ có báo cáo đã hoàn thành; 22 nhiệm vụ chưa có báo cáo)." """
    head = "Tỷ lệ nhiệm vụ chủ trì đã hoàn thành"
    with_report = [t for t in tasks if t.status is not None]
    missing = len(tasks) - len(with_report)
    if not with_report:
        return f"{head}: chưa có số liệu ({missing} nhiệm vụ chưa có báo cáo của cơ quan chủ trì)."
    done = sum(t.status in DONE for t in with_report)
    rate = f"{round(100.0 * done / len(with_report), 1):g}".replace(".", ",")
    return (f"{head}: {rate}% ({done}/{len(with_report)} nhiệm vụ có báo cáo đã hoàn thành; "
            f"{missing} nhiệm vụ chưa có báo cáo).")
