"""Every action of the main window is pressed in a real window, with the file dialogs answered by the test:
none may raise or end in an error box, and each export's file is opened and checked.

The actions are found with ``findChildren``: an action added without a step here fails the test."""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app import create_main_window
from desktop.documents.sample_plan_data import AN_GIANG_594
from desktop.documents.sample_plans import write_sample_plan
from desktop.errors import BaocaoError
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services.demo import setup_demo
from desktop.services.identity import device_key
from desktop.sync.bundle import verify_bundle
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from desktop.sync.encrypted_export import decrypt_file
from desktop.sync.receipt import Receipt, make_receipt
from desktop.views.about_dialog import AboutDialog
from desktop.views.agency_dialog import AgencyDialog
from desktop.views.digital_sign_dialog import DigitalSignDialog
from desktop.views.help_window import HelpWindow
from desktop.views.main_window import MainWindow
from desktop.views.plan_import_dialog import PlanImportDialog
from desktop.views.reopen_dialog import ReopenDialog
from desktop.views.settings_dialog import SettingsDialog
from desktop.views.sign_dialog import SignDialog
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.flow_helpers import open_and_wait, settle_workers, wait_validated

SIGNED = "2026Q3"


@pytest.fixture
def province() -> ProvinceKeys:
    return ProvinceKeys.generate()


@pytest.fixture
def store(tmp_path: Path, province: ProvinceKeys) -> Iterator[Store]:
    made = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=date(2026, 11, 23),
                      province=province.public())
    yield made.store
    settle_workers()
    made.store.close()


