"""Rules on one item's own values: a task's status and progress, an indicator's figures against its kind.

Each check returns the issues it finds and never raises: any field may hold anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.deadlines import DATE, MONTH, QUARTER, YEAR, parse_deadline
from desktop.domain.indicator_targets import (
    COUNT,
    LEVEL,
    RATIO,
    Target,
    actual_value,
    indicator_kind,
    parse_level,
    parse_target,
)
from desktop.domain.periods import Period, format_date
from desktop.domain.report_values import (
    INDICATOR_NUMBER_FIELDS,
    INDICATOR_TEXT_FIELDS,
    MAX_TEXT_LENGTH,
    TASK_TEXT_FIELDS,
    clean_text,
    read_field,
    read_number,
    text_problems,
)
from desktop.domain.task_due import WITHIN, due_in_window
from desktop.domain.task_status import (
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    NOT_DONE,
    NOT_STARTED,
    parse_status,
    status_choices,
    status_label,
)
from desktop.domain.validation_issues import Issue, ItemName, field_label, num

DEFAULT_LEVELS = (1, 2, 3, 4, 5)
_DATED = (DATE, MONTH, QUARTER, YEAR)
_MAX_ALLOWED_LEVELS = 100


@dataclass(frozen=True)
class IndicatorFacts:
    """What the rules across periods need to know of an indicator's figures, once read."""

    kind: str
    target: Target
    numbers: dict[str, float | None]
    level: int | None
    actual: float | None
    note: str | None
    not_applicable: bool
    aggregation: str | None


def check_numbers(name: ItemName, item: Any, fields: Iterable[str]) -> tuple[dict[str, float | None], list[Issue]]:
    """Read number fields; report text, garbage and non-finite values. Text that reads as a number is used."""
    values: dict[str, float | None] = {}
    issues: list[Issue] = []
    for field in fields:
        read = read_number(read_field(item, field))
        values[field] = read.value
        label_vi, label_en = field_label(field, "vi"), field_label(field, "en")
        if read.state == "text":
            issues.append(name.issue(
                "number.as_text", field,
                f"ô {label_vi} được gõ dạng chữ; hãy nhập lại dạng số ({num(read.value, 'vi')}).",
                f"{label_en} was typed as text; enter it again as a number ({num(read.value, 'en')})."))
        elif read.state == "not_number":
            issues.append(name.issue("number.not_number", field, f"ô {label_vi} không phải là số; hãy nhập một số.",
                                     f"{label_en} is not a number; enter a number."))
        elif read.state == "not_finite":
            issues.append(name.issue("number.not_finite", field,
                                     f"ô {label_vi} không phải số hữu hạn; hãy nhập một số cụ thể.",
                                     f"{label_en} is not a finite number; enter an actual number."))
    return values, issues


def check_texts(name: ItemName, item: Any, fields: Iterable[str]) -> tuple[dict[str, str | None], list[Issue]]:
    """Read text fields as the store keeps them; report blanks-only, untrimmed, non-NFC and other litter."""
    texts: dict[str, str | None] = {}
    issues: list[Issue] = []
    for field in fields:
        raw = read_field(item, field)
        problems = text_problems(raw)
        texts[field] = None if "too_long" in problems else clean_text(raw)
        for problem in problems:
            issues.append(_text_issue(name, field, problem))
    return texts, issues


