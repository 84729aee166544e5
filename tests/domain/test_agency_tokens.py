"""The agency grammar's steps: tokens, lexemes with their roles, phrases as written; driven by its lexicon."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import agency_grammar as grammar
from desktop.domain.agencies import canonical_agency, grammar_lexicon, split_agencies
from tests.domain.test_agencies_properties import assert_splits_back
from tests.domain.test_agency_grammar_properties import AGENCIES, GROUPS


def _kinds(text: str) -> list[str]:
    return [t.kind if t.kind != grammar.WORD else t.text for t in grammar.tokenise(text)]


def test_separators_are_tokens_and_words_keep_their_inner_marks() -> None:
    assert _kinds("Sở KH&CN, Sở LĐ-TB&XH; VP.UBND tỉnh và\nCA tỉnh.") == [
        "Sở", "KH&CN", "comma", "Sở", "LĐ-TB&XH", "semicolon", "VP.UBND", "tỉnh", "and", "line", "CA", "tỉnh",
        "stop"]


def test_dashes_between_spaces_join_and_at_a_line_start_are_bullets() -> None:
    assert _kinds("- Sở Lao động - Thương binh\n+ Sở Y tế cùng với -Công an") == [
        "bullet", "Sở", "Lao", "động", "dash", "Thương", "binh", "line", "bullet", "Sở", "Y", "tế", "and", "and",
        "dash", "Công", "an"]


def test_role_notes_are_dropped_and_offsets_kept() -> None:
    tokens = grammar.tokenise("Sở KH&CN (chủ trì), Sở Tài chính")
    assert [t.text for t in tokens] == ["Sở", "KH&CN", ",", "Sở", "Tài", "chính"]
    assert tokens[3].start == len("Sở KH&CN (chủ trì), ")


def _lexemes(text: str) -> list[tuple[str, list[str]]]:
    return [(x.folded, sorted(x.roles)) for x in grammar.lexemes(grammar.tokenise(text), grammar_lexicon())
            if isinstance(x, grammar.Lexeme)]


def test_lexemes_are_taken_longest_first_with_their_roles() -> None:
    assert _lexemes("Ủy ban nhân dân các xã") == [("uy ban nhan dan", ["council"]), ("cac", ["det"]),
                                                    ("xa", ["continues", "group", "head"])]
    assert _lexemes("Bảo hiểm xã hội tỉnh")[0] == ("bao hiem xa hoi", ["head"])
    assert _lexemes("Phòng Văn hóa và Xã hội")[-1] == ("xa hoi", [])  # a common word, not "xã"
    assert _lexemes("các sở có liên quan")[-1] == ("co lien quan", ["mod"])


def test_a_line_break_inside_a_lexeme_is_a_wrap_unless_a_capital_follows() -> None:
    assert _lexemes("Các sở, ngành, địa\nphương")[-1] == ("dia phuong", ["continues", "group", "head"])
    assert [f for f, _ in _lexemes("VP UBND tỉnh\nỦy ban nhân dân tỉnh")] == [
        "vp", "ubnd", "tinh", "uy ban nhan dan", "tinh"]  # not "tỉnh ủy"


def test_phrases_are_slices_of_the_cell_as_written() -> None:
    assert grammar.parse("VP UBND tỉnh, Sở Văn hóa, Thể thao và Du lịch và các sở, ban, ngành, UBND xã, phường",
                         grammar_lexicon()) == ["VP UBND tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "các sở, ban, ngành",
                                         "UBND xã, phường"]
    assert grammar.parse("Chủ trì: Sở KH&CN; phối hợp: Sở Nội vụ", grammar_lexicon()) == ["Sở KH&CN", "Sở Nội vụ"]


def test_the_grammar_reads_only_itsgrammar_lexicon() -> None:
    """With a lexicon that knows no heads, nothing opens a name: the cell is one phrase per hard break."""
    bare = grammar.Lexicon({}, is_known_name=lambda _: False, is_group=lambda _: False)
    assert grammar.parse("Sở Tài chính, Sở Nội vụ; Công an tỉnh", bare) == ["Sở Tài chính, Sở Nội vụ",
                                                                             "Công an tỉnh"]
    heads = grammar.Lexicon({"so": frozenset({grammar.HEAD})}, is_known_name=lambda _: False,
                            is_group=lambda _: False)
    assert grammar.parse("Sở Tài chính, Sở Nội vụ; Công an tỉnh", heads) == ["Sở Tài chính", "Sở Nội vụ",
                                                                              "Công an tỉnh"]


ODD_SEPARATORS = [" , ", ",", " ;", ";  ", ".\n", "\n- ", "\n+ ", " cùng ", "; và ", ",\nvà ", " và\n", ". "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(AGENCIES + GROUPS), min_size=1, max_size=5), st.data())
def test_odd_punctuation_splits_back(names: list[str], data: st.DataObject) -> None:
    assert_splits_back(names, data, ODD_SEPARATORS)


def test_a_bullet_list_of_groups_and_agencies() -> None:
    cell = "- Các sở, ban ngành tỉnh;\n- UBND các huyện, thị xã, thành phố;\n- Sở Văn hóa, Thể thao và Du lịch."
    assert split_agencies(cell) == [canonical_agency("Các sở, ban, ngành"), "UBND các huyện, thị xã, thành phố",
                                    "Sở Văn hóa, Thể thao và Du lịch"]
