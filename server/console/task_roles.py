"""Who leads and who coordinates a plan task among the agencies registered on the server, by the PCs' rule.

A PC decides its part in a task with ``desktop.domain.assignment.role_for`` over the plan's lead and coordinator
agencies (canonical names and groups such as «UBND các xã, phường» or «Các sở, ban, ngành»). The console asks
the same rule of every registered agency, so that the agencies it lists as a task's leads are those whose PCs
report it as lead, and a task is «không báo cáo qua hệ thống» only when none of them leads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.domain.agencies import PROVINCE_DEPARTMENT, canonical_agency
from desktop.domain.assignment import COORDINATOR, LEAD, names_agency, role_for
from desktop.domain.report_snapshot import TaskEntry
from desktop.domain.text import nfc
from server.db import Database
from server.models import Agency

NO_LEAD_REPORT = "Chưa có báo cáo."


@dataclass(frozen=True)
class Registered:
    """An agency registered on the server, with the kind its PCs are enrolled with."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class TaskRoles:
    """A task's lead agencies as the plan names them, and the registered agencies that lead or coordinate it."""

    named: tuple[str, ...]
    leads: tuple[Registered, ...]
    coordinators: tuple[Registered, ...]
    department_leads: bool


def registered_agencies(db: Database) -> list[Registered]:
    """Every registered agency, by code."""
    with db.reading() as connection:
        rows = connection.execute(select(Agency.code, Agency.name, Agency.kind).order_by(Agency.code)).all()
    return [Registered(r.code, r.name, r.kind) for r in rows]


def task_roles(item: dict[str, Any], agencies: Sequence[Registered], department: str) -> TaskRoles:
    """The roles in the published task ``item``: the PCs' rule over the plan's lead and coordinator agencies."""
    leads = [str(n) for n in item.get("lead_agencies") or [] if n]
    coordinators = [str(n) for n in item.get("coordinator_agencies") or [] if n]
    named = tuple(leads) or ((str(item["lead"]),) if item.get("lead") else ())
    roles = {a: role_for(leads, coordinators, a.name, a.kind) for a in agencies}
    return TaskRoles(named, tuple(a for a, r in roles.items() if r == LEAD),
                     tuple(a for a, r in roles.items() if r == COORDINATOR),
                     names_agency(leads, department, PROVINCE_DEPARTMENT))


def no_report_reason(roles: TaskRoles, department: str) -> str:
    """Why a task has no lead's report: none yet from its registered leads, or no lead reports through the
    system (the Sở itself, or agencies not registered)."""
    if not roles.named or roles.leads:
        return NO_LEAD_REPORT
    if [canonical_agency(n) for n in roles.named] == [canonical_agency(department)]:
        return f"Chưa có báo cáo: cơ quan chủ trì là {department}, không báo cáo qua hệ thống."
    return f"Chưa có báo cáo: cơ quan chủ trì ({'; '.join(roles.named)}) không báo cáo qua hệ thống."


def coordinator_note(task: TaskEntry) -> str:
    """What a coordinating agency wrote of a task (its «Kết quả thực hiện»), on one line."""
    return " ".join(nfc(task.result or "").split())