def check_task(name: ItemName, item: Any) -> list[Issue]:
    """Status, percent complete and the texts of one task."""
    numbers, issues = check_numbers(name, item, ("percent",))
    texts, text_issues = check_texts(name, item, ("status", *TASK_TEXT_FIELDS))
    issues += [i for i in text_issues if i.field != "status"]
    percent = numbers["percent"]
    status = texts["status"]
    if status is not None:
        # A label ("Hoàn thành") stands for its code; only what names no status is refused.
        code = parse_status(status)
        if code is None:
            issues.append(name.issue(
                "task.status_unknown", "status",
                f"tình trạng \"{status[:40]}\" không hợp lệ; hãy chọn một trong: {status_choices('vi')}.",
                f"status \"{status[:40]}\" is not valid; choose one of: {status_choices('en')}."))
        status = code
    if percent is not None and not 0 <= percent <= 100:
        issues.append(name.issue("task.percent_out_of_range", "percent",
                                 f"tỷ lệ hoàn thành {num(percent, 'vi')}% nằm ngoài 0–100; hãy nhập số từ 0 đến 100.",
                                 f"percent complete {num(percent, 'en')} is outside 0–100; enter 0 to 100."))
    if texts["not_applicable_reason"] is not None:
        if status == NOT_DONE:
            # The two cases have one reason field each; the message says which belongs where, and no other
            # issue of the task contradicts it.
            issues.append(name.issue(
                "task.not_applicable_with_values", "not_applicable_reason",
                "vừa chọn \"Không thực hiện\" vừa ghi lý do không áp dụng. Nếu đơn vị được giao mà không làm: giữ "
                "\"Không thực hiện\", chuyển lý do sang ô Lý do không thực hiện, khó khăn và để trống "
                "ô Lý do không áp dụng. Nếu nhiệm vụ không áp dụng cho đơn vị: bỏ chọn Tình trạng.",
                "both \"Not done\" and a reason it does not apply. If the task was assigned and not done: keep "
                "\"Not done\", move the reason to \"Reason not done, difficulties\" and clear the "
                "not-applicable reason. If the task does not apply to this agency: clear the status."))
        elif status is not None or percent is not None:
            issues.append(name.issue(
                "task.not_applicable_with_values", "not_applicable_reason",
                "đã đánh dấu không áp dụng nhưng vẫn có tình trạng/tỷ lệ; hãy xóa chúng hoặc bỏ lý do không áp dụng.",
                "marked not applicable yet has a status or percent; clear them or remove the reason."))
        return issues
    if status is None:
        if not any(i.code == "task.status_unknown" for i in issues):
            issues.append(name.issue(
                "task.unanswered", "status",
                "chưa có tình trạng thực hiện; hãy chọn tình trạng hoặc ghi lý do không áp dụng.",
                "has no status; choose a status or give the reason it does not apply."))
        return issues
    return issues + _status_rules(name, status, percent, texts)


def _status_rules(name: ItemName, status: str, percent: float | None, texts: dict[str, str | None]) -> list[Issue]:
    issues: list[Issue] = []
    if status in (DONE, DONE_LATE) and percent is not None and percent < 100:
        issues.append(name.issue(
            "task.done_below_100", "percent",
            f"tình trạng \"{status_label(status, 'vi')}\" nhưng tỷ lệ hoàn thành {num(percent, 'vi')}%; "
            "hãy nhập 100% hoặc chọn \"Đang triển khai\".",
            f"status \"{status_label(status, 'en')}\" but {num(percent, 'en')}% complete; "
            "enter 100% or choose \"In progress\"."))
    if status == NOT_STARTED and percent is not None and percent > 0:
        issues.append(name.issue(
            "task.not_started_with_progress", "percent",
            f"\"Chưa triển khai\" nhưng tỷ lệ hoàn thành {num(percent, 'vi')}%; hãy kiểm tra lại tình trạng.",
            f"\"Not started\" but {num(percent, 'en')}% complete; check the status."))
    if status == IN_PROGRESS and percent is not None and percent >= 100:
        issues.append(name.issue("task.in_progress_at_100", "status",
                                 "đạt 100% nhưng vẫn \"Đang triển khai\"; nếu đã xong hãy chọn \"Hoàn thành\".",
                                 "at 100% but still \"In progress\"; if finished choose \"Done\"."))
    if status == IN_PROGRESS and percent is None:
        issues.append(name.issue("task.percent_missing", "percent",
                                 "đang triển khai nhưng chưa có tỷ lệ hoàn thành; hãy nhập tỷ lệ (%).",
                                 "in progress without percent complete; enter the percent."))
    if status in (IN_PROGRESS, DONE, DONE_LATE) and texts["result"] is None:
        issues.append(name.issue("task.result_missing", "result",
                                 "chưa ghi kết quả thực hiện; hãy mô tả ngắn kết quả đạt được.",
                                 "has no result; describe briefly what was achieved."))
    if status == NOT_DONE and texts["difficulties"] is None:
        issues.append(name.issue(
            "task.not_done_reason_missing", "difficulties",
            "\"Không thực hiện\" cần nêu lý do; hãy ghi vào ô Lý do không thực hiện, khó khăn.",
            "\"Not done\" needs a reason; write it in \"Reason not done, difficulties\"."))
    return issues