class Answers:
    """What the test answers in Qt's file dialogs: the next save path, the next file to open."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.save: Path | None = None
        self.open: Path | None = None
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(self.save or ""), ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(self.open or ""), ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            lambda *a, **k: ([str(self.open)] if self.open else [], ""))


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    made = create_main_window(store, today=date(2026, 11, 23))
    qtbot.addWidget(made)
    made.show()
    made.open_report(None)
    wait_validated(qtbot, made.editor)
    return made


def error_boxes() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]


def open_dialogs(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def finish(qtbot: QtBot, window: MainWindow) -> None:
    settle_workers()
    operation = window.last_operation
    if operation is not None:
        qtbot.waitUntil(lambda: operation.error is not None or operation.result is not None, timeout=60_000)
        assert operation.error is None, repr(operation.error)
    assert not error_boxes(), [box.findChild(QWidget, "qt_msgbox_label") for box in error_boxes()]
    for box in open_dialogs(QMessageBox):
        if box.objectName() == "exportedBox":
            box.close()


def test_every_action_of_the_main_window_works(qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path,
                                               province: ProvinceKeys, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(monkeypatch)
    exported: dict[str, Path] = {}

    def export(name: str, suffix: str, period: str | None = None) -> Callable[[QAction], None]:
        def step(action: QAction) -> None:
            if period:
                open_and_wait(qtbot, window, period)
            answers.save = tmp_path / f"{name}{suffix}"
            action.trigger()
            finish(qtbot, window)
            assert answers.save.is_file(), f"{name}: no file written"
            exported[name] = answers.save
            open_and_wait(qtbot, window)
        return step

    def fill(action: QAction) -> None:
        answers.open = exported["exportWorkbook"]
        action.trigger()
        finish(qtbot, window)

    def print_preview(action: QAction) -> None:
        action.trigger()
        finish(qtbot, window)
        qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=60_000)
        assert isinstance(window.preview, QPrintPreviewDialog)
        assert re.fullmatch(r"Xem trước khi in — Báo cáo Quý [IV]+ năm \d{4}", window.preview.windowTitle()), \
            "the period by its name, not «bao-cao-2027Q1.pdf»"
        assert not list(Path(tempfile.gettempdir()).glob("baocao-in-*"))  # the PDF is held in memory only
        window.preview.reject()

    def dialog_step(kind: type[QDialog], period: str | None = None) -> Callable[[QAction], None]:
        def step(action: QAction) -> None:
            if period:
                open_and_wait(qtbot, window, period)
            action.trigger()
            finish(qtbot, window)
            shown = open_dialogs(kind)
            assert shown, f"{action.objectName()}: no {kind.__name__} shown"
            for dialog in shown:
                assert isinstance(dialog, QDialog)
                dialog.reject()
            open_and_wait(qtbot, window)
        return step

    def import_plan(action: QAction) -> None:
        answers.open = write_sample_plan(AN_GIANG_594, tmp_path / "ke-hoach.xlsx")
        dialog_step(PlanImportDialog)(action)

    def plain(action: QAction) -> None:
        action.trigger()
        finish(qtbot, window)

    def help_step(action: QAction) -> None:
        action.trigger()
        guide = window.findChild(HelpWindow)
        assert isinstance(guide, HelpWindow) and guide.isVisible() and guide.browser.toPlainText()
        guide.close()

    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))

    def lock(action: QAction) -> None:
        action.trigger()
        assert locked == [True]

    def backup(action: QAction) -> None:
        answers.save = tmp_path / "sao-luu.zip"
        action.trigger()
        finish(qtbot, window)
        assert answers.save.is_file(), "backupStore: no file written"

    def restore_history(action: QAction) -> None:
        # No province is set up in this window: the action says so in a message box, nothing else happens.
        action.trigger()
        operation = window.history.operation
        assert operation is not None
        qtbot.waitUntil(lambda: operation.done, timeout=60_000)
        assert isinstance(operation.error, BaocaoError) and operation.error.code == "no_server", operation.error
        for box in error_boxes():
            box.close()

    def import_receipt(action: QAction) -> None:
        # The province's receipt for the bundle just exported, as it comes back on the stick.
        with store.session() as session:
            item = session.scalar(select(OutboxItem).where(OutboxItem.period_code == SIGNED))
            assert item is not None
            receipt = Receipt(bundle_sha256=item.bundle_sha256, bundle_id=item.bundle_id, agency="DT-MYHIEP",
                              period=SIGNED, revision=1, received_at="2026-11-23T08:00:00Z", status="accepted",
                              message_vi="Đã nhận.", message_en="Received.")
        answers.open = tmp_path / "bien-nhan.bcr"
        answers.open.write_bytes(make_receipt(receipt, province.signing))
        action.trigger()
        qtbot.waitUntil(lambda: bool(open_dialogs(QMessageBox)), timeout=60_000)
        assert not error_boxes()
        [box] = open_dialogs(QMessageBox)
        assert box.objectName() == "receiptTakenBox"
        box.close()
        settle_workers()

    def choose_period(action: QAction) -> None:
        shown = window.editor.period_code
        action.trigger()
        popup = window.editor.period_choice.view()
        qtbot.waitUntil(popup.isVisible, timeout=30_000)
        assert window.editor.period_choice.count() >= 3, "the stored reports and the quarters around today"
        QTest.keyClick(popup, Qt.Key.Key_Escape)  # nothing chosen: the report shown stays
        assert window.editor.period_code == shown

    def quit_(action: QAction) -> None:
        action.trigger()
        assert not window.isVisible()

    steps: dict[str, Callable[[QAction], None]] = {
        "exportPdf": export("exportPdf", ".pdf"),
        "exportWorkbook": export("exportWorkbook", ".xlsx"),
        "exportDocx": export("exportDocx", ".docx"),
        "exportEncrypted": export("exportEncrypted", ".bcx", SIGNED),
        "importReceipt": import_receipt,
        "fillFromWorkbook": fill,
        "printPreview": print_preview,
        "undo": plain, "redo": plain, "findTask": plain, "validate": plain, "nextItem": plain, "previousItem": plain,
        "choosePeriod": choose_period,
        "sign": dialog_step(SignDialog),
        "reopen": dialog_step(ReopenDialog, SIGNED),
        "reviseFromProvince": dialog_step(ReopenDialog, SIGNED),
        "backupStore": backup, "restoreHistory": restore_history,
        "settings": dialog_step(SettingsDialog), "declareAgency": dialog_step(AgencyDialog),
        "digitalSignFile": dialog_step(DigitalSignDialog),
        "importPlan": import_plan,
        "showTab1": plain, "showTab2": plain, "showTab3": plain, "showTab4": plain,
        "lock": lock,
        "help": help_step,
        "about": dialog_step(AboutDialog),
    }
    last = {"quit": quit_}
    actions = [a for a in window.findChildren(QAction) if a.text() and not a.isSeparator() and a.menu() is None]
    names = {a.objectName() for a in actions}
    assert names == set(steps) | set(last), f"actions without a step: {names - set(steps) - set(last)}"
    by_name = {a.objectName(): a for a in actions}
    for name, step in [*steps.items(), *last.items()]:
        step(by_name[name])

    assert load_pdf_pages(exported["exportPdf"]) >= 1
    book = load_workbook(exported["exportWorkbook"], read_only=True)
    assert book.sheetnames
    book.close()
    plain_bundle = io.BytesIO()
    with exported["exportEncrypted"].open("rb") as sealed:
        decrypt_file(sealed, plain_bundle, province.hpke_private_key)
    with store.session() as session:
        public = ed25519_public_bytes(device_key(session))
    bundle = verify_bundle(io.BytesIO(plain_bundle.getvalue()), key_for_agency=lambda _code: public)
    assert bundle.period == SIGNED


def load_pdf_pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def test_reopen_dialog_stays_open_with_a_message_on_an_empty_reason(qtbot: QtBot) -> None:
    dialog = ReopenDialog()
    qtbot.addWidget(dialog)
    given: list[str] = []
    dialog.reason_given.connect(given.append)
    dialog.show()
    qtbot.keyClicks(dialog.reason, "   ")
    dialog.accept()
    assert dialog.isVisible() and dialog.message.text() and not given
    qtbot.keyClicks(dialog.reason, "bo sung so lieu")
    dialog.accept()
    assert not dialog.isVisible() and given == ["bo sung so lieu"]


def test_font_size_is_kept_between_9_and_20_points(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.views.settings_dialog import UiSettings, load_ui_settings, save_ui_settings

    dialog = SettingsDialog(UiSettings(font_points=12))
    qtbot.addWidget(dialog)
    dialog.font_points.setValue(1)
    assert dialog.chosen().font_points == 0  # below 9 is only «Theo hệ thống»
    dialog.font_points.setValue(99)
    assert dialog.chosen().font_points == 20
    save_ui_settings(tmp_path, UiSettings(font_points=1))
    assert load_ui_settings(tmp_path).font_points == 9


def test_baocao_lang_chooses_the_interface_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import startup_settings
    from desktop.views.settings_dialog import UiSettings, save_ui_settings

    save_ui_settings(tmp_path, UiSettings(language="vi", idle_minutes=5))
    monkeypatch.setenv("BAOCAO_LANG", "en")
    assert startup_settings(tmp_path) == UiSettings(language="en", idle_minutes=5)
    monkeypatch.delenv("BAOCAO_LANG")
    assert startup_settings(tmp_path).language == "vi"
