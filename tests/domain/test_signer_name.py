"""The printed signer's name against the certificate's: NFC, case and spaces do not count, a letter does."""

from __future__ import annotations

import unicodedata

from desktop.domain.signer_name import printed_name_differs


def test_the_same_name_in_capitals_decomposed_or_spaced_is_the_same() -> None:
    decomposed = unicodedata.normalize("NFD", "NGUYỄN VĂN AN")
    assert not printed_name_differs("Nguyễn Văn An", decomposed)
    assert not printed_name_differs("  Nguyễn   Văn An ", "nguyễn văn an")


def test_another_name_or_tone_mark_differs_and_no_printed_name_is_no_warning() -> None:
    assert printed_name_differs("Nguyễn Văn Bình", "Nguyễn Văn An")
    assert printed_name_differs("Nguyễn Văn Án", "Nguyễn Văn An"), "a tone mark is part of the name"
    assert not printed_name_differs("", "Nguyễn Văn An")
