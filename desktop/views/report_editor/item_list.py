"""The editor's left side: the report's items grouped by plan and section in the plan's own numbering, each
with its state, and filters (mine as lead / coordinator, unanswered, with issues, overdue) and a search that
ignores diacritics.

The tree's cells are made in C++ (``plain_items.set_cell``): painting it never waits for the GIL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.item_filter import ItemFilter, filter_indicators, filter_tasks, section_order
from desktop.domain.item_state import HAS_ERROR, HAS_WARNING, UNANSWERED, state_label
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
        self._painted: dict[str, str] = {}
        self._order: list[str] = []
        self._rows: dict[str, QModelIndex] = {}
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
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Mục"), self.tr("Trạng thái")])
        self.tree = QTreeView()
        self.tree.setObjectName("itemTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.search.textChanged.connect(lambda _t: self.rebuild())
        self.filter.currentIndexChanged.connect(lambda _n: self.rebuild())
        self.plan.currentIndexChanged.connect(lambda _n: self.rebuild())
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.plan, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        QWidget.setTabOrder(self.search, self.filter)
        QWidget.setTabOrder(self.filter, self.plan)
        QWidget.setTabOrder(self.plan, self.tree)

    def set_items(self, tasks: Sequence[TaskItem], indicators: Sequence[IndicatorItem], titles: dict[str, str],
                  states: dict[str, str]) -> None:
        """Show a newly opened report's items."""
        self._tasks, self._indicators, self._titles, self._states = list(tasks), list(indicators), titles, states
        plans = list(dict.fromkeys([t.plan for t in tasks] + [i.plan for i in indicators]))
        self.plan.blockSignals(True)
        self.plan.clear()
        self.plan.addItem(self.tr("Mọi kế hoạch"), None)
        for code in plans:
            self.plan.addItem(self._plan_label(code), code)
        self.plan.blockSignals(False)
        self.rebuild()

    def set_states(self, states: dict[str, str]) -> None:
        """Show new states (after a validation) without rebuilding the tree."""
        self._states = states
        self._paint_states()
        if self.filter.currentData() in (UNANSWERED_ONLY, WITH_ISSUES):
            self.rebuild()

    def _plan_label(self, code: str) -> str:
        title = self._titles.get(code, "")
        short = title if len(title) <= SHORT_TITLE else title[:SHORT_TITLE].rsplit(" ", 1)[0] + "…"
        return f"{code} — {short}" if short else code

    def _choice(self) -> ItemFilter:
        role = self.filter.currentData()
        return ItemFilter(text=self.search.text(), role=role if role in (LEAD, COORDINATOR) else None,
                          plan=self.plan.currentData(),
                          overdue_on=self.today if self.filter.currentData() == OVERDUE else None)

    def _keep(self, name: str) -> bool:
        wanted = self.filter.currentData()
        state = self._states.get(name, UNANSWERED)
        if wanted == UNANSWERED_ONLY:
            return state == UNANSWERED
        if wanted == WITH_ISSUES:
            return state in (HAS_ERROR, HAS_WARNING)
        return True

    def rebuild(self) -> None:
        """Fill the tree with the items that pass the filters, keeping the current item if it is shown."""
        current = self.current()
        choice = self._choice()
        tasks = [t for t in filter_tasks(self._tasks, choice) if self._keep(item_id("task", t.ref))]
        indicators = [] if self.filter.currentData() == OVERDUE else [
            i for i in filter_indicators(self._indicators, choice) if self._keep(item_id("indicator", i.ref))]
        self.model.removeRows(0, self.model.rowCount())
        self._order, self._rows, self._painted = [], {}, {}
        for plan in dict.fromkeys([t.plan for t in tasks] + [i.plan for i in indicators]):
            plan_index = self._group(QModelIndex(), self._plan_label(plan))
            sections: dict[str, list[TaskItem]] = {}
            for task in tasks:
                if task.plan == plan:
                    sections.setdefault(task.section, []).append(task)
            for section in sorted(sections, key=section_order):
                rows = sections[section]
                title = rows[0].section_title
                parent = self._group(plan_index, f"{section}. {title}" if section else self.tr("Nhiệm vụ"))
                for task in rows:
                    self._leaf(parent, "task", task.ref, f"{task.key}  {task.title}")
            shown = [i for i in indicators if i.plan == plan]
            if shown:
                parent = self._group(plan_index, self.tr("Chỉ tiêu"))
                for indicator in shown:
                    self._leaf(parent, "indicator", indicator.ref, f"{indicator.key}  {indicator.name}")
        self.tree.expandAll()
        self._paint_states()
        if current and current in self._rows:
            self.select(*current.split("|", 1))

    def set_state(self, name: str, state: str) -> None:
        """Show one item's new state (after a save)."""
        self._states[name] = state
        self._paint_states()

    def _paint_states(self) -> None:
        # Only the states that changed: each cell reached costs GIL hand-overs while a worker computes.
        for name, index in self._rows.items():
            state = self._states.get(name, UNANSWERED)
            if self._painted.get(name) == state:
                continue
            self._painted[name] = state
            cell = self.model.itemFromIndex(index.siblingAtColumn(1))
            cell.setText(state_label(state, self.language))
            cell.setForeground(QBrush(QColor(_STATE_COLOURS.get(state, "#1b5e20"))))

    def _group(self, parent: QModelIndex, text: str) -> QModelIndex:
        row = self.model.rowCount(parent)
        self.model.insertRows(row, 1, parent)
        if parent.isValid() and self.model.columnCount(parent) < 2:
            self.model.insertColumns(0, 2, parent)
        index = self.model.index(row, 0, parent)
        set_cell(self.model, index, {Qt.ItemDataRole.DisplayRole: text, Qt.ItemDataRole.ToolTipRole: text}, _GROUP)
        set_cell(self.model, self.model.index(row, 1, parent), {}, _GROUP)
        return self.model.index(row, 0, parent)

    def _leaf(self, parent: QModelIndex, kind: str, ref: str, text: str) -> None:
        row = self.model.rowCount(parent)
        self.model.insertRows(row, 1, parent)
        if self.model.columnCount(parent) < 2:
            self.model.insertColumns(0, 2, parent)
        name = item_id(kind, ref)
        index = self.model.index(row, 0, parent)
        set_cell(self.model, index, {Qt.ItemDataRole.DisplayRole: text, Qt.ItemDataRole.ToolTipRole: text,
                                     REF_ROLE: name}, _SHOWN)
        set_cell(self.model, self.model.index(row, 1, parent), {}, _SHOWN)
        self._rows[name] = self.model.index(row, 0, parent)
        self._order.append(name)

    # selection -------------------------------------------------------------------------------------
    def current(self) -> str | None:
        """The selected item's name ("kind|ref"), or None."""
        index = self.tree.currentIndex()
        value = index.siblingAtColumn(0).data(REF_ROLE) if index.isValid() else None
        return str(value) if value else None

    def select(self, kind: str, ref: str) -> bool:
        """Make the item current (False when the filters hide it)."""
        index = self._rows.get(item_id(kind, ref))
        if index is None:
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def neighbour(self, step: int) -> tuple[str, str] | None:
        """The (kind, ref) of the item ``step`` places after the current one in the list, or None."""
        if not self._order:
            return None
        current = self.current()
        n = self._order.index(current) + step if current in self._order else 0
        if not 0 <= n < len(self._order):
            return None
        kind, ref = self._order[n].split("|", 1)
        return kind, ref

    def first(self) -> tuple[str, str] | None:
        """The first item shown."""
        if not self._order:
            return None
        kind, ref = self._order[0].split("|", 1)
        return kind, ref

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        name = current.siblingAtColumn(0).data(REF_ROLE) if current.isValid() else None
        if name:
            kind, ref = str(name).split("|", 1)
            self.chosen.emit(kind, ref)
