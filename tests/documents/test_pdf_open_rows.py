"""The rule a page break left out is put back only where column rules end open together."""

from __future__ import annotations

from typing import Any

from desktop.documents.plan_readers.pdf_open_rows import close_open_rows


def _h(x0: float, x1: float, y: float) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y, "orientation": "h"}


def _v(x: float, top: float, bottom: float) -> dict[str, Any]:
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "orientation": "v"}


def _added(edges: list[dict[str, Any]]) -> list[tuple[float, float, float]]:
    return [(e["x0"], e["x1"], e["top"]) for e in close_open_rows(edges, 3)[len(edges):]]


def test_column_rules_running_past_the_last_rule_get_a_bottom() -> None:
    edges = [_h(50, 500, 100), _h(50, 500, 700), _v(50, 100, 790), _v(300, 100, 790), _v(500, 100, 791)]
    assert _added(edges) == [(50, 500, 790)]


def test_column_rules_starting_above_the_first_rule_get_a_top() -> None:
    edges = [_h(50, 500, 120), _h(50, 500, 400), _v(50, 60, 400), _v(500, 61, 400)]
    assert _added(edges) == [(50, 500, 60)]


def test_a_closed_table_and_a_lone_line_get_nothing() -> None:
    closed = [_h(50, 500, 100), _h(50, 500, 400), _v(50, 100, 400), _v(500, 100, 401)]
    assert _added(closed) == []
    assert _added([_h(50, 500, 100), _v(20, 0, 800)]) == []
