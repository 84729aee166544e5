"""A bar chart of the indicators measured in percent: what was achieved beside the phase's target.

Only indicators with a numeric target and a value in percent are drawn, so every bar shares one scale.
Bars are grey shades (the document prints in black); each pair is labelled with the indicator's number
in Phụ lục II and its name, wrapped at word boundaries onto up to four lines (a longer name ends with "…"
after a whole word: the full name is in Phụ lục II). Long lists are drawn as several charts of 20.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.documents.fonts import FontFamily
from desktop.documents.pdf_styles import PORTRAIT_WIDTH, Styles
from desktop.documents.report_text import indicator_code, indicator_percent
from desktop.domain.numbers import format_number
from desktop.domain.report_snapshot import ReportSnapshot

BARS_PER_CHART = 20
_LABEL_WIDTH = 190.0
_ROW_HEIGHT = 24.0
_FOOT = 46.0
_FONT_SIZE = 9.5
_LEADING = 11.0
MAX_LABEL_LINES = 4
ACHIEVED = colors.Color(0.25, 0.25, 0.25)
TARGET = colors.Color(0.78, 0.78, 0.78)


def chartable(snapshot: ReportSnapshot) -> list[tuple[str, str, float, float]]:
    """(code in Phụ lục II, name, achieved %, target %) of each indicator the chart can show."""
    found = []
    for number, indicator in enumerate(snapshot.indicators, start=1):
        achieved = indicator_percent(indicator)
        if achieved is not None and indicator.target_value is not None:
            found.append((indicator_code(number, indicator), indicator.name, achieved, indicator.target_value))
    return found


def indicator_charts(snapshot: ReportSnapshot, styles: Styles) -> list[Flowable]:
    """The caption and chart(s), or nothing when no indicator has a target and a value in percent."""
    items = chartable(snapshot)
    flowables: list[Flowable] = []
    for start in range(0, len(items), BARS_PER_CHART):
        part = items[start:start + BARS_PER_CHART]
        caption = "Biểu đồ: Kết quả thực hiện các chỉ tiêu tính theo tỷ lệ (%) so với chỉ tiêu giai đoạn"
        if len(items) > BARS_PER_CHART:
            caption += f" (chỉ tiêu {part[0][0]}–{part[-1][0]})"
        flowables.append(KeepTogether([Spacer(1, 4), _drawing(part, styles.fonts),
                                       Paragraph(caption, styles.centre_italic.clone("caption", fontSize=12,
                                                                                     leading=14)),
                                       Spacer(1, 8)]))
    return flowables


def _drawing(items: list[tuple[str, str, float, float]], fonts: FontFamily) -> Drawing:
    width = PORTRAIT_WIDTH
    rows = list(reversed(items))  # the chart draws its first category at the bottom
    labels = [label_lines(row[0], row[1], fonts.regular) for row in rows]
    row_height = max(_ROW_HEIGHT, max(len(lines) for lines in labels) * _LEADING + 4)
    height = row_height * len(items) + _FOOT
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=_FONT_SIZE)
    chart = HorizontalBarChart()
    chart.x, chart.y = _LABEL_WIDTH, _FOOT - 6
    chart.width, chart.height = width - _LABEL_WIDTH - 30, row_height * len(items)
    chart.data = [[row[2] for row in rows], [row[3] for row in rows]]
    chart.categoryAxis.categoryNames = ["\n".join(lines) for lines in labels]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = _FONT_SIZE
    chart.categoryAxis.labels.leading = _LEADING
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(100.0, *(max(row[2], row[3]) for row in rows))
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = _FONT_SIZE
    chart.valueAxis.labelTextFormat = lambda value: format_number(value)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.bars[0].fillColor = ACHIEVED
    chart.bars[1].fillColor = TARGET
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.3
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = _FONT_SIZE - 1
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = lambda value: format_number(value) + "%"
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = _LABEL_WIDTH, 12
    legend.fontName = fonts.regular
    legend.fontSize = _FONT_SIZE + 0.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 150
    legend.colorNamePairs = [(ACHIEVED, "Kết quả thực hiện"), (TARGET, "Chỉ tiêu giai đoạn")]
    drawing.add(legend)
    return drawing


def label_lines(code: str, name: str, font: str) -> list[str]:
    """ "3. Tỷ lệ hồ sơ …" broken between words into lines that fit the label column, at most
    ``MAX_LABEL_LINES``; a name that needs more ends its last line with "…" after a whole word."""
    limit = _LABEL_WIDTH - 10
    lines: list[str] = []
    words = f"{code}. {' '.join(name.split())}".split(" ")
    for n, word in enumerate(words):
        if lines and stringWidth(f"{lines[-1]} {word}", font, _FONT_SIZE) <= limit:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        if len(lines) == MAX_LABEL_LINES:
            return _ellipsis(lines, font, limit) if n < len(words) else lines
        lines.append(word)
    return lines


def _ellipsis(lines: list[str], font: str, limit: float) -> list[str]:
    last = lines[-1].split(" ")
    while len(last) > 1 and stringWidth(" ".join(last) + " …", font, _FONT_SIZE) > limit:
        last.pop()
    return [*lines[:-1], " ".join(last).rstrip(" ,;") + " …"]
