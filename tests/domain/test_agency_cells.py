"""Every agency cell of the reference plans, of their PDF reading and of other appendices' ways of writing
the same agencies splits into the agencies a reader sees (tests/domain/agency_cells.py)."""

from __future__ import annotations

import pytest

from desktop.domain.agencies import split_agencies
from tests.domain.agency_cells import ALL_CELLS


@pytest.mark.parametrize(("text", "expected"), ALL_CELLS, ids=[repr(text)[:60] for text, _ in ALL_CELLS])
def test_cell(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected
