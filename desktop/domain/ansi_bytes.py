"""The byte behind each character of legacy (TCVN3, VNI) text that was read as Windows ANSI text.

Legacy Vietnamese fonts reuse single bytes; Excel saved them as the characters those bytes have in
the PC's ANSI code page (cp1252 on Western Windows, cp1258 on Vietnamese Windows), and Latin-1
tools show them as Latin-1. All three readings are accepted.
"""

from __future__ import annotations

_CHAR_TO_BYTE: dict[str, int] = {}
for _codec in ("cp1258", "cp1252", "latin-1"):
    for _value in range(0x80, 0x100):
        try:
            _CHAR_TO_BYTE.setdefault(bytes([_value]).decode(_codec), _value)
        except UnicodeDecodeError:
            continue


def raw_byte(char: str) -> int | None:
    """The byte ``char`` stands for in ANSI-read legacy text, or None when no code page gives it."""
    if ord(char) < 0x80:
        return ord(char)
    return _CHAR_TO_BYTE.get(char)
