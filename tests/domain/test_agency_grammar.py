"""Group phrases written with other punctuation or word grouping stay one group; the resolution table is
shipped data; the district group of plans written before 1/7/2025 reaches the communes."""

from __future__ import annotations

import json

import pytest

from desktop.domain.agencies import canonical_group, group_includes, is_group, split_agencies
from desktop.domain.assignment import LEAD, role_for
from desktop.package_data import resource_path

SBN, ALL, XA = "Các sở, ban, ngành", "Các sở, ban, ngành, địa phương", "UBND các xã, phường"
HUYEN = "UBND các huyện, thị xã, thành phố"


@pytest.mark.parametrize(("text", "expected"), [
    ("Các sở; ban, ngành tỉnh", [SBN]),
    ("các Sở ban ngành, địa phương", [ALL]),
    ("Sở, ban, ngành và UBND các xã", [SBN, XA]),
    ("Các sở, ban ngành", [SBN]),
    ("Các Sở; Ban; Ngành", [SBN]),
    ("Sở ban ngành", [SBN]),
    ("Ban, ngành, địa phương", [ALL]),
    ("Các sở ngành; địa phương", [ALL]),
    ("UBND các xã, phường, đặc khu", [XA]),
    ("UBND cấp huyện", [HUYEN]),
    ("Các huyện, thị xã, thành phố", [HUYEN]),
    ("Sở Tài chính; ban, ngành tỉnh", ["Sở Tài chính", SBN]),
    ("Các sở, ban, ngành; UBND các xã, phường", [SBN, XA]),
    ("Sở Khoa học và Công nghệ; Sở Văn hóa, Thể thao và Du lịch",
     ["Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"]),
])
def test_group_variants_stay_one_group(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


@pytest.mark.parametrize("name", ["Sở Xây dựng", "UBND tỉnh", "UBND xã Mỹ An", "Thành phố Cao Lãnh",
                                  "Ban Dân tộc", "Văn phòng UBND tỉnh", "Bộ Công an"])
def test_named_agencies_are_not_groups(name: str) -> None:
    assert not is_group(name)


@pytest.mark.parametrize("lead", [HUYEN, "UBND cấp huyện", "các huyện, thị xã, thành phố",
                                  "UBND các huyện, thị xã, thành phố có liên quan"])
def test_commune_leads_a_task_of_the_former_districts(lead: str) -> None:
    names = split_agencies(lead)
    assert names == [HUYEN]
    assert role_for(names, [], "UBND xã Mỹ An", "commune") == LEAD
    assert role_for(names, [], "Đặc khu Phú Quốc", "commune") == LEAD
    assert role_for(names, [], "Sở Tài chính", "province_department") is None


def test_commune_group_includes_special_zones() -> None:
    assert canonical_group("UBND các xã, phường, đặc khu") == XA
    assert group_includes("Các đặc khu", "commune")


def test_table_is_shipped_data() -> None:
    table = json.loads(resource_path("agencies", "vi.json").read_text(encoding="utf-8"))
    huyen = next(g for g in table["groups"] if g["name"] == HUYEN)
    assert "commune" in huyen["kinds"]
    assert "SKHCN" in table["agencies"]["Sở Khoa học và Công nghệ"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Nông nghiệp và Môi trường", ["Sở Nông nghiệp và Môi trường"]),
    ("Phòng Văn hóa và Xã hội", ["Phòng Văn hóa và Xã hội"]),
    ("Sở Tài chính, Phòng Kinh tế các xã", ["Sở Tài chính", "Phòng Kinh tế các xã"]),
    ("Sở Y tế, Tổ công tác 06 tỉnh", ["Sở Y tế", "Tổ công tác 06 tỉnh"]),
    ("Bưu điện tỉnh, Viettel Đồng Tháp và VNPT Đồng Tháp", ["Bưu điện tỉnh", "Viettel Đồng Tháp", "VNPT Đồng Tháp"]),
    ("Sở Y tế và Bảo hiểm xã hội tỉnh", ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]),
])
def test_organisation_head_words_start_an_agency_and_common_words_do_not(text: str, expected: list[str]) -> None:
    """"Phòng", "Tổ", "VNPT" start a new agency after a separator; "Xã hội" after "và" does not, though
    "xã" starts "UBND xã …"."""
    assert split_agencies(text) == expected
