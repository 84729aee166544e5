"""Property: known agencies, abbreviations and group phrases in the other ways people write them, joined
with any of the separators found in appendices, split back into them (canonical, in order, no repeats)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.agencies import canonical_agency, split_agencies
from tests.domain.test_agencies_properties import assert_splits_back

AGENCIES = ["Sở Khoa học và Công nghệ", "SKHCN", "Sở KH&CN", "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Văn hóa Thể thao và Du lịch", "VP UBND tỉnh", "Văn phòng UBND Tỉnh", "CA tỉnh", "Công an Tỉnh",
            "Sở GD&ĐT", "Sở Lao động - Thương binh và Xã hội", "UBND tỉnh", "Bộ Công an", "VPCP",
            "UBND xã Mỹ An", "UBND phường Cao Lãnh", "Sở Công thương", "Sở Nông nghiệp và Môi trường",
            "Sở Dân tộc và Tôn giáo", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa và Xã hội", "Phòng Kinh tế",
            "Trung tâm Phục vụ hành chính công tỉnh", "Tổ công tác 06 tỉnh", "Bảo hiểm xã hội tỉnh",
            "VNPT Đồng Tháp", "Viettel Đồng Tháp", "Ban Quản lý các khu công nghiệp"]
GROUPS = ["Các sở, ban, ngành", "Các sở; ban, ngành tỉnh", "Các Sở ban ngành, địa phương", "Sở, ban, ngành",
          "Các sở, ban ngành", "Các sở, ngành tỉnh có liên quan", "UBND các xã, phường, đặc khu", "UBND các xã",
          "UBND cấp huyện", "UBND các huyện, thị xã, thành phố", "Các huyện, thị xã, thành phố",
          "Các cơ quan, đơn vị liên quan", "Các bộ, ngành trung ương", "Các sở, ban, ngành và địa phương"]
SEPARATORS = [", ", "; ", "\n", " và ", ";\n", ",\n", " ; ", "\r\n", ";", ",", " ;\n", "\n\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(AGENCIES + GROUPS), min_size=1, max_size=6), st.data())
def test_variants_joined_split_back(names: list[str], data: st.DataObject) -> None:
    assert_splits_back(names, data, SEPARATORS)


def test_every_variant_is_one_group() -> None:
    assert all(len(split_agencies(group)) == 1 and canonical_agency(group).startswith(("Các", "UBND các"))
               for group in GROUPS)
