"""The report PDF written in a child process, so that the GUI process keeps its interpreter to itself.

Laying out a 300-task report allocates enough Python objects to set off full garbage collections; a full
collection walks the whole GUI heap (Qt wrappers, the ORM, the open report) while holding the GIL, which
froze the UI thread for 100–130 ms at a time even though the writer ran on a worker thread. In a child
process the writer's allocations and collections cost the window nothing: the worker thread only waits
on a pipe, with the GIL released.

The worker thread builds the snapshot from the store (the store's key never leaves this process) and
hands its plain dict to a fresh ``spawn`` child. The child writes into a private folder beside the chosen
file; only a complete PDF is moved into place. Cancel terminates the child and removes the folder, so no
partial file is left whatever the child was doing. This module imports no Qt: the child loads only the
PDF writer.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop.errors import BaocaoError, Cancelled
from desktop.models.store import Store

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
POLL_SECONDS = 0.05
PROGRESS_EVERY = 0.05  # seconds between progress messages from the child
STOP_TIMEOUT = 5.0
CHILD_NICENESS = 10


class PdfProcessError(BaocaoError):
    """The child process writing the PDF stopped without a PDF and without a refusal of its own."""

    code = "pdf_process"


def export_pdf(store: Store, period_code: str, out: Path, *, progress: Progress | None = None,
               cancelled: IsCancelled | None = None) -> Path:
    """Like ``desktop.services.documents.export_pdf`` (a signed report's PDF names its bundle, so that once
    digitally signed it can follow the bundle to the province), with the layout done in a child process."""
    from desktop.services.snapshots import report_snapshot, signed_bundle_sha256

    snapshot = report_snapshot(store, period_code)
    return write_pdf_in_child(snapshot.to_dict(), Path(out), progress=progress, cancelled=cancelled,
                              bundle_sha256=signed_bundle_sha256(store, period_code))


def write_pdf_in_child(snapshot: dict[str, Any], out: Path, *, progress: Progress | None = None,
                       cancelled: IsCancelled | None = None, bundle_sha256: str | None = None) -> Path:
    """Write the PDF of ``snapshot`` (``ReportSnapshot.to_dict()``) to ``out`` from a child process."""
    folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(theirs, snapshot, str(folder / "report.pdf"), bundle_sha256),
                            name="baocao-pdf", daemon=True)
    try:
        child.start()
        theirs.close()
        written = _await_child(ours, child, progress, cancelled)
        os.replace(written, out)
        return out
    finally:
        ours.close()
        if child.is_alive():
            child.terminate()
        child.join(STOP_TIMEOUT)
        shutil.rmtree(folder, ignore_errors=True)


def _await_child(pipe: Connection, child: Any, progress: Progress | None, cancelled: IsCancelled | None) -> Path:
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled("Đã hủy xuất báo cáo PDF; không ghi tệp nào.",
                            "Writing the report PDF was cancelled; no file was written.")
        if not pipe.poll(POLL_SECONDS):
            if not child.is_alive() and not pipe.poll():
                raise _stopped(f"exit code {child.exitcode}")
            continue
        try:
            message = pipe.recv()
        except EOFError:
            raise _stopped(f"exit code {child.exitcode}") from None
        kind = message[0]
        if kind == "progress" and progress is not None:
            progress(message[1], message[2])
        elif kind == "done":
            return Path(message[1])
        elif kind == "refused":
            _, message_vi, message_en, code = message
            raise (Cancelled if code == "cancelled" else BaocaoError)(message_vi, message_en, code=code)
        elif kind == "failed":
            raise _stopped(message[1])


def _stopped(why: str) -> PdfProcessError:
    return PdfProcessError(f"Trình ghi PDF dừng bất thường ({why}); không ghi tệp nào.",
                           f"The PDF writer stopped unexpectedly ({why}); no file was written.")


def _yield_the_processor() -> None:
    """Run the child below normal priority: on a two-core office PC the window, not the layout, must get the
    processor first (the PDF takes a little longer; typing does not stutter)."""
    if sys.platform == "win32":
        import ctypes

        below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
        ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)
    else:
        with contextlib.suppress(OSError):
            os.nice(CHILD_NICENESS)


def _child_main(pipe: Connection, snapshot: dict[str, Any], out: str, bundle_sha256: str | None = None) -> None:
    """Runs in the child: write the PDF and report progress, the result or the refusal on ``pipe``."""
    _yield_the_processor()
    from desktop.documents.report_pdf import write_report_pdf
    from desktop.domain.report_snapshot import ReportSnapshot

    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            pipe.send(("progress", done, total))

    try:
        written = write_report_pdf(ReportSnapshot.from_dict(snapshot), Path(out), progress=report,
                                   bundle_sha256=bundle_sha256)
    except BaocaoError as exc:
        pipe.send(("refused", exc.message_vi, exc.message_en, exc.code))
    except Exception as exc:  # the parent shows only the type: the data stays out of messages
        pipe.send(("failed", type(exc).__name__))
    else:
        pipe.send(("done", str(written)))
    finally:
        with contextlib.suppress(OSError):
            pipe.close()
