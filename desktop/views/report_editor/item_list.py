"""The editor's left side: the report's items grouped by plan and section in the plan's own numbering, each
with its state, and filters (mine as lead / coordinator, unanswered, with issues, overdue) and a search that
ignores diacritics.

The tree's cells are made in C++ (``plain_items.set_cell``): painting it never waits for the GIL. The tree
is built into a model of its own, away from the view, and then shown in one step: built under the view,
each cell's change made Qt measure the whole state column again (five seconds for 350 items). A report
being opened has its tree built on the worker that reads it (``build_tree`` runs on any thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.item_filter import ItemFilter, filter_indicators, filter_tasks, section_order
from desktop.domain.item_state import HAS_ERROR, HAS_WARNING, STATES, UNANSWERED, state_label
from desktop.domain.vietnam_clock import vietnam_today
from desktop.services.report_items import IndicatorItem, TaskItem
from desktop.views.plain_items import set_cell

REF_ROLE = Qt.ItemDataRole.UserRole + 1
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_GROUP = Qt.ItemFlag.ItemIsEnabled
_STATE_COLOURS = {HAS_ERROR: "#b71c1c", HAS_WARNING: "#8a6d00", UNANSWERED: "#555555"}
SHORT_TITLE = 60
ALL, LEAD, COORDINATOR, UNANSWERED_ONLY, WITH_ISSUES, OVERDUE = ("", "lead", "coordinator", "unanswered", "issues",
                                                                 "overdue")


def item_id(kind: str, ref: str) -> str:
    """The name of an item in the list: "task|3256/QĐ-UBND::II.3"."""
    return f"{kind}|{ref}"


@dataclass(frozen=True)
class TreeChoice:
    """What the tree shows: the filters as the user set them, and the words of its group rows."""

    items: ItemFilter
    wanted: str
    language: str
    headers: tuple[str, str]
    tasks_word: str
    indicators_word: str


@dataclass
class Tree:
    """A filled model, not yet shown, with its items' order and cells."""

    model: QStandardItemModel
    choice: TreeChoice
    order: list[str] = field(default_factory=list)
    rows: dict[str, QModelIndex] = field(default_factory=dict)
    painted: dict[str, str] = field(default_factory=dict)


def plan_label(code: str, titles: dict[str, str]) -> str:
    """"3256/QĐ-UBND — Kế hoạch thực hiện …" with the title cut at a word."""
    title = titles.get(code, "")
    short = title if len(title) <= SHORT_TITLE else title[:SHORT_TITLE].rsplit(" ", 1)[0] + "…"
    return f"{code} — {short}" if short else code


def keeps(state: str, wanted: str) -> bool:
    """Whether an item in ``state`` passes the state filter ``wanted``."""
    if wanted == UNANSWERED_ONLY:
        return state == UNANSWERED
    if wanted == WITH_ISSUES:
        return state in (HAS_ERROR, HAS_WARNING)
    return True


def build_tree(tasks: Sequence[TaskItem], indicators: Sequence[IndicatorItem], titles: dict[str, str],
               states: dict[str, str], choice: TreeChoice, model: QStandardItemModel | None = None) -> Tree:
    """The tree of the items that pass ``choice``, with their states, in ``model`` (empty, two columns) or a
    new one; on any thread, with a model made on the UI thread (``loading.blank_models``)."""
    shown_tasks = [t for t in filter_tasks(tasks, choice.items)
                   if keeps(states.get(item_id("task", t.ref), UNANSWERED), choice.wanted)]
    shown_indicators = [] if choice.wanted == OVERDUE else [
        i for i in filter_indicators(indicators, choice.items)
        if keeps(states.get(item_id("indicator", i.ref), UNANSWERED), choice.wanted)]
    tree = Tree(model if model is not None else QStandardItemModel(0, 2), choice)
    tree.model.setHorizontalHeaderLabels(list(choice.headers))
    for plan in dict.fromkeys([t.plan for t in shown_tasks] + [i.plan for i in shown_indicators]):
        plan_index = _group(tree.model, QModelIndex(), plan_label(plan, titles))
        sections: dict[str, list[TaskItem]] = {}
        for task in shown_tasks:
            if task.plan == plan:
                sections.setdefault(task.section, []).append(task)
        for section in sorted(sections, key=section_order):
            rows = sections[section]
            parent = _group(tree.model, plan_index,
                            f"{section}. {rows[0].section_title}" if section else choice.tasks_word)
            for task in rows:
                _leaf(tree, parent, "task", task.ref, f"{task.key}  {task.title}")
        in_plan = [i for i in shown_indicators if i.plan == plan]
        if in_plan:
            parent = _group(tree.model, plan_index, choice.indicators_word)
            for indicator in in_plan:
                _leaf(tree, parent, "indicator", indicator.ref, f"{indicator.key}  {indicator.name}")
    paint_states(tree, states)
    return tree


