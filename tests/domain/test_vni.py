"""VNI-Windows (VNI-Times): base letter plus mark byte, over the whole alphabet and real phrases."""

from __future__ import annotations

import pytest

from desktop.domain import vni
from tests.domain.vietnamese_alphabet import lowercase_alphabet

# From the charset definition: a mark byte after the base letter; ơ, ư, đ, toned i and ỵ single bytes.
KNOWN = {"á": "aù", "à": "aø", "ả": "aû", "ã": "aõ", "ạ": "aï", "â": "aâ", "ấ": "aá", "ầ": "aà", "ẩ": "aå",
         "ẫ": "aã", "ậ": "aä", "ă": "aê", "ắ": "aé", "ằ": "aè", "ẳ": "aú", "ẵ": "aü", "ặ": "aë", "ơ": "ô", "ớ": "ôù",
         "ư": "ö", "ự": "öï", "đ": "ñ", "Đ": "Ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î",
         "ý": "yù", "Ấ": "AÁ", "Ư": "Ö", "Ờ": "ÔØ", "Ỵ": "Î", "Ị": "Ò"}


@pytest.mark.parametrize("letter", sorted(KNOWN))
def test_letters_have_their_charset_bytes(letter: str) -> None:
    assert vni.encode(letter) == KNOWN[letter]
    assert vni.decode(KNOWN[letter]) == letter


@pytest.mark.parametrize("letter", lowercase_alphabet())
def test_both_cases_round_trip(letter: str) -> None:
    assert vni.decode(vni.encode(letter)) == letter
    assert vni.decode(vni.encode(letter.upper())) == letter.upper()


def test_every_letter_encodes_differently() -> None:
    letters = lowercase_alphabet()
    encoded = {vni.encode(x) for x in letters} | {vni.encode(x.upper()) for x in letters}
    assert len(encoded) == 2 * len(letters)


@pytest.mark.parametrize(("legacy", "unicode"), [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Sôû Khoa hoïc vaø Coâng ngheä", "Sở Khoa học và Công nghệ"),
    ("ÑÖÔØNG", "ĐƯỜNG"),
    ("Thöôøng xuyeân", "Thường xuyên"),
])
def test_real_phrases(legacy: str, unicode: str) -> None:
    assert vni.decode(legacy) == unicode
    assert vni.encode(unicode) == legacy


def test_text_read_through_the_vietnamese_code_page() -> None:
    raw = vni.encode("Quản lý dữ liệu số").encode("latin-1")
    assert vni.decode(raw.decode("cp1258")) == "Quản lý dữ liệu số"
