"""The main window: dashboard, plan browser, report editor and sync as tabs, with every action in a menu
and on a shortcut. It composes the views; the work is theirs and the services'."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QLineEdit, QMainWindow, QTabWidget, QWidget

from desktop.domain.periods import Period, period_name
from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import installation, plans, reports, signing
from desktop.services.plans import PlanImport
from desktop.services.reports import ReportView
from desktop.services.signing import SignedRevision
from desktop.views import pdf_process
from desktop.views.about_dialog import open_about
from desktop.views.agency_dialog import AgencyDialog, open_agency_dialog
from desktop.views.agency_history.backup_actions import ask_backup_path, make_backup
from desktop.views.agency_history.province_actions import ProvinceHistoryActions
from desktop.views.auto_sync import AutoSync
from desktop.views.check_action import check_report
from desktop.views.dashboard_view import DashboardView
from desktop.views.export_done import show_exported
from desktop.views.file_folders import remember, save_file, start_folder
from desktop.views.help_window import open_help
from desktop.views.idle_lock import IdleLock
from desktop.views.plan_browser import PlanBrowser
from desktop.views.plan_import_dialog import PlanImportDialog, open_plan_import
from desktop.views.print_preview import preview_dialog
from desktop.views.reopen_dialog import ReopenDialog
from desktop.views.report_editor import ReportEditor
from desktop.views.screen_fit import place_on_screen
from desktop.views.settings_dialog import SettingsDialog, UiSettings
from desktop.views.sign_dialog import SignDialog
from desktop.views.sync_panel import SyncPanel
from desktop.views.workbook_fill import fill_workbook
from desktop.views.worker import Operation, run_operation, show_error

if TYPE_CHECKING:  # the documents service loads reportlab: imported when first used, not at start
    from desktop.services.documents import FillResult


class MainWindow(QMainWindow):
    """The work of one unlocked store. ``lock_requested`` when idle or asked; ``settings_changed(UiSettings)``."""

    lock_requested = Signal()
    idle_locked = Signal(int, bool)  # minutes without use, typing saved; emitted just before lock_requested
    settings_changed = Signal(object)

    def __init__(self, store: Store, ui: UiSettings | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ui = ui or UiSettings()
        self.language = self.ui.language
        self.last_operation: Operation | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.last_pdf: Path | None = None  # the report PDF saved last («Xuất PDF…»)
        self.setObjectName("mainWindow")
        # The application display name ("baocao") is appended by Qt: the title must not repeat it.
        self.setWindowTitle(self.tr("Báo cáo nhiệm vụ, chỉ tiêu"))
        self.undo_stack = QUndoStack(self)
        self.dashboard = DashboardView(store, self.language, today)
        self.browser = PlanBrowser(self.language, today)
        self.editor = ReportEditor(store, self.language, self.undo_stack)
        self.sync = SyncPanel(store, self.language)
        self.history = ProvinceHistoryActions(store, self)
        self.history.changed.connect(self._history_changed)
        self.sync.conflict.connect(self.history.revise_from_province)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.dashboard, self.tr("Tổng quan"))
        self.tabs.addTab(self.browser, self.tr("Kế hoạch"))
        self.tabs.addTab(self.editor, self.tr("Báo cáo"))
        self.tabs.addTab(self.sync, self.tr("Đồng bộ"))
        self._tab_shown: QWidget | None = self.dashboard
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.dashboard.open_period.connect(self._switch_report)
        self.editor.period_chosen.connect(self.open_report)
        self.dashboard.open_task.connect(self.open_task)
        self.browser.open_task.connect(self.open_task)
        self.browser.declare_requested.connect(self.declare_agency)
        self._agency_offered = False  # the declaration is offered once by itself, then only on asking
        self.editor.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.editor.saved.connect(self._report_changed)
        self._browser_behind = False
        self._build_menus()
        self.idle_lock = IdleLock(self.ui.idle_ms, self)
        self.idle_lock.idle.connect(self._idle)
        char = self.fontMetrics().averageCharWidth()
        self.resize(char * 150, self.fontMetrics().height() * 40)
        self.auto_sync = AutoSync(store, self)
        self.auto_sync.notice.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.auto_sync.notice.connect(self.dashboard.refresh)  # a receipt or a refusal changes the cards
        # A report signed, reopened or imported changes what waits: the sync line follows the cards.
        self.dashboard.refreshing.connect(self.auto_sync.read_status)
        self.sync.synced.connect(self._synced_by_hand)
        self.sync.receipt_taken.connect(self.dashboard.refresh)  # the cards and the sync line follow
        if isinstance(dashboard_layout := self.dashboard.layout(), QBoxLayout):
            dashboard_layout.insertWidget(0, self.auto_sync.label)
        self.dashboard.refresh()
        self.statusBar().showMessage(self.tr("Dữ liệu được mã hóa và tự động lưu sau mỗi thay đổi."))

    # menus -----------------------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Tệp"))
        self.export_pdf_action = self._action(self.tr("Xuất &PDF…"), self.export_pdf, "Ctrl+E", "exportPdf")
        self.export_workbook_action = self._action(self.tr("Xuất &Excel…"), self.export_workbook, "Ctrl+Shift+E",
                                                   "exportWorkbook")
        self.export_docx_action = self._action(self.tr("Xuất &Word…"), self.export_docx, "Ctrl+Shift+W",
                                               "exportDocx")
        self.export_encrypted_action = self._action(self.tr("Xuất tệp &mã hóa gửi Sở…"), self.export_encrypted,
                                                    "Ctrl+Alt+E", "exportEncrypted")
        self.import_receipt_action = self._action(self.tr("Nhập &biên nhận của Sở…"),
                                                  lambda _=False: self.sync.import_receipt(), name="importReceipt")
        self.fill_action = self._action(self.tr("&Nhập số liệu từ Excel…"), self.fill_from_workbook, "Ctrl+I",
                                        "fillFromWorkbook")
        self.print_action = self._action(self.tr("Xem trước và &in…"), self.print_preview,
                                         QKeySequence.StandardKey.Print, "printPreview")
        self.lock_action = self._action(self.tr("&Khóa"), self.lock, "Ctrl+L", "lock")
        quit_action = self._action(self.tr("T&hoát"), self.close, QKeySequence.StandardKey.Quit, "quit")
        # In Tệp, where a newcomer looks first, and in Công cụ (one action: one shortcut letter fits both).
        self.import_plan_action = self._action(self.tr("Nhập kế hoạch của &tỉnh…"), self.import_plan,
                                               name="importPlan")
        for action in (self.export_pdf_action, self.export_workbook_action, self.export_docx_action,
                       self.export_encrypted_action, self.import_receipt_action, self.fill_action,
                       self.import_plan_action, self.print_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(quit_action)
        edit_menu = bar.addMenu(self.tr("&Sửa"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Hoàn tác"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("undo")
        redo = self.undo_stack.createRedoAction(self, self.tr("&Làm lại"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setObjectName("redo")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("&Tìm nhiệm vụ"), self.find_task,
                                             QKeySequence.StandardKey.Find, "findTask"))
        report_menu = bar.addMenu(self.tr("&Báo cáo"))
        report_menu.addAction(self._action(self.tr("Mở báo cáo kỳ k&hác…"), self.choose_period, "Ctrl+O",
                                           "choosePeriod"))
        report_menu.addAction(self._action(self.tr("&Kiểm tra"), self.check_report, "F5", "validate"))
        # Window-level: the keys work wherever the focus is (the menu bar just closed, the list, a button).
        report_menu.addAction(self._action(self.tr("Mục s&au"), lambda: self._step_item(1), "Ctrl+PgDown",
                                           "nextItem"))
        report_menu.addAction(self._action(self.tr("Mục &trước"), lambda: self._step_item(-1), "Ctrl+PgUp",
                                           "previousItem"))
        self.sign_action = self._action(self.tr("&Phê duyệt và ký…"), self.approve_and_sign, "Ctrl+Shift+S", "sign")
        report_menu.addAction(self.sign_action)
        self.reopen_action = self._action(self.tr("&Mở lần sửa đổi mới…"), self.reopen, "Ctrl+Shift+R", "reopen")
        report_menu.addAction(self.reopen_action)
        report_menu.addAction(self._action(self.tr("Mở lần sửa đổi mới từ &bản của Sở…"), self.revise_from_province,
                                           name="reviseFromProvince"))
        report_menu.addAction(self._action(self.tr("Ký &số tệp PDF…"), self.open_digital_sign,
                                           name="digitalSignFile"))
        self.editor.reopen_button.clicked.connect(self.reopen)
        view_menu = bar.addMenu(self.tr("&Xem"))
        for n in range(self.tabs.count()):
            view_menu.addAction(self._action(self.tabs.tabText(n).replace("&", ""),
                                             lambda _=False, n=n: self.tabs.setCurrentIndex(n), f"Ctrl+{n + 1}",
                                             f"showTab{n + 1}"))
        tools = bar.addMenu(self.tr("&Công cụ"))
        tools.addAction(self._action(self.tr("&Cài đặt…"), self.open_settings, "Ctrl+,", "settings"))
        tools.addAction(self.import_plan_action)
        tools.addAction(self._action(self.tr("Cơ quan &báo cáo…"), self.declare_agency, name="declareAgency"))
        tools.addSeparator()
        tools.addAction(self._action(self.tr("&Sao lưu dữ liệu…"), self.backup_store, name="backupStore"))
        tools.addAction(self._action(self.tr("Khôi phục &lịch sử báo cáo từ Sở…"),
                                     lambda _=False: self.history.restore_history(), name="restoreHistory"))
        help_menu = bar.addMenu(self.tr("T&rợ giúp"))
        help_menu.addAction(self._action(self.tr("&Hướng dẫn sử dụng"), lambda _=False: open_help(self, self.language),
                                         "F1", "help"))
        help_menu.addAction(self._action(self.tr("&Giới thiệu…"), lambda _=False: open_about(self, self.language),
                                         name="about"))

    # navigation ------------------------------------------------------------------------------------
    def _keep_typed(self, refuse: bool) -> bool:
        """The one path every way of switching report or leaving the editor takes (home card, chooser, tabs,
        lock, idle lock, closing): what is being typed is saved first. False when a value is refused; with
        ``refuse`` the editor is shown with the cursor in that field and its reason, for the caller to stop."""
        if self.editor.view is None or self.editor.keep_typed():
            return True
        if refuse:
            self.tabs.setCurrentWidget(self.editor)
            self.editor.show_refused()
        return False

    def _switch_report(self, period_code: str) -> None:
        """A home card's button: that period's report, once what is typed in the one shown is saved."""
        if period_code == self.editor.period_code or self._keep_typed(refuse=True):
            self.open_report(period_code)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if self._tab_shown is self.editor and widget is not self.editor:
            self._keep_typed(refuse=False)  # a refused value stays in its field: the switch of report stops
        self._tab_shown = widget
        if widget in (self.editor, self.browser) and not installation.has_agency(self.store):
            self._no_agency(widget)
        elif widget is self.dashboard:
            self.dashboard.refresh()
        elif widget is self.sync:
            self.sync.refresh()
        elif widget is self.browser and self.editor.view is None and self.editor.load_operation is None:
            self._refresh_plans()  # the plans are shown once the report is read, without leaving the tab
        elif widget is self.editor and self.editor.view is None and self.editor.load_operation is None:
            self.open_report(None)
        elif widget is self.browser and self._browser_behind:
            self._report_changed()

    def open_report(self, period_code: str | None, then: Callable[[], object] | None = None) -> Operation:
        """Open a period's report in the editor: read on a worker and swapped in (the window keeps answering,
        and what is being typed is kept); ``then`` runs once it is shown (not when it could not be read)."""

        def shown(_view: ReportView) -> None:
            self._report_changed()
            if then is not None:
                then()

        operation = self.editor.load_period(period_code, on_loaded=shown)
        self.tabs.setCurrentWidget(self.editor)
        return operation

    def choose_period(self, _checked: bool = False) -> None:
        """Báo cáo › Mở báo cáo kỳ khác…: the editor's period chooser, open for the keyboard (once a report is
        shown: its list is read with it)."""
        if self.tabs.currentWidget() is not self.editor:
            self.tabs.setCurrentWidget(self.editor)
        self.editor.after_load(self.editor.choose_period)

    def _no_agency(self, widget: QWidget) -> None:
        """No agency declared: the plans can be read whole; a report needs the agency, asked for once."""
        if widget is self.browser:
            self.browser.show_unassigned(*plans.stored_items(self.store))
            return
        self.statusBar().showMessage(self.tr("Chưa khai báo cơ quan báo cáo: hãy khai báo ở Công cụ › Cơ quan báo "
                                             "cáo… (hoặc đăng ký với Sở ở thẻ Đồng bộ)."), 15000)
        if not self._agency_offered:
            self.declare_agency()

    def declare_agency(self, _checked: bool = False) -> AgencyDialog:
        """«Cơ quan báo cáo…»: name the commune this PC reports for; its report and plans follow."""
        self._agency_offered = True
        dialog = open_agency_dialog(self, self.store)
        dialog.declared.connect(self._agency_declared)
        return dialog

    def _agency_declared(self, profile: installation.AgencyProfile) -> None:
        self.statusBar().showMessage(self.tr("Cơ quan báo cáo: {0}.").format(profile.name), 10000)
        self.dashboard.refresh()
        self._refresh_plans()

    def _refresh_plans(self) -> None:
        """The Kế hoạch tab after the plans or the agency changed: the report is read again."""
        if not installation.has_agency(self.store):
            if self.tabs.currentWidget() is self.browser:
                self.browser.show_unassigned(*plans.stored_items(self.store))
            return
        self.editor.load_period(self.editor.period_code or None, on_loaded=lambda _v: self._report_changed())

    def import_plan(self, _checked: bool = False) -> PlanImportDialog | None:
        """«Nhập kế hoạch của tỉnh…»: the file's preview; once stored, said and shown in the Kế hoạch tab."""
        dialog = open_plan_import(self, self.store)
        if dialog is not None:
            dialog.imported.connect(self._plan_imported)
        return dialog

    def _plan_imported(self, result: PlanImport) -> None:
        self.statusBar().showMessage(self.tr("Đã nhập Kế hoạch {0}: {1} nhiệm vụ, {2} chỉ tiêu.").format(
            result.plan_code, result.tasks, result.indicators), 15000)
        self.dashboard.refresh()
        self.tabs.setCurrentWidget(self.browser)
        self._refresh_plans()  # the report shown was read before the plan: read again

    def open_task(self, ref: str) -> None:
        """Show one task in the editor (once its report is shown, when it is being opened)."""
        if not installation.has_agency(self.store):
            self._no_agency(self.editor)
            return
        if self.editor.view is None and self.editor.load_operation is None:
            self.open_report(None, then=lambda: self.open_task(ref))
            return

        def show() -> None:
            self.tabs.setCurrentWidget(self.editor)
            self.editor.go_to("task", ref, "status")

        self.editor.after_load(show)

    def _step_item(self, step: int) -> None:
        if self.tabs.currentWidget() is self.editor:
            self.editor.step_shown(step)

    def find_task(self) -> None:
        """Put the cursor in the search of the report's items (of the grid in table mode) while the report is shown,
        else of the plans."""
        search: QLineEdit
        if self.tabs.currentWidget() is self.editor and self.editor.table_search.isVisible():
            search = self.editor.table_search  # table mode finds in its own rows, in the grid
        elif self.tabs.currentWidget() is self.editor:
            self.editor.tabs.setCurrentWidget(self.editor.form_page)
            search = self.editor.item_list.search
        else:
            self.tabs.setCurrentWidget(self.browser)
            search = self.browser.search
        search.setFocus()
        search.selectAll()

    def check_report(self) -> None:
        """Validate the open report and say what was found (F5)."""
        if self.editor.view is None and self.editor.load_operation is None:
            self.open_report(None, then=self.check_report)
            return
        self.editor.after_load(lambda: check_report(self, self.tabs, self.editor))

    def _synced_by_hand(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        self.auto_sync.synced_by_hand()
        self.dashboard.refresh()

    def _report_changed(self) -> None:
        # The browser is filled again when it is shown, not on every saved field: refilling its 350 rows took
        # 0.7 s on the UI thread at each typing pause. It is never on screen beside the editor.
        self._browser_behind = self.tabs.currentWidget() is not self.browser
        if self.editor.view is not None and not self._browser_behind:
            self.browser.set_tasks(self.editor.tasks.items(), self.editor.indicators.items())

    def _period(self, retry: Callable[[], object]) -> str | None:
        """The report an action takes: on the home screen the one marked «Cần làm bây giờ», else the one
        shown. While one is being opened, or with none shown yet (the current period's is opened then),
        ``retry``, the action asked for, runs once it is shown: None until then."""
        marked = self.dashboard.marked_period() if self.tabs.currentWidget() is self.dashboard else None
        if marked:
            return marked
        if self.editor.load_operation is not None:  # a report is being opened: the action is for it
            self.editor.after_load(retry)
            return None
        if self.editor.view is None:
            self.open_report(None, then=retry)
            return None
        return self.editor.period_code or None

    # report actions --------------------------------------------------------------------------------
    def approve_and_sign(self) -> SignDialog | None:
        """Show what changed, then sign."""
        code = self._period(self.approve_and_sign)
        if code is None:
            return None
        try:
            dialog = SignDialog(self.store, code, self.language, self)
        except BaocaoError as exc:
            if exc.code == "report_frozen":
                # Already approved and signed: what is left is the digital signature of its PDF (the route
                # the guide gives, «Phê duyệt và ký… rồi Ký số…», leads there).
                self._digital_sign_signed(code)
                return None
            show_error(self, exc, self.tr("Phê duyệt và ký"))
            return None

        def signed(revision: SignedRevision) -> None:
            self.open_report(code)
            self.statusBar().showMessage(self.tr("Đã ký lần {0}. Báo cáo sẽ tự gửi Sở ở lần đồng bộ tới (hoặc "
                                                 "bấm Đồng bộ ngay).").format(revision.revision), 15000)

        dialog.signed.connect(signed)
        dialog.open()
        return dialog

    def reopen(self) -> None:
        """Open a new revision of a signed report, asking why."""
        code = self._period(self.reopen)
        if code is None:
            return
        warning = signing.revoked_warning(self.store)  # the Sở's words, in the window's language
        dialog = ReopenDialog(self, warning[self.language == "en"] if warning is not None else None)
        dialog.reason_given.connect(lambda reason: self._reopen(code, reason))
        dialog.open()

    def _reopen(self, code: str, reason: str) -> None:
        try:
            revision = reports.reopen_report(self.store, code, reason)
        except BaocaoError as exc:
            show_error(self, exc, self.tr("Mở lần sửa đổi mới"))
            return
        self.open_report(code)
        self.statusBar().showMessage(self.tr("Đã mở lần sửa đổi {0}.").format(revision), 15000)

    def _save_path(self, title: str, suggested: str, pattern: str) -> Path | None:
        return save_file(self, Path(suggested).suffix, title, suggested, pattern)  # a folder per kind of file

    def _suggested(self, code: str, suffix: str) -> str:
        """ "bao-cao-quy-I-2027.pdf" ("report-Q1-2027.pdf" in English): a name the user reads, not a code."""
        stem = Period.parse(code).file_stem(self.language)
        return f"report-{stem}{suffix}" if self.language == "en" else f"bao-cao-{stem}{suffix}"

    def export_pdf(self, out: Path | None = None, then_preview: bool = False) -> Operation | None:
        """Write the PDF where the user chooses, on a worker with progress and Cancel."""
        code = self._period(lambda: self.export_pdf(out, then_preview))
        if code is None:
            return None
        out = out or self._save_path(self.tr("Xuất PDF"), self._suggested(code, ".pdf"), "PDF (*.pdf)")
        if out is None:
            return None
        done = (lambda path: self._preview(path, code)) if then_preview else (
            self._exported)
        self.last_operation = run_operation(
            self, lambda progress, cancelled: pdf_process.export_pdf(self.store, code, out, progress=progress,
                                                                  cancelled=cancelled),
            title=self.tr("Đang xuất PDF"), on_success=done)
        return self.last_operation

    def export_workbook(self, out: Path | None = None) -> Operation | None:
        code = self._period(lambda: self.export_workbook(out))
        if code is None:
            return None
        out = out or self._save_path(self.tr("Xuất Excel"), self._suggested(code, ".xlsx"), "Excel (*.xlsx)")
        if out is None:
            return None
        from desktop.services import documents  # imported when used: not needed to show the window

        self.last_operation = run_operation(
            self, lambda _p, _c: documents.export_workbook(self.store, code, out), title=self.tr("Đang xuất Excel"),
            on_success=self._exported,
            cancellable=False)
        return self.last_operation

    def export_docx(self, out: Path | None = None) -> Operation | None:
        """The Word copy for the office to edit and print (the signed PDF stays the record)."""
        code = self._period(lambda: self.export_docx(out))
        if code is None:
            return None
        out = out or self._save_path(self.tr("Xuất Word"), self._suggested(code, ".docx"), "Word (*.docx)")
        if out is None:
            return None
        from desktop.services import documents  # imported when used: not needed to show the window

        self.last_operation = run_operation(
            self, lambda _p, _c: documents.export_docx(self.store, code, out), title=self.tr("Đang xuất Word"),
            on_success=self._exported, cancellable=False)
        return self.last_operation

    def export_encrypted(self, out: Path | None = None) -> Operation | None:
        code = self._period(lambda: self.export_encrypted(out))
        if code is None:
            return None
        out = out or self._save_path(self.tr("Xuất tệp mã hóa"), self._suggested(code, ".bcx"),
                                   self.tr("Tệp mã hóa gửi Sở (*.bcx)"))
        if out is None:
            return None
        from desktop.services import usb_transfer  # imported when used: not needed to show the window

        self.last_operation = run_operation(
            self, lambda progress, cancelled: usb_transfer.export_encrypted(self.store, code, out, progress=progress,
                                                                         cancelled=cancelled),
            title=self.tr("Đang xuất tệp mã hóa"),
            on_success=self._exported_for_province)
        return self.last_operation

    def _exported_for_province(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Đã xuất {0}").format(path), 6000)
        show_exported(self, path, self.tr(
            "Việc tiếp theo: chép tệp này vào USB và mang lên Sở (chỉ Sở mở được tệp). Sở nhận xong sẽ trả lại một "
            "tệp biên nhận (.bcr); khi nhận lại tệp biên nhận, dùng «Tệp › Nhập biên nhận của Sở…» (hoặc nút ở mục "
            "Đồng bộ) để ghi nhận."))

    def _exported(self, path: Path) -> None:
        if path.suffix.lower() == ".pdf":
            self.last_pdf = path  # what «Ký số tệp PDF…» offers next
        self.statusBar().showMessage(self.tr("Đã xuất {0}").format(path), 6000)
        show_exported(self, path)

    def fill_from_workbook(self, path: Path | None = None) -> None:
        code = self._period(lambda: self.fill_from_workbook(path))
        if code is None:
            return
        if not path:  # the menu action passes its checked state (False)
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Nhập số liệu từ Excel"), str(start_folder(".xlsx")),
                                                    "Excel (*.xlsx)")
            path = Path(chosen) if chosen else None
            if path is not None:
                remember(".xlsx", path)
        if path is None:
            return
        chosen_path = path
        self.last_operation = fill_workbook(self, self.store, code, path,
                                            lambda result: self._filled(code, chosen_path, result))

    def _filled(self, code: str, path: Path, result: FillResult) -> None:
        """Say what the workbook changed (a fill that only says nothing leaves the officer guessing), then show
        the report with the values taken."""
        self.statusBar().showMessage(
            self.tr("Đã nhập số liệu từ {0}: thay đổi {1} nhiệm vụ, {2} chỉ tiêu.").format(
                path.name, result.tasks, result.indicators), 15000)
        self.open_report(code)

    def print_preview(self) -> Operation | None:
        """Show the report's pages at once, with a Print button: the PDF is made in a private temporary
        folder, read into memory and deleted before the preview opens (nothing is left on disk)."""
        code = self._period(self.print_preview)
        if code is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="baocao-in-"))
        out = folder / self._suggested(code, ".pdf")
        operation = self.export_pdf(out, then_preview=True)
        if operation is None:
            shutil.rmtree(folder, ignore_errors=True)
        return operation

    def _preview(self, path: Path, code: str) -> None:
        try:
            pdf = path.read_bytes()
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
        self.preview = preview_dialog(pdf, self.tr("Báo cáo {0}").format(period_name(code, self.language)), self)
        place_on_screen(self.preview)  # pages are read at a size they can be read at
        self.preview.open()

    def _digital_sign_signed(self, code: str) -> None:
        from desktop.views.digital_sign_dialog import open_digital_sign

        dialog = open_digital_sign(self.store, self, code)
        dialog.state.setText(self.tr("Báo cáo kỳ {0} đã được phê duyệt và ký; ở đây ký số tệp PDF của lần đã ký "
                                     "(người ký trước, cơ quan sau).").format(period_name(code, self.language)))

    def open_digital_sign(self) -> None:
        """The «Ký số» dialog for any PDF; the signing stack (pyHanko) loads only when it is asked for."""
        from desktop.views.digital_sign_dialog import open_digital_sign

        open_digital_sign(self.store, self, offered=self.last_pdf)

    # the agency's history -------------------------------------------------------------------------
    def backup_store(self, out: Path | None = None) -> Operation | None:
        """Copy the store (still encrypted) into one file the user chooses."""
        out = out or ask_backup_path(self)
        if out is None:
            return None
        self.last_operation = make_backup(self, self.store, out, lambda info: self.statusBar().showMessage(
            self.tr("Đã sao lưu (vẫn mã hóa) vào {0}").format(info.path), 10000))
        return self.last_operation

    def revise_from_province(self, _checked: bool = False) -> None:
        """After a revision conflict: open the next revision of this period from the province's copy."""
        code = self._period(self.revise_from_province)
        if code is not None:
            self.history.revise_from_province(code)

    def _history_changed(self, period_code: str) -> None:
        self.dashboard.refresh()
        self.sync.refresh()
        if period_code:
            self.open_report(period_code)

    # lock and settings -----------------------------------------------------------------------------
    def lock(self) -> None:
        """Ask the application to close the store and show the unlock window, once what is typed is saved
        (a refused value keeps the window open at that field)."""
        if self._keep_typed(refuse=True):
            self._close_store()

    def _close_store(self) -> None:
        self.idle_lock.stop()
        self.lock_requested.emit()

    def _idle(self) -> None:
        # What was typed is saved before the store closes, whatever is refused: the unlock window says which.
        self.idle_locked.emit(self.ui.idle_minutes, self._keep_typed(refuse=False))
        self._close_store()

    def open_settings(self) -> None:
        from desktop.services.sync_schedule import interval_minutes

        dialog = SettingsDialog(self.ui, self, store=self.store, sync_minutes=interval_minutes(self.store))
        dialog.accepted.connect(lambda: self._settings_chosen(dialog.chosen(), dialog.chosen_sync_minutes()))
        dialog.open()

    def _settings_chosen(self, chosen: UiSettings, sync_minutes: int | None = None) -> None:
        if sync_minutes is not None:
            from desktop.services.sync_schedule import set_interval_minutes

            set_interval_minutes(self.store, sync_minutes)
            self.auto_sync.set_interval(sync_minutes * 60.0 if sync_minutes else None)
        self.ui = chosen
        self.idle_lock.set_interval(chosen.idle_ms)
        self.settings_changed.emit(chosen)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._keep_typed(refuse=True):
            event.ignore()
            return
        self.idle_lock.stop()
        super().closeEvent(event)
