"""The consolidated report's tasks: every task of the published plans, each with its leads' reported status.

A task whose lead has not reported still stands in the Sở's report, as «chưa có báo cáo», saying when its
lead is the Sở itself or another agency that does not report through the system (``task_roles``: the PCs' own
rule), so that the UBND tỉnh reads the whole plan; completion is measured only over the tasks that have a
report, and says so. What the coordinating agencies wrote of a task follows its leads' results, each note
with its agency's name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.documents.report_text import agency_in_text
from desktop.domain.report_snapshot import ReportSnapshot, TaskEntry
from desktop.domain.task_status import NOT_APPLICABLE, NOT_DONE
from server.console.task_roles import Registered, TaskRoles, coordinator_note, no_report_reason, task_roles
from server.db import Database
from server.models import Plan

DONE = ("done", "done_late")
COORDINATORS_HEAD = "Cơ quan phối hợp:"
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


def covered_tasks(tasks: list[PlanTask], reports: list[ReportSnapshot], department: str,
                  agencies: Sequence[Registered]) -> tuple[TaskEntry, ...]:
    """Every plan task (then every reported task the plans do not hold), with its leads' status and results and,
    under them, what each coordinating agency wrote of it."""
    leads: dict[str, list[tuple[str, TaskEntry]]] = {}
    notes: dict[str, list[tuple[str, str]]] = {}
    reported: dict[str, TaskEntry] = {}
    for report in reports:
        for task in report.tasks:
            reported.setdefault(task.key, task)
            agency = agency_in_text(report.agency.name)
            if task.role == "lead":
                leads.setdefault(task.key, []).append((agency, task))
            elif coordinator_note(task):
                notes.setdefault(task.key, []).append((agency, coordinator_note(task)))
    found = [_entry(_from_plan(t), leads.get(t.item["key"], []), notes.get(t.item["key"], []),
                    task_roles(t.item, agencies, department), department) for t in tasks]
    keys = {t.item["key"] for t in tasks}
    found += [_entry(t, leads.get(k, []), notes.get(k, []), task_roles({}, agencies, department), department)
              for k, t in reported.items() if k not in keys]
    return tuple(found)


def _from_plan(task: PlanTask) -> TaskEntry:
    deadline = task.item.get("deadline") or {}
    return TaskEntry(key=task.item["key"], section=task.item.get("section") or "", section_title=task.section_title,
                     title=task.item.get("title") or "", role="lead", plan=task.plan,
                     deadline_text=deadline.get("text") or "", due=deadline.get("due"),
                     expected_result=task.item.get("result"))


def _entry(base: TaskEntry, leads: list[tuple[str, TaskEntry]], notes: list[tuple[str, str]], roles: TaskRoles,
           department: str) -> TaskEntry:
    """The task with its leads' combined status, or «chưa có báo cáo», and the coordinators' notes below.

    A lead for whom the task does not apply («Không áp dụng») is left out of the combined status; when it
    applies to none of them the task is «Không áp dụng» with their reasons. Done only when every other lead is
    done, «Không thực hiện» only when every other lead did not do it."""
    role = SO_LEADS if roles.department_leads else SO_FOLLOWS
    below = [COORDINATORS_HEAD, *(f"- {agency}: {note}" for agency, note in notes)] if notes else []
    if not leads:
        return TaskEntry(**{**_fields(base), "role": role, "status": None, "percent": None,
                            "result": "\n".join([no_report_reason(roles, department), *below])})
    applying = [(agency, task) for agency, task in leads if task.outcome != NOT_APPLICABLE]
    if not applying:
        reasons = "; ".join(f"{agency}: {' '.join(str(task.not_applicable_reason).split())}" for agency, task in leads)
        return TaskEntry(**{**_fields(base), "role": role, "status": None, "percent": None,
                            "not_applicable_reason": reasons, "result": "\n".join(below) or None})
    tasks = [task for _agency, task in applying]
    percents = [t.percent for t in tasks if t.percent is not None]
    done = sum(t.status in DONE for t in tasks)
    status = ("done" if done == len(tasks) else NOT_DONE if all(t.status == NOT_DONE for t in tasks)
              else "in_progress" if done or percents else "not_started")
    lines = [f"{agency}: {' '.join(task.result.split())}" for agency, task in applying if task.result]
    lines.append(f"{done}/{len(tasks)} cơ quan chủ trì đã báo cáo hoàn thành.")
    return TaskEntry(**{**_fields(base), "role": role, "status": status, "result": "\n".join([*lines, *below]),
                        "percent": round(sum(percents) / len(percents), 1) if percents else None})


def _fields(task: TaskEntry) -> dict[str, Any]:
    return {"key": task.key, "section": task.section, "section_title": task.section_title, "title": task.title,
            "plan": task.plan, "deadline_text": task.deadline_text, "due": task.due,
            "expected_result": task.expected_result}


def completion(tasks: tuple[TaskEntry, ...]) -> str:
    """ "Tỷ lệ …: 50% (3/6 nhiệm vụ có báo cáo đã hoàn thành; 21 nhiệm vụ chưa có báo cáo; 1 nhiệm vụ không áp
    dụng)." A task that applies to none of its leads is in neither count."""
    head = "Tỷ lệ nhiệm vụ chủ trì đã hoàn thành"
    with_report = [t for t in tasks if t.status is not None]
    not_applicable = sum(t.outcome == NOT_APPLICABLE for t in tasks)
    missing = len(tasks) - len(with_report) - not_applicable
    apart = f"; {not_applicable} nhiệm vụ không áp dụng" if not_applicable else ""
    if not with_report:
        return (f"{head}: chưa có số liệu ({missing} nhiệm vụ chưa có báo cáo của cơ quan chủ trì{apart}).")
    done = sum(t.status in DONE for t in with_report)
    rate = f"{round(100.0 * done / len(with_report), 1):g}".replace(".", ",")
    return (f"{head}: {rate}% ({done}/{len(with_report)} nhiệm vụ có báo cáo đã hoàn thành; "
            f"{missing} nhiệm vụ chưa có báo cáo{apart}).")