def check_overdue(name: ItemName, item: Any, period: Period | None, previous: Any = None) -> list[Issue]:
    """A task whose deadline fell before the end of the period's data and that is not finished needs the reason
    and the new expected date (a warning until the difficulties give a reason and some text gives a date); a
    task first reported "Hoàn thành" in a period that began after its deadline is probably "Hoàn thành quá
    hạn"."""
    due = _due_date(read_field(item, "due"))
    if period is None or due is None or _has_text(read_field(item, "not_applicable_reason")):
        return []
    status = parse_status(read_field(item, "status"))
    window = period.data_window
    when = format_date(due)
    if status in (NOT_STARTED, IN_PROGRESS) and due < window.end:
        if overdue_explained(item):
            return []
        if due_in_window(due, window) == WITHIN:  # not past yet on every day of the period: say when it falls
            end = format_date(window.end)
            return [name.issue(
                "task.overdue", "difficulties",
                f"hạn {when}, trước khi kỳ báo cáo này kết thúc ({end}), mà chưa hoàn thành; nếu không kịp hạn, hãy "
                "ghi lý do vào ô Khó khăn, vướng mắc và thời gian dự kiến hoàn thành mới (ví dụ: \"dự kiến hoàn "
                "thành tháng 3/2027\").",
                f"is due {when}, before this report's period ends ({end}), and not finished; if it will be late, "
                "write the reason under difficulties and the new expected date (e.g. \"expected to finish "
                "3/2027\").")]
        return [name.issue(
            "task.overdue", "difficulties",
            f"đã quá hạn ({when}) mà chưa hoàn thành; hãy ghi lý do vào ô Khó khăn, vướng mắc và thời gian dự kiến "
            "hoàn thành mới (ví dụ: \"dự kiến hoàn thành tháng 3/2027\").",
            f"is past its deadline ({when}) and not finished; write the reason under difficulties and the new "
            "expected date (e.g. \"expected to finish 3/2027\").")]
    finished_before = parse_status(read_field(previous, "status")) in (DONE, DONE_LATE) if previous else False
    if status == DONE and due < window.start and not finished_before:
        return [name.issue(
            "task.done_after_deadline", "status",
            f"hạn hoàn thành là {when}, trước kỳ báo cáo này; nếu hoàn thành sau hạn hãy chọn \"Hoàn thành quá hạn\".",
            f"was due {when}, before this period; if it was finished after the deadline choose \"Done late\".")]
    return []


def overdue_explained(item: Any) -> bool:
    """Whether a late task gives what the province asks of it: a reason in the difficulties and a new date in
    some text (then neither the warning nor the home screen's overdue list asks again)."""
    return _has_text(read_field(item, "difficulties")) and any(
        parse_deadline(read_field(item, f)).kind in _DATED for f in ("difficulties", "result", "proposals")
        if isinstance(read_field(item, f), str))


def _due_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _has_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def indicator_facts(name: ItemName, item: Any, values: Any) -> tuple[IndicatorFacts, list[Issue]]:
    """Read an indicator's definition from ``item`` and its figures from ``values`` (often the same object)."""
    numbers, issues = check_numbers(name, values, INDICATOR_NUMBER_FIELDS)
    texts, text_issues = check_texts(name, values, INDICATOR_TEXT_FIELDS)
    issues += text_issues
    target_text = read_field(item, "target_text")
    target = parse_target(target_text)
    kind = read_field(item, "kind")
    if kind not in (RATIO, COUNT, LEVEL):
        kind = indicator_kind(read_field(item, "name"), target_text)
    if kind not in (RATIO, COUNT, LEVEL):
        kind = _kind_from_values(numbers, read_field(values, "level"))
    if target.value is None and kind != LEVEL:
        target_value = read_number(read_field(item, "target_value"))
        if target_value.state == "number":
            target = Target(text=target.text, kind=kind, value=target_value.value)
    raw_level = read_field(values, "level")
    level = parse_level(raw_level)
    if level is None and kind == LEVEL and raw_level is None:
        level = parse_level(numbers["value"])
    aggregation = read_field(item, "aggregation")
    facts = IndicatorFacts(
        kind=kind, target=target, numbers=numbers, level=level,
        actual=actual_value(kind, numbers["numerator"], numbers["denominator"], numbers["value"], level),
        note=texts["note"], not_applicable=texts["not_applicable_reason"] is not None,
        aggregation=aggregation if aggregation in ("sum", "stock") else None)
    return facts, issues


