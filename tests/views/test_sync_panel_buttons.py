"""Every button of the sync panel pressed in a real window against a real province server on loopback: the
address typed and saved, the PC enrolled with a one-time code, a sync started and stopped (nothing sent is
lost: the next sync delivers it), a sync run to the receipt. The buttons are found with ``findChildren``: a
button added to the panel without a step here fails the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.services import sync
from desktop.services.accounts import create_store
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.views.sync_panel import SyncPanel
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.views.flow_helpers import settle_workers

TODAY = date(2026, 11, 23)


def error_boxes() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def idle(qtbot: QtBot, panel: SyncPanel) -> None:
    qtbot.waitUntil(lambda: panel.operation is None and panel.loading is None, timeout=60_000)
    assert not error_boxes()


def type_into(field: QLineEdit, text: str) -> None:
    """Key by key into the field (both panels are open: the keys go to this one, not to the focused window)."""
    field.selectAll()
    QTest.keyClicks(field, text)
    assert field.text() == text


@pytest.mark.slow(seconds=10)
@pytest.mark.timeout(900)  # two stores and a server process: minutes on a loaded machine
def test_every_button_of_the_sync_panel(qtbot: QtBot, tmp_path: Path, demo_province_folder: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A new PC (a store just created) saves the address and enrolls through the panel; the demo commune's
    PC, enrolled, stops a sync and then runs one to the receipt."""
    with DemoProvince(demo_province_folder) as province:
        new_pc = create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        demo = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                          enroll=lambda store: sync.enroll(store, province.url, demo_code(province))).store
        try:
            first, second = (panel_of(qtbot, store) for store in (new_pc, demo))
            steps = walk_steps(qtbot, first, second, province, monkeypatch)
            buttons = {b.objectName(): b for b in second.findChildren(QPushButton)}
            assert set(buttons) == set(steps), f"buttons without a step: {set(buttons) - set(steps)}"
            for name, (panel, step) in steps.items():
                button = panel.findChild(QPushButton, name)
                assert isinstance(button, QPushButton), name
                step(button)
        finally:
            settle_workers()
            new_pc.close()
            demo.close()


def panel_of(qtbot: QtBot, store: Store) -> SyncPanel:
    window = create_main_window(store, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.sync)
    idle(qtbot, window.sync)
    return window.sync


def walk_steps(qtbot: QtBot, new_pc: SyncPanel, demo: SyncPanel, province: DemoProvince,
               monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[SyncPanel, Callable[[QPushButton], None]]]:
    """Each button's step, with the panel it is pressed in."""

    def save(button: QPushButton) -> None:
        type_into(new_pc.url, province.url)
        click(qtbot, button)
        assert new_pc.state.text() == "Đã lưu cài đặt."
        assert sync.sync_settings(new_pc.store).server_url == province.url

    def enroll(button: QPushButton) -> None:
        assert not new_pc.enrolled.isVisible()
        type_into(new_pc.code, demo_code(province))
        click(qtbot, button)
        idle(qtbot, new_pc)
        qtbot.waitUntil(lambda: new_pc.enrolled.isVisible(), timeout=30_000)
        assert new_pc.state.text() == "Đã đăng ký."
        assert sync.sync_settings(new_pc.store).enrolled
        assert not button.isEnabled(), "an enrolled PC is not enrolled twice"

    def stop(button: QPushButton) -> None:
        click(qtbot, demo.sync_button)
        assert not demo.sync_button.isEnabled()
        click(qtbot, button)  # at once, before the worker has sent anything
        assert demo.state.text() == "Đang dừng…" and not button.isEnabled()
        idle(qtbot, demo)
        assert demo.sync_button.isEnabled() and not button.isEnabled() and not demo.progress.isVisible()
        assert demo.state.text() != "Đang dừng…", "the panel says how the stopped sync ended"

    def sync_now(button: QPushButton) -> None:
        click(qtbot, button)
        idle(qtbot, demo)
        receipt = demo.receipts.topLevelItem(0)
        assert receipt is not None
        assert (receipt.text(0), receipt.text(2)) == ("Quý III năm 2026", "Sở đã nhận")  # the stopped sync lost nothing

    def conflict(button: QPushButton) -> None:
        # Shown only after the province refused a clashing revision: pressed in
        # test_agency_history_actions.test_a_revision_conflict_is_answered_from_the_sync_panel (two PCs).
        assert not button.isVisible() and demo.conflict_period == ""

    def resend(button: QPushButton) -> None:
        # Shown only for a signed PDF the province refused: pressed in
        # test_document_resend.test_a_refused_signed_pdf_is_explained_sent_again_and_accepted_once_the_root_is_trusted
        # (a token signature, a root the province does not trust, then one it does).
        assert not button.isVisible()

    def import_receipt(button: QPushButton) -> None:
        # Pressed with real receipts from `baocao-server import` in
        # test_usb_receipt_window.test_receipts_brought_back_on_usb_are_taken_in_from_the_menu_and_the_sync_tab;
        # here the file dialog is closed: nothing happens.
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: ("", "")))
        click(qtbot, button)
        assert demo.operation is None and not error_boxes()

    return {"saveSyncSettings": (new_pc, save), "enrollNow": (new_pc, enroll), "syncCancel": (demo, stop),
            "syncNow": (demo, sync_now), "resolveConflict": (demo, conflict), "resendDocument": (demo, resend),
            "importReceipt": (demo, import_receipt)}
