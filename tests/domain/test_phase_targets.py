"""One parser of target texts: the plan importer's phase targets are a view of ``parse_target``.

The cases are those the importer's own parser (the former ``domain/targets.py``) gave; each still reads
the same, so plans already stored compare equal on re-import.
"""

from __future__ import annotations

import pytest

from desktop.domain.indicator_targets import parse_phase_target, parse_target

CASES = [
    ('100%', 'percent', 100.0),
    ('Duy trì 100%', 'maintain', 100.0),
    ('95%', 'percent', 95.0),
    ('-', 'none', None),
    ('', 'none', None),
    ('Đạt cấp độ 3', 'level', 3.0),
    ('Đạt cấp độ 4, 5', 'level', 4.0),
    ('50', 'number', 50.0),
    ('≥ 90%', 'percent', 90.0),
    ('10 sản phẩm', 'text', None),
    ('Duy trì', 'maintain', None),
    ('x', 'none', None),
    ('không', 'none', None),
    ('Đạt 20%', 'percent', 20.0),
    ('99,5%', 'percent', 99.5),
    ('Hoàn thành', 'text', None),
    ('Mức 2', 'level', 2.0),
    ('> 80%', 'percent', 80.0),
    ('80%', 'percent', 80.0),
    ('Tối thiểu 70%', 'percent', 70.0),
    ('3', 'number', 3.0),
]


@pytest.mark.parametrize(("text", "kind", "value"), CASES)
def test_phase_target_reads_as_before(text: str, kind: str, value: float | None) -> None:
    target = parse_phase_target("2026-2027", text)
    assert (target.phase, target.text, target.kind, target.value) == ("2026-2027", text, kind, value)


def test_the_percentage_is_the_target_not_the_year_before_it() -> None:
    target = parse_phase_target("2027", "Năm 2027 đạt 50%")
    assert (target.kind, target.value) == ("percent", 50.0)
    assert parse_target("Năm 2027 đạt 50%").value == 50.0  # the same reading at both call sites


def test_vietnamese_thousands_and_decimal_comma() -> None:
    assert parse_phase_target("2030", "1.000").value == 1000.0
    assert parse_phase_target("2030", "99,5%").value == 99.5
