"""An all-caps plan title cited in "Căn cứ …" reads as a sentence: words lower-cased, abbreviations and place
names kept (the newcomer saw "về pHÂN CÔNG CƠ QUAN…" in the demo's PDF)."""

from __future__ import annotations

from desktop.documents.report_text import plan_citation
from desktop.domain.sentence_case import in_sentence

AN_GIANG = ("PHÂN CÔNG CƠ QUAN, ĐƠN VỊ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP CHUYỂN ĐỔI SỐ HOẠT ĐỘNG CHỈ ĐẠO, ĐIỀU HÀNH "
            "CỦA UBND TỈNH AN GIANG TRỰC TUYẾN VÀ DỰA TRÊN DỮ LIỆU GIAI ĐOẠN 2024 - 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030")


def test_all_caps_title_is_cited_in_sentence_case() -> None:
    text = plan_citation({"code": "594/KH-UBND", "issued_on": "2025-05-19", "issuer": "UBND tỉnh An Giang",
                          "title": AN_GIANG})
    assert text == ("Kế hoạch số 594/KH-UBND ngày 19/05/2025 của UBND tỉnh An Giang về phân công cơ quan, đơn vị "
                    "thực hiện nhiệm vụ, giải pháp chuyển đổi số hoạt động chỉ đạo, điều hành của UBND tỉnh "
                    "An Giang trực tuyến và dựa trên dữ liệu giai đoạn 2024 - 2025, định hướng đến năm 2030")


def test_abbreviations_and_place_names_keep_their_capitals() -> None:
    assert in_sentence("PHÁT TRIỂN KH&CN, CĐS CỦA THÀNH PHỐ HỒ CHÍ MINH NĂM 2026; HĐND XÃ MỸ HIỆP") == (
        "phát triển KH&CN, CĐS của thành phố Hồ Chí Minh năm 2026; HĐND xã Mỹ Hiệp")


def test_a_title_in_ordinary_case_only_loses_its_first_capital() -> None:
    assert in_sentence("Triển khai Nghị quyết số 57-NQ/TW") == "triển khai Nghị quyết số 57-NQ/TW"
    assert in_sentence("UBND tỉnh giao nhiệm vụ") == "UBND tỉnh giao nhiệm vụ"


def test_a_title_already_starting_with_ve_is_not_given_a_second() -> None:
    assert plan_citation({"code": "12/KH-UBND", "title": "VỀ CHUYỂN ĐỔI SỐ"}) == (
        "Kế hoạch số 12/KH-UBND về chuyển đổi số")
