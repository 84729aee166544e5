"""The report's general text: summary, difficulties and proposals, saved as the user types."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QWidget

from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import reports
from desktop.services.reports import ReportView
from desktop.views.worker import show_error

SAVE_DELAY_MS = 800
FIELDS = ("summary", "difficulties", "proposals")


class _TextBox(QPlainTextEdit):
    """A text box that reports losing focus, so nothing typed waits for the timer when the user moves on."""

    left = Signal()

    def focusOutEvent(self, event: object) -> None:  # type: ignore[override]
        self.left.emit()
        super().focusOutEvent(event)  # type: ignore[arg-type]


class NarrativePanel(QWidget):
    """Three text boxes over ``reports.update_narrative``; read-only once the revision is signed."""

    saved = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.period_code = ""
        self._loading = False
        self._dirty: set[str] = set()
        self.boxes: dict[str, _TextBox] = {}
        labels = {"summary": self.tr("Tình hình và kết &quả chung"),
                  "difficulties": self.tr("Khó khăn, &vướng mắc"), "proposals": self.tr("Đề x&uất, kiến nghị")}
        form = QFormLayout(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        for name in FIELDS:
            box = _TextBox()
            box.setObjectName(f"narrative_{name}")
            box.setTabChangesFocus(True)
            box.textChanged.connect(lambda name=name: self._changed(name))
            box.left.connect(self.save_now)
            form.addRow(labels[name], box)
            self.boxes[name] = box

    def set_view(self, view: ReportView) -> None:
        """Show the revision's text; editable only while the revision is."""
        self.save_now()
        self._loading = True
        self.period_code = view.period.code
        for name, box in self.boxes.items():
            text = getattr(view, name) or ""
            if box.toPlainText() != text:  # the same text is not laid out again (each report opened, on every load)
                box.setPlainText(text)
            box.setReadOnly(not view.editable)
        self._loading = False
        self._dirty.clear()

    def _changed(self, name: str) -> None:
        if not self._loading:
            self._dirty.add(name)
            self._timer.start()

    def save_now(self) -> None:
        """Write what changed since the last save (autosave: nothing typed is lost on a power cut)."""
        self._timer.stop()
        if not self._dirty or not self.period_code:
            return
        values = {name: self.boxes[name].toPlainText() for name in self._dirty}
        self._dirty.clear()
        try:
            reports.update_narrative(self.store, self.period_code, **values)
        except BaocaoError as exc:
            show_error(self, exc, self.tr("Không lưu được"))
            return
        self.saved.emit()