def check_indicator(name: ItemName, item: Any, values: Any) -> tuple[IndicatorFacts, list[Issue]]:
    """An indicator's figures against its kind, its allowed levels and its target."""
    facts, issues = indicator_facts(name, item, values)
    raw_level = read_field(values, "level")
    has_values = any(v is not None for v in facts.numbers.values()) or clean_text(raw_level) is not None
    if facts.not_applicable:
        if has_values:
            issues.append(name.issue(
                "indicator.not_applicable_with_values", "not_applicable_reason",
                "đã đánh dấu không áp dụng nhưng vẫn có số liệu; hãy xóa số liệu hoặc bỏ lý do không áp dụng.",
                "marked not applicable yet has figures; clear them or remove the reason."))
        return facts, issues
    if facts.kind == RATIO:
        issues += _ratio_rules(name, facts)
    elif facts.kind == COUNT:
        issues += _count_rules(name, facts)
    elif facts.kind == LEVEL:
        issues += _level_rules(name, facts, raw_level, _allowed_levels(item, facts.target))
    elif not has_values and facts.note is None:
        issues.append(_unanswered(name, "value"))
    issues += _unused_fields(name, facts, raw_level)
    if not any(i.severity == "error" for i in issues):
        issues += _target_rule(name, facts)
    return facts, issues


def _ratio_rules(name: ItemName, facts: IndicatorFacts) -> list[Issue]:
    numerator, denominator = facts.numbers["numerator"], facts.numbers["denominator"]
    if numerator is None and denominator is None:
        return [_unanswered(name, "numerator")]
    issues = []
    for field, value in (("numerator", numerator), ("denominator", denominator)):
        if value is None:
            label_vi, label_en = field_label(field, "vi"), field_label(field, "en")
            issues.append(name.issue("indicator.ratio_part_missing", field,
                                     f"tỷ lệ cần cả tử số và mẫu số; hãy nhập {label_vi.lower()}.",
                                     f"a ratio needs both numerator and denominator; enter the {label_en}."))
    if denominator is not None and denominator <= 0:
        issues.append(name.issue("indicator.denominator_not_positive", "denominator",
                                 f"mẫu số {num(denominator, 'vi')} phải lớn hơn 0; hãy nhập tổng số (mẫu số) đúng.",
                                 f"denominator {num(denominator, 'en')} must be above 0; enter the correct total."))
    if numerator is not None and numerator < 0:
        issues.append(name.issue("indicator.numerator_negative", "numerator",
                                 f"tử số {num(numerator, 'vi')} âm; hãy nhập số từ 0 trở lên.",
                                 f"numerator {num(numerator, 'en')} is negative; enter 0 or more."))
    if numerator is not None and denominator is not None and 0 < denominator < numerator:
        issues.append(name.issue(
            "indicator.numerator_exceeds_denominator", "numerator",
            f"tử số {num(numerator, 'vi')} lớn hơn mẫu số {num(denominator, 'vi')}; hãy kiểm tra lại hai số.",
            f"numerator {num(numerator, 'en')} exceeds denominator {num(denominator, 'en')}; check both."))
    return issues


def _count_rules(name: ItemName, facts: IndicatorFacts) -> list[Issue]:
    value = facts.numbers["value"]
    if value is None:
        return [_unanswered(name, "value")]
    if value < 0:
        return [name.issue("indicator.value_negative", "value",
                           f"giá trị {num(value, 'vi')} âm; hãy nhập số từ 0 trở lên.",
                           f"value {num(value, 'en')} is negative; enter 0 or more.")]
    if value != int(value):
        return [name.issue("indicator.count_not_whole", "value",
                           f"giá trị {num(value, 'vi')} không phải số nguyên; hãy kiểm tra lại số đếm.",
                           f"value {num(value, 'en')} is not a whole number; check the count.")]
    return []


def _level_rules(name: ItemName, facts: IndicatorFacts, raw_level: Any, allowed: tuple[int, ...]) -> list[Issue]:
    if facts.level is None:
        if clean_text(raw_level) is None and read_number(raw_level).state == "absent":
            return [_unanswered(name, "level")]
        return [name.issue("indicator.level_unreadable", "level",
                           "cấp độ không đọc được; hãy nhập số cấp độ (ví dụ 3).",
                           "the level cannot be read; enter the level number (e.g. 3).")]
    if facts.level not in allowed:
        shown = ", ".join(str(level) for level in allowed)
        return [name.issue("indicator.level_not_allowed", "level",
                           f"cấp độ {facts.level} không thuộc các cấp độ cho phép ({shown}); hãy chọn một cấp độ đúng.",
                           f"level {facts.level} is not one of the allowed levels ({shown}); choose one of them.")]
    return []


