"""The interface language: Qt's own texts (standard buttons, the context menu of a text field) read
Vietnamese in the Vietnamese interface and English in the English one, each menu's shortcuts distinct."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.app import install_language

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    install_language(qapp, "vi")  # the other tests run in the default language


def menu_texts(widget: QLineEdit | QPlainTextEdit) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


def mnemonics(texts: list[str]) -> list[str]:
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t]


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_qt_texts_are_vietnamese_with_distinct_shortcuts(app: QApplication, kind: type[QWidget]) -> None:
    install_language(app, "vi")
    buttons = QDialogButtonBox(OK | CANCEL)
    assert [buttons.button(OK).text(), buttons.button(CANCEL).text()] == ["Đồng ý", "Hủy"]
    texts = menu_texts(kind())
    assert {"&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"} <= set(texts)
    keys = mnemonics(texts)
    assert len(keys) == len(set(keys)), texts


def test_qt_texts_are_english_in_the_english_interface(app: QApplication) -> None:
    install_language(app, "en")
    buttons = QDialogButtonBox(OK | CANCEL)
    assert buttons.button(CANCEL).text() == "Cancel"
    assert "&Undo" in menu_texts(QLineEdit())
