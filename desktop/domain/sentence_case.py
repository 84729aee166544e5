"""A title typed in capitals, as it reads inside a sentence: "PHÂN CÔNG … CỦA UBND TỈNH AN GIANG" → "phân công
… của UBND tỉnh An Giang".

Plans often give their title in capitals (it is their heading). Citing one in "Căn cứ Kế hoạch số … về …"
needs it in running text: every word lower-cased except abbreviations (a capitalised token that no
Vietnamese syllable spells — UBND, HĐND, KH&CN, CĐS — stays as it is) and the place name after an
administrative unit ("tỉnh An Giang", "xã Mỹ Hiệp"). A place name is taken as the two syllables after the
unit word, the usual length (three for Hồ Chí Minh); punctuation or a number ends one sooner.
"""

from __future__ import annotations

import re

from desktop.domain.text import fold, nfc

_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
_UNITS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
_PLACE_SYLLABLES = 2
_TOKEN = re.compile(r"\S+|\s+")


def is_all_caps(text: str) -> bool:
    """True when ``text`` has letters and none of them is lower-case."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and not any(ch.islower() for ch in letters)


def _is_abbreviation(token: str) -> bool:
    """True for a token of letters that no Vietnamese syllable spells (UBND, HĐND, KH&CN, CĐS)."""
    letters = "".join(ch for ch in fold(token) if ch.isalpha())
    return bool(letters) and letters.isascii() and not _SYLLABLE.match(letters)


def _word(token: str) -> str:
    """The token without the punctuation around it ("AN," → "AN")."""
    return token.strip(",.;:()\"'“”")


def in_sentence(title: str) -> str:
    """``title`` ready to follow "về …" in a sentence: an all-caps title in sentence case (see the module
    docstring); any other title as the writer typed it but for its first letter, lower-cased unless the
    first word is an abbreviation ("Triển khai …" → "triển khai …", "UBND tỉnh …" kept)."""
    text = nfc(title.strip())
    if not text:
        return text
    if not is_all_caps(text):
        first = _TOKEN.match(text)
        head = first.group(0) if first else ""
        if _is_abbreviation(head) or (len(head) > 1 and head[1:2].isupper()):
            return text
        return text[:1].lower() + text[1:]
    return _sentence_case(text)


def _sentence_case(text: str) -> str:
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    words_done: list[str] = []
    capitalise = 0
    for token in tokens:
        if token.isspace():
            out.append(token)
            continue
        word = _word(token)
        if _is_abbreviation(word) or any(ch.isdigit() for ch in word):
            out.append(token)
            capitalise = 0 if any(ch.isdigit() for ch in word) else capitalise
        elif capitalise:
            out.append(token[:1] + token[1:].lower())
            capitalise -= 1
        else:
            out.append(token.lower())
        if word != token:  # punctuation after a word ends a place name
            capitalise = 0
        words_done.append(word.lower())
        if any(_ends_with(words_done, unit) for unit in _UNITS) and word == token:
            capitalise = _PLACE_SYLLABLES
        elif _ends_with(words_done, "hồ chí") and capitalise == 0 and word == token:
            capitalise = 1
    return "".join(out)


def _ends_with(words: list[str], phrase: str) -> bool:
    parts = phrase.split()
    return words[-len(parts):] == parts
