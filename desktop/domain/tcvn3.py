"""TCVN3 (TCVN 5712:1993 VN3, the "ABC" charset of the .VnTime fonts) to and from Unicode.

A workbook typed in TCVN3 stores single bytes; Excel and openpyxl hand them back as the Windows
ANSI characters of those bytes (cp1252, Latin-1, or cp1258 on Vietnamese Windows). ``decode``
takes that text and returns Unicode NFC.

Facts of the charset that the tables follow:
- only seven capitals exist (Ă Â Đ Ê Ô Ơ Ư); there are no toned capitals. The .VnTimeH ("H")
  fonts draw every slot, lowercase ones included, as a capital, so text in those fonts is decoded
  and then upper-cased (``capitals=True``);
- ư is byte 0xAD, the Latin-1 soft hyphen that many tools hide (it is decoded like any other byte);
- iconv's "TCVN" is TCVN 5712 VN1, a different charset: these tables are not interchangeable with it.
"""

from __future__ import annotations

import unicodedata

from desktop.domain.ansi_bytes import raw_byte

# Byte → letter, from the charset definition: each toned vowel family in the order
# base, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng).
_FAMILIES: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("aàảãáạ", (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9)),
    ("ăằẳẵắặ", (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6)),
    ("âầẩẫấậ", (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB)),
    ("eèẻẽéẹ", (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1)),
    ("êềểễếệ", (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6)),
    ("iìỉĩíị", (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE)),
    ("oòỏõóọ", (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4)),
    ("ôồổỗốộ", (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9)),
    ("ơờởỡớợ", (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE)),
    ("uùủũúụ", (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4)),
    ("ưừửữứự", (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9)),
    ("yỳỷỹýỵ", (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE)),
)
_SINGLES: dict[int, str] = {0xAE: "đ", 0xA1: "Ă", 0xA2: "Â", 0xA7: "Đ", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư"}

BYTE_TO_CHAR: dict[int, str] = {**_SINGLES}
for _letters, _codes in _FAMILIES:
    for _letter, _code in zip(_letters, _codes, strict=True):
        if _code >= 0x80:
            BYTE_TO_CHAR[_code] = _letter
CHAR_TO_BYTE: dict[str, int] = {char: code for code, char in BYTE_TO_CHAR.items()}

def decode(text: str, *, capitals: bool = False) -> str:
    """Unicode NFC for ``text`` read from a TCVN3 cell; ``capitals`` for the .Vn…H fonts."""
    out: list[str] = []
    for char in text:
        code = raw_byte(char)
        out.append(BYTE_TO_CHAR.get(code, char) if code is not None else char)
    result = "".join(out)
    if capitals:
        result = result.upper()
    return unicodedata.normalize("NFC", result)


def encode(text: str, *, capitals: bool = False) -> str:
    """The ANSI text a TCVN3 author's bytes would show as (one Latin-1 character per byte).

    With ``capitals`` the text is written for a .Vn…H font: every letter goes to its lowercase
    slot and the font draws it as a capital. Without it, toned capitals have no slot in TCVN3 and
    are written as their lowercase letters (what legacy keyboards did), so they decode lowercase.
    Characters outside the charset are left as they are.
    """
    source = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for char in source:
        if capitals or (char not in CHAR_TO_BYTE and char.lower() in CHAR_TO_BYTE):
            char = char.lower()
        code = CHAR_TO_BYTE.get(char)
        out.append(chr(code) if code is not None else char)
    return "".join(out)