def _allowed_levels(item: Any, target: Target) -> tuple[int, ...]:
    raw = read_field(item, "allowed_levels")
    levels: set[int] = set()
    if isinstance(raw, list | tuple | set | frozenset):
        for value in list(raw)[:_MAX_ALLOWED_LEVELS]:
            level = parse_level(value)
            if level is not None:
                levels.add(level)
    if not levels:
        levels = set(DEFAULT_LEVELS) | set(target.levels)
    return tuple(sorted(levels))


def _unused_fields(name: ItemName, facts: IndicatorFacts, raw_level: Any) -> list[Issue]:
    used = {RATIO: {"numerator", "denominator"}, COUNT: {"value"}, LEVEL: {"level", "value"}}.get(facts.kind)
    if used is None:
        return []
    present = {f for f, v in facts.numbers.items() if v is not None}
    if clean_text(raw_level) is not None:
        present.add("level")
    issues = []
    for field in sorted(present - used):
        label_vi, label_en = field_label(field, "vi"), field_label(field, "en")
        issues.append(name.issue("indicator.unused_field", field,
                                 f"chỉ tiêu này không dùng ô {label_vi}; hãy xóa giá trị thừa ở ô đó.",
                                 f"this indicator does not use {label_en}; clear that field."))
    return issues


def _target_rule(name: ItemName, facts: IndicatorFacts) -> list[Issue]:
    if facts.note is not None or facts.target.meets(facts.actual) is not False:
        return []
    unit = "%" if facts.kind == RATIO else ""
    return [name.issue(
        "indicator.below_target_unexplained", "note",
        f"đạt {num(facts.actual, 'vi')}{unit}, chưa đạt chỉ tiêu \"{facts.target.text}\"; "
        "hãy ghi giải trình (nguyên nhân, giải pháp) vào ô Ghi chú, giải trình.",
        f"at {num(facts.actual, 'en')}{unit}, short of the target \"{facts.target.text}\"; "
        "explain why and what is being done in the note.")]


def _unanswered(name: ItemName, field: str) -> Issue:
    return name.issue("indicator.unanswered", field,
                      "chưa có số liệu; hãy nhập số liệu hoặc ghi lý do không áp dụng.",
                      "has no figures; enter them or give the reason it does not apply.")


def _kind_from_values(numbers: dict[str, float | None], raw_level: Any) -> str:
    if numbers["numerator"] is not None or numbers["denominator"] is not None:
        return RATIO
    if raw_level is not None:
        return LEVEL
    return COUNT if numbers["value"] is not None else "text"


def _text_issue(name: ItemName, field: str, problem: str) -> Issue:
    label_vi, label_en = field_label(field, "vi"), field_label(field, "en")
    texts = {
        "not_text": (f"ô {label_vi} không phải văn bản; hãy nhập lại nội dung dạng chữ.",
                     f"{label_en} is not text; type it again as text."),
        "whitespace_only": (f"ô {label_vi} chỉ có khoảng trắng; hãy nhập nội dung hoặc để trống.",
                            f"{label_en} holds only blanks; write something or leave it empty."),
        "untrimmed": (f"ô {label_vi} có khoảng trắng thừa ở đầu hoặc cuối; hãy xóa chúng.",
                      f"{label_en} starts or ends with blanks; remove them."),
        "not_nfc": (f"ô {label_vi} gõ dấu kiểu tổ hợp; hãy chuẩn hóa sang Unicode dựng sẵn.",
                    f"{label_en} uses combining accents; normalise it to precomposed Unicode (NFC)."),
        "control_characters": (f"ô {label_vi} có ký tự điều khiển ẩn; hãy gõ lại hoặc dán dạng văn bản thuần.",
                               f"{label_en} holds hidden control characters; retype it or paste as plain text."),
        "too_long": (f"ô {label_vi} dài quá {MAX_TEXT_LENGTH} ký tự; hãy rút gọn hoặc đưa vào tệp minh chứng.",
                     f"{label_en} is longer than {MAX_TEXT_LENGTH} characters; shorten it or attach it as evidence."),
    }
    vi, en = texts[problem]
    return name.issue(f"text.{problem}", field, vi, en)
