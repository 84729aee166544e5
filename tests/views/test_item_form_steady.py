"""The item form as the commune officer met it (newcomer14b): the fields stay where they are while messages
come and go, a signed report is read-only at once (the field with the cursor too), an indicator shows only
the figures its kind uses, and the messages name the fields as the form labels them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.domain.indicator_targets import LEVEL, RATIO, indicator_kind
from desktop.models.store import Store
from desktop.services.reports import open_report, reopen_report
from desktop.services.signing import approve_and_sign
from desktop.views.main_window import MainWindow
from desktop.views.reopen_dialog import ReopenDialog
from desktop.views.report_editor import ReportEditor
from tests.views.flow_helpers import open_and_wait, type_text, wait_validated

SIGNED = "2026Q4"


def positions(editor: ReportEditor) -> dict[str, int]:
    """Where each shown field of the form sits, from the top of the form's page."""
    body = editor.form.widget()
    return {name: widget.mapTo(body, QPoint(0, 0)).y() for name, widget in editor.form.fields[editor.form.kind].items()
            if widget.isVisible()}


def settled(qtbot: QtBot, editor: ReportEditor) -> dict[str, int]:
    """The fields' places once the form is laid out (two readings apart agree)."""
    seen: list[dict[str, int]] = [positions(editor)]

    def same() -> bool:
        qtbot.wait(100)
        seen.append(positions(editor))
        return seen[-1] == seen[-2]

    qtbot.waitUntil(same, timeout=10_000)
    return seen[-1]


def unanswered_task(editor: ReportEditor) -> str:
    return next(t.ref for t in editor.tasks.items() if not any(v not in (None, "") for v in t.values().values()))


def item_issues(editor: ReportEditor, ref: str) -> list[str]:
    return [i.message("vi") for i in editor.result.issues if i.item_key == ref]


