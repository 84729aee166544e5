"""The report editor: one item at a time in a form (the report's items listed at left, grouped by plan and
section, each with its state), or every item in a grid; every edit saved at once and undoable, validation
shown beside the field or on the cell it concerns, and the evidence of the selected item beside them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.issue_tally import tally
from desktop.domain.item_state import item_state
from desktop.domain.next_step import drafting_early
from desktop.domain.periods import DataWindow, period_name
from desktop.domain.refused_input import refused_issue, with_refused
from desktop.domain.validation import ValidationResult
from desktop.domain.validation_issues import ERROR, WARNING, Issue, ItemName, field_label
from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import reports, validation
from desktop.services.report_items import EditorContext, IndicatorItem, TaskItem
from desktop.services.reports import ReportView
from desktop.views.data_window import data_window_text, early_text
from desktop.views.evidence_panel import EvidencePanel
from desktop.views.issue_counts import tally_text, unsigned_hint
from desktop.views.narrative_panel import NarrativePanel
from desktop.views.plain_items import fill_list
from desktop.views.report_editor.item_form import ItemForm, field_name
from desktop.views.report_editor.item_list import ItemList, item_id
from desktop.views.report_editor.loading import LoadedReport, blank_models, load_report
from desktop.views.report_editor.report_table import ReportTable
from desktop.views.report_editor.table_search import TableSearch
from desktop.views.report_models import ReportTableModel, indicator_columns, task_columns
from desktop.views.worker import Operation, run_operation, show_error

VALIDATE_DELAY_MS = 300
EVIDENCE_DELAY_MS = 150
ISSUE_BATCH = 40


class CellEdit(QUndoCommand):
    """One saved cell change; undo and redo save again through the services (autosave stays true).

    The pauses saved while the user types in one field and the save when they leave it carry the same
    ``typing_run`` and make one step: undo takes the field back to what it held before they started typing.
    """

    MERGE_ID = 1

    def __init__(self, editor: ReportEditor, kind: str, ref: str, field: str, old: Any, new: Any,
                 typing_run: int | None = None) -> None:
        super().__init__(QCoreApplication.translate("ReportEditor", "Sửa «{0}» mục {1}").format(
            field_label(field, editor.language), ref.rpartition("::")[2]))
        self._editor, self._kind, self._ref, self._field = editor, kind, ref, field
        self._old, self._new = old, new
        self._typing_run = typing_run
        self._applied = True  # pushed after the service took the value

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (self._typing_run is not None and isinstance(other, CellEdit) and other._typing_run == self._typing_run
                and (other._kind, other._ref, other._field) == (self._kind, self._ref, self._field)):
            return False
        self._new = other._new
        return True

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
    validation_failed = Signal()
    status_message = Signal(str)
    period_chosen = Signal(str)  # a period code picked in the header's chooser, what was typed saved first

    def __init__(self, store: Store, language: str, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.language, self.undo_stack = store, language, undo_stack
        self.view: ReportView | None = None
        self.result = ValidationResult()
        self._checked = ValidationResult()  # the last validation's answer, before the refused fields are added
        self.listed = ValidationResult()  # what the issue list shows (``result`` without the to-dos unless checked)
        self.check_all = False  # F5 asked: the items not answered yet are errors too
        self.validation_operation: Operation | None = None
        self.load_operation: Operation | None = None
        self._saved_while_loading: list[tuple[str, str, str, Any]] = []
        self._after_load: list[Callable[[], object]] = []
        self._shown_issues: list[str] = []
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
        self.item_list.search.returnPressed.connect(self._search_entered)
        self.form = ItemForm(language, self._form_commit)
        self.form.step.connect(self.step)
        self.form.refused_changed.connect(self._show_result)
        self.form_page = QSplitter(Qt.Orientation.Horizontal)
        self.form_page.setObjectName("formMode")
        self.form_page.addWidget(self.item_list)
        self.form_page.addWidget(self.form)
        self.form_page.setStretchFactor(0, 2)
        self.form_page.setStretchFactor(1, 3)
        self.form_page.setSizes([2_000, 3_000])  # the list two fifths of the width at any window size
        # Long item names are cut in the list (each gives its whole title as its tooltip): the handle that
        # widens the list is made visible and says so.
        self.form_page.setHandleWidth(7)
        self.form_page.setChildrenCollapsible(False)
        self.form_page.handle(1).setToolTip(self.tr("Kéo sang phải để đọc tên mục dài hơn."))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorModes")
        self.tabs.addTab(self.form_page, self.tr("Từng &mục"))
        self.tabs.addTab(self.task_table, self.tr("&Nhiệm vụ (bảng)"))
        self.tabs.addTab(self.indicator_table, self.tr("C&hỉ tiêu (bảng)"))
        self.narrative = NarrativePanel(store)
        self.narrative.saved.connect(self.saved)
        self.tabs.addTab(self.narrative, self.tr("&Phần chung"))
        self.tabs.currentChanged.connect(lambda _n: self._selection_changed())
        self.table_search = TableSearch(lambda: self.current_table()[:2])
        self.tabs.setCornerWidget(self.table_search, Qt.Corner.TopRightCorner)
        grids = (self.task_table, self.indicator_table)
        self.tabs.currentChanged.connect(lambda _n: self.table_search.setVisible(self.tabs.currentWidget() in grids))
        self.table_search.setVisible(False)
        # Ctrl+PgDown/Ctrl+PgUp are the window's «Mục sau»/«Mục trước» (Báo cáo menu): from anywhere in it.
        for keys, step in (("Alt+Down", 1), ("Alt+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self.form_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step(step))
        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.heading.setWordWrap(True)
        self.period_choice = QComboBox()
        self.period_choice.setObjectName("periodChoice")
        # Filled after the first show (with each report read): sized to its longest name each time, not cut.
        self.period_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_choice.setToolTip(self.tr("Chọn kỳ để mở báo cáo của kỳ đó (những gì đang gõ được lưu trước)."))
        self.period_choice.activated.connect(self._period_activated)
        choice_label = QLabel(self.tr("Kỳ bá&o cáo:"))
        choice_label.setBuddy(self.period_choice)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(choice_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.period_choice, 0, Qt.AlignmentFlag.AlignTop)
        self.frozen_banner = QLabel()
        self.frozen_banner.setWordWrap(True)
        self.frozen_banner.setStyleSheet("background: #e8f0fe; padding: 6px;")
        self.reopen_button = QPushButton(self.tr("Sử&a đổi (mở lần mới)…"))
        banner = QHBoxLayout()
        banner.addWidget(self.frozen_banner, 1)
        banner.addWidget(self.reopen_button)
        self.banner = QWidget()
        self.banner.setLayout(banner)
        self.issue_summary = QLabel()
        self.issue_list = QListWidget()
        self.issue_list.setObjectName("issueList")
        self.issue_list.setWordWrap(True)
        # By pixel: by item, a warning taller than the list could not be read to its end (no scroll bar at all).
        self.issue_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        # Hundreds of wrapped issues are laid out a batch at a time, between other events: the window keeps
        # answering while they are measured.
        self.issue_list.setLayoutMode(QListView.LayoutMode.Batched)
        self.issue_list.setBatchSize(ISSUE_BATCH)
        self.issue_list.itemActivated.connect(self._issue_activated)
        self.issue_list.itemDoubleClicked.connect(self._issue_activated)
        self.issue_list.itemClicked.connect(self._issue_activated)  # one click, as a newcomer expects
        self.issue_list.setToolTip(self.tr("Bấm vào một dòng (hoặc chọn rồi Enter) để đến mục cần sửa."))
        self.issue_hint = QLabel()
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
        main.setSizes([3_000, 1_000])  # the issues and evidence a quarter of the width, the form the rest
        layout = QVBoxLayout(self)
        layout.addLayout(header)
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

    def _table(self, model: ReportTableModel, name: str) -> ReportTable:
        table = ReportTable(name)
        table.show_model(model)
        self._follow_current(table)
        return table

    def _follow_current(self, table: ReportTable) -> None:
        # Every new model comes with a new selection model: the evidence follows the current row only when
        # the one in use is listened to (it kept naming the form's item, «mục I.1», with VI.23 current).
        table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

    def _attach(self, table: ReportTable, model: ReportTableModel, old: ReportTableModel) -> ReportTableModel:
        model.setParent(self)
        table.show_model(model)
        self._follow_current(table)
        if old is not model:
            old.deleteLater()
        return model

    def _commits(self) -> tuple[Any, Any]:
        return self._committer("task"), self._committer("indicator")

    # opening ---------------------------------------------------------------------------------------
    def open_period(self, period_code: str | None = None) -> ReportView:
        """Show the newest revision of the period's report (the current period by default), read here."""
        loaded = load_report(self.store, period_code, self.language, self._commits(), self.item_list.choice())
        self.show_loaded(loaded)
        return loaded.view

    def load_period(self, period_code: str | None = None,
                    on_loaded: Callable[[ReportView], None] | None = None) -> Operation:
        """Read the report and fill its models on a worker, then swap them in: opening a report while a sync
        or an export runs does not stall the window, and what the user types meanwhile is kept. When another
        report is asked for before this one is read, only the last one asked for is shown."""
        store, language, commits, choice = self.store, self.language, self._commits(), self.item_list.choice()
        blank = blank_models(language, commits)  # made here, on the UI thread: nothing changes thread
        self._saved_while_loading = []
        if self.view is None:  # nothing to type in yet: said, and the form greyed, until the report is shown
            self.heading.setText(self.tr("Đang mở báo cáo… Chờ một chút rồi nhập."))
            self.form.setEnabled(False)
            self.setCursor(Qt.CursorShape.BusyCursor)
        asked: list[Operation] = []

        def done(loaded: LoadedReport) -> None:
            if self.load_operation is not asked[0]:
                return  # a later opening was asked for: it shows its own report
            self.load_operation = None
            first = not self.form.isEnabled()
            self._unblock()
            self.show_loaded(loaded)
            if first:
                self._focus_first_field()
            if on_loaded is not None:
                on_loaded(loaded.view)
            waiting, self._after_load = self._after_load, []
            for call in waiting:
                call()

        def failed(error: BaseException) -> None:
            if self.load_operation is not asked[0]:
                return
            self.load_operation = None
            self._after_load = []
            self._unblock()
            if self.view is None:
                self.heading.setText("")
            show_error(self, error, self.tr("Mở báo cáo"))

        self.load_operation = run_operation(
            self, lambda _p, _c: load_report(store, period_code, language, commits, choice, blank),
            title=self.tr("Mở báo cáo"), on_success=done, on_failure=failed, dialog=False)
        asked.append(self.load_operation)
        return self.load_operation

    def _unblock(self) -> None:
        self.form.setEnabled(True)
        self.unsetCursor()

    def _focus_first_field(self) -> None:
        """After the first report is shown, its first item's first field takes the keys (unless the user is
        already in the editor, e.g. typing a search): the focus had stayed on the window's tabs, where the
        keys typed next went nowhere."""
        focus = QApplication.focusWidget()
        if self.isVisible() and self.tabs.currentWidget() is self.form_page and self.form.item is not None and (
                focus is None or not self.isAncestorOf(focus)):
            self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def after_load(self, call: Callable[[], object]) -> None:
        """Run ``call`` once the report being read is shown (at once when none is being read; never when the
        reading fails: the user is told why and asks again)."""
        if self.load_operation is None:
            call()
        else:
            self._after_load.append(call)

    def show_loaded(self, loaded: LoadedReport) -> None:
        """Show a report that was read: its models swapped in, the item being edited kept with what the user
        has typed in it (saved or not), and the values saved while it was read shown."""
        view = loaded.view
        same_report = self.view is not None and self.view.period.code == view.period.code
        for kind, ref, field, value in self._saved_while_loading if same_report else []:
            model = loaded.tasks if kind == "task" else loaded.indicators
            model.set_value(ref, field, value)
            row = model.row_of(ref)
            if row is not None:
                loaded.states[item_id(kind, ref)] = item_state(model.row_item(row), [])
        self._saved_while_loading = []
        current = self.form.item.ref if self.form.item is not None and same_report else None
        current_kind = self.form.kind
        self.view = view
        self.context = loaded.context
        self.form.data_window = DataWindow(view.period.data_start, view.period.data_end)
        if not same_report:
            self.undo_stack.clear()
            self.check_all = False
        label = view.period.label_en if self.language == "en" else view.period.label_vi
        self.heading.setText(self.tr("<b>Báo cáo {0}</b> — {1} — lần {2}").format(label, view.agency_name,
                                                                                 view.revision)
                             + "<br>" + data_window_text(view.period)
                             + ("<br>" + early_text(view.period)
                                if drafting_early(view.status, view.period.data_start, view.period.today) else ""))
        self._show_periods(loaded.periods, view.period.code)
        self.tasks = self._attach(self.task_table, loaded.tasks, self.tasks)
        self.indicators = self._attach(self.indicator_table, loaded.indicators, self.indicators)
        self.narrative.set_view(view)
        self._issues = {}
        self.item_list.set_items(view.tasks, view.indicators, loaded.context.plan_titles, loaded.states,
                                 loaded.tree)
        if current is None or not self.item_list.select(current_kind, current):
            first = self.item_list.first()
            if first:
                self.item_list.select(*first)
        self.banner.setVisible(not view.editable)
        self.issue_hint.setText(self.tr("Bấm vào một dòng (hoặc chọn rồi Enter) để đến mục cần sửa. Lỗi đứng "
                                        "trước cảnh báo; còn lỗi thì chưa ký được.") if view.editable else
                                self.tr("Lần này đã ký: danh sách chỉ để xem. Bấm vào một dòng để đến mục đó."))
        if not view.editable:
            self.frozen_banner.setText(self.tr("Lần {0} đã ký nên chỉ xem được. Muốn sửa, hãy mở lần sửa đổi mới "
                                               "(cần ghi lý do).").format(view.revision))
        self.result = self.listed = self._checked = ValidationResult()
        self._shown_issues = []
        self.issue_list.clear()  # another report's issues are not this one's, even when it has none
        self.validate_now()
        self._evidence_timer.start()  # the evidence list is read once the report is on screen

    def _show_periods(self, codes: list[str], shown: str) -> None:
        self.period_choice.blockSignals(True)
        self.period_choice.clear()
        for code in codes if shown in codes else [shown, *codes]:
            self.period_choice.addItem(period_name(code, self.language), code)
        self.period_choice.setCurrentIndex(self.period_choice.findData(shown))
        self.period_choice.blockSignals(False)

    def _period_activated(self, index: int) -> None:
        code = self.period_choice.itemData(index)
        if not code or code == self.period_code:
            return
        if not self.keep_typed():  # a refused value stays in its field, with its reason, to be corrected
            self.period_choice.setCurrentIndex(self.period_choice.findData(self.period_code))
            self.show_refused()
            return
        self.period_chosen.emit(code)

    def keep_typed(self) -> bool:
        """Save what is being typed anywhere in the editor (a table cell's open editor, the form's changed
        fields, the general part) before the report is switched or left; False when a value is refused: it
        stays in its field with its reason (``show_refused`` takes the user to it)."""
        focus = QApplication.focusWidget()
        view = focus.parentWidget() if focus is not None and self.isAncestorOf(focus) else None
        while view is not None and not isinstance(view, QAbstractItemView):
            view = view.parentWidget()
        if focus is not None and view is not None:
            view.commitData(focus)  # what is typed in a cell goes to the store as Enter would send it
        self.narrative.save_now()
        return self.form.save_all()

    def show_refused(self) -> None:
        """Put the cursor in the form's field whose value was refused, its reason shown, and say so."""
        self.tabs.setCurrentWidget(self.form_page)
        refused = next((w for w in self.form.fields[self.form.kind].values() if w.dirty), None)
        if refused is not None:
            refused.setFocus(Qt.FocusReason.OtherFocusReason)  # its reason is in its tooltip and red frame
        self.status_message.emit(self.tr("Chưa lưu được ô đang nhập: hãy sửa theo lý do hiện ở ô rồi làm lại."))

    def choose_period(self) -> None:
        """Open the period chooser's list for the keyboard (Báo cáo › Mở báo cáo kỳ khác…)."""
        self.period_choice.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.period_choice.showPopup()

    @property
    def period_code(self) -> str:
        """The period being edited."""
        return self.view.period.code if self.view else ""

    # editing ---------------------------------------------------------------------------------------
    def _committer(self, kind: str) -> Any:
        def commit(ref: str, field: str, old: Any, new: Any, typing_run: int | None = None) -> bool:
            try:
                self.save(kind, ref, field, new)
            except BaocaoError as exc:
                show_error(self, exc, self.tr("Không lưu được"))
                return False
            self.undo_stack.push(CellEdit(self, kind, ref, field, old, new, typing_run))
            return True
        return commit

    def save(self, kind: str, ref: str, field: str, value: Any) -> None:
        """Save one field at once through the services (autosave), then show it and re-validate."""
        if self.load_operation is not None:  # the report being read may predate this value
            self._saved_while_loading.append((kind, ref, field, value))
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
        return (self._validate_timer.isActive() or self.validation_operation is not None or self._validate_again
                or self.load_operation is not None)

    def _validation_failed(self, error: BaseException) -> None:
        self.validation_operation = None
        self.issue_summary.setText(self.tr("Không kiểm tra được báo cáo."))
        self.validation_failed.emit()

    def _validated(self, result: ValidationResult) -> None:
        self.validation_operation = None
        if self._validate_again:
            self._validate_again = False
            self.validate_now()
            return
        self._checked = result
        self._show_result()

    def _refusals(self) -> list[Issue]:
        item, kind = self.form.item, self.form.kind
        if item is None or not kind:
            return []
        name = ItemName(kind, item.key, item.title if isinstance(item, TaskItem) else item.name)
        return [refused_issue(name, item.ref, field, error.message_vi, error.message_en)
                for field, error in self.form.refused.items()]

    def _show_result(self) -> None:
        """The last validation with the refused fields' reasons in place of what the stored values would say."""
        full = with_refused(self._checked, self._refusals()).errors_first()  # what blocks signing first
        self.result = full
        result = self.listed = full if self.check_all else full.entered_only()
        # Only what changed is shown again: the marks of the cells, the states of the items and the messages
        # whose issues differ from the last validation's (typing goes on while this runs on the UI thread).
        self.tasks.set_issues(result.issues)
        self.indicators.set_issues(result.issues)
        issues: dict[str, list[Issue]] = {}
        for issue in result.issues:
            issues.setdefault(item_id(issue.item_kind, issue.item_key), []).append(issue)
        changed = [name for name in issues.keys() | self._issues.keys() if issues.get(name) != self._issues.get(name)]
        self._issues = issues
        states = {}
        for name in changed:
            kind, ref = name.split("|", 1)
            item = self.item(kind, ref)
            if item is not None:
                states[name] = item_state(item, issues.get(name, []))
        self.item_list.update_states(states)
        current = item_id(self.form.kind, self.form.item.ref) if self.form.item is not None else None
        if current in changed:
            self.form.show_issues(issues.get(current, []))
        self.issue_summary.setText(self._summary(full))
        messages = [issue.message(self.language) for issue in result.issues]
        if messages != self._shown_issues:
            self._shown_issues = messages
            icons = {ERROR: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                     WARNING: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
            fill_list(self.issue_list, [(message, icons.get(issue.severity, icons[WARNING]))
                                        for message, issue in zip(messages, result.issues, strict=True)])
        self.validated.emit(full)

    @staticmethod
    def _summary(full: ValidationResult) -> str:
        """The same count as the home screen's, whether F5 listed the unanswered items or not."""
        counts = tally(full)
        hint = unsigned_hint(counts) if full.issues else ""
        return tally_text(counts) + (f" ({hint})" if hint else "")

    def _issue_activated(self, item: QListWidgetItem) -> None:
        issue = self.listed.issues[self.issue_list.row(item)]  # the list shows the issues in order
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

    def _form_commit(self, kind: str, ref: str, field: str, old: Any, new: Any, typing_run: int) -> bool:
        return bool(self._committer(kind)(ref, field, old, new, typing_run))

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

    def _search_entered(self) -> None:
        """Enter in the item search: the first item found, its first field focused to type in at once (once the
        report being opened is shown, when Enter came first)."""
        if self.load_operation is not None:
            self.after_load(self._search_entered)
            return
        first = self.item_list.first()
        if first is None:
            return
        self.item_list.select(*first)
        self.form.first_field().setFocus(Qt.FocusReason.TabFocusReason)

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

    def step_shown(self, step: int) -> None:
        """The next (1) or previous (-1) item in whichever mode is shown: the form's list, or a table's row."""
        if self.tabs.currentWidget() is self.form_page:
            self.step(step)
            return
        if self.tabs.currentWidget() not in (self.task_table, self.indicator_table):
            return
        table, model, _kind = self.current_table()
        current = table.currentIndex()
        row = min(max((current.row() if current.isValid() else -1) + step, 0), model.rowCount() - 1)
        if row >= 0:
            table.setCurrentIndex(model.index(row, max(current.column(), 0)))
            table.setFocus(Qt.FocusReason.OtherFocusReason)

    def form_field(self, kind: str, field: str) -> QWidget:
        """The form's field (objectName ``form_<kind>_<field>``)."""
        widget = self.form.findChild(QWidget, field_name(kind, field))
        if widget is None:
            raise LookupError(field_name(kind, field))
        return widget

    # selection and evidence ------------------------------------------------------------------------
    def current_table(self) -> tuple[ReportTable, ReportTableModel, str]:
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
