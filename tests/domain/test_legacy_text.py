"""Per-cell detection of TCVN3 / VNI / Unicode text, by font first and by the text itself."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.domain import tcvn3, vni
from desktop.domain.legacy_text import TCVN3, TCVN3_CAPITALS, UNICODE, VNI, detect, to_unicode

PHRASE = "Ủy ban nhân dân tỉnh ban hành kế hoạch của năm 2026 và phân công nhiệm vụ"
LOWER = PHRASE.lower()


@pytest.mark.parametrize(("font", "kind"), [(".VnTime", TCVN3), (".VnArial", TCVN3), (".VnTimeH", TCVN3_CAPITALS),
                                             (".VnArialH", TCVN3_CAPITALS), ("VNI-Times", VNI), ("VNI-Helve", VNI)])
def test_font_name_decides(font: str, kind: str) -> None:
    encoded = vni.encode(LOWER) if kind == VNI else tcvn3.encode(LOWER)
    assert detect(encoded, font) == kind
    expected = LOWER.upper() if kind == TCVN3_CAPITALS else LOWER
    assert to_unicode(encoded, font) == expected


def test_markers_decide_without_a_telling_font() -> None:
    assert to_unicode(tcvn3.encode(LOWER), "Arial") == LOWER
    assert to_unicode(vni.encode(LOWER), None) == LOWER
    assert detect("Kinh phÝ cña tØnh", None) == TCVN3
    assert detect("Kinh phí cuûa tænh", None) == VNI


def test_unicode_text_in_a_legacy_font_is_left_alone() -> None:
    assert to_unicode(PHRASE, ".VnTime") == PHRASE
    assert to_unicode(PHRASE, "VNI-Times") == PHRASE


@pytest.mark.parametrize("text", ["Hòa Bình", "Cà Mau", "café", "Tôi là ai", "2026 - 2030", "Sở KH&CN"])
def test_plain_text_is_not_mistaken_for_legacy(text: str) -> None:
    assert detect(text, "Times New Roman") == UNICODE
    assert to_unicode(text) == text


def test_decomposed_and_unikey_combining_become_nfc() -> None:
    nfd = unicodedata.normalize("NFD", PHRASE)
    assert to_unicode(nfd) == PHRASE
    combining = "Vie\u0323\u0302t Nam"  # Unikey "Unicode tổ hợp": base letter then combining marks
    assert to_unicode(combining) == "Việt Nam"


def test_mixed_workbook_cells_each_right() -> None:
    cells = [(tcvn3.encode("Sở Tài chính"), ".VnTime"), (vni.encode("Sở Tài chính"), "VNI-Times"),
             ("Sở Tài chính", "Times New Roman"), (unicodedata.normalize("NFD", "Sở Tài chính"), "Arial")]
    assert {to_unicode(text, font) for text, font in cells} == {"Sở Tài chính"}


def test_soft_hyphen_is_tcvn3_u_horn() -> None:
    assert to_unicode("Tr\xadêng", ".VnTime") == "Trường"
