"""The whole Vietnamese alphabet with every tone, generated from base letters and combining marks."""

from __future__ import annotations

import unicodedata

TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # none, huyền, hỏi, ngã, sắc, nặng
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
CONSONANTS = tuple("bcdđghklmnpqrstvx")


def toned_vowels() -> list[str]:
    """Every lowercase vowel with every tone (72 letters), NFC."""
    return [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES]


def lowercase_alphabet() -> list[str]:
    """Every lowercase Vietnamese letter: consonants and toned vowels."""
    return [*CONSONANTS, *toned_vowels()]
