"""The editor's right side: one task or indicator with everything needed to answer it, then its fields.

Shown above the fields: the full title, the expected result, the deadline with the days left or overdue,
the lead and coordinators with this agency's role, the phase target, last quarter's answer (with a button to
reuse it). Each field is saved when the user leaves it (through the editor's undoable ``commit``) or refused
there with the reason, the text kept. A refresh fills only the fields the user is not typing in.

Nothing moves while the user types: the item's messages are listed in one place below the fields and the
buttons (the label of each field concerned turns red or brown), the rate line of a ratio indicator is there
from the start, and a field the indicator does not use is not shown at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.deadlines import DATE, parse_deadline
from desktop.domain.field_input import FieldRefused, read_field
from desktop.domain.indicator_targets import (
    COUNT,
    LEVEL,
    RATIO,
    actual_value,
    indicator_kind,
    parse_target,
    target_for_year,
)
from desktop.domain.numbers import format_number
from desktop.domain.periods import DataWindow
from desktop.domain.task_due import WITHIN, due_in_window
from desktop.domain.task_status import NOT_DONE, status_label
from desktop.domain.validation_issues import ERROR, Issue, field_label
from desktop.domain.vietnam_clock import vietnam_today
from desktop.services.report_items import IndicatorItem, TaskItem
from desktop.views.formatting import format_date
from desktop.views.indicator_hints import field_hint
from desktop.views.report_delegates import show_refusal
from desktop.views.report_editor.fields import Field, LineField, StatusField, TextField
from desktop.views.report_editor.typing_save import TypingSaver

Commit = Callable[[str, str, str, Any, Any, int], bool]  # kind, ref, field, old, new, typing run
TASK_FORM = (("status", "status"), ("percent", "line"), ("result", "text"), ("difficulties", "text"),
             ("proposals", "text"), ("not_applicable_reason", "text"))
INDICATOR_FORM = (("numerator", "line"), ("denominator", "line"), ("value", "line"), ("level", "line"),
                  ("note", "text"), ("not_applicable_reason", "text"))
MESSAGE_COLOUR = {ERROR: QColor("#b71c1c"), "warning": QColor("#8a6d00")}
NUMBERS = ("numerator", "denominator", "value", "level")
USED_NUMBERS = {RATIO: {"numerator", "denominator"}, COUNT: {"value"}, LEVEL: {"level"}}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def field_name(kind: str, field: str) -> str:
    """The objectName of a form field: "form_task_status", "form_indicator_denominator"."""
    return f"form_{kind}_{field}"


class SteadyLabel(QLabel):
    """A wrapped label as tall as its longest expected text (``reserve``) from the start: what it says can
    change while the user types without moving anything below it."""

    reserve = ""

    def set_reserve(self, text: str) -> None:
        """Keep room for ``text`` at the label's width (held again whenever the width changes)."""
        self.reserve = text
        self._hold()

    def _needed(self, width: int) -> int:
        margins = self.contentsMargins()
        room = QRect(0, 0, max(1, width - margins.left() - margins.right()), 100_000)
        needed = self.fontMetrics().boundingRect(room, Qt.TextFlag.TextWordWrap, self.reserve).height()
        return needed + margins.top() + margins.bottom()

    def _hold(self) -> None:
        height = self._needed(self.width()) if self.reserve else 0
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    def heightForWidth(self, width: int) -> int:
        own = super().heightForWidth(width)
        return max(own, self._needed(width)) if self.reserve else own

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._hold()


