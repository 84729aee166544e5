"""Indicator tables in another layout: one "Chỉ tiêu" column, a unit column, a year per column, category
rows (headings between indicators) as the area, a name split over two rows, targets as percent numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.documents.plan_workbook import parse_plan_workbook
from tests.documents.plan_fixtures import Sheet, write_workbook

HEADER = ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2027", "Cơ quan chủ trì theo dõi"]
ROWS: list[list[Any]] = [
    ["A", "Chính quyền số", None, None, None, None],
    [None, "Dịch vụ công trực tuyến", None, None, None, None],
    ["1", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", "%", 0.8, 0.9, "Văn phòng UBND tỉnh"],
    ["2", "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ được", "%", "Duy trì 100%", "100%", "Sở KH&CN"],
    [None, "số hóa kết quả giải quyết", None, None, None, None],
    [None, "Nền tảng dùng chung", None, None, None, None],
    ["3", "Số nền tảng dùng chung cấp tỉnh", "nền tảng", 3, 5, "Sở Khoa học và Công nghệ"],
    ["B", "Kinh tế số", None, None, None, None],
    ["4", "Tỷ trọng kinh tế số trong GRDP", "%", "-", "Đạt 20%", "Sở Tài chính"],
]
PERCENT_CELLS = {"D4": "0%", "E4": "0%"}


def test_category_rows_are_the_area_and_every_field_is_read(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "chi-tieu.xlsx", {"PL1": Sheet([HEADER, *ROWS], number_formats=PERCENT_CELLS)})
    parsed = parse_plan_workbook(path).to_json()
    got = [(i["key"], i["group"], i["area"], i["name"], i["unit"], i["monitoring_agencies"],
            [(t["phase"], t["text"], t["kind"], t["value"]) for t in i["targets"]]) for i in parsed["indicators"]]
    assert got == [
        ("1", "Chính quyền số", "Dịch vụ công trực tuyến", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", "%",
         ["Văn phòng Ủy ban nhân dân tỉnh"], [("2026", "80%", "percent", 80.0), ("2027", "90%", "percent", 90.0)]),
        ("2", "Chính quyền số", "Dịch vụ công trực tuyến",
         "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ được số hóa kết quả giải quyết", "%",
         ["Sở Khoa học và Công nghệ"], [("2026", "Duy trì 100%", "maintain", 100.0),
                                        ("2027", "100%", "percent", 100.0)]),
        ("3", "Chính quyền số", "Nền tảng dùng chung", "Số nền tảng dùng chung cấp tỉnh", "nền tảng",
         ["Sở Khoa học và Công nghệ"], [("2026", "3", "number", 3.0), ("2027", "5", "number", 5.0)]),
        ("4", "Kinh tế số", None, "Tỷ trọng kinh tế số trong GRDP", "%", ["Sở Tài chính"],
         [("2026", "-", "none", None), ("2027", "Đạt 20%", "percent", 20.0)]),
    ]
    assert not [w for w in parsed["warnings"] if "bỏ qua" in w["message"]]


def test_units_written_in_the_names_fill_an_empty_unit_column(tmp_path: Path) -> None:
    """The unit column is there but empty: "(%)", "(hồ sơ)", "(người)" come out of the names; "(DVCTT)" stays,
    and a unit in its own column wins over parentheses in the name."""
    rows: list[list[Any]] = [
        ["1", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình (%)", None, "80%", "90%", "Văn phòng UBND tỉnh"],
        ["2", "Số hồ sơ được số hóa (hồ sơ)", None, 1000, 2000, "Sở Nội vụ"],
        ["3", "Số người có tài khoản định danh mức 2 (người)", None, 5000, 8000, "Công an tỉnh"],
        ["4", "Tỷ lệ dịch vụ công trực tuyến toàn trình (DVCTT)", None, "50%", "70%", "Sở KH&CN"],
        ["5", "Doanh thu thương mại điện tử (tỷ đồng)", "triệu đồng", 100, 200, "Sở Công Thương"],
    ]
    path = write_workbook(tmp_path / "don-vi.xlsx", {"PL1": Sheet([HEADER, *rows])})
    got = [(i["name"], i["unit"]) for i in parse_plan_workbook(path).to_json()["indicators"]]
    assert got == [("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", "%"), ("Số hồ sơ được số hóa", "hồ sơ"),
                   ("Số người có tài khoản định danh mức 2", "người"),
                   ("Tỷ lệ dịch vụ công trực tuyến toàn trình (DVCTT)", "%"),
                   ("Doanh thu thương mại điện tử (tỷ đồng)", "triệu đồng")]
