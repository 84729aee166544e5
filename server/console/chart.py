"""A horizontal bar chart as SVG, drawn on the server: each agency's value against the target line."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from server.console.period_figures import IndicatorAcross

BAR = 18
GAP = 6
LABEL = 260
WIDTH = 720


def indicator_svg(indicator: IndicatorAcross, number: Callable[[float | None], str]) -> str:
    """The chart of one indicator, its figures written by ``number`` (presentation attributes only: the CSP
    allows no inline style)."""
    values = [v for v in indicator.values if v.value is not None]
    if not values:
        return ""
    top = max([v.value or 0.0 for v in values] + [indicator.target_value or 0.0, 1.0])
    scale = (WIDTH - LABEL - 60) / top
    height = len(values) * (BAR + GAP) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(indicator.name)}">']
    for row, item in enumerate(values):
        y = 10 + row * (BAR + GAP)
        width = max(1.0, (item.value or 0.0) * scale)
        colour = "#2e7d32" if item.met else ("#c62828" if item.met is False else "#1565c0")
        parts.append(f'<text x="{LABEL - 6}" y="{y + BAR - 5}" text-anchor="end" font-size="12">'
                     f'{escape(item.agency_name[:40])}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{colour}"/>')
        parts.append(f'<text x="{LABEL + width + 4:.1f}" y="{y + BAR - 5}" font-size="12">'
                     f'{escape(number(item.value))}</text>')
    if indicator.target_value is not None:
        x = LABEL + indicator.target_value * scale
        parts.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 16}" stroke="#000" '
                     f'stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 4}" text-anchor="middle" font-size="12">'
                     f'{escape(number(indicator.target_value))}</text>')
    parts.append("</svg>")
    return "".join(parts)
