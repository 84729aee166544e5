"""The encoding of a whole document decides for cells too short to tell; strong evidence in a cell wins."""

from __future__ import annotations

from desktop.domain import tcvn3, vni
from desktop.domain.legacy_text import TCVN3, UNICODE, VNI, DocumentVote, document_encoding, to_unicode

TASKS = ["Xây dựng kế hoạch chuyển đổi số của tỉnh", "Tập huấn kỹ năng số cho cán bộ, công chức các xã",
         "Nâng cấp hệ thống thông tin giải quyết thủ tục hành chính"]
SHORT = ["Sở Y tế", "Sở Nội vụ", "Quý IV", "Tỷ lệ"]


def _vote(texts: list[str]) -> str:
    return document_encoding((t, None) for t in texts)


def test_a_short_tcvn3_cell_reads_wrongly_alone_and_rightly_in_its_document() -> None:
    encoded = [tcvn3.encode(t) for t in TASKS + SHORT]
    document = _vote(encoded)
    assert document == TCVN3
    assert to_unicode(tcvn3.encode("Sở Y tế")) != "Sở Y tế"  # one mark, no marker word: alone it is Latin-1
    assert [to_unicode(t, None, document) for t in encoded] == TASKS + SHORT


def test_a_short_vni_cell_in_a_vni_document() -> None:
    encoded = [vni.encode(t) for t in TASKS + SHORT]
    document = _vote(encoded)
    assert document == VNI
    assert [to_unicode(t, None, document) for t in encoded] == TASKS + SHORT


def test_a_unicode_document_with_rows_pasted_from_a_vni_one() -> None:
    """Header and most rows in Unicode; one row pasted from VNI (marker words: converted by its own evidence);
    a Latin-1 word with no evidence stays as written."""
    texts = TASKS + SHORT + ["Mã QR cho café số"]
    pasted = vni.encode("Triển khai các nền tảng số của tỉnh")
    document = _vote([*texts, pasted])
    assert document == UNICODE
    assert to_unicode(pasted, None, document) == "Triển khai các nền tảng số của tỉnh"
    assert [to_unicode(t, None, document) for t in texts] == texts


def test_a_tcvn3_document_keeps_cells_retyped_in_unicode() -> None:
    encoded = [tcvn3.encode(t) for t in TASKS]
    document = _vote([*encoded, "Sở Khoa học và Công nghệ"])
    assert document == TCVN3
    assert to_unicode("Sở Khoa học và Công nghệ", None, document) == "Sở Khoa học và Công nghệ"
    assert to_unicode("UBND tỉnh", None, document) == "UBND tỉnh"  # ASCII reads the same in all


def test_the_fonts_of_a_document_count_in_the_vote() -> None:
    vote = DocumentVote()
    for text in SHORT:
        vote.add(tcvn3.encode(text), ".VnTime")
    assert vote.decision() == TCVN3


def test_little_evidence_leaves_a_document_in_unicode() -> None:
    assert _vote(["Café", "Quý IV"]) == UNICODE
    assert _vote([]) == UNICODE
