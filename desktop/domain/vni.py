"""VNI-Windows (the VNI-Times family of fonts) to and from Unicode.

VNI writes a Vietnamese letter as its base Latin letter followed by one mark byte that carries the
circumflex or breve and the tone together ("aá" is ấ, "eä" is ệ, "uû" is ủ); ơ, ư, đ and the toned
i's are single bytes (ô, ö, ñ, í ì æ ó ò) and so is ỵ (î). A capital letter takes the capital form
of its mark byte ("AÙ" is Á). Text arrives as the ANSI characters of those bytes (see ansi_bytes).
"""

from __future__ import annotations

import unicodedata

from desktop.domain.ansi_bytes import raw_byte

GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"

# (lowercase byte, uppercase byte) per mark; None stands for "no tone".
_TONE = {ACUTE: (0xF9, 0xD9), GRAVE: (0xF8, 0xD8), HOOK: (0xFB, 0xDB), TILDE: (0xF5, 0xD5), DOT: (0xEF, 0xCF)}
_CIRCUMFLEX = {None: (0xE2, 0xC2), ACUTE: (0xE1, 0xC1), GRAVE: (0xE0, 0xC0), HOOK: (0xE5, 0xC5),
               TILDE: (0xE3, 0xC3), DOT: (0xE4, 0xC4)}
_BREVE = {None: (0xEA, 0xCA), ACUTE: (0xE9, 0xC9), GRAVE: (0xE8, 0xC8), HOOK: (0xFA, 0xDA),
          TILDE: (0xFC, 0xDC), DOT: (0xEB, 0xCB)}
_TONED_I = {ACUTE: (0xED, 0xCD), GRAVE: (0xEC, 0xCC), HOOK: (0xE6, 0xC6), TILDE: (0xF3, 0xD3), DOT: (0xF2, 0xD2)}
_HORN = {"o": (0xF4, 0xD4), "u": (0xF6, 0xD6)}
_D_STROKE = (0xF1, 0xD1)
_Y_DOT = (0xEE, 0xCE)


def _decode_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for marks, prefix in ((_TONE, ""), (_CIRCUMFLEX, CIRCUMFLEX), (_BREVE, BREVE)):
        for tone, pair in marks.items():
            for code in pair:
                table[code] = prefix + (tone or "")
    for tone, pair in _TONED_I.items():
        table[pair[0]], table[pair[1]] = "i" + tone, "I" + tone
    for base, pair in _HORN.items():
        table[pair[0]], table[pair[1]] = base + HORN, base.upper() + HORN
    table[_D_STROKE[0]], table[_D_STROKE[1]] = "đ", "Đ"
    table[_Y_DOT[0]], table[_Y_DOT[1]] = "y" + DOT, "Y" + DOT
    return table


BYTE_TO_TEXT: dict[int, str] = _decode_table()


def decode(text: str) -> str:
    """Unicode NFC for ``text`` read from a VNI-Windows cell."""
    out: list[str] = []
    for char in text:
        code = raw_byte(char)
        out.append(BYTE_TO_TEXT.get(code, char) if code is not None else char)
    return unicodedata.normalize("NFC", "".join(out))


def encode(text: str) -> str:
    """The ANSI text a VNI-Windows author's bytes would show as (one Latin-1 character per byte)."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        out.append(_encode_letter(char))
    return "".join(out)


def _encode_letter(char: str) -> str:
    if char in "đĐ":
        return chr(_D_STROKE[char == "Đ"])
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or not base.isascii():
        return char
    upper = base.isupper()
    tone = next((m for m in marks if m in _TONE), None)
    if HORN in marks and base.lower() in _HORN:
        return chr(_HORN[base.lower()][upper]) + (chr(_TONE[tone][upper]) if tone else "")
    if CIRCUMFLEX in marks:
        return base + chr(_CIRCUMFLEX[tone][upper])
    if BREVE in marks:
        return base + chr(_BREVE[tone][upper])
    if tone is None or len(marks) > 1:
        return char
    if base in "iI":
        return chr(_TONED_I[tone][upper])
    if base in "yY" and tone == DOT:
        return chr(_Y_DOT[upper])
    return base + chr(_TONE[tone][upper])
