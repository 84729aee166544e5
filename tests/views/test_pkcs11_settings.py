"""«Cài đặt → Ký số» as a person uses it, on a real SoftHSM2 token: pick the token's preset from the list,
correct the library path by typing, read the tokens (the certificates on each are listed without a PIN),
and «Đồng ý» keeps the library in the store for the «Ký số» dialog and the CLI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.models.store import Store
from desktop.services.digital_signing import load_settings
from desktop.views.main_window import MainWindow
from desktop.views.settings_dialog import SettingsDialog, UiSettings
from tests.signing import softhsm
from tests.signing.conftest import SIGNER_TOKEN, Pki, pki  # noqa: F401 - the fixture, shared


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text, delay=5)


def test_pick_a_preset_edit_the_path_list_the_tokens_and_keep_it(qtbot: QtBot, demo_store: Store, pki: Pki,  # noqa: F811
                                                                 tmp_path: Path) -> None:
    window = MainWindow(demo_store, UiSettings())
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible() and dialog.signing is not None, "Settings has the signing part"
    signing = dialog.signing

    signing.preset.setFocus()
    qtbot.keyClicks(signing.preset, "SoftHSM")  # a closed combo box picks by the letters typed
    assert signing.preset.currentText().startswith("SoftHSM2")
    assert signing.library.text().endswith("libsofthsm2.so"), "the preset fills in the library path"

    _type(qtbot, signing.library, "/usr/lib/softhsm/khong-co.so")
    qtbot.mouseClick(signing.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: signing.operation is None, timeout=30_000)
    assert signing.token_list.count() == 0 and "khong-co.so" in signing.token_state.text()

    _type(qtbot, signing.library, softhsm.LIBRARY)
    qtbot.mouseClick(signing.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: signing.operation is None, timeout=30_000)
    listed = [signing.token_list.item(i).text() for i in range(signing.token_list.count())]
    assert any(line.startswith(SIGNER_TOKEN) and "Nguyễn Văn An" in line for line in listed), listed
    assert signing.token_state.text() == f"Thấy {len(listed)} token."

    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert load_settings(demo_store).pkcs11_library == softhsm.LIBRARY


def test_cancel_keeps_the_library_that_was_set(qtbot: QtBot, demo_store: Store) -> None:
    dialog = SettingsDialog(UiSettings(), store=demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.signing is not None
    _type(qtbot, dialog.signing.library, "/tmp/khac.so")
    dialog.reject()
    assert load_settings(demo_store).pkcs11_library == ""


def test_a_trusted_root_is_added_from_settings_and_a_bad_file_is_said(qtbot: QtBot, demo_store: Store,
                                                                        tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop.signing import trust
    from tests.signing.pki import make_ca

    ca = tmp_path / "ca.pem"
    ca.write_bytes(make_ca("CA thu nghiem chuyen dung Chinh phu").cert_pem())
    bad = tmp_path / "khong-phai.pem"
    bad.write_text("không phải chứng thư")
    window = MainWindow(demo_store, UiSettings())
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.signing is not None
    row = dialog.signing.trust_roots
    before = len(trust.list_roots(demo_store))
    assert f"Chứng thư gốc tin cậy: {before}" in row.state.text() or before == 0

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(bad), "")))
    qtbot.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    assert "khong-phai.pem" in row.state.text() and len(trust.list_roots(demo_store)) == before

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(ca), "")))
    qtbot.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    assert len(trust.list_roots(demo_store)) == before + 1
    assert f"Chứng thư gốc tin cậy: {before + 1} (thêm trên máy này: 1)." in row.state.text()
    assert "Đã thêm: " in row.state.text() and "CA thu nghiem" in row.state.text()
