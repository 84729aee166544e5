"""Save a PNG of every screen, in Vietnamese and English at 100 % and 150 % scale, on a 1366×768 and a
1920×1080 screen, to look at them.

    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/screenshots.py --out /tmp/shots

Each language × scale runs in its own process (QT_SCALE_FACTOR is read at start-up) on a fresh demo store.
The main window fills each screen size in physical pixels (at 150 % it has two thirds of them as logical
pixels, as on a laptop set to 150 %); the PNGs are at physical size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMBINATIONS = (("vi", "1"), ("en", "1"), ("vi", "1.5"), ("en", "1.5"))
SCREENS = ((1366, 768), (1920, 1080))
PASSPHRASE = "mật khẩu ảnh chụp"


def shoot(out: Path, language: str, scale: float) -> None:
    """Build every screen on a demo store and save it (runs inside the child process)."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.app import GuiSession
    from desktop.models.keyslots import KdfParams
    from desktop.views.digital_sign_dialog import DigitalSignDialog
    from desktop.views.reopen_dialog import ReopenDialog
    from desktop.views.settings_dialog import SettingsDialog, UiSettings
    from desktop.views.sign_dialog import SignDialog

    app = QApplication([])
    kdf = KdfParams(8 * 1024, 1, 1)  # the screens are the same with the production cost, only slower
    with tempfile.TemporaryDirectory(prefix="baocao-shots-") as folder:
        data = Path(folder) / "data"
        session = GuiSession(app, data, UiSettings(language=language, idle_minutes=0), kdf=kdf)
        session.start()

        def settle(ms: int = 30) -> None:
            # An event loop rather than processEvents(): PySide6 6.12 on Python 3.11 drops a reference
            # to None on every processEvents() call, and a polling loop ends in a crash.
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        def save(widget: QWidget, name: str) -> None:
            widget.show()
            settle(100)
            widget.grab().save(str(out / f"{name}.png"))

        unlock = session.unlock_window
        unlock.demo_box.setChecked(True)
        save(unlock, "01-first-run")
        unlock.new_passphrase_field.setText(PASSPHRASE)
        unlock.confirm_field.setText(PASSPHRASE)
        unlock.create_store()
        while unlock.pages.currentWidget() is not unlock.recovery_key_page:
            settle()
        save(unlock, "02-recovery-key")
        unlock.kept_box.setChecked(True)
        unlock.continue_button.click()
        window = session.window
        assert window is not None
        editor = window.editor
        for width, height in SCREENS:
            window.resize(round(width / scale), round(height / scale))
            window.tabs.setCurrentWidget(window.dashboard)
            while window.dashboard.is_loading():
                settle()
            save(window, f"03-dashboard-{width}")
            window.open_report(None)
            while editor.validation_pending():
                settle()
            editor.go_to("task", editor.tasks.row_item(2).ref, "status")
            save(window, f"04-editor-form-task-{width}")
            editor.go_to("indicator", editor.indicators.row_item(0).ref, "numerator")
            save(window, f"04-editor-form-indicator-{width}")
            editor.show_narrative()
            save(window, f"04-editor-narrative-{width}")
            editor.show_table_mode(True)
            editor.task_table.setCurrentIndex(editor.tasks.index(0, editor.tasks.column_of("status")))
            save(window, f"05-editor-tasks-{width}")
            editor.tabs.setCurrentWidget(editor.indicator_table)
            save(window, f"05-editor-indicators-{width}")
            editor.show_table_mode(False)
            window.open_report(_previous(editor.period_code))
            while editor.validation_pending():  # the report is read on a worker, then validated
                settle()
            save(window, f"05-editor-signed-{width}")
            window.tabs.setCurrentWidget(window.browser)
            window.browser.search.setText("chuyen doi so")
            save(window, f"06-plan-browser-{width}")
            window.tabs.setCurrentWidget(window.sync)
            save(window, f"07-sync-{width}")
        window.open_report(None)
        while editor.validation_pending():
            settle()
        _shoot_evidence(window, save, settle, Path(folder))
        _shoot_preview(window, save, settle)
        sign = SignDialog(window.store, window.editor.period_code, language, window)
        save(sign, "08-sign")
        sign.close()
        settings = SettingsDialog(window.ui, window)
        save(settings, "09-settings")
        settings.close()
        digital = DigitalSignDialog(window.store, window, period_code=window.editor.period_code)
        save(digital, "09-digital-sign")
        digital.close()
        reopen = ReopenDialog(window)
        save(reopen, "09-reopen")
        reopen.close()
        session.lock()
        save(session.unlock_window, "10-unlock")
        unlock.passphrase_field.setText("sai mật khẩu")
        unlock.unlock()
        while not unlock.message.text() or not unlock.pages.isEnabled():
            settle()
        save(unlock, "11-wrong-passphrase")


def _shoot_evidence(window: Any, save: Callable[[Any, str], None], settle: Callable[..., None],
                    folder: Path) -> None:
    """The form with two files attached to an item, then the dialog that picks evidence files."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.views.qt_dialogs import dress_file_dialog

    editor = window.editor
    editor.go_to("task", editor.tasks.row_item(2).ref, "result")
    while editor.evidence.ref != editor.form.item.ref or editor.evidence.reading is not None:
        settle()
    files = folder / "minh-chung"
    files.mkdir()
    chosen = [files / "Biên bản nghiệm thu hệ thống một cửa điện tử năm 2026.pdf", files / "ảnh hội nghị.jpg"]
    for path in chosen:
        path.write_bytes(b"%PDF-1.4\n%%EOF\n" if path.suffix == ".pdf" else b"\xff\xd8\xff\xe0")
    editor.evidence.attach_files(chosen)
    while editor.evidence.last_operation is not None or editor.evidence.list.topLevelItemCount() < len(chosen):
        settle()
    save(window, "12-evidence")
    dialog = QFileDialog(window, editor.evidence.tr("Chọn tệp minh chứng"), str(files))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dress_file_dialog(dialog)
    save(dialog, "13-evidence-file-dialog")
    dialog.close()


def _shoot_preview(window: Any, save: Callable[[Any, str], None], settle: Callable[..., None]) -> None:
    """Ctrl+P: the print preview of the open report."""
    window.preview = None
    window.print_preview()
    while window.preview is None:
        settle()
    settle(500)  # its pages are painted after it is shown
    save(window.preview, "14-print-preview")
    window.preview.close()


def _previous(code: str) -> str:
    """The quarter before ``code`` (the demo signed it)."""
    from desktop.domain.periods import Period

    return Period.parse(code).previous().code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    parser.add_argument("--child", nargs=2, metavar=("LANGUAGE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        language, folder = args.child
        os.environ["BAOCAO_LANG"] = language
        shoot(Path(folder), language, float(os.environ.get("QT_SCALE_FACTOR", "1")))
        return 0
    failures = 0
    for language, scale in COMBINATIONS:
        folder = args.out / f"{language}-{int(float(scale) * 100)}"
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "QT_SCALE_FACTOR": scale, "BAOCAO_LANG": language, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, __file__, "--out", str(args.out), "--child", language, str(folder)],
                              env=env, check=False)
        failures += done.returncode != 0
        print(f"{folder}: {'ok' if done.returncode == 0 else 'FAILED'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
