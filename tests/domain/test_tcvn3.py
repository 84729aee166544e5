"""TCVN3 (ABC, .VnTime fonts): the charset's letters, its capitals quirk and real phrases."""

from __future__ import annotations

import pytest

from desktop.domain import tcvn3
from tests.domain.vietnamese_alphabet import CONSONANTS, lowercase_alphabet, toned_vowels

# Bytes straight from the charset definition (TCVN 5712:1993, VN3).
KNOWN = {"à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ă": 0xA8, "â": 0xA9, "đ": 0xAE, "ê": 0xAA,
         "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "ặ": 0xC6, "ậ": 0xCB, "ệ": 0xD6, "ĩ": 0xDC, "ị": 0xDE, "ọ": 0xE4,
         "ộ": 0xE9, "ợ": 0xEE, "ủ": 0xF1, "ự": 0xF9, "ỵ": 0xFE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4,
         "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


@pytest.mark.parametrize("letter", sorted(KNOWN))
def test_letters_have_their_charset_bytes(letter: str) -> None:
    assert tcvn3.encode(letter) == chr(KNOWN[letter])
    assert tcvn3.decode(chr(KNOWN[letter])) == letter


def test_every_vowel_other_than_plain_ascii_has_its_own_byte() -> None:
    encoded = [tcvn3.encode(v) for v in toned_vowels() if v not in "aeiouy"]
    assert len(encoded) == 72 - 6
    assert all(len(e) == 1 and ord(e) > 0x7F for e in encoded)
    assert len(set(encoded)) == len(encoded)


@pytest.mark.parametrize("letter", lowercase_alphabet())
def test_lowercase_round_trip(letter: str) -> None:
    assert tcvn3.decode(tcvn3.encode(letter)) == letter


@pytest.mark.parametrize("letter", lowercase_alphabet())
def test_capitals_through_a_vntimeh_font(letter: str) -> None:
    capital = letter.upper()
    stored = tcvn3.encode(capital, capitals=True)
    assert stored == tcvn3.encode(letter)  # .VnTimeH keeps capitals in the lowercase slots
    assert tcvn3.decode(stored, capitals=True) == capital


@pytest.mark.parametrize("capital", ["Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư"])
def test_the_seven_untoned_capitals_exist_in_the_normal_font(capital: str) -> None:
    assert tcvn3.decode(tcvn3.encode(capital)) == capital


def test_toned_capitals_do_not_exist_so_they_come_back_lowercase() -> None:
    assert tcvn3.decode(tcvn3.encode("Ủy ban")) == "ủy ban"


@pytest.mark.parametrize(("legacy", "unicode"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Së Khoa häc vµ C«ng nghÖ", "Sở Khoa học và Công nghệ"),
    ("Thêi h¹n hoµn thµnh", "Thời hạn hoàn thành"),
    ("C¬ quan phèi hîp", "Cơ quan phối hợp"),
    ("Tr\xadíc ngµy 30/5/2025", "Trước ngày 30/5/2025"),
])
def test_real_phrases(legacy: str, unicode: str) -> None:
    assert tcvn3.decode(legacy) == unicode
    assert tcvn3.encode(unicode) == legacy


def test_text_read_through_the_vietnamese_code_page() -> None:
    # On Vietnamese Windows (cp1258) bytes 0xC3, 0xD2, 0xE3 and 0xF2 read as Ă, a combining hook, ă, a dot.
    raw = tcvn3.encode("hậu quả cầu nối").encode("latin-1")
    assert tcvn3.decode(raw.decode("cp1258")) == "hậu quả cầu nối"


def test_ascii_and_consonants_unchanged() -> None:
    assert tcvn3.decode("".join(CONSONANTS) + " 2026 - ABC") == "".join(CONSONANTS) + " 2026 - ABC"
