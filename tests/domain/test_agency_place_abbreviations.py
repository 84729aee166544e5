""" "TP" as provinces write it: Sở Tư pháp after "Sở", thành phố before a place's name."""

from __future__ import annotations

import pytest

from desktop.domain.agencies import DISTRICT, agency_kind, split_agencies

CAO_LANH = "Ủy ban nhân dân thành phố Cao Lãnh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở TP", ["Sở Tư pháp"]),
        ("UBND TP. Cao Lãnh", [CAO_LANH]),
        ("UBND TP Cao Lãnh", [CAO_LANH]),
        ("UBND TP.Cao Lãnh", [CAO_LANH]),
        ("Sở TP, UBND TP. Cao Lãnh", ["Sở Tư pháp", CAO_LANH]),
        ("Sở TP; UBND TX. Hồng Ngự", ["Sở Tư pháp", "Ủy ban nhân dân thị xã Hồng Ngự"]),
        ("TP. Cao Lãnh", ["Thành phố Cao Lãnh"]),
    ],
)
def test_tp_is_the_justice_department_or_a_city_as_the_cell_says(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


def test_a_city_written_with_tp_is_a_district_level_agency_not_the_district_group() -> None:
    (city,) = split_agencies("UBND TP. Cao Lãnh")
    assert agency_kind(city) == DISTRICT
