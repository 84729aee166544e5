"""From the home screen, «Xuất PDF…» (Ctrl+E) writes the report of the card marked «Cần làm bây giờ», not the
one last open in the editor; «Ký số tệp PDF…» then offers that PDF with the signed copy's name beside it,
and its rows stay where they are whatever message it shows. The real demo store and window, real keys."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.domain.periods import Period
from desktop.models.store import Store
from desktop.views.digital_sign_dialog import DigitalSignDialog, suggested_output
from tests.views.flow_helpers import open_and_wait, settle_workers


def test_export_from_home_takes_the_marked_report_and_signing_offers_it(
        qtbot: QtBot, demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    out = tmp_path / "xuat.pdf"

    def save_as(_parent: object, _title: str, suggested: str, _pattern: str) -> tuple[str, str]:
        asked.append(Path(suggested).name)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard.marked_period() is not None, timeout=30_000)
    marked = window.dashboard.marked_period()
    other = next(card.period.code for card in window.dashboard._shown.cards  # type: ignore[union-attr]
                 if card.period.code != marked and card.revision is not None)
    open_and_wait(qtbot, window, other)
    assert window.editor.period_code == other
    window.tabs.setCurrentWidget(window.dashboard)

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert marked is not None
    assert asked == [f"bao-cao-{Period.parse(marked).file_stem('vi')}.pdf"], "the name suggested is the marked report's"
    operation = window.last_operation
    assert operation is not None
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert operation.error is None, operation.error
    with pdfplumber.open(out) as pdf:
        keywords = str(pdf.metadata.get("Keywords", ""))
    wanted, unwanted = Period.parse(marked).label("vi"), Period.parse(other).label("vi")
    assert f", {wanted}," in keywords and unwanted not in keywords, keywords

    for box in window.findChildren(object, "exportedBox"):
        box.close()  # type: ignore[attr-defined]
    action = window.findChild(QAction, "digitalSignFile")
    assert action is not None
    action.trigger()
    dialog = window.findChild(DigitalSignDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.source.text() == str(out), "the PDF just saved is offered"
    assert dialog.out.text() == str(tmp_path / "xuat-da-ky.pdf")

    rows = [dialog.out, dialog.pin, dialog.sign_button]
    before = [w.mapTo(dialog, QPoint(0, 0)) for w in rows]
    dialog.out.clear()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "Hãy chọn tệp cần ký" in dialog.state.text()
    qtbot.wait(50)
    assert [w.mapTo(dialog, QPoint(0, 0)) for w in rows] == before, "a message moves no row"
    dialog.close()
    window.close()
    settle_workers()


def test_the_signed_copy_is_named_beside_the_file() -> None:
    assert suggested_output(Path("/a/bao-cao-2026Q4.pdf")) == Path("/a/bao-cao-2026Q4-da-ky.pdf")
    assert suggested_output(Path("/a/bao-cao-2026Q4-da-ky.pdf")) == Path("/a/bao-cao-2026Q4-co-quan.pdf")


def test_approve_and_sign_on_a_signed_report_opens_the_digital_signature(qtbot: QtBot, demo_store: Store) -> None:
    """The guide's route («Phê duyệt và ký…» then «Ký số…») for a report signed already: straight to «Ký số»."""
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard._shown is not None, timeout=30_000)
    signed = next(card.period.code for card in window.dashboard._shown.cards  # type: ignore[union-attr]
                  if card.status == "signed")  # the demo's last quarter
    open_and_wait(qtbot, window, signed)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(DigitalSignDialog)
    assert dialog is not None and dialog.isVisible(), "no error box: the signature of the signed PDF is offered"
    assert dialog.period_code == signed and dialog.windowTitle() == "Ký số báo cáo"
    assert "đã được phê duyệt và ký" in dialog.state.text()
    dialog.close()
    window.close()
    settle_workers()
