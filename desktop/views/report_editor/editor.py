"""The report editor: one item at a time in a form (the report's items listed at left, grouped by plan and
section, each with its state), or every item in a grid; every edit saved at once and undoable, validation
shown beside the field or on the cell it concerns, and the evidence of the selected item beside them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.item_state import item_state
from desktop.domain.validation import ValidationResult
from desktop.domain.validation_issues import ERROR, WARNING, Issue, field_label
from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import reports, validation
from desktop.services.installation import installation_agency
from desktop.services.report_items import EditorContext, IndicatorItem, TaskItem, editor_context
from desktop.services.reports import ReportView
from desktop.views.evidence_panel import EvidencePanel
from desktop.views.narrative_panel import NarrativePanel
from desktop.views.plain_items import fill_list
from desktop.views.report_delegates import ReportDelegate
from desktop.views.report_editor.item_form import ItemForm, field_name
from desktop.views.report_editor.item_list import ItemList, item_id
from desktop.views.report_models import ReportTableModel, indicator_columns, task_columns
from desktop.views.worker import Operation, run_operation, show_error

VALIDATE_DELAY_MS = 300
EVIDENCE_DELAY_MS = 150
ISSUE_BATCH = 40
COLUMN_WIDTHS = {"key": 9, "title": 36, "name": 32, "role": 11, "deadline_text": 20, "status": 20, "percent": 10,
                 "result": 28, "difficulties": 20, "proposals": 20, "not_applicable_reason": 18, "evidence": 8,
                 "unit": 7, "targets": 18, "numerator": 8, "denominator": 8, "value": 8, "level": 7, "note": 24}


class CellEdit(QUndoCommand):
    """One saved cell change; undo and redo save again through the services (autosave stays true)."""

    def __init__(self, editor: ReportEditor, kind: str, ref: str, field: str, old: Any, new: Any) -> None:
        super().__init__(QCoreApplication.translate("ReportEditor", "Sửa «{0}» mục {1}").format(
            field_label(field, editor.language), ref.rpartition("::")[2]))
        self._editor, self._kind, self._ref, self._field = editor, kind, ref, field
        self._old, self._new = old, new
        self._applied = True  # pushed after the service took the value

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.save(self._kind, self._ref, self._field, self._new)

    def undo(self) -> None:
        self._editor.save(self._kind, self._ref, self._field, self._old)


class ReportEditor(QWidget):
    """Edits the newest revision of one period's report."""

    saved = Signal()
    validated = Signal(object)
    status_message = Signal(str)

    def __init__(self, store: Store, language: str, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.language, self.undo_stack = store, language, undo_stack
        self.view: ReportView | None = None
        self.result = ValidationResult()
        self.validation_operation: Operation | None = None
        self._validate_again = False
        self.tasks = ReportTableModel("task", task_columns(), language, self._committer("task"), self)
        self.indicators = ReportTableModel("indicator", indicator_columns(), language, self._committer("indicator"),
                                           self)
        self.task_table = self._table(self.tasks, "taskTable")
        self.indicator_table = self._table(self.indicators, "indicatorTable")
        self.context = EditorContext({}, {})
        self._issues: dict[str, list[Issue]] = {}
        self.item_list = ItemList(language)
        self.item_list.chosen.connect(self._item_chosen)
        self.form = ItemForm(language, self._form_commit)
        self.form.step.connect(self.step)
        self.form_page = QSplitter(Qt.Orientation.Horizontal)
        self.form_page.setObjectName("formMode")
        self.form_page.addWidget(self.item_list)
        self.form_page.addWidget(self.form)
        self.form_page.setStretchFactor(0, 2)
        self.form_page.setStretchFactor(1, 3)
        self.form_page.setSizes([2_000, 3_000])  # the list two fifths of the width at any window size
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorModes")
        self.tabs.addTab(self.form_page, self.tr("Từng &mục"))
        self.tabs.addTab(self.task_table, self.tr("&Nhiệm vụ (bảng)"))
        self.tabs.addTab(self.indicator_table, self.tr("C&hỉ tiêu (bảng)"))
        self.narrative = NarrativePanel(store)
        self.narrative.saved.connect(self.saved)
        self.tabs.addTab(self.narrative, self.tr("Phần chun&g"))
        self.tabs.currentChanged.connect(lambda _n: self._selection_changed())
        for keys, step in (("Ctrl+PgDown", 1), ("Alt+Down", 1), ("Ctrl+PgUp", -1), ("Alt+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self.form_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step(step))
        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.heading.setWordWrap(True)
        self.frozen_banner = QLabel()
        self.frozen_banner.setWordWrap(True)
        self.frozen_banner.setStyleSheet("background: #e8f0fe; padding: 6px;")
        self.reopen_button = QPushButton(self.tr("Sửa đổi (mở &lần mới)…"))
        banner = QHBoxLayout()
        banner.addWidget(self.frozen_banner, 1)
        banner.addWidget(self.reopen_button)
        self.banner = QWidget()
        self.banner.setLayout(banner)
        self.issue_summary = QLabel()
        self.issue_list = QListWidget()
        self.issue_list.setObjectName("issueList")
        self.issue_list.setWordWrap(True)
        # Hundreds of wrapped issues are laid out a batch at a time, between other events: the window keeps
        # answering while they are measured.
        self.issue_list.setLayoutMode(QListView.LayoutMode.Batched)
        self.issue_list.setBatchSize(ISSUE_BATCH)
        self.issue_list.itemActivated.connect(self._issue_activated)
        self.issue_list.itemDoubleClicked.connect(self._issue_activated)
        self.issue_list.itemClicked.connect(self._issue_activated)  # one click, as a newcomer expects
        self.issue_list.setToolTip(self.tr("Bấm vào một dòng (hoặc chọn rồi Enter) để đến mục cần sửa."))
        self.issue_hint = QLabel(self.tr("Bấm vào một dòng (hoặc chọn rồi Enter) để đến mục cần sửa. Lỗi đứng "
                                         "trước cảnh báo; còn lỗi thì chưa ký được."))
        self.issue_hint.setObjectName("issueHint")
        self.issue_hint.setWordWrap(True)
        self.evidence = EvidencePanel(store, language)
        self.evidence.changed.connect(self._evidence_changed)
        issues_box = QWidget()
        issues_layout = QVBoxLayout(issues_box)
        issues_layout.setContentsMargins(0, 0, 0, 0)
        issues_layout.addWidget(self.issue_summary)
        issues_layout.addWidget(self.issue_hint)
        issues_layout.addWidget(self.issue_list)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(issues_box)
        side.addWidget(self.evidence)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.tabs)
        main.addWidget(side)
        main.setStretchFactor(0, 4)
        main.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(main, 1)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)
        self._evidence_timer = QTimer(self)
        self._evidence_timer.setSingleShot(True)
        self._evidence_timer.setInterval(EVIDENCE_DELAY_MS)
        self._evidence_timer.timeout.connect(self._selection_changed)
        QWidget.setTabOrder(self.tabs, self.task_table)
        QWidget.setTabOrder(self.task_table, self.indicator_table)
        QWidget.setTabOrder(self.indicator_table, self.issue_list)
        QWidget.setTabOrder(self.issue_list, self.evidence)

    def _table(self, model: ReportTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setItemDelegate(ReportDelegate(model, table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setHighlightSections(False)
        char = table.fontMetrics().averageCharWidth()
        for n, column in enumerate(model.columns):
            table.setColumnWidth(n, max(COLUMN_WIDTHS.get(column.field, 10), len(column.header) + 2) * char)
        table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        return table

    # opening ---------------------------------------------------------------------------------------
    def open_period(self, period_code: str | None = None) -> ReportView:
        """Show the newest revision of the period's report (the current period by default)."""
        view = reports.open_report(self.store, period_code)
        self.view = view
        self.undo_stack.clear()
        label = view.period.label_en if self.language == "en" else view.period.label_vi
        self.heading.setText(self.tr("<b>Báo cáo {0}</b> — {1} — lần {2}").format(label, view.agency_name,
                                                                                 view.revision))
        self.tasks.set_rows(view.tasks, view.editable)
        self.indicators.set_rows(view.indicators, view.editable)
        self.narrative.set_view(view)
        with self.store.session() as session:
            self.context = editor_context(session, installation_agency(session), view.period.code)
        self._issues = {}
        self.item_list.set_items(view.tasks, view.indicators, self.context.plan_titles, self._states())
        first = self.item_list.first()
        if first:
            self.item_list.select(*first)
        self.banner.setVisible(not view.editable)
        if not view.editable:
            self.frozen_banner.setText(self.tr("Lần {0} đã ký nên chỉ xem được. Muốn sửa, hãy mở lần sửa đổi mới "
                                               "(cần ghi lý do).").format(view.revision))
        self.result = ValidationResult()
        self.validate_now()
        self._selection_changed()
        return view

    @property
    def period_code(self) -> str:
        """The period being edited."""
        return self.view.period.code if self.view else ""

    # editing ---------------------------------------------------------------------------------------
    def _committer(self, kind: str) -> Any:
        def commit(ref: str, field: str, old: Any, new: Any) -> bool:
            try:
                self.save(kind, ref, field, new)
            except BaocaoError as exc:
                show_error(self, exc, self.tr("Không lưu được"))
                return False
            self.undo_stack.push(CellEdit(self, kind, ref, field, old, new))
            return True
        return commit

    def save(self, kind: str, ref: str, field: str, value: Any) -> None:
        """Save one field at once through the services (autosave), then show it and re-validate."""
        if kind == "task":
            reports.update_task(self.store, self.period_code, ref, **{field: value})
            self.tasks.set_value(ref, field, value)
        else:
            reports.update_indicator(self.store, self.period_code, ref, **{field: value})
            self.indicators.set_value(ref, field, value)
        item = self.item(kind, ref)
        if item is not None:
            issues = self._issues.get(item_id(kind, ref), [])
            self.form.refresh(item, issues)
            self.item_list.set_state(item_id(kind, ref), item_state(item, issues))
        self.status_message.emit(self.tr("Đã lưu."))
        self.saved.emit()
        self._validate_timer.start()

    def edit_cell(self, kind: str, ref: str, field: str, value: Any) -> bool:
        """Change one cell as the user would (undoable, saved at once); False when refused."""
        model = self.tasks if kind == "task" else self.indicators
        row = model.row_of(ref)
        if row is None:
            return False
        return model.setData(model.index(row, model.column_of(field)), value)

    # validation ------------------------------------------------------------------------------------
    def validate_now(self) -> None:
        """Validate the report on a worker; the cells are marked when it answers."""
        if not self.view:
            return
        if self.validation_operation is not None:
            self._validate_again = True
            return
        code = self.period_code
        self.validation_operation = run_operation(
            self, lambda _p, _c: validation.validate(self.store, code), title=self.tr("Kiểm tra báo cáo"),
            on_success=self._validated, on_failure=self._validation_failed, dialog=False)

    def validation_pending(self) -> bool:
        """Whether a validation is scheduled or running (its marks are not shown yet)."""
        return self._validate_timer.isActive() or self.validation_operation is not None or self._validate_again

    def _validation_failed(self, error: BaseException) -> None:
        self.validation_operation = None
        self.issue_summary.setText(self.tr("Không kiểm tra được báo cáo."))

    def _validated(self, result: ValidationResult) -> None:
        self.validation_operation = None
        if self._validate_again:
            self._validate_again = False
            self.validate_now()
            return
        result = result.errors_first()  # the list shows what blocks signing before the warnings
        self.result = result
        self.tasks.set_issues(result.issues)
        self.indicators.set_issues(result.issues)
        self._issues = {}
        for issue in result.issues:
            self._issues.setdefault(item_id(issue.item_kind, issue.item_key), []).append(issue)
        self.item_list.set_states(self._states())
        if self.form.item is not None:
            self.form.show_issues(self._issues.get(item_id(self.form.kind, self.form.item.ref), []))
        self.issue_summary.setText(self.tr("{0} lỗi, {1} cảnh báo").format(len(result.errors), len(result.warnings)))
        icons = {ERROR: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 WARNING: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        fill_list(self.issue_list, [(issue.message(self.language), icons.get(issue.severity, icons[WARNING]))
                                    for issue in result.issues])
        self.validated.emit(result)

    def _issue_activated(self, item: QListWidgetItem) -> None:
        issue = self.result.issues[self.issue_list.row(item)]  # the list shows the issues in order
        self.go_to(issue.item_kind, issue.item_key, issue.field or "key")

    def go_to(self, kind: str, ref: str, field: str = "key") -> None:
        """Show ``ref`` and give ``field`` the focus: in the form, or on its cell in table mode."""
        table, model = (self.task_table, self.tasks) if kind == "task" else (self.indicator_table, self.indicators)
        row = model.row_of(ref)
        if row is None:
            return
        index = model.index(row, model.column_of(field))
        table.setCurrentIndex(index)
        table.scrollTo(index)
        if self.tabs.currentWidget() in (table, self.task_table, self.indicator_table):
            self.tabs.setCurrentWidget(table)
            table.setFocus()
            return
        self.tabs.setCurrentWidget(self.form_page)
        if not self.item_list.select(kind, ref):
            self.item_list.search.clear()
            self.item_list.filter.setCurrentIndex(0)
            self.item_list.plan.setCurrentIndex(0)
            self.item_list.select(kind, ref)
        widget = self.form.fields[kind].get(field) or self.form.first_field()
        widget.setFocus(Qt.FocusReason.TabFocusReason)  # a line field selects its text, as after Tab

    # the form --------------------------------------------------------------------------------------
    def show_table_mode(self, table: bool) -> None:
        """Show the tasks' grid (True) or the one-item form (False)."""
        self.tabs.setCurrentWidget(self.task_table if table else self.form_page)

    def show_narrative(self) -> None:
        """Show the report's general text."""
        self.tabs.setCurrentWidget(self.narrative)

    def item(self, kind: str, ref: str) -> TaskItem | IndicatorItem | None:
        """The shown row of ``ref``."""
        model = self.tasks if kind == "task" else self.indicators
        row = model.row_of(ref)
        return None if row is None else model.row_item(row)

    def _states(self) -> dict[str, str]:
        if not self.view:
            return {}
        return {**{item_id("task", t.ref): item_state(t, self._issues.get(item_id("task", t.ref), []))
                   for t in self.tasks.items()},
                **{item_id("indicator", i.ref): item_state(i, self._issues.get(item_id("indicator", i.ref), []))
                   for i in self.indicators.items()}}

    def _form_commit(self, kind: str, ref: str, field: str, old: Any, new: Any) -> bool:
        return bool(self._committer(kind)(ref, field, old, new))

    def _item_chosen(self, kind: str, ref: str) -> None:
        item = self.item(kind, ref)
        if item is None or self.view is None:
            return
        if self.form.item is not None and self.form.item.ref != ref:
            self.form.save_all()
        self.form.show_item(kind, item, self.view.editable, self._issues.get(item_id(kind, ref), []),
                            self.context.previous.get(ref))
        # The evidence list is read from the store once the user stops on an item: stepping through the list
        # costs no query per item. Until then the panel has no owner, so nothing can be attached to the wrong one.
        self.evidence.set_owner(self.period_code, kind, "", item.key, self.view.editable)
        self._evidence_timer.start()

    def step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) item of the list, its first field focused; a field refused
        keeps the user on this item."""
        if not self.form.save_all():
            return
        found = self.item_list.neighbour(step)
        if found is None:
            return
        self.item_list.select(*found)
        self.form.first_field().setFocus(Qt.FocusReason.TabFocusReason)

    def form_field(self, kind: str, field: str) -> QWidget:
        """The form's field (objectName ``form_<kind>_<field>``)."""
        widget = self.form.findChild(QWidget, field_name(kind, field))
        if widget is None:
            raise LookupError(field_name(kind, field))
        return widget

    # selection and evidence ------------------------------------------------------------------------
    def current_table(self) -> tuple[QTableView, ReportTableModel, str]:
        """The table last shown, its model and its kind."""
        if self.tabs.currentWidget() is self.indicator_table:
            return self.indicator_table, self.indicators, "indicator"
        return self.task_table, self.tasks, "task"

    def _selection_changed(self, *_: QItemSelection) -> None:
        if self.tabs.currentWidget() is self.narrative:  # the general part has no evidence of its own
            self.evidence.set_owner(self.period_code, "task", "", self.tr("— (chọn một nhiệm vụ hoặc chỉ tiêu)"), False)
            return
        if self.tabs.currentWidget() is self.form_page:
            if self.form.item is not None and self.view is not None:
                self.evidence.set_owner(self.period_code, self.form.kind, self.form.item.ref, self.form.item.key,
                                        self.view.editable)
            return
        table, model, kind = self.current_table()
        index: QModelIndex = table.currentIndex()
        if not self.view or not index.isValid():
            self.evidence.set_owner(self.period_code, kind, "", "", False)
            return
        item = model.row_item(index.row())
        self.evidence.set_owner(self.period_code, kind, item.ref, item.key, self.view.editable)

    def _evidence_changed(self, kind: str, ref: str, count: int) -> None:
        (self.tasks if kind == "task" else self.indicators).set_value(ref, "evidence", count)
        self.saved.emit()
