"""Every push button of every dialog the main window opens is pressed in a real window, with Qt's file
dialogs answered by the test: none may raise or end in an error box, and what each button makes (a
setting, a new revision, an imported plan, a signature, a file) is checked.

The buttons are found with ``findChildren``: a button added to a dialog without a step here fails the test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.documents.sample_plan_data import DONG_THAP_3256
from desktop.documents.sample_plans import write_sample_plan
from desktop.models.store import Store
from desktop.services import digital_signing, reports
from desktop.services.digital_signing import ImageKind
from desktop.views.digital_sign_dialog import DigitalSignDialog
from desktop.views.main_window import MainWindow
from desktop.views.plan_import_dialog import PlanImportDialog
from desktop.views.reopen_dialog import ReopenDialog
from desktop.views.settings_dialog import SettingsDialog
from desktop.views.sign_dialog import SignDialog
from tests.views.flow_helpers import answer_every_error, confirm_signing, open_and_wait, settle_workers
from tests.views.test_every_action import SIGNED, Answers, error_boxes, finish, province, store, window  # noqa: F401

Step = Callable[[QPushButton, QDialog], None]


def buttons_of(dialog: QWidget) -> dict[str, QPushButton]:
    """The dialog's visible push buttons: a standard button by its kind ("Ok", "Cancel"), another by its
    objectName, else by its text."""
    found: dict[str, QPushButton] = {}
    for button in dialog.findChildren(QPushButton):
        if not button.isVisibleTo(dialog):
            continue
        box = button.parent()
        standard = box.standardButton(button) if isinstance(box, QDialogButtonBox) else None
        name = button.objectName()
        key = str(standard.name) if standard else name if name and not name.startswith("qt_") else \
            button.text().replace("&", "")
        assert key not in found, f"{type(dialog).__name__}: two buttons named {key!r}"
        found[key] = button
    return found


def shown(kind: type[QDialog]) -> QDialog:
    """The one open dialog of ``kind``."""
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert isinstance(dialog, QDialog)
    return dialog


def walk(qtbot: QtBot, main: MainWindow, open_dialog: Callable[[], QDialog], steps: dict[str, Step]) -> None:
    """Open the dialog afresh for each step and press that step's button; every button must have a step."""
    names = set(buttons_of(open_dialog()))
    for dialog in [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]:
        dialog.reject()
    assert names == set(steps), f"buttons without a step: {names - set(steps)}; steps without a button: " \
                                f"{set(steps) - names}"
    for key, step in steps.items():
        dialog = open_dialog()
        button = buttons_of(dialog)[key]
        step(button, dialog)
        finish(qtbot, main)
        for left in [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]:
            left.reject()


def press(button: QPushButton, _dialog: QDialog) -> None:
    assert button.isEnabled(), f"{button.text()} is disabled"
    button.click()


def closes(button: QPushButton, dialog: QDialog) -> None:
    press(button, dialog)
    assert not dialog.isVisible(), f"{button.text()} did not close the dialog"


def action(main: MainWindow, name: str) -> QAction:
    found = main.findChild(QAction, name)
    assert isinstance(found, QAction), name
    return found


