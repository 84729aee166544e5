"""«Ký số» as a person uses it, on a real SoftHSM2 token: pick the library, read the token, pick the
certificate, type the PIN at typing speed, choose the images once, sign the report; then the văn thư
signs that file as the agency from «Báo cáo → Ký số tệp PDF…». A wrong PIN is said and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.models.store import Store
from desktop.signing.pades import Role
from desktop.signing.trust import add_local_roots
from desktop.signing.verify import verify_pdf
from desktop.views.digital_sign_dialog import DigitalSignDialog
from desktop.views.sign_dialog import SignDialog
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, SIGNER_TOKEN, Pki, pki  # noqa: F401 - the fixture, shared
from tests.signing.helpers import roots
from tests.views.flow_helpers import answer_errors_in_store, settle_workers


def setup_period(store: Store) -> str:
    """The demo's current quarter, the one the approval dialog opens on, with every error answered (the
    dialog offers «Ký số» only for a report that could be signed)."""
    from desktop.services.periods import current_period_code

    code = current_period_code()
    answer_errors_in_store(store, code)
    return code


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text, delay=5)


def _wait_done(qtbot: QtBot, dialog: DigitalSignDialog) -> None:
    """Until the signing call returned, whichever way (the button is enabled again)."""
    qtbot.waitUntil(lambda: dialog.sign_button.isEnabled() and dialog.state.text() != "Đang ký…", timeout=120_000)


def _read_and_pick(qtbot: QtBot, dialog: DigitalSignDialog, token: str) -> None:
    _type(qtbot, dialog.library.library, softhsm.LIBRARY)
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.tokens.count() >= 4 or dialog.read_button.isEnabled(), timeout=20_000)
    assert dialog.tokens.count() >= 4, dialog.state.text()
    dialog.tokens.setCurrentIndex(dialog.tokens.findText(token, Qt.MatchFlag.MatchStartsWith))
    assert dialog.certificates.count() == 1


def _answer_names(qtbot: QtBot, dialog: DigitalSignDialog, answer: QMessageBox.StandardButton) -> None:
    """Answer the warning that the printed signer is not the certificate's holder."""
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "confirmSignerName") is not None, timeout=10_000)
    box = dialog.findChild(QMessageBox, "confirmSignerName")
    assert box is not None and "«Nguyễn Văn Bình»" in box.text() and "«Nguyễn Văn An»" in box.text()
    qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
    box.setObjectName("")
    box.deleteLater()


def _choose_image(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dialog: DigitalSignDialog, kind: str,
                  path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.findChild(object, f"choose_{kind}"), Qt.MouseButton.LeftButton)


def test_sign_the_report_then_the_agency_signs_the_file(qtbot: QtBot, demo_store: Store, pki: Pki,  # noqa: F811
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_local_roots(demo_store, pki.ca_pem)
    current = setup_period(demo_store)
    approval = SignDialog(demo_store, current, "vi")
    qtbot.addWidget(approval)
    qtbot.mouseClick(approval.digital_button, Qt.MouseButton.LeftButton)
    dialog = approval.findChild(DigitalSignDialog)
    assert dialog is not None and dialog.isVisible()
    _read_and_pick(qtbot, dialog, SIGNER_TOKEN)
    assert "Nguyễn Văn An" in dialog.certificates.currentText()
    _choose_image(qtbot, monkeypatch, dialog, "signature", pki.folder / "chu-ky.png")
    assert dialog.image_state[next(iter(dialog.image_state))].text() == "đã chọn"
    out = tmp_path / "bao-cao-ky.pdf"
    _type(qtbot, dialog.out, str(out))

    _type(qtbot, dialog.pin, "999999")
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    # The demo prints «Nguyễn Văn Bình» as the signer; the certificate is Nguyễn Văn An's: asked first.
    _answer_names(qtbot, dialog, QMessageBox.StandardButton.No)
    assert dialog.state.text() == "Thấy 5 token." and not out.exists(), "not signed when the user says no"
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    _answer_names(qtbot, dialog, QMessageBox.StandardButton.Yes)
    _wait_done(qtbot, dialog)
    assert "Mã PIN không đúng" in dialog.state.text()
    assert not out.exists() and dialog.pin.text() == "", "nothing written, the PIN not kept"

    _type(qtbot, dialog.pin, softhsm.PIN)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, dialog)
    assert "Đã ký số" in dialog.state.text(), dialog.state.text()
    assert dialog.pin.text() == ""
    assert [(c.role, c.ok) for c in verify_pdf(out, roots(pki))] == [(Role.SIGNER, True)]

    clerk = DigitalSignDialog(demo_store)
    qtbot.addWidget(clerk)
    assert clerk.library.library_path() == softhsm.LIBRARY, "the library chosen once is remembered"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(clerk.findChild(object, "signSourceBrowse"), Qt.MouseButton.LeftButton)
    assert clerk.out.text().endswith("bao-cao-ky-da-ky.pdf")
    clerk.role.setCurrentIndex(clerk.role.findData(Role.AGENCY))
    _read_and_pick(qtbot, clerk, AGENCY_TOKEN)
    _choose_image(qtbot, monkeypatch, clerk, "seal", pki.folder / "con-dau.png")
    _type(qtbot, clerk.pin, softhsm.PIN)
    qtbot.mouseClick(clerk.sign_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, clerk)
    assert "Đã ký số" in clerk.state.text(), clerk.state.text()
    final = Path(clerk.out.text())
    assert [(c.role, c.ok) for c in verify_pdf(final, roots(pki))] == [(Role.SIGNER, True), (Role.AGENCY, True)]
    settle_workers()


