"""Keyboard reach, the one background-work helper (progress, cancel, errors as messages), printing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.errors import InputError
from desktop.models.store import Store
from desktop.services.evidence import Cancelled
from desktop.views.formatting import format_date, format_number, read_number
from desktop.views.print_preview import print_pdf
from desktop.views.worker import run_operation


def test_every_menu_action_has_a_shortcut_or_mnemonic(qtbot: QtBot, demo_store: Store) -> None:
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()
    shortcuts = [a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), "no shortcut is used twice"
    # The tabs have no Alt letter (theirs clashed with the menu bar's): Ctrl+1…4 reach them.
    by_name = {a.objectName(): a.shortcut().toString() for a in window.findChildren(QAction)}
    assert [by_name[f"showTab{n + 1}"] for n in range(window.tabs.count())] == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]


def test_unlock_tab_order_follows_the_form(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.views.unlock_window import UnlockWindow

    window = UnlockWindow(tmp_path / "none")
    qtbot.addWidget(window)
    restore = window.findChild(QPushButton, "firstRunRestoreBackup")
    expected = [window.new_user_field, window.new_passphrase_field, window.confirm_field, window.demo_box,
                restore, window.create_button]  # first run: no store yet (or a backup to restore, on a new PC)
    order: list[QWidget] = [expected[0]]
    widget = expected[0]
    while len(order) < len(expected):
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(window):
            order.append(widget)
    assert order == expected


def test_operation_reports_progress_and_result_on_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[int, int]] = []
    threads: list[bool] = []
    main = threading.get_ident()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        for n in range(1, 4):
            progress(n, 3)
        return "xong"

    results: list[object] = []
    def done(result: object) -> None:
        results.append(result)
        threads.append(threading.get_ident() == main)

    operation = run_operation(None, work, title="t", on_success=done)
    operation.on_progress(lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: operation.done, timeout=30_000)
    assert results == ["xong"] and threads == [True]
    assert seen[-1] == (3, 3)


def test_cancel_stops_the_work_and_shows_no_error(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled("Đã hủy.", "Cancelled.")

    parent = QWidget()
    qtbot.addWidget(parent)
    operation = run_operation(parent, work, title="t")
    started.wait(5)
    QTimer.singleShot(10, operation.cancel)
    qtbot.waitUntil(lambda: operation.done, timeout=30_000)
    assert operation.is_cancelled() and isinstance(operation.error, Cancelled)
    assert parent.findChild(QMessageBox) is None


def test_refusal_is_shown_as_its_message(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        raise InputError("Tệp «x.xlsx» không đọc được.", "File «x.xlsx» cannot be read.")

    operation = run_operation(parent, work, title="Nhập")
    qtbot.waitUntil(lambda: operation.done, timeout=30_000)
    box = parent.findChild(QMessageBox, "errorBox")
    assert box is not None and box.text() == "Tệp «x.xlsx» không đọc được."


def test_dates_and_numbers_in_vietnamese_form() -> None:
    from datetime import date

    assert format_date(date(2026, 3, 5)) == "05/03/2026"
    assert format_date("2026-12-31") == "31/12/2026"
    assert format_number(99.5, "vi") == "99,5"
    assert format_number(99.5, "en") == "99.5"
    assert format_number(1250.0, "vi") == "1.250"
    assert format_number(4500.0, "vi") == "4.500" and format_number(1250.5, "vi") == "1.250,5"
    assert format_number(-1234567.0, "vi") == "-1.234.567" and format_number(4500.0, "en") == "4500"
    assert read_number(format_number(1250.5, "vi")) == 1250.5
    assert read_number("1.250") == 1250 and read_number("99,5") == 99.5 and read_number("  ") is None
    with pytest.raises(ValueError):
        read_number("năm")


def test_printing_paints_every_pdf_page(qtbot: QtBot, tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    source = tmp_path / "bao-cao.pdf"
    pdf = canvas.Canvas(str(source), pagesize=A4)
    for n in range(3):
        pdf.drawString(100, 700, f"Trang {n + 1}")
        pdf.showPage()
    pdf.save()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # stands in for the office printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(source, printer) == 3
    import pypdfium2

    assert len(pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))) == 3
