"""Autosave: the app killed (SIGKILL, as a power cut) between two edits keeps the first one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from desktop.services.accounts import unlock
from desktop.services.demo import setup_demo
from desktop.services.reports import open_report
from tests.conftest import FAST_KDF, PASSPHRASE, REPO

CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import create_main_window
from desktop.services.accounts import unlock

app = QApplication([])
store = unlock(Path(sys.argv[1]), "admin", sys.argv[2])
window = create_main_window(store)
window.show()
opening = window.open_report(None)
while not opening.done:  # the report is read on a worker
    app.processEvents()
ref = window.editor.tasks.row_item(3).ref
assert window.editor.edit_cell("task", ref, "result", "Lần sửa thứ nhất")
print("EDITED", ref, flush=True)
QTimer.singleShot(60_000, lambda: window.editor.edit_cell("task", ref, "result", "Lần sửa thứ hai"))
app.exec()
"""


def test_first_edit_survives_sigkill_before_the_second(tmp_path: Path) -> None:
    data = tmp_path / "data"
    setup_demo(data, PASSPHRASE, kdf=FAST_KDF).store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data), PASSPHRASE], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.startswith("EDITED "), line
        ref = line.split(maxsplit=1)[1].strip()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    store = unlock(data, "admin", PASSPHRASE)
    try:
        task = next(t for t in open_report(store).tasks if t.ref == ref)
        assert task.result == "Lần sửa thứ nhất"
    finally:
        store.close()
