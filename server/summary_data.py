"""What the province's summary of one period says, as plain rows: who reported and when, each indicator
across agencies, each task across agencies. Pure functions over the stored figures (``intake.figures``), so
the CLI's workbook and the console's download are built from the same blocks."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.domain.natural_order import natural_key
from desktop.domain.numbers import format_number
from desktop.domain.periods import Period, Schedule, timeliness, vietnam_time
from desktop.domain.task_status import outcome_label, parse_status, task_outcome

# One word for one state on every page and file the Sở reads: the dashboard, the reminder list, this workbook
# and the consolidated report («chưa gửi», never a second «chưa báo cáo» for the same agency).
STATE_WORDS = {"missing": "chưa gửi", "on_time": "đã gửi đúng hạn", "late": "trễ hạn", "rejected": "bị từ chối",
               "pending": "đang chờ"}
ON_TIME, LATE, MISSING, REJECTED = (STATE_WORDS[s].capitalize() for s in ("on_time", "late", "missing", "rejected"))
NOT_APPLICABLE = "Không áp dụng"
SIGNED_COLUMN = "Đã ký số"
SIGNED_FULL, SIGNED_PARTLY = "Đủ (người ký, cơ quan)", "Chưa đủ chữ ký"
SIGNED_INVALID, SIGNED_UNTRUSTED = "Không hợp lệ", "Chứng thư không tin cậy"
ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}


@dataclass(frozen=True)
class AgencyReport:
    """One agency's place in the period: its latest accepted bundle's facts, or why there is none."""

    code: str
    name: str
    state: str
    revision: int | None = None
    received: str = ""
    figures: Mapping[str, Any] = field(default_factory=dict)
    signed: str = ""


@dataclass(frozen=True)
class IndicatorLine:
    """One agency's value of one indicator."""

    agency: str
    value_text: str
    met: bool | None
    not_applicable: bool


@dataclass(frozen=True)
class IndicatorSummary:
    """One indicator across the agencies that reported it."""

    key: str
    name: str
    unit: str
    target_text: str
    target_value: float | None
    lines: tuple[IndicatorLine, ...]
    aggregate: str

    @property
    def reported(self) -> int:
        """Agencies that gave a value (not "không áp dụng")."""
        return sum(1 for line in self.lines if not line.not_applicable and line.value_text)

    @property
    def not_applicable(self) -> int:
        """Agencies for which the indicator does not apply."""
        return sum(1 for line in self.lines if line.not_applicable)

    @property
    def met(self) -> int | None:
        """Agencies that met the target; None when the indicator has no numeric target."""
        return None if self.target_value is None else sum(1 for line in self.lines if line.met)


@dataclass(frozen=True)
class TaskLine:
    """One agency's report of one task."""

    agency: str
    role: str
    status: str
    percent: float | None


@dataclass(frozen=True)
class TaskSummary:
    """One task: the lead's report first, then the coordinators'."""

    plan: str
    key: str
    title: str
    lines: tuple[TaskLine, ...]


def signed_state(documents: Sequence[tuple[str, bool]]) -> str:
    """The "Đã ký số" cell for a bundle from the signed PDFs that followed it, oldest first, as
    (verdict, complete): both signatures valid, only some, or why the newest is not recognised; "" if none."""
    if any(verdict == "valid" and complete for verdict, complete in documents):
        return SIGNED_FULL
    if any(verdict == "valid" for verdict, _ in documents):
        return SIGNED_PARTLY
    if not documents:
        return ""
    return SIGNED_UNTRUSTED if documents[-1][0] == "untrusted" else SIGNED_INVALID


def agency_reports(period: Period, agencies: Iterable[tuple[str, str]], accepted: Mapping[str, Any],
                   rejected: Iterable[str], documents: Mapping[str, Sequence[tuple[str, bool]]] | None = None,
                   schedule: Schedule | None = None) -> list[AgencyReport]:
    """Every agency (code, name) with its state: ``accepted`` maps a code to its latest accepted bundle
    (``revision``, ``received_at`` epoch seconds, ``figures`` JSON, ``sha256``); ``rejected`` names agencies
    whose only bundles for the period were refused; ``documents`` maps a bundle's SHA-256 to the verdicts on
    the signed PDFs that followed it (``signed_state``).
    On time or late by ``schedule`` (the Sở's; else the default)."""
    schedule = schedule or Schedule()
    refused = set(rejected)
    out = []
    for code, name in agencies:
        bundle = accepted.get(code)
        if bundle is None:
            out.append(AgencyReport(code, name, REJECTED if code in refused else MISSING))
            continue
        received = datetime.fromtimestamp(bundle.received_at, UTC)
        state = ON_TIME if timeliness(period, received, schedule) == "on_time" else LATE
        signed = signed_state((documents or {}).get(getattr(bundle, "sha256", ""), ()))
        out.append(AgencyReport(code, name, state, bundle.revision, vietnam_time(received).strftime("%d/%m/%Y %H:%M"),
                                json.loads(bundle.figures or "{}"), signed))
    return out