def paint_states(tree: Tree, states: dict[str, str]) -> None:
    """Show each item's state; only the states that changed are written."""
    for name, index in tree.rows.items():
        state = states.get(name, UNANSWERED)
        if tree.painted.get(name) == state:
            continue
        tree.painted[name] = state
        cell = tree.model.itemFromIndex(index.siblingAtColumn(1))
        cell.setText(state_label(state, tree.choice.language))
        cell.setForeground(QBrush(QColor(_STATE_COLOURS.get(state, "#1b5e20"))))


def _group(model: QStandardItemModel, parent: QModelIndex, text: str) -> QModelIndex:
    row = model.rowCount(parent)
    model.insertRows(row, 1, parent)
    if parent.isValid() and model.columnCount(parent) < 2:
        model.insertColumns(0, 2, parent)
    index = model.index(row, 0, parent)
    set_cell(model, index, {Qt.ItemDataRole.DisplayRole: text, Qt.ItemDataRole.ToolTipRole: text}, _GROUP)
    set_cell(model, model.index(row, 1, parent), {}, _GROUP)
    return model.index(row, 0, parent)


def _leaf(tree: Tree, parent: QModelIndex, kind: str, ref: str, text: str) -> None:
    model = tree.model
    row = model.rowCount(parent)
    model.insertRows(row, 1, parent)
    if model.columnCount(parent) < 2:
        model.insertColumns(0, 2, parent)
    name = item_id(kind, ref)
    index = model.index(row, 0, parent)
    set_cell(model, index, {Qt.ItemDataRole.DisplayRole: text, Qt.ItemDataRole.ToolTipRole: text,
                            REF_ROLE: name}, _SHOWN)
    set_cell(model, model.index(row, 1, parent), {}, _SHOWN)
    tree.rows[name] = model.index(row, 0, parent)
    tree.order.append(name)


