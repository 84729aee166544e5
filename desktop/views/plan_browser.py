"""Browse what the plans assign to this agency, tasks and indicators: filters (mine as lead / coordinator,
overdue, section, deadline kind) and a search that ignores diacritics; Enter opens the task in the editor.
The indicators show their name, unit, targets by phase and area (the plan's group); the text, role and
plan filters narrow them too (sections and deadlines are the tasks')."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.deadlines import KINDS
from desktop.domain.item_filter import ItemFilter, filter_indicators, filter_tasks, sections
from desktop.domain.vietnam_clock import vietnam_today
from desktop.services.report_items import IndicatorItem, TaskItem
from desktop.views.cut_cell_tips import CutCellTips
from desktop.views.report_models import Column, ReportTableModel

SECTION_LABEL = 60  # characters of a section's title in the filter's list (the whole title is its tooltip)
SECTION_FIELD = 12  # characters the closed filter shows: «Mọi phần» whole; more widens the window past 700 px

KIND_LABELS = {"date": ("Ngày cụ thể", "Exact date"), "month": ("Tháng", "Month"), "quarter": ("Quý", "Quarter"),
               "year": ("Năm", "Year"), "range": ("Giai đoạn", "Period of years"),
               "recurring": ("Thường xuyên", "Recurring"), "conditional": ("Theo điều kiện", "Conditional"),
               "none": ("Không ghi", "None")}


class PlanBrowser(QWidget):
    """The assigned tasks with filters; ``open_task(ref)`` asks the window to edit one."""

    open_task = Signal(str)
    declare_requested = Signal()

    def __init__(self, language: str, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language, self.today = language, today or vietnam_today()
        self._tasks: list[TaskItem] = []
        self._indicators: list[IndicatorItem] = []
        self.search = QLineEdit()
        self.search.setObjectName("planSearch")
        self.search.setPlaceholderText(self.tr("Tìm (không cần dấu): chuyen doi so…"))
        self.search.setClearButtonEnabled(True)
        self.role = QComboBox()
        self.role.addItem(self.tr("Mọi vai trò"), None)
        self.role.addItem(self.tr("Tôi chủ trì"), "lead")
        self.role.addItem(self.tr("Tôi phối hợp / báo cáo số liệu"), "coordinator")
        self.section = QComboBox()
        # Sized for its longest label before the plans are read: «Mọi phần» was cut to «Mọi phầr».
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(SECTION_FIELD)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Mọi loại thời hạn"), None)
        for kind in KINDS:
            vi, en = KIND_LABELS[kind]
            self.kind.addItem(en if language == "en" else vi, kind)
        self.overdue = QCheckBox(self.tr("Chỉ &quá hạn"))
        self.count = QLabel()
        columns = (Column("key", self.tr("Mục")), Column("title", self.tr("Nhiệm vụ")),
                   Column("role", self.tr("Vai trò")), Column("lead", self.tr("Chủ trì")),
                   Column("deadline_text", self.tr("Thời hạn")), Column("status", self.tr("Tình trạng")))
        self.model = ReportTableModel("task", columns, language, lambda *_: False, self)
        self.table = QTableView()
        self.table.setObjectName("planTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_task.emit(self.model.row_item(index.row()).ref))
        for n, width in ((0, 8), (2, 10), (3, 22), (4, 18), (5, 16)):
            self.table.setColumnWidth(n, width * self.fontMetrics().averageCharWidth())
        indicator_columns = (Column("key", self.tr("STT")), Column("name", self.tr("Chỉ tiêu")),
                             Column("unit", self.tr("Đơn vị tính")), Column("targets", self.tr("Mục tiêu")),
                             Column("group", self.tr("Lĩnh vực")), Column("role", self.tr("Vai trò")))
        self.indicator_model = ReportTableModel("indicator", indicator_columns, language, lambda *_: False, self)
        self.indicator_table = QTableView()
        self.indicator_table.setObjectName("planIndicatorTable")
        self.indicator_table.setModel(self.indicator_model)
        self.indicator_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicator_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicator_table.setWordWrap(True)
        self.indicator_table.verticalHeader().setVisible(False)
        self.indicator_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for n, width in ((0, 6), (2, 12), (3, 30), (4, 22)):
            self.indicator_table.setColumnWidth(n, width * self.fontMetrics().averageCharWidth())
        role_text = QCoreApplication.translate("ReportModels", "Báo cáo số liệu")  # on one line, not cut
        self.indicator_table.setColumnWidth(5, self.fontMetrics().horizontalAdvance(role_text)
                                            + self.fontMetrics().averageCharWidth() * 4)
        self.tips = (CutCellTips(self.table), CutCellTips(self.indicator_table))
        self.indicator_count = QLabel()
        self.indicator_role = QLabel(self.tr("Mọi cơ quan báo cáo số liệu của đơn vị mình cho từng chỉ tiêu; "
                                             "Sở tổng hợp."))
        self.indicator_role.setObjectName("planIndicatorRole")
        self.indicator_role.setWordWrap(True)
        tasks = QWidget()
        tasks_layout = QVBoxLayout(tasks)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addWidget(self.count)  # with its own table, as the indicators' count is
        tasks_layout.addWidget(self.table, 1)
        indicators = QWidget()
        indicators_layout = QVBoxLayout(indicators)
        indicators_layout.setContentsMargins(0, 0, 0, 0)
        indicators_layout.addWidget(self.indicator_count)
        indicators_layout.addWidget(self.indicator_role)
        indicators_layout.addWidget(self.indicator_table, 1)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(tasks)
        lists.addWidget(indicators)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        find = QLabel(self.tr("Tì&m:"))
        find.setBuddy(self.search)
        filters = QHBoxLayout()
        filters.addWidget(find)
        filters.addWidget(self.search, 3)
        for widget in (self.role, self.section, self.kind, self.overdue):
            filters.addWidget(widget)
        self.notice = QLabel(self.tr("Máy này chưa khai báo cơ quan báo cáo: đây là toàn bộ các kế hoạch đã nhập, "
                                     "chỉ để đọc. Khai báo cơ quan để biết việc nào của mình và lập báo cáo."))
        self.notice.setObjectName("planNoAgency")
        self.notice.setWordWrap(True)
        self.declare_button = QPushButton(self.tr("&Khai báo cơ quan báo cáo…"))
        self.declare_button.clicked.connect(self.declare_requested)
        self.notice_row = QWidget()
        notice_layout = QHBoxLayout(self.notice_row)
        notice_layout.setContentsMargins(0, 0, 0, 0)
        notice_layout.addWidget(self.notice, 1)
        notice_layout.addWidget(self.declare_button)
        self.notice_row.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_row)
        layout.addLayout(filters)
        layout.addWidget(lists, 1)
        self.search.textChanged.connect(self.apply)
        for combo in (self.role, self.section, self.kind):
            combo.currentIndexChanged.connect(self.apply)
        self.overdue.toggled.connect(self.apply)
        QWidget.setTabOrder(self.search, self.role)
        QWidget.setTabOrder(self.role, self.section)
        QWidget.setTabOrder(self.section, self.kind)
        QWidget.setTabOrder(self.kind, self.overdue)
        QWidget.setTabOrder(self.overdue, self.table)
        QWidget.setTabOrder(self.table, self.indicator_table)

    def set_tasks(self, tasks: list[TaskItem], indicators: list[IndicatorItem] | None = None) -> None:
        """Browse these tasks and indicators (the current report's; the indicators kept when not given)."""
        self.notice_row.hide()
        self._fill(tasks, indicators)

    def show_unassigned(self, tasks: list[TaskItem], indicators: list[IndicatorItem]) -> None:
        """Browse the stored plans whole, read-only, while no agency is declared (nothing is anyone's yet)."""
        self._fill(tasks, indicators)
        self.notice_row.show()

    def _fill(self, tasks: list[TaskItem], indicators: list[IndicatorItem] | None) -> None:
        self._tasks = list(tasks)
        if indicators is not None:
            self._indicators = list(indicators)
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("Mọi phần"), None)
        for plan, code, title in sections(self._tasks):
            self.section.addItem(f"{plan} — {code}. {title[:SECTION_LABEL]}", (plan, code))
            self.section.setItemData(self.section.count() - 1, f"{plan} — {code}. {title}",
                                     Qt.ItemDataRole.ToolTipRole)
        self.section.blockSignals(False)
        metrics = self.section.fontMetrics()  # the open list shows the labels whole, wider than the field
        self.section.view().setMinimumWidth(max(metrics.horizontalAdvance(self.section.itemText(n))
                                                for n in range(self.section.count())) + metrics.averageCharWidth() * 4)
        self.apply()

    def choice(self) -> ItemFilter:
        """The filter as the controls show it."""
        plan, section = self.section.currentData() or (None, None)
        return ItemFilter(text=self.search.text(), role=self.role.currentData(), plan=plan, section=section,
                          deadline_kind=self.kind.currentData(),
                          overdue_on=self.today if self.overdue.isChecked() else None)

    def apply(self) -> None:
        """Show the tasks that pass the filters."""
        shown = filter_tasks(self._tasks, self.choice())
        self.model.set_rows(shown, editable=False)
        self.count.setText(self.tr("{0} / {1} nhiệm vụ").format(len(shown), len(self._tasks)))
        choice = self.choice()
        indicators = filter_indicators(self._indicators, choice)
        self.indicator_model.set_rows(indicators, editable=False)
        self.indicator_count.setText(self.tr("Chỉ tiêu: {0} / {1}").format(len(indicators), len(self._indicators)))

    def visible_keys(self) -> list[str]:
        """The keys shown, in order (what a user reads down the first column)."""
        return [item.key for item in self.model.items()]

    def visible_indicators(self) -> list[str]:
        """The indicators' names shown, in order."""
        return [item.name for item in self.indicator_model.items()]