class ItemForm(QScrollArea):
    """One item's form; ``finished`` when the user goes past its last field, ``step`` for next/previous."""

    step = Signal(int)
    refused_changed = Signal()  # a field refused what was typed, or took a value again

    def __init__(self, language: str, commit: Commit, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language, self._commit, self.today = language, commit, today or vietnam_today()
        self.item: TaskItem | IndicatorItem | None = None
        self.refused: dict[str, FieldRefused] = {}  # the shown item's fields holding a refused text, and why
        self.kind = ""
        self.editable = False
        self.previous: dict[str, Any] | None = None
        self.data_window: DataWindow | None = None  # the report's data window, which the deadline line names
        self.fields: dict[str, dict[str, Field]] = {"task": {}, "indicator": {}}
        self.labels: dict[str, dict[str, QLabel]] = {"task": {}, "indicator": {}}
        self.forms: dict[str, QFormLayout] = {}
        self._typing_run = 0  # the saves of one field from its first key to leaving it share this number
        self.typing = TypingSaver(self._save_typed, self)
        self.setWidgetResizable(True)
        # A scroll bar that comes and goes would change the width, rewrap the text boxes and move the fields.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setObjectName("itemForm")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = self._info("formTitle", bold=True, scale=1.15)
        self.expected = self._info("formExpected")
        self.deadline = self._info("formDeadline")
        self.assignment = self._info("formAssignment")
        self.target = self._info("formTarget")
        self.previous_text = self._info("formPrevious", colour="#444444")
        self.reuse = QPushButton(self.tr("Dùng lại câu trả lời quý trước"))
        self.reuse.setObjectName("formReusePrevious")
        self.reuse.clicked.connect(self.reuse_previous)
        for label in (self.title, self.expected, self.deadline, self.assignment, self.target, self.previous_text):
            layout.addWidget(label)
        layout.addWidget(self.reuse, 0, Qt.AlignmentFlag.AlignLeft)
        # Both pages in a column, one hidden: a stack is as tall as its tallest page (an indicator's fields were
        # followed by the empty height of a task's).
        self.rate = SteadyLabel()
        self._info("formRate", bold=True, label=self.rate)
        self.pages = [self._page("task", TASK_FORM), self._page("indicator", INDICATOR_FORM)]
        for page in self.pages:
            layout.addWidget(page)
        self._show_page(0)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("◀ Mục trước"))
        self.back.setObjectName("formPreviousItem")
        self.back.setToolTip(self.tr("Ctrl+PgUp hoặc Alt+↑"))
        self.next = QPushButton(self.tr("Mục sau ▶"))
        self.next.setObjectName("formNextItem")
        self.next.setToolTip(self.tr("Ctrl+PgDown hoặc Alt+↓"))
        for button in (self.back, self.next):
            button.setAutoDefault(True)  # Enter on it, as after the last field, moves on
        self.back.clicked.connect(lambda: self.step.emit(-1))
        self.next.clicked.connect(lambda: self.step.emit(1))
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.messages = {severity: self._info(f"formMessages_{severity}") for severity in (ERROR, "warning")}
        for severity, label in self.messages.items():
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, MESSAGE_COLOUR[severity])
            label.setPalette(palette)
            label.hide()
            layout.addWidget(label)
        layout.addStretch(1)
        self.setWidget(body)
        self._tab_order()

    def _info(self, name: str, bold: bool = False, scale: float = 1.0, colour: str = "",
              label: QLabel | None = None) -> QLabel:
        # Fonts and palettes rather than style sheets: a label under a style sheet is measured and painted
        # through the style-sheet style, several times slower, and the form is laid out again on every item.
        label = label or QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = label.font()
        font.setBold(bold)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
        if colour:
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            label.setPalette(palette)
        return label

    def _page(self, kind: str, fields: tuple[tuple[str, str], ...]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.forms[kind] = form
        for field, editor in fields:
            widget: Field = StatusField(self.language) if editor == "status" else (
                TextField() if editor == "text" else LineField())
            widget.setObjectName(field_name(kind, field))
            if kind == "indicator" and (hint := field_hint(field)):
                widget.setToolTip(hint)
            widget.left.connect(lambda kind=kind, field=field: self.save_field(kind, field))
            if editor != "status":
                self.typing.watch(widget)
            if field in NUMBERS and isinstance(widget, LineField):
                widget.textEdited.connect(lambda _t: self._show_rate())
            label = QLabel(_capital(field_label(field, self.language)))
            label.setBuddy(widget)
            label.setWordWrap(True)
            form.addRow(label, widget)
            if field == "level":
                form.addRow("", self.rate)  # under the figures, there for the whole item: nothing below moves
            self.fields[kind][field] = widget
            self.labels[kind][field] = label
        return page

    def _tab_order(self) -> None:
        for kind in ("task", "indicator"):
            chain: list[QWidget] = [*self.fields[kind].values(), self.next, self.back, self.reuse]
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)

    # showing ---------------------------------------------------------------------------------------
    def show_item(self, kind: str, item: TaskItem | IndicatorItem, editable: bool, issues: list[Issue],
                  previous: dict[str, Any] | None) -> None:
        """Show another item: every field filled from what is stored, read-only at once when the report is
        (the field with the cursor too: what was typed there and not saved can no longer be saved)."""
        same = self.item is not None and self.kind == kind and self.item.ref == item.ref
        self.kind, self.item, self.editable, self.previous = kind, item, editable, previous
        self._show_page(0 if kind == "task" else 1)
        if not same and self.refused:  # the refused texts are replaced by what is stored
            self.refused.clear()
            self.refused_changed.emit()
        for field, widget in self.fields[kind].items():
            widget.setEnabled(editable)
            if editable and same and (widget.hasFocus() or widget.dirty):
                continue  # the same item read again (a reload): what is being typed, saved or not, is kept
            widget.fill(getattr(item, field), field, self.language)
            show_refusal(widget, None, self.language)
        self._show_used_fields()
        self._show_context()
        self.show_issues(issues)
        self._show_rate()
        self.verticalScrollBar().setValue(0)

    def _show_page(self, shown: int) -> None:
        for n, page in enumerate(self.pages):
            page.setVisible(n == shown)

    def _show_used_fields(self) -> None:
        # A figure the indicator's kind does not use is not shown, unless something is stored in it: then it
        # stays, with the message to clear it, so that nothing stored is hidden.
        item = self.item
        if not isinstance(item, IndicatorItem):
            return
        kind = indicator_kind(item.name, *item.targets.values())
        used = USED_NUMBERS.get(kind, set(NUMBERS))
        form = self.forms["indicator"]
        for field in NUMBERS:
            form.setRowVisible(self.fields["indicator"][field], field in used or getattr(item, field) not in (None, ""))
        form.setRowVisible(self.rate, kind in USED_NUMBERS)
        phase = target_for_year(item.targets, self.today.year)
        widest = format_number(100.25, self.language) + "%"
        self.rate.set_reserve(self.tr("Tỷ lệ: {0}%").format(widest) + " — " + self.tr("chưa đạt mục tiêu {0}").format(
            phase[1] if phase else ""))

    def refresh(self, item: TaskItem | IndicatorItem, issues: list[Issue]) -> None:
        """The same item saved or validated again: fill the fields the user is not in nor has changed."""
        if item is not self.item and (self.item is None or item.ref != self.item.ref):
            return
        self.item = item
        for field, widget in self.fields[self.kind].items():
            if not widget.hasFocus() and not widget.dirty:
                widget.fill(getattr(item, field), field, self.language)
        self.show_issues(issues)
        self._show_rate()

    def show_issues(self, issues: list[Issue]) -> None:
        """The item's issues in one place below the fields, errors first (nothing above them moves when they
        come or go); the label of each field concerned in the issue's colour."""
        if not self.kind:
            return
        for severity, label in self.messages.items():
            found = [i for i in issues if (i.severity == ERROR) == (severity == ERROR)]
            label.setText("\n".join("• " + issue.message(self.language) for issue in found))
            label.setVisible(bool(found))
        worst: dict[str, str] = {}
        for issue in issues:
            if issue.field in self.fields[self.kind] and worst.get(issue.field) != ERROR:
                worst[issue.field] = ERROR if issue.severity == ERROR else "warning"
        for field, label in self.labels[self.kind].items():
            colour = MESSAGE_COLOUR[worst[field]] if field in worst else self.palette().color(
                QPalette.ColorRole.WindowText)
            if label.palette().color(QPalette.ColorRole.WindowText) != colour:
                palette = label.palette()
                palette.setColor(QPalette.ColorRole.WindowText, colour)
                label.setPalette(palette)
        self._label_not_done_reason()

    def shown_messages(self) -> str:
        """The messages shown for the item (errors, then warnings)."""
        return "\n".join(label.text() for label in self.messages.values() if label.text())

    def _label_not_done_reason(self) -> None:
        # One reason field for each case: "Không thực hiện" is explained under difficulties, "không áp dụng"
        # in its own field; the label says which while the status is "Không thực hiện".
        if self.kind != "task" or self.item is None:
            return
        label = self.labels["task"]["difficulties"]
        label.setText(self.tr("Lý do không thực hiện, khó khăn") if getattr(self.item, "status", None) == NOT_DONE
                          else _capital(field_label("difficulties", self.language)))

    def _show_context(self) -> None:
        item = self.item
        if isinstance(item, TaskItem):
            self.title.setText(f"{item.key}. {item.title}")
            self.expected.setText(self.tr("Kết quả dự kiến / sản phẩm: {0}").format(item.expected_result or "—"))
            self.deadline.setText(self._deadline_text(item))
            role = self.tr("chủ trì") if item.role == "lead" else self.tr("phối hợp")
            self.assignment.setText(self.tr("Chủ trì: {0}\nPhối hợp: {1}\nĐơn vị mình: {2}").format(
                _one_line(item.lead) or "—", _one_line(item.coordinators) or "—", role))
            self.target.hide()
        elif isinstance(item, IndicatorItem):
            self.title.setText(f"{item.key}. {item.name} ({item.unit})" if item.unit else f"{item.key}. {item.name}")
            self.expected.setText(self.tr("Nhóm: {0}").format(item.group or "—"))
            self.deadline.setText("")
            role = self.tr("theo dõi, chủ trì") if item.role == "lead" else self.tr("báo cáo số liệu của đơn vị")
            self.assignment.setText(self.tr("Đơn vị mình: {0}").format(role))
            phase = target_for_year(item.targets, self.today.year)
            self.target.setText(self.tr("Mục tiêu {0}: {1}").format(*phase) if phase else self.tr("Chưa có mục tiêu."))
            self.target.show()
        self.deadline.setVisible(bool(self.deadline.text()))
        self._show_previous()

    def _deadline_text(self, item: TaskItem) -> str:
        text = self.tr("Thời hạn: {0}").format(item.deadline_text or "—")
        if not item.due:
            return text
        due = date.fromisoformat(item.due)
        days = (due - self.today).days
        if parse_deadline(item.deadline_text).kind == DATE:  # the text already gives the date: say it once
            left = self.tr("còn %Ln ngày", "", days) if days >= 0 else self.tr("đã quá %Ln ngày", "", -days)
            return text + " — " + left + self._before_period_end(due)
        if days >= 0:
            text += " — " + self.tr("hạn {0}, còn %Ln ngày", "", days).format(format_date(due))
        else:
            text += " — " + self.tr("hạn {0}, đã quá %Ln ngày", "", -days).format(format_date(due))
        return text + self._before_period_end(due)

    def _before_period_end(self, due: date) -> str:
        """" — trước khi kỳ báo cáo này kết thúc (14/03/2027)", as the overdue warning counts it ("" when the
        deadline does not fall within the report's period)."""
        if self.data_window is None or due_in_window(due, self.data_window) != WITHIN:
            return ""
        return " — " + self.tr("trước khi kỳ báo cáo này kết thúc ({0})").format(format_date(self.data_window.end))

    def _show_previous(self) -> None:
        if not self.previous:
            self.previous_text.setText(self.tr("Quý trước: chưa có câu trả lời."))
            self.reuse.setEnabled(False)
            return
        parts = []
        for field, value in self.previous.items():
            if value in (None, ""):
                continue
            if field == "status":
                shown = status_label(str(value), self.language)
            elif isinstance(value, float | int):
                shown = format_number(float(value), self.language)
            else:
                shown = str(value)
            parts.append(f"{field_label(field, self.language)}: {shown}")
        self.previous_text.setText(self.tr("Quý trước: {0}").format("; ".join(parts)))
        self.reuse.setEnabled(self.editable)

    def _show_rate(self) -> None:
        # The line is shown or hidden with the item (``_show_used_fields``), never while typing: "—" until
        # the figures give a result.
        item = self.item
        if not isinstance(item, IndicatorItem):
            return
        typed = {}
        for field in NUMBERS:
            try:
                typed[field] = read_field(field, self.fields["indicator"][field].typed(), self.language)
            except FieldRefused:
                typed[field] = None
        phase = target_for_year(item.targets, self.today.year)
        kind = indicator_kind(item.name, *item.targets.values())
        actual = actual_value(kind, typed["numerator"], typed["denominator"], typed["value"], typed["level"])
        shown = "—" if actual is None else format_number(actual, self.language)
        if kind == RATIO:
            text = self.tr("Tỷ lệ: —") if actual is None else self.tr("Tỷ lệ: {0}%").format(shown)
        else:
            text = self.tr("Giá trị: {0}").format(shown)
        if phase and actual is not None:
            met = parse_target(phase[1]).meets(actual)
            if met is not None:
                text += " — " + (self.tr("đạt mục tiêu {0}") if met else self.tr("chưa đạt mục tiêu {0}")).format(
                    phase[1])
        self.rate.setText(text)

    # saving ----------------------------------------------------------------------------------------
    def save_field(self, kind: str, field: str, still_typing: bool = False) -> bool:
        """Save what the field holds if the user changed it; False when it is refused (the text is kept).
        ``still_typing``: saved at a pause, the user still in the field: this save and the next ones until they
        leave it carry one typing run (one undo step)."""
        run = self._typing_run
        if not still_typing:
            self._typing_run += 1
        widget = self.fields[kind][field]
        if self.item is None or kind != self.kind or not widget.dirty or not self.editable:
            return True
        try:
            value = read_field(field, widget.typed(), self.language)
        except FieldRefused as error:
            show_refusal(widget, error, self.language)
            self._set_refused(field, error)
            return False
        show_refusal(widget, None, self.language)
        self._set_refused(field, None)
        old = getattr(self.item, field)
        changed = value != old and not (value is None and old in ("", None))
        if changed and not self._commit(kind, self.item.ref, field, old, value, run):
            return False
        widget.dirty = False
        return True

    def _set_refused(self, field: str, error: FieldRefused | None) -> None:
        # The reason goes with the item's messages and the report's issue list (``refused_changed``), not only
        # into a tooltip a keyboard user never sees.
        if error is None and field not in self.refused:
            return
        if error is None:
            del self.refused[field]
        elif self.refused.get(field) is not None and self.refused[field].args == error.args:
            return
        else:
            self.refused[field] = error
        self.refused_changed.emit()

    def _save_typed(self, widget: QWidget) -> None:
        for field, shown in self.fields[self.kind].items() if self.kind else ():
            if shown is widget:
                self.save_field(self.kind, field, still_typing=True)

    def save_all(self) -> bool:
        """Save every changed field (before moving to another item); False when one is refused."""
        if not self.kind:
            return True
        return all([self.save_field(self.kind, field) for field in self.fields[self.kind]])

    def reuse_previous(self) -> None:
        """Copy last quarter's answer into the fields and save it."""
        if not self.previous or self.item is None or not self.editable:
            return
        for field, value in self.previous.items():
            widget = self.fields[self.kind].get(field)
            if widget is None or value in (None, ""):
                continue
            widget.fill(value, field, self.language)
            widget.dirty = True
            self.save_field(self.kind, field)

    def first_field(self) -> QWidget:
        """The field the cursor goes to when an item is shown."""
        return next(iter(self.fields[self.kind or "task"].values()))
