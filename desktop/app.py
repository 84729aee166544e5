"""QApplication start-up: the interface language, the unlock window, then the main window; lock returns
to the unlock window and closes the store."""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QThreadPool, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from desktop.models.keyslots import KdfParams
from desktop.models.store import Store
from desktop.package_data import resources_dir
from desktop.services.accounts import default_data_dir
from desktop.views.main_window import MainWindow
from desktop.views.qt_dialogs import use_translated_dialogs
from desktop.views.report_editor.table_sorts import restore_table_sorts, save_table_sorts
from desktop.views.screen_fit import place_on_screen
from desktop.views.settings_dialog import (
    UiSettings,
    load_ui_settings,
    restore_geometry,
    save_geometry,
    save_ui_settings,
)
from desktop.views.unlock_window import UnlockWindow
from desktop.views.worker import cancel_all, when_idle

RESOURCES = resources_dir()
_translators: list[QTranslator] = []


def install_language(app: QApplication, language: str) -> None:
    """Use ``language`` for Qt texts and for the core's messages (Vietnamese is the source language)."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    os.environ["BAOCAO_LANG"] = language
    # Dates and numbers in Qt's widgets: dd/mm/yyyy in both languages (British English, not American).
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom) if language == "en"
                       else QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(RESOURCES / "translations")
    # Qt has no Vietnamese translation of its own texts: qt_vi holds the ones users meet (buttons, menus).
    candidates = [("qt_vi", ours)] if language == "vi" else [(f"qtbase_{language}", qt_translations),
                                                             ("baocao_en", ours)]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)


def apply_font(app: QApplication, points: int, default: QFont) -> None:
    """The chosen font size (0 keeps the system's)."""
    font = QFont(default)
    if points > 0:
        font.setPointSize(points)
    app.setFont(font)


# Every repaint and event filter of the UI thread needs the GIL once per Python callback; while workers
# compute, each hand-over waits up to the switch interval (5 ms by default), and a repaint of a table makes
# dozens of callbacks. A shorter interval keeps the UI thread's waits short at a small cost to the workers.
GIL_SWITCH_SECONDS = 0.0005


def create_main_window(store: Store, ui: UiSettings | None = None, today: date | None = None) -> MainWindow:
    """The main window over an open store (what the app shows after unlock; tests and benchmarks use it).

    Everything alive once the window is built (modules, Qt wrappers, the ORM's registries) is moved out of
    the collector's sight: a full collection, set off by any thread's allocations, walks every tracked object
    while holding the GIL, and over the whole GUI heap that froze the UI thread for 100–170 ms.
    """
    window = MainWindow(store, ui or UiSettings(), today)
    place_on_screen(window)  # a first start opens large and centred (a kept geometry, if any, comes after)
    gc.freeze()
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    return window


class GuiSession(QObject):
    """Unlock ↔ main window for one data folder."""

    def __init__(self, app: QApplication, data_dir: Path, ui: UiSettings, *, kdf: KdfParams | None = None,
                 today: date | None = None) -> None:
        super().__init__()
        self.app, self.data_dir, self.ui, self.kdf, self.today = app, data_dir, ui, kdf, today
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self._system_font = QFont(app.font())
        self._idle_minutes = 0
        self._idle_saved = True
        install_language(app, ui.language)
        use_translated_dialogs(app)
        apply_font(app, ui.font_points, self._system_font)
        self.unlock_window = self._new_unlock_window()

    def _new_unlock_window(self) -> UnlockWindow:
        window = UnlockWindow(self.data_dir, kdf=self.kdf)
        window.unlocked.connect(self.show_main)
        return window

    def start(self) -> None:
        """Show the unlock (or first-run) window."""
        self.unlock_window.show_start_page()
        self.unlock_window.place()
        self.unlock_window.show()

    def show_main(self, store: Store) -> None:
        """The store is open: build and show the main window."""
        self.store = store
        self.window = create_main_window(store, self.ui, self.today)
        self.window.idle_locked.connect(self._idle_locked)
        self.window.lock_requested.connect(self.lock)
        restore_geometry(self.data_dir, self.window)
        restore_table_sorts(self.data_dir, self.window.editor)
        self.window.settings_changed.connect(self.apply_settings)
        self.window.show()
        self.unlock_window.hide()

    def _idle_locked(self, minutes: int, saved: bool) -> None:
        self._idle_minutes, self._idle_saved = minutes, saved

    def lock(self) -> None:
        """Close the main window and the store; back to the unlock window (saying why after an idle lock)."""
        if self.window is not None:
            save_geometry(self.data_dir, self.window)
            save_table_sorts(self.data_dir, self.window.editor)
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.store is not None:
            cancel_all()
            when_idle(self.store.close)  # workers may still be reading it
            self.store = None
        self.unlock_window.show_start_page()
        if self._idle_minutes:
            self.unlock_window.show_idle_notice(self._idle_minutes, self._idle_saved)
            self._idle_minutes = 0
        self.unlock_window.place()  # its own size, centred: not stretched to the main window's
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()

    def apply_settings(self, ui: UiSettings) -> None:
        """Keep the new settings and rebuild the windows in the chosen language."""
        self.ui = ui
        save_ui_settings(self.data_dir, ui)
        install_language(self.app, ui.language)
        apply_font(self.app, ui.font_points, self._system_font)
        self.unlock_window.deleteLater()
        self.unlock_window = self._new_unlock_window()
        if self.window is not None and self.store is not None:
            save_geometry(self.data_dir, self.window)  # the rebuilt window opens where and as large as it was
            save_table_sorts(self.data_dir, self.window.editor)
            old = self.window
            self.show_main(self.store)
            old.hide()
            old.deleteLater()


def startup_settings(folder: Path, language: str | None = None) -> UiSettings:
    """The saved settings, with the language asked for (argument, else BAOCAO_LANG) taking precedence."""
    ui = load_ui_settings(folder) if folder.is_dir() else UiSettings()
    wanted = language or os.environ.get("BAOCAO_LANG", "")
    return replace(ui, language=wanted) if wanted in ("vi", "en") else ui


def run_gui(data_dir: Path | None = None, language: str | None = None, *, unlock_hint: str | None = None) -> int:
    """Run the desktop application until its last window closes; returns the exit code. ``unlock_hint`` is
    shown above the unlock fields (``baocao demo`` says there which user and passphrase open its store)."""
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("baocao")
    app.setApplicationDisplayName("baocao")
    icon = RESOURCES / "icons" / "baocao-128.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    folder = data_dir or default_data_dir()
    session = GuiSession(app, folder, startup_settings(folder, language))
    session.start()
    if unlock_hint:
        session.unlock_window.set_hint(unlock_hint)
    try:
        return int(app.exec())
    finally:
        if session.window is not None:
            save_geometry(folder, session.window)  # the next start opens the window as it was left
            save_table_sorts(folder, session.window.editor)
        cancel_all()
        QThreadPool.globalInstance().waitForDone(10_000)  # the app is quitting: let workers leave the store
        if session.store is not None:
            session.store.close()
