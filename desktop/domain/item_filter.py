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
    """The indicators that pass the text and role filters (sections and deadlines are for tasks)."""
    words = query_words(choice.text)
    return [i for i in indicators
            if (not choice.role or i.role == choice.role) and matches_words(words, i.key, i.group, i.name, i.unit)]


def sections(tasks: Iterable[TaskRow]) -> list[tuple[str, str]]:
    """The distinct (code, title) sections of the tasks, in first-seen order."""
    seen: dict[str, str] = {}
    for task in tasks:
        if task.section and task.section not in seen:
            seen[task.section] = task.section_title
    return list(seen.items())
