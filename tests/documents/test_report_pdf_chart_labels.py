"""The chart's labels break between words: no name is cut mid-word ("thủ t…"), and a short name stays whole."""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
from pathlib import Path

import pdfplumber

from desktop.documents.fonts import report_font_family
from desktop.documents.pdf_chart import MAX_LABEL_LINES, label_lines
from desktop.documents.pdf_styles import MARGIN_LEFT
from desktop.documents.report_pdf import write_report_pdf
from tests.sync.report_factory import make_snapshot

NAMES = ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính được thực hiện trực tuyến toàn trình trên Cổng dịch vụ công",
         "Tỷ lệ văn bản điện tử có ký số",
         "Tỷ lệ cán bộ, công chức, viên chức cấp xã được tập huấn, bồi dưỡng kỹ năng số cơ bản và kỹ năng bảo đảm "
         "an toàn thông tin mạng trong công việc hằng ngày tại cơ quan, đơn vị và trên môi trường mạng")
LABEL_COLUMN = 190.0  # the chart's label column, from the left margin


def test_lines_are_whole_words_of_the_name_in_order() -> None:
    font = report_font_family().regular
    for number, name in enumerate(NAMES, start=1):
        lines = label_lines(str(number), name, font)
        words = " ".join(lines).removesuffix(" …").split(" ")
        assert words == f"{number}. {name}".split(" ")[:len(words)]
        assert len(lines) <= MAX_LABEL_LINES
    assert label_lines("2", NAMES[1], font) == ["2. Tỷ lệ văn bản điện tử có ký số"]
    assert label_lines("3", NAMES[2], font)[-1].endswith(" …")


def test_no_label_in_the_pdf_is_cut_mid_word(tmp_path: Path) -> None:
    base = make_snapshot(tasks=2, indicators=6)
    indicators = tuple(dataclasses.replace(item, name=NAMES[n % 3]) for n, item in enumerate(base.indicators))
    pdf = write_report_pdf(dataclasses.replace(base, indicators=indicators), tmp_path / "r.pdf")
    vocabulary = {word for name in NAMES for word in name.split()} | {"…"}
    with pdfplumber.open(pdf) as document:
        chart_page = next(page for page in document.pages if "Biểu đồ" in (page.extract_text() or ""))
        found = chart_page.extract_words()
        caption = max(w["top"] for w in found if w["text"] == "Biểu")
        bottom = max(w["top"] for w in found if w["text"] == "Kết" and w["top"] < caption)  # the legend
        top = max(w["top"] for w, after in itertools.pairwise(found)  # the first label: "CT.1. Tỷ lệ"
                  if w["text"] == f"{base.indicators[0].key}." and after["text"] == "Tỷ" and w["top"] < bottom)
        column = chart_page.within_bbox((MARGIN_LEFT, top - 2, MARGIN_LEFT + LABEL_COLUMN, bottom))
        words = [unicodedata.normalize("NFC", w["text"]) for w in column.extract_words()]
    codes = {f"{item.key}." for item in base.indicators}  # each label opens with the code Phụ lục II shows
    labelled = [w for w in words if w not in codes]
    assert labelled and all(word in vocabulary for word in labelled), sorted(set(labelled) - vocabulary)
    assert "thủ" in labelled and "tục" in labelled