class ItemList(QWidget):
    """Every item of the report, grouped; ``chosen`` tells which the user selected."""

    chosen = Signal(str, str)  # kind, ref

    def __init__(self, language: str, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.today = today or vietnam_today()
        self._tasks: list[TaskItem] = []
        self._indicators: list[IndicatorItem] = []
        self._titles: dict[str, str] = {}
        self._states: dict[str, str] = {}
        self.search = QLineEdit()
        self.search.setObjectName("itemSearch")
        self.search.setPlaceholderText(self.tr("Tìm (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        self.filter.setObjectName("itemFilter")
        for label, code in ((self.tr("Mọi mục"), ALL), (self.tr("Tôi chủ trì"), LEAD),
                            (self.tr("Tôi phối hợp"), COORDINATOR), (self.tr("Chưa nhập"), UNANSWERED_ONLY),
                            (self.tr("Có lỗi hoặc cảnh báo"), WITH_ISSUES), (self.tr("Quá hạn"), OVERDUE)):
            self.filter.addItem(label, code)
        self.plan = QComboBox()
        self.plan.setObjectName("itemPlan")
        self.tree = QTreeView()
        self.tree.setObjectName("itemTree")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        metrics = self.tree.fontMetrics()
        self.tree.header().setMinimumSectionSize(0)
        self._state_width = 24 + max(metrics.horizontalAdvance(state_label(state, language))
                                     for state in STATES)
        self._tree = build_tree([], [], {}, {}, self.choice())
        self.show_tree(self._tree)
        self.search.textChanged.connect(lambda _t: self.rebuild())
        self.filter.currentIndexChanged.connect(lambda _n: self.rebuild())
        self.plan.currentIndexChanged.connect(lambda _n: self.rebuild())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.filter)
        layout.addWidget(self.plan)  # on its own row: beside the filter a plan's name was cut to a few letters
        layout.addWidget(self.tree, 1)
        QWidget.setTabOrder(self.search, self.filter)
        QWidget.setTabOrder(self.filter, self.plan)
        QWidget.setTabOrder(self.plan, self.tree)

    def set_items(self, tasks: Sequence[TaskItem], indicators: Sequence[IndicatorItem], titles: dict[str, str],
                  states: dict[str, str], tree: Tree | None = None) -> None:
        """Show a newly opened report's items (``tree``: built already, on the worker that read them, for
        the filters of ``choice()``)."""
        self._tasks, self._indicators, self._titles, self._states = list(tasks), list(indicators), titles, states
        plans = list(dict.fromkeys([t.plan for t in tasks] + [i.plan for i in indicators]))
        chosen_plan = self.plan.currentData()
        self.plan.blockSignals(True)
        self.plan.clear()
        self.plan.addItem(self.tr("Mọi kế hoạch"), None)
        for code in plans:
            self.plan.addItem(plan_label(code, titles), code)
        self.plan.setCurrentIndex(max(0, self.plan.findData(chosen_plan)))
        self.plan.blockSignals(False)
        if tree is not None and tree.choice == self.choice():
            self._show_kept(tree)
        else:
            self.rebuild()

    def update_states(self, states: dict[str, str]) -> None:
        """Show the new states of some items (after a validation) without rebuilding the tree."""
        if not states:
            return
        self._states.update(states)
        paint_states(self._tree, self._states)
        if self.filter.currentData() in (UNANSWERED_ONLY, WITH_ISSUES):
            self.rebuild()

    def choice(self) -> TreeChoice:
        """The filters as set now, and the tree's words."""
        role = self.filter.currentData()
        items = ItemFilter(text=self.search.text(), role=role if role in (LEAD, COORDINATOR) else None,
                           plan=self.plan.currentData(),
                           overdue_on=self.today if self.filter.currentData() == OVERDUE else None)
        return TreeChoice(items, str(self.filter.currentData() or ""), self.language,
                          (self.tr("Mục"), self.tr("Trạng thái")), self.tr("Nhiệm vụ"), self.tr("Chỉ tiêu"))

    def rebuild(self) -> None:
        """Fill the tree with the items that pass the filters, keeping the current item if it is shown."""
        self._show_kept(build_tree(self._tasks, self._indicators, self._titles, self._states, self.choice()))

    def _show_kept(self, tree: Tree) -> None:
        current = self.current()
        self.show_tree(tree)
        if current and current in tree.rows:
            self.select(*current.split("|", 1))

    def show_tree(self, tree: Tree) -> None:
        """Show a built tree in place of the one shown (a tree built on a worker is taken to this thread)."""
        model = tree.model
        if model.thread() is not self.thread():
            raise RuntimeError("build_tree's model must be made on the UI thread (see loading.blank_models)")
        old = self.tree.model()
        model.setParent(self)
        self.tree.setModel(model)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        # A new model gives the header new sections, with the default resize mode: set them again each time
        # (set once, the item names were left at their first width, cut to a few letters beside empty space).
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The state column is as wide as its longest word: measured from its contents, it was measured again
        # for every state written.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self._state_width)
        self.tree.expandAll()
        self._tree = tree
        paint_states(tree, self._states)
        if old is not None:
            old.deleteLater()

    def set_state(self, name: str, state: str) -> None:
        """Show one item's new state (after a save)."""
        self._states[name] = state
        paint_states(self._tree, self._states)

    def shown(self) -> list[str]:
        """The items shown, in order ("kind|ref")."""
        return list(self._tree.order)

    @property
    def model(self) -> QStandardItemModel:
        """The tree's model."""
        return self._tree.model

    # selection -------------------------------------------------------------------------------------
    def current(self) -> str | None:
        """The selected item's name ("kind|ref"), or None."""
        index = self.tree.currentIndex()
        value = index.siblingAtColumn(0).data(REF_ROLE) if index.isValid() else None
        return str(value) if value else None

    def select(self, kind: str, ref: str) -> bool:
        """Make the item current (False when the filters hide it)."""
        index = self._tree.rows.get(item_id(kind, ref))
        if index is None:
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def neighbour(self, step: int) -> tuple[str, str] | None:
        """The (kind, ref) of the item ``step`` places after the current one in the list, or None."""
        if not self._tree.order:
            return None
        current = self.current()
        n = self._tree.order.index(current) + step if current in self._tree.order else 0
        if not 0 <= n < len(self._tree.order):
            return None
        kind, ref = self._tree.order[n].split("|", 1)
        return kind, ref

    def first(self) -> tuple[str, str] | None:
        """The first item shown."""
        if not self._tree.order:
            return None
        kind, ref = self._tree.order[0].split("|", 1)
        return kind, ref

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        name = current.siblingAtColumn(0).data(REF_ROLE) if current.isValid() else None
        if name:
            kind, ref = str(name).split("|", 1)
            self.chosen.emit(kind, ref)