def test_settings_reopen_and_plan_import_buttons(qtbot: QtBot, window: MainWindow, store: Store,  # noqa: F811
                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(monkeypatch)
    chosen: list[object] = []
    window.settings_changed.connect(chosen.append)

    def settings() -> QDialog:
        action(window, "settings").trigger()
        return shown(SettingsDialog)

    def ok(button: QPushButton, dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.idle.setValue(7)
        closes(button, dialog)
        assert [getattr(c, "idle_minutes", None) for c in chosen] == [7]

    def browse_library(button: QPushButton, dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog) and dialog.signing is not None
        answers.open = library
        press(button, dialog)
        assert dialog.signing.library.text() == str(library)

    def read_tokens(button: QPushButton, dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog) and dialog.signing is not None
        dialog.signing.library.setText(str(library))
        press(button, dialog)
        qtbot.waitUntil(lambda: dialog.signing is not None and dialog.signing.operation is None, timeout=30_000)
        assert dialog.signing.token_state.text(), "it says what it found (or why it could not read)"

    def add_root(button: QPushButton, dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog) and dialog.signing is not None
        answers.open = bad_root
        press(button, dialog)
        assert bad_root.name in dialog.signing.trust_roots.state.text(), "a bad file is said, nothing added"

    library = tmp_path / "khong-co-token.so"
    library.write_bytes(b"not a library")
    bad_root = tmp_path / "khong-phai-chung-thu.pem"
    bad_root.write_text("không phải chứng thư")
    walk(qtbot, window, settings, {"Ok": ok, "Cancel": closes, "pkcs11Browse": browse_library,
                                   "pkcs11ReadTokens": read_tokens, "trustRootAdd": add_root})
    assert len(chosen) == 1

    def reopen() -> QDialog:
        open_and_wait(qtbot, window, SIGNED)
        action(window, "reopen").trigger()
        return shown(ReopenDialog)

    def reason_then_ok(button: QPushButton, dialog: QDialog) -> None:
        assert isinstance(dialog, ReopenDialog)
        press(button, dialog)
        assert dialog.isVisible() and dialog.message.text(), "an empty reason must keep the dialog open"
        dialog.reason.setPlainText("Bổ sung số liệu chỉ tiêu")
        closes(button, dialog)
        view = reports.open_report(store, SIGNED)
        assert view.editable and view.revision == 2

    walk(qtbot, window, reopen, {"Ok": reason_then_ok, "Cancel": closes})

    answers.open = write_sample_plan(DONG_THAP_3256, tmp_path / "ke-hoach.xlsx")

    def plan_import() -> QDialog:
        action(window, "importPlan").trigger()
        dialog = shown(PlanImportDialog)
        assert isinstance(dialog, PlanImportDialog)
        qtbot.waitUntil(lambda: dialog.operation is None, timeout=60_000)
        return dialog

    def import_(button: QPushButton, dialog: QDialog) -> None:
        assert isinstance(dialog, PlanImportDialog)
        if not button.isEnabled():  # the demo holds this plan already: nothing would change
            assert dialog.changes.count() == 1
            return
        press(button, dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
        assert dialog.result_import is not None

    walk(qtbot, window, plan_import, {"Nhập": import_, "Hủy": closes})


def test_sign_and_digital_sign_buttons(qtbot: QtBot, window: MainWindow, store: Store,  # noqa: F811
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(monkeypatch)
    answer_every_error(qtbot, window.editor)
    code = window.editor.period_code

    def sign_dialog() -> QDialog:
        open_and_wait(qtbot, window, code)
        action(window, "sign").trigger()
        return shown(SignDialog)

    def sign(button: QPushButton, dialog: QDialog) -> None:
        press(button, dialog)
        assert isinstance(dialog, SignDialog)
        if dialog.early is not None:  # the current quarter's data window may not have opened yet
            qtbot.waitUntil(lambda: dialog.early_box is not None and dialog.early_box.isVisible())
            assert dialog.early_box is not None
            press(dialog.early_box.findChild(QPushButton, "signAnyway"), dialog.early_box)
        confirm_signing(qtbot, dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
        assert not reports.open_report(store, code).editable, "the report is signed"

    def digital(button: QPushButton, dialog: QDialog) -> None:
        press(button, dialog)
        assert shown(DigitalSignDialog).windowTitle()

    walk(qtbot, window, sign_dialog, {"openDigitalSign": digital, "Cancel": closes, "Ký": sign})

    png = tmp_path / "chu-ky.png"
    image = QImage(120, 60, QImage.Format.Format_ARGB32)
    image.fill(0x400000FF)
    assert image.save(str(png))
    pdf = tmp_path / "bao-cao.pdf"
    window.export_pdf(pdf)
    finish(qtbot, window)
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        box.close()

    def digital_sign() -> QDialog:
        action(window, "digitalSignFile").trigger()
        return shown(DigitalSignDialog)

    def browse(path: Path, field: str) -> Step:
        def step(button: QPushButton, dialog: QDialog) -> None:
            answers.open = answers.save = path
            press(button, dialog)
            assert getattr(dialog, field).text() == str(path)
        return step

    def choose_image(kind: ImageKind) -> Step:
        def step(button: QPushButton, dialog: QDialog) -> None:
            answers.open = png
            press(button, dialog)
            settings = digital_signing.load_settings(store)
            assert settings.has_signature_image if kind == ImageKind.SIGNATURE else settings.has_seal_image
        return step

    def library(button: QPushButton, dialog: QDialog) -> None:
        assert isinstance(dialog, DigitalSignDialog)
        answers.open = tmp_path / "libtoken.so"
        press(button, dialog)
        assert dialog.library.library_path() == str(answers.open)

    def says_why(button: QPushButton, dialog: QDialog) -> None:
        # Nothing to sign with (no token library, no key file): the dialog says so, nothing is written.
        assert isinstance(dialog, DigitalSignDialog)
        dialog.source.setText(str(pdf))
        dialog.out.setText(str(tmp_path / "da-ky.pdf"))
        press(button, dialog)
        qtbot.waitUntil(lambda: dialog.operation is None or dialog.read_button.isEnabled(), timeout=30_000)
        settle_workers()
        assert dialog.state.text(), f"{button.text()}: no message"
        assert not (tmp_path / "da-ky.pdf").exists()

    walk(qtbot, window, digital_sign, {
        "signSourceBrowse": browse(pdf, "source"), "signOutBrowse": browse(tmp_path / "da-ky.pdf", "out"),
        "p12PathBrowse": browse(tmp_path / "khoa.p12", "p12"), "pkcs11Browse": library,
        "choose_signature": choose_image(ImageKind.SIGNATURE), "choose_seal": choose_image(ImageKind.SEAL),
        "readToken": says_why, "digitalSignButton": says_why, "Close": closes})


def test_the_exported_box_opens_the_folder(qtbot: QtBot, window: MainWindow, tmp_path: Path,  # noqa: F811
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    out = tmp_path / "xuat" / "bao-cao.xlsx"
    out.parent.mkdir()

    def exported_box() -> QDialog:
        window.export_workbook(out)
        operation = window.last_operation
        assert operation is not None
        qtbot.waitUntil(lambda: operation.result is not None or operation.error is not None, timeout=60_000)
        [box] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "exportedBox" and w.isVisible()]
        assert isinstance(box, QMessageBox)
        assert load_workbook(out, read_only=True).sheetnames, "the exported workbook opens"
        return box

    def open_folder(button: QPushButton, dialog: QDialog) -> None:
        closes(button, dialog)
        assert [url.toLocalFile() for url in opened] == [str(out.parent)]

    walk(qtbot, window, exported_box, {"openFolder": open_folder, "Đóng": closes})
    assert not error_boxes()


def test_every_button_of_the_report_and_the_overview(qtbot: QtBot, window: MainWindow, store: Store,  # noqa: F811
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The form's, the evidence panel's, the signed banner's and the period cards' buttons, each pressed."""
    answers = Answers(monkeypatch)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    editor = window.editor
    pressed: set[QPushButton] = set()

    def click(button: QPushButton) -> None:
        assert button.isVisible() and button.isEnabled(), button.text()
        button.click()
        pressed.add(button)
        finish(qtbot, window)

    def answer(name: str) -> None:
        qtbot.waitUntil(lambda: any(w.objectName() == name and w.isVisible() for w in QApplication.topLevelWidgets()))
        [box] = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    previous = next(t for t in editor.tasks.items() if editor.context.previous.get(t.ref))
    editor.go_to("task", previous.ref, "status")
    click(editor.form.reuse)
    reused = editor.context.previous[previous.ref]
    assert reports.open_report(store, editor.period_code).tasks[editor.tasks.row_of(previous.ref) or 0].status \
        == reused.get("status")
    shown_ref = editor.form.item.ref if editor.form.item else ""
    click(editor.form.next)
    assert editor.form.item is not None and editor.form.item.ref != shown_ref
    click(editor.form.back)
    assert editor.form.item is not None and editor.form.item.ref == shown_ref

    evidence_panel = editor.evidence
    qtbot.waitUntil(lambda: evidence_panel.attach_button.isEnabled(), timeout=10_000)
    answers.open = tmp_path / "bien-ban.txt"
    answers.open.write_text("Biên bản nghiệm thu", encoding="utf-8")
    click(evidence_panel.attach_button)
    qtbot.waitUntil(lambda: evidence_panel.list.topLevelItemCount() == 1, timeout=30_000)
    answers.save = tmp_path / "ban-sao.txt"
    click(evidence_panel.open_button)
    assert answers.save.read_text(encoding="utf-8") == "Biên bản nghiệm thu"
    assert [url.toLocalFile() for url in opened] == [str(answers.save)]
    click(evidence_panel.remove_button)
    answer("confirmRemoveEvidence")
    qtbot.waitUntil(lambda: evidence_panel.list.topLevelItemCount() == 0, timeout=10_000)

    open_and_wait(qtbot, window, SIGNED)
    click(editor.reopen_button)
    shown(ReopenDialog).reject()

    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: not window.dashboard.is_loading(), timeout=30_000)
    cards = [b for b in window.dashboard.findChildren(QPushButton) if b.objectName().startswith("open_")]
    assert cards
    for card in cards:
        window.tabs.setCurrentWidget(window.dashboard)
        click(card)
        assert window.tabs.currentWidget() is editor and editor.period_code == card.objectName()[len("open_"):]

    report_buttons = {b for b in editor.findChildren(QPushButton) if b.isVisibleTo(editor) or b is editor.reopen_button}
    assert report_buttons - pressed == set(), [b.text() for b in report_buttons - pressed]
