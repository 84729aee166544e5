"""What the indicator columns and fields mean, said where they are (a newcomer did not know "Cấp độ"), and
the rate a ratio indicator's numerator and denominator give, shown in its "Giá trị" cell as typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.indicator_targets import RATIO, actual_value, indicator_kind
from desktop.domain.numbers import format_number

translate = QCoreApplication.translate


def field_hint(field: str) -> str | None:
    """The tooltip of an indicator column or field (None for the others)."""
    hints = {
        "numerator": translate("IndicatorHints", "Tử số: phần đã đạt (ví dụ số hồ sơ giải quyết trực tuyến)."),
        "denominator": translate("IndicatorHints", "Mẫu số: tổng số (ví dụ tổng số hồ sơ). Tỷ lệ = Tử số / Mẫu số."),
        "value": translate("IndicatorHints", "Giá trị: con số của chỉ tiêu đếm được (số lượng). Với chỉ tiêu tỷ lệ, "
                           "ô này tự hiện tỷ lệ tính từ Tử số và Mẫu số."),
        "level": translate("IndicatorHints", "Cấp độ: chỉ dùng cho chỉ tiêu đo bằng mức (ví dụ «Mức độ chuyển đổi "
                           "số»): ghi số mức, như 3 hoặc «Mức 3»; các chỉ tiêu khác để trống."),
    }
    return hints.get(field)


def computed_value_text(item: Any, language: str) -> str:
    """"= 24%" for a ratio indicator whose numerator and denominator are filled; "" otherwise."""
    targets = getattr(item, "targets", None) or {}
    if indicator_kind(getattr(item, "name", ""), *targets.values()) != RATIO:
        return ""
    rate = actual_value(RATIO, getattr(item, "numerator", None), getattr(item, "denominator", None))
    return "" if rate is None else f"= {format_number(rate, language)}%"
