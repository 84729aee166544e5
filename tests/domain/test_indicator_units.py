"""Units written at the end of indicator names come out of the name; other parentheses stay."""

from __future__ import annotations

import pytest

from desktop.domain.indicator_units import is_unit, split_unit


@pytest.mark.parametrize(("name", "expected"), [
    ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính trực tuyến toàn trình (%)",
     ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính trực tuyến toàn trình", "%")),
    ("Số hồ sơ được số hóa (hồ sơ)", ("Số hồ sơ được số hóa", "hồ sơ")),
    ("Số người dân có tài khoản định danh điện tử mức 2 (người)",
     ("Số người dân có tài khoản định danh điện tử mức 2", "người")),
    ("Doanh thu thương mại điện tử (tỷ đồng)", ("Doanh thu thương mại điện tử", "tỷ đồng")),
    ("Số lượt truy cập Cổng dữ liệu mở (lượt/năm)", ("Số lượt truy cập Cổng dữ liệu mở", "lượt/năm")),
    ("Số doanh nghiệp công nghệ số (ĐVT: doanh nghiệp)", ("Số doanh nghiệp công nghệ số", "doanh nghiệp")),
    ("Tốc độ truy cập Internet băng rộng cố định ( Mbps )", ("Tốc độ truy cập Internet băng rộng cố định", "Mbps")),
])
def test_a_unit_at_the_end_of_the_name_is_split_out(name: str, expected: tuple[str, str]) -> None:
    assert split_unit(name) == expected


@pytest.mark.parametrize("name", [
    "Tỷ lệ dịch vụ công trực tuyến (DVCTT) toàn trình",
    "Tỷ lệ dịch vụ công trực tuyến toàn trình (DVCTT)",
    "Số xã hoàn thành chuyển đổi số (bao gồm cấp xã mới sáp nhập)",
    "Tỷ lệ cơ quan kết nối mạng chuyên dùng (theo Quyết định 06/QĐ-TTg)",
    "Số người (nam, nữ) được tập huấn",
    "Tỷ lệ hồ sơ (",
    "Tỷ lệ (%) hồ sơ trực tuyến",
])
def test_other_parentheses_are_part_of_the_name(name: str) -> None:
    assert split_unit(name) == (name, None)


def test_a_rate_needs_units_on_both_sides() -> None:
    assert is_unit("người/năm") and is_unit("triệu đồng / người")
    assert not is_unit("Sở/ngành") and not is_unit("năm 2026/2030")
