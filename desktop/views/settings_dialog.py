"""Settings of this PC's interface: language, auto-lock time, font size (kept beside the store, not in it:
the unlock window needs them before the store is open, and none of them is the user's data); and, when the
store is open, digital signing: the token's PKCS#11 library and the timestamp server (kept in the store)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sync_schedule import MAX_MINUTES as SYNC_MAX_MINUTES

if TYPE_CHECKING:
    from desktop.models.store import Store
    from desktop.views.pkcs11_settings import Pkcs11SettingsWidget

UI_FILE = "giao-dien.ini"
LANGUAGES = ("vi", "en")
FONT_MIN, FONT_MAX = 9, 20  # smaller is unreadable on a commune PC's screen; larger no longer fits the forms


@dataclass(frozen=True)
class UiSettings:
    """The interface choices; auto-lock in minutes (0 = never), font size in points (0 = system)."""

    language: str = "vi"
    idle_minutes: int = 10
    font_points: int = 0

    @property
    def idle_ms(self) -> int:
        """The auto-lock interval for the timer."""
        return self.idle_minutes * 60_000


def load_ui_settings(data_dir: Path) -> UiSettings:
    """The saved choices (defaults for a new PC); bad values fall back to the defaults."""
    q = QSettings(str(data_dir / UI_FILE), QSettings.Format.IniFormat)
    default = UiSettings()
    language = str(q.value("language", default.language))
    try:
        idle = min(max(int(str(q.value("idle_minutes", default.idle_minutes))), 0), 240)
        font = int(str(q.value("font_points", default.font_points)))
        font = min(max(font, FONT_MIN), FONT_MAX) if font else 0
    except (TypeError, ValueError):
        idle, font = default.idle_minutes, default.font_points
    return UiSettings(language if language in LANGUAGES else default.language, idle, font)


def save_ui_settings(data_dir: Path, settings: UiSettings) -> None:
    """Keep the choices for the next start."""
    data_dir.mkdir(parents=True, exist_ok=True)
    q = QSettings(str(data_dir / UI_FILE), QSettings.Format.IniFormat)
    q.setValue("language", settings.language)
    q.setValue("idle_minutes", settings.idle_minutes)
    q.setValue("font_points", settings.font_points)
    q.sync()


def save_geometry(data_dir: Path, window: QWidget) -> None:
    """Keep the window's place and size for the next window (after a settings change or a restart)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    q = QSettings(str(data_dir / UI_FILE), QSettings.Format.IniFormat)
    q.setValue("main_window_geometry", window.saveGeometry())
    q.sync()


def restore_geometry(data_dir: Path, window: QWidget) -> bool:
    """Put the window where it was last kept; False (the window's own size) when nothing was kept."""
    q = QSettings(str(data_dir / UI_FILE), QSettings.Format.IniFormat)
    kept = q.value("main_window_geometry")
    return isinstance(kept, QByteArray) and window.restoreGeometry(kept)


class SettingsDialog(QDialog):
    """Edit the interface settings; ``chosen()`` gives the result after accept.

    With ``store``, the «Ký số» section too, saved in the store when the dialog is accepted. With
    ``sync_minutes`` (the store's automatic-sync interval, open stores only) the dialog also shows that
    interval; ``chosen_sync_minutes()`` gives it back (0 = off). It lives in the store, not beside it: it is
    the agency's choice for this PC's data, read by ``services.sync_schedule``.
    """

    def __init__(self, current: UiSettings, parent: QWidget | None = None, *, store: Store | None = None,
                 sync_minutes: float | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cài đặt"))
        self._current = current
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(LANGUAGES.index(current.language))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setValue(current.idle_minutes)
        self.idle.setSuffix(self.tr(" phút"))
        self.idle.setSpecialValueText(self.tr("Không tự khóa"))
        self.font_points = QSpinBox()
        # The lowest step, shown as «Theo hệ thống», stands for 0: the system's size.
        self.font_points.setRange(FONT_MIN - 1, FONT_MAX)
        self.font_points.setSuffix(" pt")
        self.font_points.setValue(current.font_points or FONT_MIN - 1)
        self.font_points.setSpecialValueText(self.tr("Theo hệ thống"))
        self.sync_interval: QSpinBox | None = None
        fields: list[tuple[str, QWidget]] = [(self.tr("&Ngôn ngữ:"), self.language),
                                             (self.tr("&Tự khóa sau:"), self.idle),
                                             (self.tr("&Cỡ chữ:"), self.font_points)]
        if sync_minutes is not None:
            self.sync_interval = QSpinBox()
            self.sync_interval.setObjectName("syncInterval")
            self.sync_interval.setRange(0, SYNC_MAX_MINUTES)
            self.sync_interval.setValue(round(sync_minutes))
            self.sync_interval.setSuffix(self.tr(" phút"))
            self.sync_interval.setSpecialValueText(self.tr("Tắt"))
            fields.append((self.tr("Tự động đồng &bộ mỗi:"), self.sync_interval))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for text, field in fields:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        note = QLabel(self.tr("Đổi ngôn ngữ có hiệu lực ngay sau khi bấm «Đồng ý»."))
        note.setWordWrap(True)
        form.addRow(note)
        self.signing: Pkcs11SettingsWidget | None = None
        if store is not None:
            # Imported here: the signing stack (python-pkcs11) is loaded only when this section is shown.
            from desktop.views.pkcs11_settings import Pkcs11SettingsWidget

            box = QGroupBox(self.tr("Ký số (token USB)"))
            self.signing = Pkcs11SettingsWidget(store, box, with_token_list=True)
            QVBoxLayout(box).addWidget(self.signing)
            form.addRow(box)
        form.addRow(buttons)

    def accept(self) -> None:
        """Keep the signing settings in the store (the interface settings are the caller's to keep)."""
        if self.signing is not None:
            self.signing.save()
        super().accept()

    def chosen_sync_minutes(self) -> int | None:
        """The automatic-sync interval as the dialog shows it (0 = off), None when the dialog has no such field."""
        return self.sync_interval.value() if self.sync_interval is not None else None

    def chosen(self) -> UiSettings:
        """The settings as the dialog shows them."""
        return replace(self._current, language=str(self.language.currentData()), idle_minutes=self.idle.value(),
                       font_points=self.font_points.value() if self.font_points.value() >= FONT_MIN else 0)
