"""Qt's own dialogs in the user's language: file dialogs drawn by Qt (not the system's), with sizes and
dates written the Vietnamese way.

The system's file dialog follows the Windows language and the Windows date format, which a commune PC
may have set to English; Qt's dialog is translated by ``qt_vi`` like the rest of the window. Its detail
view takes the date from the *system* locale ("1 12 2026 08:15" on a PC set to the C locale), so the size
and date columns are drawn here from the file's own values: ``02/12/2026 08:15`` and ``14,7 kB``.

Every ``QFileDialog`` the app opens (the static ``getOpenFileName`` & co. included) is dressed when it
first takes the focus, so no call site has to remember it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

DATE_FORMAT = "dd/MM/yyyy HH:mm"
SIZE_COLUMN, DATE_COLUMN = 1, 3
_DRESSED = "baocaoDressed"


class FileColumns(QStyledItemDelegate):
    """The size and date columns of a file dialog's detail view, in the application's locale."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if not isinstance(model, QFileSystemModel):
            return
        source = model.index(index.row(), 0, index.parent())
        if index.column() == DATE_COLUMN:
            option.text = QLocale().toString(model.lastModified(source), DATE_FORMAT)
        elif index.column() == SIZE_COLUMN and not model.isDir(source):
            option.text = QLocale().formattedDataSize(
                model.size(source), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def dress_file_dialog(dialog: QFileDialog) -> None:
    """Draw the dialog's size and date columns our way, wide enough to read (once per dialog)."""
    if dialog.property(_DRESSED):
        return
    dialog.setProperty(_DRESSED, True)
    char = dialog.fontMetrics().averageCharWidth()
    dialog.resize(max(dialog.width(), char * 130), max(dialog.height(), dialog.fontMetrics().height() * 28))
    for view in dialog.findChildren(QTreeView):
        delegate = FileColumns(view)
        view.setItemDelegateForColumn(SIZE_COLUMN, delegate)
        view.setItemDelegateForColumn(DATE_COLUMN, delegate)
        metrics, header = view.fontMetrics(), view.header()
        header.resizeSection(0, char * 40)
        header.resizeSection(2, char * 22)
        header.resizeSection(SIZE_COLUMN, metrics.horizontalAdvance("999,9 MB") + char * 3)
        header.resizeSection(DATE_COLUMN, metrics.horizontalAdvance("30/12/2026 23:59") + char * 3)
        view.viewport().update()


def _focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
    window = new.window() if new is not None else None
    if isinstance(window, QFileDialog):
        dress_file_dialog(window)


def use_translated_dialogs(app: QApplication) -> None:
    """Make every file dialog of the app Qt's own (translated, dated dd/mm/yyyy); safe to call twice."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    if not app.property(_DRESSED):
        app.setProperty(_DRESSED, True)
        app.focusChanged.connect(_focus_moved)
