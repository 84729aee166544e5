"""Issue 14's smaller promises, as a user meets them: «Mở thư mục» after an export opens the folder; an
evidence file is named by its kind in words; a stored program is opened only after a warning (No by
default)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app import create_main_window
from desktop.models.attachment import Attachment
from desktop.models.store import Store
from desktop.services import evidence, reports
from desktop.services.periods import current_period_code
from desktop.views.evidence_panel import EvidencePanel
from tests.views.flow_helpers import settle_workers


class Opened(QObject):
    """Stands in for the file manager: Qt hands it the file: URLs the app asks to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[Opened]:
    handler = Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def visible_box(name: str) -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name
             and w.isVisible()]
    return boxes[0] if boxes else None


def test_open_folder_after_an_export_shows_the_files_folder(qtbot: QtBot, demo_store: Store, tmp_path: Path,
                                                            opened: Opened) -> None:
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    out = tmp_path / "xuat" / "bao-cao.xlsx"
    out.parent.mkdir()
    window.export_workbook(out)
    qtbot.waitUntil(lambda: visible_box("exportedBox") is not None, timeout=60_000)
    box = visible_box("exportedBox")
    assert box is not None and str(out) in box.text()
    button = box.findChild(QPushButton, "openFolder")
    assert button is not None and button.text() == "&Mở thư mục"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened.urls] == [out.parent]
    settle_workers()


def test_a_stored_program_is_named_and_opened_only_after_a_warning(
        qtbot: QtBot, demo_store: Store, tmp_path: Path, opened: Opened, monkeypatch: pytest.MonkeyPatch) -> None:
    code = current_period_code()
    task = reports.open_report(demo_store, code).tasks[0]
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban")
    evidence.attach_evidence(demo_store, code, "task", task.ref, scan)
    # A program can no longer be attached; one may still come with an older revision: name it so in the store.
    with demo_store.session() as session:
        row = session.scalars(select(Attachment).where(Attachment.name == "bien-ban.pdf")).one()
        session.add(Attachment(report_id=row.report_id, owner_kind=row.owner_kind, owner_key=row.owner_key,
                               name="cap-nhat.exe", media_type="application/octet-stream", size=row.size,
                               sha256=row.sha256, content_id=row.content_id or row.id))
    panel = EvidencePanel(demo_store, "vi")
    qtbot.addWidget(panel)
    panel.set_owner(code, "task", task.ref, task.ref, True)
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 2, timeout=30_000)  # the list is read on a worker
    kinds = {panel.list.topLevelItem(n).text(0): panel.list.topLevelItem(n).text(1)
             for n in range(panel.list.topLevelItemCount())}
    assert kinds["bien-ban.pdf"] == "Tài liệu PDF"
    assert kinds["cap-nhat.exe"] != "application/octet-stream" and "/" not in kinds["cap-nhat.exe"]

    asked: list[str] = []
    target = tmp_path / "ban-sao.exe"

    def save_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append("save")
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    rows = [panel.list.topLevelItem(n) for n in range(panel.list.topLevelItemCount())]
    panel.list.setCurrentItem(next(row for row in rows if row.text(0) == "cap-nhat.exe"))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    box = visible_box("confirmOpenProgram")
    assert box is not None and "cap-nhat.exe" in box.text() and "mã độc" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert not asked and not opened.urls
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    box = visible_box("confirmOpenProgram")
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert asked == ["save"] and target.read_bytes() == scan.read_bytes()
    assert [Path(url.toLocalFile()) for url in opened.urls] == [target]


def test_the_evidence_title_counts_files_and_a_long_name_keeps_its_ends(
        qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    """«Minh chứng: 1» for indicator 1 read like a count; a long file name was cut at its end (extension gone)."""
    code = current_period_code()
    task = reports.open_report(demo_store, code).tasks[0]
    name = "bien-ban-hop-ban-chi-dao-chuyen-doi-so-xa-quy-bon-nam-hai-nghin-khong-tram-hai-muoi-sau.pdf"
    (tmp_path / name).write_bytes(b"%PDF-1.4 bien ban")
    evidence.attach_evidence(demo_store, code, "task", task.ref, tmp_path / name)
    panel = EvidencePanel(demo_store, "vi")
    qtbot.addWidget(panel)
    panel.set_owner(code, "task", task.ref, task.key, True)
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 1, timeout=30_000)
    assert panel.title.text() == f"Minh chứng (1 tệp) — mục {task.key}"
    assert panel.list.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert panel.list.topLevelItem(0).toolTip(0).startswith(name)
