"""Rows a page break leaves open: the missing rule that closes a table at the page's foot or head.

Word and LibreOffice draw a row split by a page break as two closed boxes. Other writers (reportlab's
``splitInRow``, some report generators) leave the part at the foot of the page without its bottom rule
and the part at the head of the next without its top one: the column rules run on past the last
horizontal rule, or start above the first. A table finder sees no cells there and the row is lost.
Where two or more column rules end together (or start together) away from every horizontal rule, the
table was cut there: a horizontal rule across them is put back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Edge = dict[str, Any]
_MIN_RULES = 2  # a lone vertical line is a decoration, not a table's side


def close_open_rows(edges: list[Edge], tolerance: float) -> list[Edge]:
    """``edges`` (merged, pdfplumber's dicts) with a horizontal rule added where column rules end open."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    added = [*_closing_rules(vertical, horizontal, tolerance, lambda e: e["bottom"]),
             *_closing_rules(vertical, horizontal, tolerance, lambda e: e["top"])]
    return edges + added


def _closing_rules(vertical: list[Edge], horizontal: list[Edge], tolerance: float,
                   end: Callable[[Edge], float]) -> list[Edge]:
    """A rule at each height where ``_MIN_RULES`` or more column rules end (``end``: their bottom or top)
    with no horizontal rule there across them."""
    rules: list[Edge] = []
    for y, group in _by_height(vertical, end, tolerance):
        if len(group) < _MIN_RULES:
            continue
        left, right = min(e["x0"] for e in group), max(e["x1"] for e in group)
        if any(abs(h["top"] - y) <= tolerance and h["x0"] <= left + tolerance and h["x1"] >= right - tolerance
               for h in horizontal):
            continue
        rules.append({"x0": left, "x1": right, "top": y, "bottom": y, "doctop": y, "width": right - left,
                      "height": 0.0, "orientation": "h", "object_type": "line"})
    return rules


def _by_height(edges: list[Edge], end: Callable[[Edge], float], tolerance: float) -> list[tuple[float, list[Edge]]]:
    """``edges`` grouped by the height ``end`` gives them, within ``tolerance``."""
    groups: list[tuple[float, list[Edge]]] = []
    for edge in sorted(edges, key=end):
        y = end(edge)
        if groups and y - groups[-1][0] <= tolerance:
            groups[-1][1].append(edge)
        else:
            groups.append((y, [edge]))
    return groups
