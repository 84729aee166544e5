"""One fresh process per GUI measurement, so that neither pytest's heap nor an earlier window counts.

``python -m tests.bench.gui_process start-bare``: a bare QMainWindow shown, then one JSON line; the parent
times the whole process, interpreter start and QApplication included.
``python -m tests.bench.gui_process start-main DATA_DIR``: the same with the store unlocked and the main window
shown; the line says how long the unlock (the KDF) took, so that the parent leaves it out.
``python -m tests.bench.gui_process memory DATA_DIR``: peak RSS (KiB) after a bare QApplication + QMainWindow,
then after the main window opened on the store with its dashboard and report loaded.
Each prints one JSON line. Peak RSS is read from /proc (VmHWM) where there is one, else from getrusage.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from tests.conftest import PASSPHRASE


def run_loop(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(condition: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        run_loop(10)


def peak_kib() -> int:
    """This process's peak RSS. Linux's ru_maxrss keeps the parent's high-water mark across fork + exec
    (a child of a 250 MB pytest starts at 250 MB), so /proc's VmHWM, which exec resets, comes first."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def start_bare() -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    run_loop(0)
    return {"unlock_seconds": 0.0, "window_seconds": 0.0, "app": id(app)}


def start_main(data_dir: Path) -> dict[str, float]:
    from desktop.app import create_main_window
    from desktop.services.accounts import unlock

    app = QApplication(sys.argv[:1])
    started = time.perf_counter()
    store = unlock(data_dir, "admin", PASSPHRASE)
    unlocked = time.perf_counter()
    window = create_main_window(store)
    window.show()
    run_loop(0)
    return {"unlock_seconds": unlocked - started, "window_seconds": time.perf_counter() - unlocked,
            "app": id(app)}


def memory(data_dir: Path) -> dict[str, int]:
    app = QApplication(sys.argv[:1])
    bare = QMainWindow()
    bare.show()
    run_loop(50)
    bare_kib = peak_kib()
    bare.close()
    from desktop.app import create_main_window
    from desktop.services.accounts import unlock

    store = unlock(data_dir, "admin", PASSPHRASE)
    window = create_main_window(store)
    window.show()
    wait(lambda: not window.dashboard.is_loading())
    window.open_report(None)
    wait(lambda: not window.editor.validation_pending())
    window.tabs.setCurrentWidget(window.sync)
    wait(lambda: window.sync.loading is None)
    main_kib = peak_kib()
    window.close()
    store.close()
    del app
    return {"bare_kib": bare_kib, "main_kib": main_kib}


def main() -> int:
    mode = sys.argv[1]
    if mode == "start-bare":
        result: dict[str, float] | dict[str, int] = start_bare()
    elif mode == "start-main":
        result = start_main(Path(sys.argv[2]))
    else:
        result = memory(Path(sys.argv[2]))
    print(json.dumps(result), flush=True)
    if mode.startswith("start"):
        os._exit(0)  # the parent stops its clock at this line: no teardown in the figure
    return 0


if __name__ == "__main__":
    sys.exit(main())
