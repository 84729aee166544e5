"""Which tasks and indicators a list shows: diacritic-insensitive search and the browser's filters.

Pure rules over any object with the attributes of a report row (``TaskItem``/``IndicatorItem`` of the
services, or a test's dataclass): nothing here knows of Qt or the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from desktop.domain.task_status import DONE, DONE_LATE
from desktop.domain.text import fold

MAX_QUERY = 200
_FINISHED = (DONE, DONE_LATE)


class TaskRow(Protocol):
    """What the filter reads of a task row."""

    plan: str
    key: str
    title: str
    role: str
    section: str
    section_title: str
    lead: str
    coordinators: str
    deadline_text: str
    deadline_kind: str
    due: str | None
    expected_result: str | None
    status: str | None


class IndicatorRow(Protocol):
    """What the filter reads of an indicator row."""

    plan: str
    key: str
    group: str
    name: str
    unit: str
    role: str


T = TypeVar("T", bound=TaskRow)
I = TypeVar("I", bound=IndicatorRow)  # noqa: E741 - the conventional name beside T


@dataclass(frozen=True)
class ItemFilter:
    """The browser's choices; an empty filter keeps everything."""

    text: str = ""
    role: str | None = None
    plan: str | None = None
    overdue_on: date | None = None
    section: str | None = None
    deadline_kind: str | None = None


def query_words(text: str) -> tuple[str, ...]:
    """The folded words of a search ("Chuyển đổi  số" → ("chuyen", "doi", "so")), bounded in length."""
    return tuple(fold(text[:MAX_QUERY]).split())


def matches_words(words: Sequence[str], *fields: str | None) -> bool:
    """Whether every word occurs in the folded text of the fields (in any of them, in any order)."""
    if not words:
        return True
    haystack = " ".join(fold(f) for f in fields if f)
    return all(word in haystack for word in words)


def is_overdue(task: TaskRow, today: date) -> bool:
    """A task whose dated deadline has passed and which is not finished."""
    if not task.due or task.status in _FINISHED:
        return False
    try:
        return date.fromisoformat(task.due) < today
    except ValueError:
        return False


def filter_tasks(tasks: Iterable[T], choice: ItemFilter) -> list[T]:
    """The tasks that pass every filter of ``choice``, in their order."""
    words = query_words(choice.text)
    out = []
    for task in tasks:
        if choice.role and task.role != choice.role:
            continue
        if choice.plan and task.plan != choice.plan:
            continue
        if choice.section and task.section != choice.section:
            continue
        if choice.deadline_kind and task.deadline_kind != choice.deadline_kind:
            continue
        if choice.overdue_on is not None and not is_overdue(task, choice.overdue_on):
            continue
        if not matches_words(words, task.key, task.title, task.section_title, task.lead, task.coordinators,
                             task.deadline_text, task.expected_result):
            continue
        out.append(task)
    return out


def filter_indicators(indicators: Iterable[I], choice: ItemFilter) -> list[I]:
    """The indicators that pass the text, role and plan filters (sections and deadlines are for tasks)."""
    words = query_words(choice.text)
    return [i for i in indicators
            if (not choice.role or i.role == choice.role) and (not choice.plan or i.plan == choice.plan)
            and matches_words(words, i.key, i.group, i.name, i.unit)]


def sections(tasks: Iterable[TaskRow]) -> list[tuple[str, str, str]]:
    """The distinct (plan, code, title) sections of the tasks: plans in first-seen order, each plan's sections
    in its own numbering (I, II, …, IX; 1, 2, …, 10), so that two plans' numerals never interleave."""
    plans: dict[str, dict[str, str]] = {}
    for task in tasks:
        if task.section:
            plans.setdefault(task.plan, {}).setdefault(task.section, task.section_title)
    return [(plan, code, found[code]) for plan, found in plans.items()
            for code in sorted(found, key=section_order)]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def section_order(code: str) -> tuple[int, ...]:
    """A sort key that follows a plan's numbering: "II" < "IV" < "IX" < "X", "2" < "10", "II.3" < "II.10"."""
    key: list[int] = []
    for part in code.strip().strip(".").split("."):
        part = part.strip()
        if part.isdigit():
            key.append(int(part))
        elif part and all(c in _ROMAN for c in part.upper()):
            key.append(roman_value(part.upper()))
        else:
            key.append(10_000 + sum(ord(c) for c in part))
    return tuple(key)


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral made of I, V, X, L, C ("IV" → 4)."""
    total = 0
    for n, char in enumerate(numeral):
        value = _ROMAN[char]
        following = _ROMAN[numeral[n + 1]] if n + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total
