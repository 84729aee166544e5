"""Every value a commune reported reaches the Sở's Phụ lục II: a level (cấp độ) or a text indicator, which cannot
be added up, is kept as each commune gave it, not left empty."""

from __future__ import annotations

from dataclasses import replace

from desktop.documents.report_text import indicator_value_text
from desktop.domain.report_snapshot import IndicatorEntry, ReportSnapshot
from server.console.consolidated import province_indicators
from tests.sync.report_factory import AGENCY, make_snapshot


def _by_key(reports: list[ReportSnapshot]) -> dict[str, IndicatorEntry]:
    return {i.key: i for i in province_indicators(reports)}


def _other(report: ReportSnapshot, level: str, text: str) -> ReportSnapshot:
    indicators = tuple(replace(i, level=level) if i.kind == "level" else replace(i, note=text) if i.kind == "text"
                       else i for i in report.indicators)
    return replace(report, agency=replace(AGENCY, code="XA-TANTHUAN", name="ỦY BAN NHÂN DÂN XÃ TÂN THUẬN"),
                   indicators=indicators)


def test_one_communes_level_and_text_show_in_the_province_result() -> None:
    found = _by_key([make_snapshot(indicators=5)])
    assert indicator_value_text(found["CT.4"]) == "Cấp độ 3"
    assert "Đã triển khai theo kế hoạch" in indicator_value_text(found["CT.5"])
    assert indicator_value_text(found["CT.1"]) == "170/200 (85%)"


def test_different_levels_are_each_named_with_their_commune() -> None:
    first = make_snapshot(indicators=5)
    found = _by_key([first, _other(first, "2", "Chưa triển khai")])
    level = indicator_value_text(found["CT.4"])
    assert "Cấp độ 3" in level and "Cấp độ 2" in level and "xã Tân Thuận: Cấp độ 2" in level, level
    text = indicator_value_text(found["CT.5"])
    assert "Đã triển khai theo kế hoạch" in text and "Chưa triển khai" in text, text
    assert found["CT.4"].note == "2 cơ quan báo cáo"