def state_counts(reports: Sequence[AgencyReport]) -> dict[str, int]:
    """How many agencies are on time, late, missing and rejected (in that order)."""
    return {state: sum(1 for r in reports if r.state == state) for state in (ON_TIME, LATE, MISSING, REJECTED)}


def indicator_summaries(reports: Sequence[AgencyReport]) -> list[IndicatorSummary]:
    """Each indicator, in natural order of its number, with every agency's value and the province's aggregate."""
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for report in reports:
        for item in report.figures.get("indicators", ()):
            found.setdefault(str(item.get("key")), []).append((report.name, item))
    summaries = []
    for key in sorted(found, key=natural_key):
        entries = found[key]
        first = entries[0][1]
        target = first.get("target_value") if isinstance(first.get("target_value"), int | float) else None
        lines = tuple(_indicator_line(agency, item, target) for agency, item in entries)
        summaries.append(IndicatorSummary(key, str(first.get("name") or ""), str(first.get("unit") or ""),
                                          str(first.get("target_text") or ""), target, lines,
                                          _aggregate([item for _, item in entries])))
    return summaries


def task_summaries(reports: Sequence[AgencyReport]) -> list[TaskSummary]:
    """Each task, by plan and natural order of its number: the lead agency's line first."""
    found: dict[tuple[str, str], list[TaskLine]] = {}
    titles: dict[tuple[str, str], str] = {}
    for report in reports:
        for item in report.figures.get("tasks", ()):
            ref = (str(item.get("plan") or ""), str(item.get("key")))
            titles.setdefault(ref, str(item.get("title") or ""))
            outcome = task_outcome(parse_status(item.get("status")), item.get("not_applicable_reason"))
            status = outcome_label(outcome)  # an unknown status reads as none, as the agency's report shows it
            percent = item.get("percent") if isinstance(item.get("percent"), int | float) else None
            found.setdefault(ref, []).append(TaskLine(report.name, ROLE_LABELS.get(str(item.get("role")), ""),
                                                      status, percent))
    return [TaskSummary(plan, key, titles[(plan, key)],
                        tuple(sorted(found[(plan, key)], key=lambda line: line.role != ROLE_LABELS["lead"])))
            for plan, key in sorted(found, key=lambda ref: (ref[0], natural_key(ref[1])))]


def _indicator_line(agency: str, item: dict[str, Any], target: float | None) -> IndicatorLine:
    if item.get("not_applicable_reason"):
        return IndicatorLine(agency, NOT_APPLICABLE, None, True)
    value = achieved(item)
    if value is not None:
        text = _number(value) + ("%" if str(item.get("unit") or "").strip() == "%" else "")
    else:
        text = str(item.get("level") or "")
    return IndicatorLine(agency, text, None if value is None or target is None else value >= target - 1e-9, False)


def achieved(item: Mapping[str, Any]) -> float | None:
    """The value an agency reached: its value, or numerator/denominator in percent."""
    if isinstance(item.get("value"), int | float):
        return float(item["value"])
    numerator, denominator = item.get("numerator"), item.get("denominator")
    if isinstance(numerator, int | float) and isinstance(denominator, int | float) and denominator:
        return 100.0 * numerator / denominator
    return None


def _aggregate(items: list[dict[str, Any]]) -> str:
    """The province's figure where adding up makes sense: Σ numerators / Σ denominators for a ratio, the sum
    of a count; blank for levels and texts (which do not add)."""
    applicable = [i for i in items if not i.get("not_applicable_reason")]
    ratios = [i for i in applicable if isinstance(i.get("numerator"), int | float)
              and isinstance(i.get("denominator"), int | float)]
    if ratios and sum(i["denominator"] for i in ratios):
        numerator, denominator = sum(i["numerator"] for i in ratios), sum(i["denominator"] for i in ratios)
        return f"{_number(numerator)}/{_number(denominator)} ({_number(100 * numerator / denominator)}%)"
    counts = [i["value"] for i in applicable if i.get("kind") == "count" and isinstance(i.get("value"), int | float)]
    return _number(sum(counts)) if counts else ""


def _number(value: float) -> str:
    return format_number(round(value, 2))
