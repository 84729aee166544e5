"""The canonical form of entered values, as the store keeps them."""

from __future__ import annotations

import math

from desktop.domain.report_values import normalise_indicator_values, normalise_task_values, read_number


def test_task_values_are_put_in_canonical_form() -> None:
    values = normalise_task_values({"status": " Hoàn thành ", "percent": "99,5", "result": " Đa\u0303 xong \x07",
                                    "difficulties": "   ", "proposals": 7, "junk": "dropped"})
    assert values == {"status": "done", "percent": 99.5, "result": "Đã xong", "difficulties": None,
                      "proposals": "7", "not_applicable_reason": None}


def test_indicator_values_are_put_in_canonical_form() -> None:
    values = normalise_indicator_values({"numerator": "1.250", "denominator": 2000, "value": math.nan,
                                         "level": "Cấp độ 3", "note": "", "not_applicable_reason": None})
    assert values == {"numerator": 1250.0, "denominator": 2000.0, "value": None, "level": "3", "note": None,
                      "not_applicable_reason": None}


def test_what_is_not_a_number_is_kept_for_validation_to_name() -> None:
    assert normalise_task_values({"percent": " năm mươi "})["percent"] == "năm mươi"
    assert normalise_task_values({"status": "xong"})["status"] == "xong"


def test_read_number_classifies_every_kind_of_content() -> None:
    assert [read_number(v).state for v in (None, "  ", 5, 5.5, "5", "x", True, [], math.inf, 10**400)] == [
        "absent", "absent", "number", "number", "text", "not_number", "not_number", "not_number", "not_finite",
        "not_finite"]
