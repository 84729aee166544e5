"""The plan importer on the three reference plans in their own layouts, and on real-world quirks."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.documents.sample_plan_data import (
    DONG_THAP_1012,
    INDICATORS_003,
    TASKS_003,
    ContinuationRow,
    SectionRow,
    TaskRow,
    TaskSheet,
)
from desktop.domain import tcvn3, vni
from desktop.domain.agencies import split_agencies
from desktop.domain.deadlines import parse_deadline
from tests.documents.plan_fixtures import TASK_HEADER, Sheet, an_giang, dong_thap_1012, dong_thap_3256, write_workbook

SKHCN = "Sở Khoa học và Công nghệ"
VP = "Văn phòng Ủy ban nhân dân tỉnh"
AG_COORD_TEXT = "Các sở, ban, ngành\nUBND các huyện, thị xã, thành phố"
AG_COORD = ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]
ALL_LOCAL = "Các sở, ban, ngành, địa phương"
GUIDE = {"text": "Theo hướng dẫn của Bộ, ngành trung ương", "kind": "conditional", "due": None, "note": None}
Q2 = {"text": "Quý II/2025", "kind": "quarter", "due": "2025-06-30", "note": None}
Q3 = {"text": "Quý III/2025", "kind": "quarter", "due": "2025-09-30", "note": None}
OFTEN = {"text": "Thường xuyên", "kind": "recurring", "due": None, "note": None}


def _task(key: str, title: str, result: str, lead: str, lead_agencies: list[str], coordinators: str,
          coordinator_agencies: list[str], deadline: dict[str, str | None]) -> dict[str, object]:
    section, stt = key.split(".")
    return {"key": key, "section": section, "stt": stt, "title": title, "result": result, "lead": lead,
            "lead_agencies": lead_agencies, "coordinators": coordinators,
            "coordinator_agencies": coordinator_agencies, "deadline": deadline, "note": None}


AN_GIANG_TASKS = [
    _task("I.1", "Ban hành các chỉ số phục vụ công tác chỉ đạo, điều hành của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban "
                 "nhân dân tỉnh", "Quyết định của Chủ tịch UBND tỉnh", SKHCN, [SKHCN], AG_COORD_TEXT, AG_COORD,
          {"text": "Trước ngày 30/5/2025", "kind": "date", "due": "2025-05-30", "note": None}),
    _task("I.2", "Rà soát các chế độ báo cáo bảo đảm chỉ ban hành những chế độ báo cáo thật sự cần thiết; cắt giảm các "
                 "chế độ báo cáo đã được thay thế bằng dữ liệu số có sẵn từ các hệ thống thông tin, cơ sở dữ liệu",
          "Quyết định của Chủ tịch UBND tỉnh", "Văn phòng UBND tỉnh", [VP], AG_COORD_TEXT, AG_COORD, Q2),
    _task("II.1", "Phát triển, hoàn thiện Hệ thống thông tin báo cáo, Hệ thống Quản lý văn bản và điều hành của tỉnh",
          "Triển khai, nâng cấp Hệ thống thông tin báo cáo, Hệ thống Quản lý văn bản và điều hành của tỉnh", SKHCN,
          [SKHCN], AG_COORD_TEXT, AG_COORD, Q3),
    _task("II.2", "Kết nối, chia sẻ thông tin, dữ liệu từ các hệ thống thông tin, cơ sở dữ liệu trên địa bàn tỉnh với "
                  "các hệ thống thông tin, cơ sở dữ liệu phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ",
          "Hệ thống thông tin, cơ sở dữ liệu trên địa bàn tỉnh kết nối, chia sẻ thông tin với các hệ thống thông tin, "
          "cơ sở dữ liệu phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ", SKHCN, [SKHCN],
          AG_COORD_TEXT, AG_COORD, GUIDE),
    _task("II.3", "Triển khai hệ thống quản lý văn bản và điều hành của tỉnh kết nối với Hệ thống theo dõi nhiệm vụ "
                  "Chính phủ, Thủ tướng Chính phủ",
          "Hệ thống quản lý văn bản và điều hành của tỉnh kết nối với Hệ thống theo dõi nhiệm vụ Chính phủ, Thủ "
          "tướng Chính phủ", SKHCN, [SKHCN], AG_COORD_TEXT, AG_COORD, GUIDE),
    _task("III.1", "Tổ chức tạo lập, kết nối, chia sẻ, tổng hợp, phân tích, đánh giá, giám sát chất lượng thông tin, "
                   "dữ liệu các chỉ số, nhóm chỉ số có liên quan của tỉnh tại Phụ lục II ban hành kèm theo Quyết định "
                   "số 1012/QĐ-TTg", "Thông tin, dữ liệu về các chỉ số, nhóm chỉ số", "Các sở, ngành, địa\nphương",
          [ALL_LOCAL], "Văn phòng UBND tỉnh", [VP], OFTEN),
    _task("III.2", "Phát triển, hoàn thiện các cơ sở dữ liệu chuyên ngành của tỉnh; kết nối, tích hợp, chia sẻ với kho "
                   "dữ liệu tổng hợp phục vụ công tác chỉ đạo, điều hành và phát triển kinh tế - xã hội của Ủy ban "
                   "nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh trên môi trường điện tử",
          "Xây dựng, hoàn thiện các cơ sở dữ liệu chuyên ngành của tỉnh", "Các sở, ngành tỉnh",
          ["Các sở, ban, ngành"], SKHCN, [SKHCN], Q3),
    _task("IV.1", "Chủ động nghiên cứu, xây dựng kịch bản, đưa hoạt động chỉ đạo, điều hành của của Ủy ban nhân dân "
                  "tỉnh, Chủ tịch Ủy ban nhân dân tỉnh trên môi trường điện tử, dựa trên dữ liệu",
          "Kịch bản được xây dựng", "Sở Nông nghiệp và Môi trường\nSở Y tế;\nSở Xây dựng;",
          ["Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Xây dựng"], "Văn phòng UBND tỉnh;\n" + SKHCN, [VP, SKHCN],
          Q2),
    _task("IV.2", "Chuẩn bị hạ tầng, công nghệ, dữ liệu để sẵn sàng kết nối, chia sẻ dữ liệu phục vụ chỉ đạo, điều "
                  "hành trực tuyến của Chính phủ, Thủ tướng Chính phủ theo kịch bản khi có yêu cầu",
          "Hạ tầng, công nghệ sẵn sàng, đáp ứng kết nối, chia sẻ dữ liệu", SKHCN, [SKHCN],
          "Các sở, ngành, địa\nphương", [ALL_LOCAL], Q3),
    _task("V.1", "Triển khai xây dựng các chương trình đào tạo, tập huấn cơ bản, chuyên sâu về thu thập, quản trị, "
                 "phân "
                 "tích dữ liệu, bảo đảm an toàn thông tin mạng gắn với hoạt động chỉ đạo, điều hành cho đội ngũ cán "
                 "bộ, công chức trên địa bàn tỉnh",
          "Tổ chức đào tạo, tập huấn cơ bản, chuyên sâu về thu thập, quản trị, phân tích dữ liệu, bảo đảm an toàn "
          "thông tin mạng", SKHCN, [SKHCN], "Các sở, ngành, địa\nphương", [ALL_LOCAL], Q3),
    _task("VI.1", "Rà soát, đánh giá và triển khai các giải pháp bảo đảm an toàn thông tin, an ninh mạng của các hệ "
                  "thống thông tin, cơ sở dữ liệu phục vụ công tác chỉ đạo, điều hành của Ủy ban nhân dân tỉnh, Chủ "
                  "tịch Ủy ban nhân dân tỉnh", "Đưa ra cảnh báo", "Công an tỉnh", ["Công an tỉnh"],
          "Các sở, ngành, địa\nphương", [ALL_LOCAL], OFTEN),
]


def test_an_giang_every_field_of_every_task(tmp_path: Path) -> None:
    parsed = parse_plan_workbook(an_giang(tmp_path)).to_json()
    assert parsed["sheet"] == "Phụ lục"
    assert parsed["plan"] == {
        "code": "594/KH-UBND", "issued_on": "2025-05-19",
        "title": "PHÂN CÔNG CƠ QUAN, ĐƠN VỊ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP CHUYỂN ĐỔI SỐ HOẠT ĐỘNG CHỈ ĐẠO, ĐIỀU HÀNH "
                 "CỦA UBND TỈNH AN GIANG TRỰC TUYẾN VÀ DỰA TRÊN DỮ LIỆU GIAI ĐOẠN 2024 - 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030"}
    assert [(s["code"], s["title"]) for s in parsed["sections"]] == [
        ("I", "XÂY DỰNG, HOÀN THIỆN THỂ CHẾ"), ("II", "XÂY DỰNG HỆ THỐNG THÔNG TIN PHỤC VỤ CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("III", "PHÁT TRIỂN DỮ LIỆU SỐ, THÚC ĐẨY KẾT NỐI, CHIA SẺ PHỤC VỤ CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("IV", "XÂY DỰNG CÁC KỊCH BẢN CHỈ ĐẠO, ĐIỀU HÀNH TRỰC TUYẾN"), ("V", "BỒI DƯỠNG, PHÁT TRIỂN NHÂN LỰC"),
        ("VI", "BẢO ĐẢM AN TOÀN THÔNG TIN, AN NINH MẠNG")]
    assert parsed["tasks"] == AN_GIANG_TASKS
    assert parsed["indicators"] == []
    assert parsed["warnings"] == []


def _expected_tasks(sheet: TaskSheet) -> list[dict[str, object]]:
    """What the importer must read from a reference sheet, derived from its rows as laid out."""
    out: list[dict[str, object]] = []
    section = ""
    for item in sheet.rows:
        if isinstance(item, SectionRow):
            section = item.code
        elif isinstance(item, TaskRow):
            out.append(_task(f"{section}.{item.stt}", item.title, item.result or None, item.lead,
                             split_agencies(item.lead), item.coordinators, split_agencies(item.coordinators),
                             parse_deadline(item.deadline).to_dict()))
        elif isinstance(item, ContinuationRow):
            out[-1]["title"] = f"{out[-1]['title']} {item.cells['title']}"
    return out


def test_dong_thap_1012_other_column_order(tmp_path: Path) -> None:
    parsed = parse_plan_workbook(dong_thap_1012(tmp_path)).to_json()
    assert parsed["tasks"] == _expected_tasks(DONG_THAP_1012.sheets[0])  # type: ignore[arg-type]
    assert [t["key"] for t in parsed["tasks"]] == ["I.1", "I.2", "II.1", "II.2", "II.3", "II.4", "III.1", "III.2",
                                                   "III.3", "III.4", "IV.1", "IV.2", "V.1"]
    by_key = {t["key"]: t for t in parsed["tasks"]}
    assert by_key["III.1"]["deadline"] == {"text": "Tháng 12 năm 2025", "kind": "month", "due": "2025-12-31",
                                          "note": None}
    assert by_key["III.2"]["deadline"]["due"] == "2025-12-31"
    assert by_key["II.3"]["deadline"] == {"text": "Theo lộ trình của Văn phòng Chính phủ", "kind": "conditional",
                                         "due": None, "note": None}
    assert by_key["I.1"]["coordinator_agencies"] == ["Văn phòng Chính phủ", "Các sở, ban, ngành"]
    assert by_key["IV.1"]["lead_agencies"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert by_key["II.2"]["result"] is None
    assert by_key["V.1"]["coordinators"] == "" and by_key["V.1"]["coordinator_agencies"] == []
    assert parsed["plan"]["code"] is None  # "Kế hoạch số /KH-UBND": the number was left blank
    assert parsed["warnings"] == []


def test_dong_thap_3256_indicators_and_tasks_on_two_sheets(tmp_path: Path) -> None:
    parsed = parse_plan_workbook(dong_thap_3256(tmp_path)).to_json()
    assert parsed["sheet"] == "Phụ lục 1, Phụ lục 2"
    assert parsed["sheets"] == ["Phụ lục 1", "Phụ lục 2"]
    assert parsed["plan"]["code"] == "3256/QĐ-UBND" and parsed["plan"]["issued_on"] == "2025-12-31"
    assert parsed["tasks"] == _expected_tasks(TASKS_003)
    assert len(parsed["tasks"]) == 28
    assert [s["code"] for s in parsed["sections"]] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    by_key = {t["key"]: t for t in parsed["tasks"]}
    assert by_key["I.4"]["title"].endswith("nâng cấp quy trình quản lý dữ liệu của mình, hướng tới mục tiêu đạt cấp "
                                           "độ 5.")
    assert by_key["I.1"]["coordinator_agencies"] == [VP, "Sở Tài chính", "Sở Tư pháp", "Sở Nội vụ",
                                                     "Các sở, ban, ngành", "UBND các xã, phường"]
    assert by_key["II.6"]["lead_agencies"] == ["Sở Tư pháp", "Sở Giáo dục và Đào tạo", "Sở Y tế",
                                               "Sở Nông nghiệp và Môi trường"]
    assert by_key["VI.22"]["lead"] == "Sở Giáo dục và Đào tạo;\nSở KH&CN"
    assert by_key["I.4"]["deadline"]["kind"] == "conditional"
    assert by_key["II.5"]["deadline"] == {"text": "Năm 2026", "kind": "year", "due": "2026-12-31", "note": None}
    assert by_key["III.10"]["deadline"] == {"text": "Năm 2026 - 2030", "kind": "range", "due": "2030-12-31",
                                            "note": None}

    indicators = parsed["indicators"]
    expected = [(i.stt, g.title, i.area, i.name, i.monitoring) for g in INDICATORS_003.groups for i in g.indicators]
    assert [(i["key"], i["group"], i["area"], i["name"], i["monitoring_agency"]) for i in indicators] == expected
    assert indicators[0]["targets"] == [
        {"phase": "2026-2027", "text": "100%", "kind": "percent", "value": 100.0},
        {"phase": "2028-2030", "text": "Duy trì 100%", "kind": "maintain", "value": 100.0}]
    assert indicators[2]["targets"][0] == {"phase": "2026-2027", "text": "-", "kind": "none", "value": None}
    assert indicators[11]["targets"] == [
        {"phase": "2026-2027", "text": "Đạt cấp độ 3", "kind": "level", "value": 3.0},
        {"phase": "2028-2030", "text": "Đạt cấp độ 4, 5", "kind": "level", "value": 4.0}]
    assert indicators[11]["unit"] == "cấp độ" and indicators[0]["unit"] == "%"
    assert indicators[0]["monitoring_agencies"] == [SKHCN]
    assert indicators[0]["coordinators"] == "Văn phòng Chính phủ"
    assert parsed["warnings"] == []


def test_sheet_option_reads_one_sheet(tmp_path: Path) -> None:
    parsed = parse_plan_workbook(dong_thap_3256(tmp_path), sheet="Phụ lục 2").to_json()
    assert parsed["sheet"] == "Phụ lục 2"
    assert len(parsed["tasks"]) == 28 and parsed["indicators"] == []


def test_header_variants_in_any_order_with_column_numbers_and_merges(tmp_path: Path) -> None:
    rows = [
        ["PHỤ LỤC II", None, None, None, None, None, None],
        [None] * 7,
        ["Sản phẩm", "Hạn hoàn thành", "Cơ quan phối hợp", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "STT", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [None, None, None, "NHIỆM VỤ CHUNG", None, "I", None],
        ["Báo cáo", "31/12/2025 (Đã hoàn thành; tiếp tục triển khai thực hiện)", "Sở Tài chính, Sở Công thương",
         "Nhiệm vụ một", "SKHCN", 1, "Ưu tiên"],
        ["Kế hoạch", "Quý IV/2025", None, "Nhiệm vụ hai", "VP UBND tỉnh", 2, None],
        ["Văn bản", "Năm 2026", None, "Nhiệm vụ ba", None, 3, None],
    ]
    path = write_workbook(tmp_path / "variants.xlsx", {"KH": Sheet(rows, merges=["E7:E8", "A1:G1"])})
    parsed = parse_plan_workbook(path).to_json()
    first, second, third = parsed["tasks"]
    assert first == {
        "key": "I.1", "section": "I", "stt": "1", "title": "Nhiệm vụ một", "result": "Báo cáo", "lead": "SKHCN",
        "lead_agencies": [SKHCN], "coordinators": "Sở Tài chính, Sở Công thương",
        "coordinator_agencies": ["Sở Tài chính", "Sở Công Thương"],
        "deadline": {"text": "31/12/2025 (Đã hoàn thành; tiếp tục triển khai thực hiện)", "kind": "date",
                     "due": "2025-12-31", "note": "(Đã hoàn thành; tiếp tục triển khai thực hiện)"},
        "note": "Ưu tiên"}
    # A lead cell merged down over two tasks names the lead of both.
    assert second["lead"] == third["lead"] == "VP UBND tỉnh"
    assert third["lead_agencies"] == [VP]
    assert second["deadline"]["due"] == "2025-12-31" and third["deadline"]["kind"] == "year"
    assert parsed["sections"] == [{"code": "I", "title": "NHIỆM VỤ CHUNG", "note": None}]


def test_quirks_notes_footnotes_skipped_numerals_split_rows(tmp_path: Path) -> None:
    rows = [
        TASK_HEADER,
        ["I", "HOÀN THIỆN THỂ CHẾ", None, None, None, None, None],
        [None, "Các nhiệm vụ dưới đây thực hiện theo Kế hoạch năm.", None, None, None, None, None],
        ["1", "Ban hành quy chế (1)", "Sở Nội vụ", None, "Tháng 6/2026", "Quy chế", None],
        ["2*", "Rà soát thủ tục", "Sở Tư pháp", None, "Quý II năm 2026", "Báo cáo", None],
        [None, "hành chính cấp xã", "Sở Nội vụ", None, None, "tổng hợp", None],
        TASK_HEADER,
        ["III", "PHÁT TRIỂN HẠ TẦNG¹", None, None, None, None, None],
        ["1", "Phủ sóng di động", "Các địa phương", "Doanh nghiệp viễn thông", "2026-2030", None, None],
        ["1", "Phủ sóng cáp quang", "UBND các xã, phường", None, "Giai đoạn 2026-2030", None, None],
        [None, "(1) Theo Quyết định số 12/QĐ-UBND.", None, None, None, None, None],
        ["Nơi nhận:", None, None, None, None, None, None],
        ["- Như trên;", None, None, None, None, None, None],
    ]
    path = write_workbook(tmp_path / "quirks.xlsx", {"Sheet1": Sheet(rows, merges=["B2:G2", "B8:G8"])})
    parsed = parse_plan_workbook(path).to_json()
    tasks = {t["key"]: t for t in parsed["tasks"]}
    assert list(tasks) == ["I.1", "I.2", "III.1", "III.1-2"]
    assert tasks["I.1"]["title"] == "Ban hành quy chế"
    assert tasks["I.2"]["stt"] == "2"
    assert tasks["I.2"]["title"] == "Rà soát thủ tục hành chính cấp xã"
    assert tasks["I.2"]["lead"] == "Sở Tư pháp\nSở Nội vụ"
    assert tasks["I.2"]["lead_agencies"] == ["Sở Tư pháp", "Sở Nội vụ"]
    assert tasks["I.2"]["result"] == "Báo cáo tổng hợp"
    assert tasks["III.1"]["deadline"]["kind"] == "range"
    assert tasks["III.1-2"]["lead_agencies"] == ["UBND các xã, phường"]
    sections = {s["code"]: s for s in parsed["sections"]}
    assert sections["I"]["note"] == "Các nhiệm vụ dưới đây thực hiện theo Kế hoạch năm."
    assert sections["III"]["title"] == "PHÁT TRIỂN HẠ TẦNG"
    assert sections["III"]["note"] == "(1) Theo Quyết định số 12/QĐ-UBND."
    warned = {(w["sheet"], w["row"], w["message"]) for w in parsed["warnings"]}
    assert {row for _sheet, row, _message in warned} == {3, 4, 5, 8, 10, 11}
    assert ("Sheet1", 8, "Số mục La Mã nhảy từ I sang III.") in warned
    assert ("Sheet1", 5, "Đã bỏ dấu chú thích «*» ở số thứ tự 2*.") in warned
    assert ("Sheet1", 10, "Mã nhiệm vụ III.1 trùng; đổi thành III.1-2.") in warned


def test_legacy_encodings_per_cell_by_font_and_mixed(tmp_path: Path) -> None:
    title_tcvn3 = "Xây dựng cơ sở dữ liệu dùng chung của tỉnh"
    title_vni = "Nâng cấp hệ thống quản lý văn bản và điều hành"
    rows = [
        TASK_HEADER,
        ["I", tcvn3.encode("PHÁT TRIỂN DỮ LIỆU SỐ", capitals=True), None, None, None, None, None],
        ["1", tcvn3.encode(title_tcvn3), tcvn3.encode("Sở Khoa học và Công nghệ"), None,
         tcvn3.encode("Thường xuyên"), None, None],
        ["2", vni.encode(title_vni), vni.encode("Văn phòng UBND tỉnh"), "Sở Tư pháp", "Quý III/2026", None, None],
        ["3", unicodedata.normalize("NFD", "Đẩy mạnh tuyên truyền, phổ biến"), "Công an tỉnh", None,
         unicodedata.normalize("NFD", "Hằng năm"), None, None],
    ]
    fonts = {"B2": ".VnTimeH", "B3": ".VnTime", "C3": ".VnTime", "E3": ".VnTime", "B4": "VNI-Times",
             "C4": "VNI-Times", "D4": "Times New Roman"}
    parsed = parse_plan_workbook(write_workbook(tmp_path / "legacy.xlsx", {"PL": Sheet(rows, fonts=fonts)})).to_json()
    assert parsed["sections"][0]["title"] == "PHÁT TRIỂN DỮ LIỆU SỐ"
    one, two, three = parsed["tasks"]
    assert (one["title"], one["lead_agencies"], one["deadline"]["kind"]) == (title_tcvn3, [SKHCN], "recurring")
    assert (two["title"], two["lead_agencies"], two["coordinators"]) == (title_vni, [VP], "Sở Tư pháp")
    assert three["title"] == "Đẩy mạnh tuyên truyền, phổ biến"
    assert three["deadline"] == {"text": "Hằng năm", "kind": "recurring", "due": None, "note": None}
    for task in parsed["tasks"]:
        for value in (task["title"], task["lead"], task["deadline"]["text"]):
            assert unicodedata.is_normalized("NFC", value)


def test_dates_numbers_and_percentages_as_excel_stores_them(tmp_path: Path) -> None:
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Đến năm 2030", "Cơ quan chủ trì theo dõi, đánh giá"],
        ["I", "Chỉ tiêu chung", None, None, None, None],
        [1, "Tỷ lệ hồ sơ trực tuyến", "%", 0.95, 1, "Sở KH&CN"],
        [2, "Số điểm truy cập", "điểm", 120, 150, "UBND các xã, phường"],
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành", None, None],
        [1.0, "Khai trương cổng dữ liệu", "Sở KH&CN", datetime(2026, 3, 31), None, None],
    ]
    formats = {"D3": "0%", "E3": "0%"}
    parsed = parse_plan_workbook(write_workbook(tmp_path / "numbers.xlsx",
                                                {"Tổng hợp": Sheet(rows, number_formats=formats)})).to_json()
    first, second = parsed["indicators"]
    assert first["targets"] == [{"phase": "2026", "text": "95%", "kind": "percent", "value": 95.0},
                                {"phase": "2030", "text": "100%", "kind": "percent", "value": 100.0}]
    assert first["group"] == "Chỉ tiêu chung" and first["unit"] == "%" and first["area"] is None
    assert second["targets"][0] == {"phase": "2026", "text": "120", "kind": "number", "value": 120.0}
    assert second["monitoring_agencies"] == ["UBND các xã, phường"]
    (task,) = parsed["tasks"]
    assert (task["key"], task["stt"]) == ("1", "1")
    assert task["deadline"] == {"text": "31/03/2026", "kind": "date", "due": "2026-03-31", "note": None}


def test_both_appendices_on_one_sheet(tmp_path: Path) -> None:
    rows = [
        ["Phụ lục 1"],
        ["STT", "Chỉ tiêu", "Giai đoạn 2026-2030", "Cơ quan chủ trì theo dõi, đánh giá"],
        [1, "Tỷ lệ DVCTT toàn trình", "100%", "Sở KH&CN"],
        ["Phụ lục 2"],
        ["Danh mục nhiệm vụ"],
        ["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Thời gian thực hiện"],
        [1, "Xây dựng kho dữ liệu", "Sở KH&CN", "Năm 2027"],
    ]
    parsed = parse_plan_workbook(write_workbook(tmp_path / "one.xlsx", {"PL": Sheet(rows)})).to_json()
    assert [i["name"] for i in parsed["indicators"]] == ["Tỷ lệ DVCTT toàn trình"]
    assert parsed["indicators"][0]["targets"][0]["phase"] == "2026-2030"
    assert [(t["key"], t["title"]) for t in parsed["tasks"]] == [("1", "Xây dựng kho dữ liệu")]
    assert parsed["sheet"] == "PL"


@pytest.mark.parametrize("numbering", ["restart", "continuous"])
def test_keys_follow_numbering(tmp_path: Path, numbering: str) -> None:
    second = ["1", "2"] if numbering == "restart" else ["3", "4"]
    rows = [["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["I", "MỘT"], ["1", "a", "Sở Y tế", "Năm 2026"], ["2", "b", "Sở Y tế", "Năm 2026"],
            ["II", "HAI"], [second[0], "c", "Sở Y tế", "Năm 2026"], [second[1], "d", "Sở Y tế", "Năm 2026"]]
    parsed = parse_plan_workbook(write_workbook(tmp_path / "n.xlsx", {"S": Sheet(rows)})).to_json()
    assert [t["key"] for t in parsed["tasks"]] == ["I.1", "I.2", f"II.{second[0]}", f"II.{second[1]}"]
    assert [t["section"] for t in parsed["tasks"]] == ["I", "I", "II", "II"]
