"""The one-item form: real keys at typing speed while validation and the dashboard refresh, every field
type stored as typed, refusals at the field, next/previous from the keyboard, last quarter's answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.text import fold
from desktop.domain.validation_issues import ERROR
from desktop.models.store import Store
from desktop.services.reports import open_report
from desktop.views.main_window import MainWindow
from desktop.views.report_editor import ReportEditor
from desktop.views.report_editor.item_form import MESSAGE_COLOUR
from tests.views.flow_helpers import type_text, wait_validated


def type_here(text: str) -> None:
    type_text(text)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key, modifier)


def unanswered(editor: ReportEditor, kind: str) -> str:
    rows = editor.tasks.items() if kind == "task" else editor.indicators.items()
    return next(r.ref for r in rows if not any(v not in (None, "") for v in r.values().values()))


def focused_name() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget else ""


def test_a_task_typed_at_speed_while_validation_and_dashboard_run_is_stored_as_typed(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    editor = window.editor
    ref = unanswered(editor, "task")
    editor.go_to("task", ref, "status")
    assert focused_name() == "form_task_status"
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)  # "Đang triển khai"
    press(Qt.Key.Key_Tab)
    assert focused_name() == "form_task_percent"
    type_here("4")
    window.dashboard.refresh()
    wait_validated(qtbot, editor)  # the status just saved is validated while the percent is typed
    type_here("5")
    press(Qt.Key.Key_Tab)
    type_here("Đã tổ chức 3 lớp")
    editor.validate_now()
    wait_validated(qtbot, editor)
    type_here(" tập huấn.")
    press(Qt.Key.Key_Tab)
    type_here("Thiếu kinh phí")
    press(Qt.Key.Key_Tab)
    type_here("Bổ sung kinh phí năm 2027")
    press(Qt.Key.Key_Tab)
    assert focused_name() == "form_task_not_applicable_reason"
    press(Qt.Key.Key_Tab)
    assert focused_name() == "formNextItem"
    stored = next(t for t in open_report(demo_store).tasks if t.ref == ref)
    assert (stored.status, stored.percent, stored.result, stored.difficulties, stored.proposals) == (
        "in_progress", 45, "Đã tổ chức 3 lớp tập huấn.", "Thiếu kinh phí", "Bổ sung kinh phí năm 2027")
    assert stored.not_applicable_reason is None


def test_an_indicator_typed_at_speed_is_stored_and_its_rate_shown_as_typed(qtbot: QtBot, window: MainWindow,
                                                                          demo_store: Store) -> None:
    editor = window.editor
    ref = unanswered(editor, "indicator")
    editor.go_to("indicator", ref, "numerator")
    type_here("60")
    press(Qt.Key.Key_Tab)
    type_here("2")
    window.dashboard.refresh()
    wait_validated(qtbot, editor)
    type_here("50")
    rate = editor.form.findChild(QLabel, "formRate")
    assert rate is not None and "24%" in rate.text()  # shown before the field is left
    press(Qt.Key.Key_Tab)  # a ratio shows no «Giá trị» nor «Cấp độ»: the note comes next
    type_here("Số liệu của Bộ phận một cửa")
    press(Qt.Key.Key_Tab)
    stored = next(i for i in open_report(demo_store).indicators if i.ref == ref)
    assert (stored.numerator, stored.denominator, stored.value, stored.note) == (
        60, 250, None, "Số liệu của Bộ phận một cửa")
    other = next(i.ref for i in editor.indicators.items() if i.ref != ref and i.denominator is None)
    editor.go_to("indicator", other, "denominator")
    type_here("1.250")
    press(Qt.Key.Key_Tab)
    assert next(i for i in open_report(demo_store).indicators if i.ref == other).denominator == 1250
    denominator = editor.form_field("indicator", "denominator")
    assert isinstance(denominator, QLineEdit) and denominator.text() == "1.250"


def test_refused_values_stay_at_the_field_with_the_reason_and_block_moving_on(qtbot: QtBot, window: MainWindow,
                                                                             demo_store: Store) -> None:
    editor = window.editor
    ref = editor.tasks.row_item(0).ref
    before = next(t for t in open_report(demo_store).tasks if t.ref == ref).percent
    editor.go_to("task", ref, "percent")
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and field.objectName() == "form_task_percent"
    field.selectAll()
    type_here("150")
    press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.form.item is not None and editor.form.item.ref == ref  # still here
    assert field.text() == "150" and "0–100" in field.toolTip()
    assert next(t for t in open_report(demo_store).tasks if t.ref == ref).percent == before
    indicator = editor.indicators.row_item(0).ref
    field.selectAll()
    type_here("100")
    editor.go_to("indicator", indicator, "denominator")
    type_here("7 ho so")
    press(Qt.Key.Key_Tab)
    denominator = editor.form_field("indicator", "denominator")
    assert isinstance(denominator, QLineEdit) and denominator.text() == "7 ho so"
    assert "không phải là một số" in denominator.toolTip()
    stored = next(i for i in open_report(demo_store).indicators if i.ref == indicator)
    assert stored.denominator != 7


def test_a_refresh_never_rewrites_the_field_being_typed_in(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = unanswered(editor, "task")
    editor.go_to("task", ref, "result")
    type_here("Đang soạn")
    editor.edit_cell("task", ref, "proposals", "Đề xuất từ nơi khác")  # a save of the same item, e.g. undo
    editor.validate_now()
    wait_validated(qtbot, editor)
    result = editor.form_field("task", "result")
    proposals = editor.form_field("task", "proposals")
    assert isinstance(result, QPlainTextEdit) and result.toPlainText() == "Đang soạn"
    assert isinstance(proposals, QPlainTextEdit) and proposals.toPlainText() == "Đề xuất từ nơi khác"


def test_next_and_previous_item_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    first = editor.item_list.first()
    assert first is not None
    editor.go_to(first[0], first[1], "status")
    press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = editor.form.item
    assert second is not None and second.ref != first[1]
    assert focused_name() == "form_task_status"
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    third = editor.form.item
    assert third is not None and third.ref not in (first[1], second.ref)
    press(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.form.item is not None and editor.form.item.ref == second.ref
    button = editor.form.findChild(QPushButton, "formNextItem")
    assert button is not None
    button.setFocus()
    press(Qt.Key.Key_Return)  # after the last field: Enter on "Mục sau"
    assert editor.form.item is not None and editor.form.item.ref == third.ref
    assert focused_name() == "form_task_status"


def test_last_quarters_answer_is_shown_and_reused(qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    editor = window.editor
    ref = next(ref for ref, values in editor.context.previous.items()
               if editor.item("task", ref) is not None and values.get("result"))
    item = editor.item("task", ref)
    assert item is not None
    editor.edit_cell("task", ref, "result", None)
    editor.go_to("task", ref, "status")
    shown = editor.form.findChild(QLabel, "formPrevious")
    assert shown is not None and editor.context.previous[ref]["result"] in shown.text()
    qtbot.mouseClick(editor.form.reuse, Qt.MouseButton.LeftButton)
    stored = next(t for t in open_report(demo_store).tasks if t.ref == ref)
    assert stored.result == editor.context.previous[ref]["result"]


def test_the_list_groups_by_plan_shows_states_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    items = editor.item_list
    model = items.model
    plans = [model.index(n, 0).data() for n in range(model.rowCount())]
    assert len(plans) == len({t.plan for t in editor.tasks.items()} | {i.plan for i in editor.indicators.items()})
    assert all("—" in plan for plan in plans)  # số ký hiệu — short title
    states = {model.index(r, 1, model.index(s, 0, model.index(p, 0))).data()
              for p in range(model.rowCount()) for s in range(model.rowCount(model.index(p, 0)))
              for r in range(model.rowCount(model.index(s, 0, model.index(p, 0))))}
    assert {"Chưa nhập", "Đã nhập"} <= states
    items.filter.setCurrentIndex(items.filter.findData("unanswered"))
    shown = items.shown()
    assert shown and all(not editor.item(*name.split("|", 1)).values().get("status")  # type: ignore[union-attr]
                         for name in shown if name.startswith("task|"))
    items.filter.setCurrentIndex(0)
    title = editor.tasks.row_item(0).title
    typed = fold(" ".join(title.split()[:3]))
    assert typed.isascii()
    items.search.setText(typed)
    assert f"task|{editor.tasks.row_item(0).ref}" in items.shown()


def test_status_combo_is_a_combo_and_issues_sit_beside_their_field(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    QTest.keyClick(window, Qt.Key.Key_F5)  # an item not answered yet has its error beside the field once checked
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Kiểm tra xong"), timeout=20_000)
    issue = next(i for i in editor.result.issues if i.item_kind == "task" and i.field == "status")
    editor.go_to("task", issue.item_key, "status")
    assert isinstance(editor.form_field("task", "status"), QComboBox)
    assert issue.message("vi") in editor.form.shown_messages()
    label = editor.form.labels["task"]["status"]
    assert label.palette().color(label.foregroundRole()) == MESSAGE_COLOUR[ERROR], "the field's label turns red"


def test_a_report_read_on_a_worker_is_swapped_in_without_touching_the_field_being_typed(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    editor = window.editor
    ref = unanswered(editor, "task")
    editor.go_to("task", ref, "result")
    type_here("Đang")
    editor.load_period(editor.period_code)
    type_here(" soạn")
    qtbot.waitUntil(lambda: editor.load_operation is None, timeout=10_000)
    type_here(" báo cáo")
    result = editor.form_field("task", "result")
    assert isinstance(result, QPlainTextEdit) and result.toPlainText() == "Đang soạn báo cáo"
    assert editor.form.item is not None and editor.form.item.ref == ref
    press(Qt.Key.Key_Tab)
    assert next(t for t in open_report(demo_store).tasks if t.ref == ref).result == "Đang soạn báo cáo"


def test_typing_in_one_field_through_saved_pauses_is_one_undo_step(qtbot: QtBot, window: MainWindow,
                                                                    demo_store: Store) -> None:
    """Each pause saves what is typed; the pauses and the leaving of the field make one step, and the next
    field typed in, or the same field typed in again later, another."""
    editor, undo = window.editor, window.undo_stack
    ref = unanswered(editor, "task")

    def shown_result() -> object:
        item = editor.item("task", ref)
        return item.result if item is not None else None  # type: ignore[union-attr]

    editor.go_to("task", ref, "result")
    steps = undo.count()
    type_here("Đã tổ chức")
    qtbot.waitUntil(lambda: shown_result() == "Đã tổ chức", timeout=30_000)  # saved at the pause
    type_here(" 3 lớp")
    qtbot.waitUntil(lambda: shown_result() == "Đã tổ chức 3 lớp", timeout=30_000)
    type_here(" tập huấn.")
    press(Qt.Key.Key_Tab)
    assert focused_name() == "form_task_difficulties"
    type_here("Thiếu kinh phí")
    press(Qt.Key.Key_Tab)
    stored = next(t for t in open_report(demo_store).tasks if t.ref == ref)
    assert (stored.result, stored.difficulties) == ("Đã tổ chức 3 lớp tập huấn.", "Thiếu kinh phí")
    assert undo.count() == steps + 2, [undo.text(n) for n in range(undo.count())]
    undo.undo()
    undo.undo()
    stored = next(t for t in open_report(demo_store).tasks if t.ref == ref)
    assert stored.result in (None, "") and stored.difficulties in (None, "")
    result = editor.form_field("task", "result")
    assert isinstance(result, QPlainTextEdit) and result.toPlainText() == ""
    undo.redo()
    assert shown_result() == "Đã tổ chức 3 lớp tập huấn."
    result.setFocus()
    press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_here(" Xong.")
    press(Qt.Key.Key_Tab)
    assert shown_result() == "Đã tổ chức 3 lớp tập huấn. Xong."
    assert undo.index() == steps + 2  # the result typed in again is a step of its own, after the first
    undo.undo()
    assert shown_result() == "Đã tổ chức 3 lớp tập huấn."


def test_next_item_is_in_the_report_menu_and_works_with_the_focus_outside_the_form(
        qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+PgDown did nothing after a menu was closed with Escape (the focus left the form), and no menu showed
    the command: «Mục sau» / «Mục trước» are now window actions in the Báo cáo menu, their keys shown."""
    editor = window.editor
    report_menu = window.menuBar().actions()[2].menu()
    assert isinstance(report_menu, QMenu)
    actions = {a.objectName(): a for a in report_menu.actions()}
    assert actions["nextItem"].shortcut().toString() == "Ctrl+PgDown"
    assert actions["previousItem"].shortcut().toString() == "Ctrl+PgUp"
    first = editor.tasks.row_item(0).ref
    editor.go_to("task", first, "status")
    window.tabs.tabBar().setFocus()  # somewhere in the window, not in the form
    QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.form.item is not None and editor.form.item.ref != first
    press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.form.item is not None and editor.form.item.ref == first
