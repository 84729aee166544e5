"""Every Alt-letter shortcut is unique in its window and every menu's letters are unique in that menu, in
Vietnamese and in English: the main window on each of its tabs and modes, its menus, and every dialog and
window the app opens. A letter no keyboard types (Alt+ộ) fails too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window, install_language
from desktop.documents.sample_plan_data import AN_GIANG_594
from desktop.documents.sample_plans import write_sample_plan
from desktop.models.store import Store
from desktop.services.demo import setup_demo
from desktop.views.digital_sign_dialog import DigitalSignDialog
from desktop.views.export_done import show_exported
from desktop.views.main_window import MainWindow
from desktop.views.plan_import_dialog import PlanImportDialog
from desktop.views.reopen_dialog import ReopenDialog
from desktop.views.settings_dialog import SettingsDialog, UiSettings
from desktop.views.sign_dialog import SignDialog
from desktop.views.unlock_window import UnlockWindow
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.flow_helpers import open_and_wait, settle_workers, wait_validated
from tests.views.mnemonics import clashes, menu_mnemonics, window_mnemonics

TODAY = date(2026, 11, 23)
SIGNED = "2026Q3"


@pytest.fixture(params=["vi", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("BAOCAO_LANG", request.param)
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "vi")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    made = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY)
    yield made.store
    settle_workers()
    made.store.close()


@pytest.fixture
def window(qtbot: QtBot, store: Store, language: str) -> MainWindow:
    made = create_main_window(store, UiSettings(language=language), today=TODAY)
    qtbot.addWidget(made)
    made.show()
    made.open_report(None)
    wait_validated(qtbot, made.editor)
    return made


def check(failures: list[str], where: str, widget: QWidget) -> None:
    found = clashes(window_mnemonics(widget))
    if found:
        failures.append(f"{where}: {found}")


def test_each_state_of_the_main_window_and_each_menu_has_unique_letters(qtbot: QtBot, window: MainWindow) -> None:
    failures: list[str] = []
    for period in (None, SIGNED):  # the signed revision shows the «open a new revision» banner
        open_and_wait(qtbot, window, period)
        for n in range(window.tabs.count()):
            window.tabs.setCurrentIndex(n)
            if window.tabs.widget(n) is window.editor:
                for mode in range(window.editor.tabs.count()):
                    window.editor.tabs.setCurrentIndex(mode)
                    check(failures, f"{period} tab {n}, mode {mode}", window)
            else:
                check(failures, f"{period} tab {n}", window)
    for menu in window.menuBar().findChildren(QMenu):
        if found := clashes(menu_mnemonics(menu)):
            failures.append(f"menu {menu.title()}: {found}")
    assert not failures, "\n".join(failures)


def test_every_dialog_has_unique_letters(qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path,
                                         language: str) -> None:
    plan = write_sample_plan(AN_GIANG_594, tmp_path / "ke-hoach.xlsx")
    dialogs: dict[str, QWidget] = {
        "settings": SettingsDialog(window.ui, window),
        "reopen": ReopenDialog(window),
        "sign": SignDialog(store, window.editor.period_code, language, window),
        "digital sign": DigitalSignDialog(store, window, period_code=SIGNED),
        "plan import": PlanImportDialog(store, plan, window),
        "exported": show_exported(window, tmp_path / "bao-cao.pdf"),
    }
    failures: list[str] = []
    for name, dialog in dialogs.items():
        dialog.show()
        qtbot.waitExposed(dialog)
        settle_workers()
        check(failures, name, dialog)
        dialog.close()
    unlock = UnlockWindow(tmp_path / "data", kdf=FAST_KDF)
    qtbot.addWidget(unlock)
    unlock.show()
    for page in (unlock.unlock_page, unlock.create_page, unlock.recover_page, unlock.recovery_key_page):
        unlock.pages.setCurrentWidget(page)
        check(failures, f"unlock window, page {unlock.pages.indexOf(page)}", unlock)
    assert not failures, "\n".join(failures)