def test_the_fields_stay_put_while_warnings_come_and_go(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = unanswered_task(editor)
    editor.go_to("task", ref, "status")
    before = settled(qtbot, editor)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # "Đang triển khai": percent and result missing
    wait_validated(qtbot, editor)
    assert item_issues(editor, ref), "the status chosen asks for the percent and the result"
    assert settled(qtbot, editor) == before, "a warning appeared: no field moved"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text("85")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text("Đã lắp thêm 2 trạm.")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    wait_validated(qtbot, editor)
    assert not item_issues(editor, ref)
    assert settled(qtbot, editor) == before, "the warnings went: no field moved and no gap is left"
    assert not editor.form.shown_messages()


def test_the_rate_line_does_not_push_the_note_down(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = next(i.ref for i in editor.indicators.items()
               if indicator_kind(i.name, *i.targets.values()) == RATIO and i.numerator is None)
    editor.go_to("indicator", ref, "numerator")
    before = settled(qtbot, editor)
    type_text("45")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text("50")
    rate = editor.form.findChild(QLabel, "formRate")
    assert rate is not None and "90%" in rate.text()
    assert settled(qtbot, editor) == before


def test_an_item_s_messages_are_shown_whole(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = unanswered_task(editor)
    assert editor.edit_cell("task", ref, "status", "not_done")
    wait_validated(qtbot, editor)
    editor.go_to("task", ref, "status")
    qtbot.wait(50)
    shown = [label for label in editor.form.messages.values() if label.isVisible()]
    assert shown and any("Không thực hiện" in label.text() for label in shown)
    for label in shown:
        assert label.height() >= label.heightForWidth(label.width()), "no line of the message is cut"


def test_a_signed_report_is_read_only_at_once_even_in_the_field_with_the_cursor(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    assert reopen_report(demo_store, SIGNED, "Sửa số liệu chỉ tiêu") == 2
    open_and_wait(qtbot, window, SIGNED)
    editor = window.editor
    wait_validated(qtbot, editor)
    indicator = next(i for i in editor.indicators.items()
                     if indicator_kind(i.name, *i.targets.values()) == RATIO and i.numerator)
    editor.go_to("indicator", indicator.ref, "numerator")
    field = editor.form_field("indicator", "numerator")
    assert QApplication.focusWidget() is field and isinstance(field, QLineEdit)
    shown = field.text()
    approve_and_sign(demo_store, SIGNED)  # as the sign dialog does; the window then reads the report again
    open_and_wait(qtbot, window, SIGNED)
    assert editor.view is not None and not editor.view.editable
    QTest.keyClick(field, Qt.Key.Key_End)
    QTest.keyClicks(field, "9")
    focused = QApplication.focusWidget()
    if focused is not None:
        QTest.keyClicks(focused, "9")
    assert field.text() == shown, "nothing can be typed into a signed report"
    rate = editor.form.findChild(QLabel, "formRate")
    assert rate is not None and "878" not in rate.text()
    assert all(not widget.isEnabled() for widget in editor.form.fields["indicator"].values())
    stored = next(i for i in open_report(demo_store, SIGNED).indicators if i.ref == indicator.ref)
    assert stored.numerator == indicator.numerator
    assert "chưa ký được" not in editor.issue_hint.text(), "the side panel no longer speaks of signing"
    qtbot.waitUntil(lambda: editor.evidence.ref == indicator.ref)
    assert "Kéo thả" not in editor.evidence.hint.text() and "chỉ xem" in editor.evidence.hint.text()


def test_an_indicator_shows_only_the_figures_its_kind_uses(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor

    def shown_fields(kind: str) -> set[str]:
        item = next(i for i in editor.indicators.items() if indicator_kind(i.name, *i.targets.values()) == kind
                    and i.value is None and i.level is None and (kind == LEVEL or i.numerator is None))
        editor.go_to("indicator", item.ref, "note")
        return {field for field, widget in editor.form.fields["indicator"].items() if widget.isVisible()}

    assert shown_fields(RATIO) == {"numerator", "denominator", "note", "not_applicable_reason"}
    assert shown_fields(LEVEL) == {"level", "note", "not_applicable_reason"}


def test_a_figure_stored_in_a_field_the_kind_does_not_use_is_shown_with_the_message_to_clear_it(
        qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = next(i.ref for i in editor.indicators.items()
               if indicator_kind(i.name, *i.targets.values()) == RATIO and i.value is None)
    assert editor.edit_cell("indicator", ref, "value", 78.0)
    wait_validated(qtbot, editor)
    editor.go_to("indicator", ref, "note")
    value = editor.form_field("indicator", "value")
    assert value.isVisible() and isinstance(value, QLineEdit) and value.text() == "78"
    assert "không dùng ô Giá trị; hãy xóa" in editor.form.shown_messages()
    label = editor.form.labels["indicator"]["value"]
    assert label.isVisible()


def test_the_not_done_message_names_the_field_as_it_is_labelled(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = unanswered_task(editor)
    assert editor.edit_cell("task", ref, "status", "not_done")
    wait_validated(qtbot, editor)
    editor.go_to("task", ref, "status")
    label = editor.form.labels["task"]["difficulties"].text()
    assert label == "Lý do không thực hiện, khó khăn"
    messages = editor.form.shown_messages()
    assert f"ô {label}" in messages and "Lý do không áp dụng" not in messages


def test_the_reopen_dialog_is_wide_takes_a_long_reason_and_says_the_revision_opened(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    open_and_wait(qtbot, window, SIGNED)
    window.reopen()
    dialog = next(d for d in window.findChildren(ReopenDialog) if d.isVisible())
    assert dialog.width() >= 480
    assert dialog.reason.width() >= 400, "a sentence of reason can be read back"
    assert isinstance(dialog.reason, QPlainTextEdit), "several lines"
    reason = "Sở đề nghị sửa số liệu chỉ tiêu 7 (từ số 45 thành 43) theo báo cáo của bộ phận một cửa."
    dialog.activateWindow()
    dialog.reason.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)
    type_text(reason)
    assert dialog.reason.toPlainText() == reason
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor.load_operation is None and window.editor.view is not None
                    and window.editor.view.revision == 2, timeout=30_000)
    assert window.statusBar().currentMessage() == "Đã mở lần sửa đổi 2."
    assert open_report(demo_store, SIGNED).revision == 2


def test_enter_in_the_reason_box_opens_the_revision_and_shift_enter_starts_a_line(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    open_and_wait(qtbot, window, SIGNED)
    window.reopen()
    dialog = next(d for d in window.findChildren(ReopenDialog) if d.isVisible())
    dialog.activateWindow()
    dialog.reason.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)
    type_text("Sửa chỉ tiêu 7")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text("theo biên bản")
    assert dialog.reason.toPlainText() == "Sửa chỉ tiêu 7\ntheo biên bản" and dialog.isVisible()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.load_operation is None and window.editor.view is not None
                    and window.editor.view.revision == 2, timeout=30_000)
    assert not dialog.isVisible() and open_report(demo_store, SIGNED).revision == 2


def test_a_cut_item_name_gives_its_whole_title_and_the_list_can_be_widened(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    window.resize(1366, 768)
    task = max(editor.tasks.items(), key=lambda t: len(t.title))
    assert editor.item_list.select("task", task.ref)
    index = editor.item_list.tree.currentIndex().siblingAtColumn(0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == f"{task.key}  {task.title}"
    handle = editor.form_page.handle(1)
    assert handle.width() >= 5 and "Kéo" in handle.toolTip(), "the handle that widens the list is found"
    tree = editor.item_list.tree
    narrow = tree.header().sectionSize(0)
    editor.form_page.setSizes([900, 400])
    qtbot.waitUntil(lambda: tree.header().sectionSize(0) > narrow + 200)


def test_vietnamese_typed_at_speed_across_the_autosave_pause_loses_no_letter(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    """The newcomer saw «từ» stored as «t» (typed with xdotool): the autosave at a pause, the validation and
    the refresh that follow it must not touch the letters being typed."""
    editor = window.editor
    ref = next(i.ref for i in editor.indicators.items() if not i.note)
    editor.go_to("indicator", ref, "note")
    type_text("Số liệu từ")

    def saved() -> object:
        item = editor.item("indicator", ref)
        return getattr(item, "note", None)

    qtbot.waitUntil(lambda: saved() == "Số liệu từ" and not editor.validation_pending(), timeout=30_000)
    type_text(" Cổng dữ liệu mở tỉnh; số ước tính.")
    window.dashboard.refresh()
    type_text(" Thiếu kinh phí, từ số 45 thành 43.")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    wanted = "Số liệu từ Cổng dữ liệu mở tỉnh; số ước tính. Thiếu kinh phí, từ số 45 thành 43."
    assert next(i for i in open_report(demo_store).indicators if i.ref == ref).note == wanted


def test_an_indicator_s_fields_are_not_followed_by_the_empty_height_of_a_task_s(qtbot: QtBot,
                                                                                window: MainWindow) -> None:
    editor = window.editor
    ref = next(i.ref for i in editor.indicators.items() if indicator_kind(i.name, *i.targets.values()) == RATIO)
    editor.go_to("task", editor.tasks.row_item(0).ref, "status")
    editor.go_to("indicator", ref, "note")
    qtbot.wait(50)
    body = editor.form.widget()
    last = editor.form_field("indicator", "not_applicable_reason")
    bottom = last.mapTo(body, QPoint(0, last.height())).y()
    buttons = editor.form.next.mapTo(body, QPoint(0, 0)).y()
    assert buttons - bottom < 3 * last.fontMetrics().lineSpacing(), "the buttons follow the last field"