def test_the_menu_opens_ky_so_for_a_pdf_from_another_pc(qtbot: QtBot, demo_store: Store) -> None:
    from PySide6.QtGui import QAction

    from desktop.app import create_main_window

    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "digitalSignFile")
    assert action is not None and action.text().replace("&", "") == "Ký số tệp PDF…"
    action.trigger()
    dialog = window.findChild(DigitalSignDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Ký số tệp PDF" and dialog.source.isVisibleTo(dialog)
    assert dialog.appendix.isVisibleTo(dialog), "the separate-appendix form is offered for a file"
    settle_workers()


def test_a_pkcs12_file_is_warned_about_too(qtbot: QtBot, demo_store: Store, pki: Pki,  # noqa: F811
                                           tmp_path: Path) -> None:
    """A PKCS#12 file of another holder than the printed signer asks as a token's certificate does."""
    add_local_roots(demo_store, pki.ca_pem)
    p12 = tmp_path / "ky.p12"
    p12.write_bytes(pki.signer.p12("matkhau-p12", [pki.ca.cert]))
    dialog = DigitalSignDialog(demo_store, period_code=setup_period(demo_store))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.use_p12.setChecked(True)
    _type(qtbot, dialog.p12, str(p12))
    out = tmp_path / "bao-cao-ky.pdf"
    _type(qtbot, dialog.out, str(out))
    _type(qtbot, dialog.pin, "sai")
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "không đúng" in dialog.state.text() and dialog.pin.text() == "", "a wrong password said, not kept"
    _type(qtbot, dialog.pin, "matkhau-p12")
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    _answer_names(qtbot, dialog, QMessageBox.StandardButton.No)
    assert not out.exists(), "not signed when the user says no"
    settle_workers()


def test_after_the_signer_the_file_signed_is_offered_to_the_agency_and_never_written_over(
        qtbot: QtBot, demo_store: Store, pki: Pki, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A newcomer switched «Ký với tư cách» to the agency and pressed «Ký số»: the dialog signed the unsigned
    PDF again into the same output, replacing the chairman's signed copy without a word."""
    from desktop.services import documents

    add_local_roots(demo_store, pki.ca_pem)
    unsigned = documents.export_pdf(demo_store, setup_period(demo_store), tmp_path / "bao-cao.pdf")
    dialog = DigitalSignDialog(demo_store, offered=unsigned)
    qtbot.addWidget(dialog)
    signed = tmp_path / "bao-cao-da-ky.pdf"
    assert dialog.out.text() == str(signed)
    _read_and_pick(qtbot, dialog, SIGNER_TOKEN)
    _choose_image(qtbot, monkeypatch, dialog, "signature", pki.folder / "chu-ky.png")
    _choose_image(qtbot, monkeypatch, dialog, "seal", pki.folder / "con-dau.png")
    _type(qtbot, dialog.pin, softhsm.PIN)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    _answer_names(qtbot, dialog, QMessageBox.StandardButton.Yes)
    _wait_done(qtbot, dialog)
    assert "Bước tiếp: văn thư ký số" in dialog.state.text(), dialog.state.text()
    assert dialog.role.currentData() is Role.AGENCY and dialog.source.text() == str(signed)
    assert dialog.out.text() == str(tmp_path / "bao-cao-co-quan.pdf")

    dialog.out.setText(str(signed))  # typed back by hand: asked first, and «Không» keeps the signed copy
    before = signed.read_bytes()
    _read_and_pick(qtbot, dialog, AGENCY_TOKEN)
    _type(qtbot, dialog.pin, softhsm.PIN)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "confirmOverwrite") is not None, timeout=10_000)
    box = dialog.findChild(QMessageBox, "confirmOverwrite")
    assert box is not None and "bao-cao-da-ky.pdf" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert signed.read_bytes() == before
    settle_workers()
