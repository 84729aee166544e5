"""Reading a report for the editor, on a worker: the rows, the plans' titles, last quarter's answers, and
the Qt models that show them, filled there; the UI thread only swaps them in.

Filling the two tables' 4,000 cells and the list's 700 on the UI thread took 0.5–2 s, longer while a sync
or an export ran (every call that returns a ``QModelIndex`` lets the busy workers take the GIL). Models
that no view shows yet and nothing is connected to can be filled on any thread. They are made empty on the
UI thread (``blank_models``), so they belong to it from the start: moving them there from the worker with
``moveToThread`` deadlocked a CI run. PySide keeps the GIL through that call, which takes one of Qt's shared
signal-slot mutexes, while the UI thread, disconnecting a slot, held that mutex and waited for the GIL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QStandardItemModel

from desktop.domain.item_state import item_state
from desktop.models.store import Store
from desktop.services import reports
from desktop.services.installation import installation_agency
from desktop.services.period_choice import periods_to_choose
from desktop.services.report_items import EditorContext, editor_context
from desktop.services.reports import ReportView
from desktop.views.report_editor.item_list import Tree, TreeChoice, build_tree, item_id
from desktop.views.report_models import ReportTableModel, indicator_columns, task_columns

Commit = Callable[[str, str, Any, Any], bool]


@dataclass
class LoadedReport:
    """A report read and its models filled, ready to be shown."""

    view: ReportView
    context: EditorContext
    tasks: ReportTableModel
    indicators: ReportTableModel
    tree: Tree
    states: dict[str, str]
    periods: list[str]  # what the period chooser offers, newest first


def read_report(store: Store, period_code: str | None) -> tuple[ReportView, EditorContext, list[str]]:
    """Everything the editor shows of a report: its rows, the plans' titles, last quarter's answers, and
    the periods its chooser offers."""
    view = reports.open_report(store, period_code)
    with store.session() as session:
        agency = installation_agency(session)
        return (view, editor_context(session, agency, view.period.code),
                periods_to_choose(session, agency, view.period.today))


@dataclass
class BlankModels:
    """The empty models a report is read into, made on the thread that will show them."""

    tasks: ReportTableModel
    indicators: ReportTableModel
    tree: QStandardItemModel


def blank_models(language: str, commits: tuple[Commit, Commit]) -> BlankModels:
    """Empty models for ``load_report``; called on the UI thread, so that no model changes thread."""
    return BlankModels(ReportTableModel("task", task_columns(), language, commits[0]),
                       ReportTableModel("indicator", indicator_columns(), language, commits[1]),
                       QStandardItemModel(0, 2))


def load_report(store: Store, period_code: str | None, language: str, commits: tuple[Commit, Commit],
                choice: TreeChoice, blank: BlankModels | None = None) -> LoadedReport:
    """Read the report and fill its models (on any thread): ``blank``'s, made on the UI thread, or new ones
    of the calling thread."""
    view, context, periods = read_report(store, period_code)
    models = blank or blank_models(language, commits)
    tasks, indicators = models.tasks, models.indicators
    tasks.set_rows(view.tasks, view.editable)
    indicators.set_rows(view.indicators, view.editable)
    for model in (tasks, indicators):  # 350 tooltips written here, not on the UI thread at the swap
        model.show_plan_titles(context.plan_titles)
    states = {**{item_id("task", t.ref): item_state(t, []) for t in view.tasks},
              **{item_id("indicator", i.ref): item_state(i, []) for i in view.indicators}}
    tree = build_tree(view.tasks, view.indicators, context.plan_titles, states, choice, models.tree)
    return LoadedReport(view, context, tasks, indicators, tree, states, periods)
