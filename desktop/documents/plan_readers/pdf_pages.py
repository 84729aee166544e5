"""What the PDF reader needs of a page: its characters with their boxes and the ruling lines, via PDFium.

pdfminer (under pdfplumber) interprets every content stream in Python: 9 s for a 300-row appendix of
105 pages, three times the budget. PDFium (pypdfium2, already installed as pdfplumber's renderer) does
the same in C++. This module asks it for two things per page and nothing else:

- the characters with their loose boxes (the font's height, the glyph's advance), in top-down
  coordinates; spaces and line ends are left out, since the gaps between boxes say where words end
  (pdf_cell_lines), but the usual width of a space on the page is kept: it tells whether a word
  would have fitted at the end of a line;
- the edges (ruling lines) of every path object, form XObjects included: each straight horizontal or
  vertical segment of a path, with the object's matrix applied, as pdfplumber's edge dicts, so that
  pdfplumber's own table finder (snap, join, intersections, cells) runs on them unchanged.

PDFium is not thread-safe: every use of it goes through ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from statistics import median
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw

PDFIUM_LOCK = threading.RLock()
_MAX_FORM_DEPTH = 8
_DEFAULT_SPACE = 2.75  # a space of 11-point Times New Roman, for a page that has none
_AXIS_TOLERANCE = 0.5  # a segment this far from horizontal or vertical still counts as a rule


class Char(NamedTuple):
    """A character and its loose box, top-down (``mid_x``, ``mid_y``: its centre)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    mid_x: float
    mid_y: float
    space_after: bool = False  # a space glyph follows it: a word ends here even where a line ends


@dataclass
class PageContent:
    """One page: its size, its characters and its edges (in pdfplumber's edge dicts)."""

    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    space: float = 0.0  # the width of most of its spaces


def read_page(document: pdfium.PdfDocument, index: int) -> PageContent:
    """The characters and edges of page ``index`` (0-based) of an open document."""
    with PDFIUM_LOCK:
        page = document[index]
        try:
            height = page.get_height()
            content = PageContent(index + 1, page.get_width(), height)
            content.chars, content.space = _chars(page, height)
            if content.chars:  # a page without text is a scan or blank: its lines do not matter
                content.edges = list(_edges(page, height))
            return content
        finally:
            page.close()


def _chars(page: pdfium.PdfPage, height: float) -> tuple[list[Char], float]:
    """The page's characters (spaces left out) and the usual width of a space on it."""
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = raw.FPDFText_CountChars(handle)
        if count <= 0:
            return [], _DEFAULT_SPACE
        buffer = (ctypes.c_ushort * (count + 1))()
        written = raw.FPDFText_GetText(handle, 0, count, buffer)
        text = bytes(buffer)[:max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
        if len(text) != count:  # characters outside the BMP take two units: ask for each one
            text = "".join(chr(raw.FPDFText_GetUnicode(handle, i) or 32) for i in range(count))
        box = raw.FS_RECTF()
        chars: list[Char] = []
        spaces: list[float] = []
        for index, character in enumerate(text):
            if character in "\r\n\x00" or not raw.FPDFText_GetLooseCharBox(handle, index, box):
                continue
            left, right, top, bottom = box.left, box.right, height - box.top, height - box.bottom
            if character.isspace():  # words are found again from the gaps; a space's width tells how wide
                if right - left > 0.5:
                    spaces.append(right - left)
                if chars:
                    chars[-1] = chars[-1]._replace(space_after=True)
                continue
            chars.append(Char(character, left, right, top, bottom, (left + right) / 2, (top + bottom) / 2))
        return chars, (median(spaces) if spaces else _DEFAULT_SPACE)
    finally:
        textpage.close()


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _edges(page: pdfium.PdfPage, height: float) -> Iterator[dict[str, Any]]:
    handle = page.raw
    for index in range(raw.FPDFPage_CountObjects(handle)):
        yield from _object_edges(raw.FPDFPage_GetObject(handle, index), _IDENTITY, height, 0)


def _object_edges(obj: Any, outer: Matrix, height: float, depth: int) -> Iterator[dict[str, Any]]:
    kind = raw.FPDFPageObj_GetType(obj)
    if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
        return
    matrix = raw.FS_MATRIX()
    own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f) \
        if raw.FPDFPageObj_GetMatrix(obj, matrix) else _IDENTITY
    combined = _multiply(own, outer)
    if kind == raw.FPDF_PAGEOBJ_FORM:
        if depth < _MAX_FORM_DEPTH:
            for index in range(raw.FPDFFormObj_CountObjects(obj)):
                yield from _object_edges(raw.FPDFFormObj_GetObject(obj, index), combined, height, depth + 1)
        return
    for (x0, y0), (x1, y1) in _segments(obj, combined):
        edge = _edge(x0, height - y0, x1, height - y1)
        if edge is not None:
            yield edge


def _segments(path: Any, matrix: Matrix) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path (closing pieces included) in page space; curves are left out."""
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        if not raw.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = _apply(matrix, x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = last = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            yield last, point
        last = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and last != start:
            yield last, start
            last = start


def _edge(x0: float, top0: float, x1: float, top1: float) -> dict[str, Any] | None:
    if abs(top0 - top1) <= _AXIS_TOLERANCE:
        left, right, top = min(x0, x1), max(x0, x1), (top0 + top1) / 2
        return {"x0": left, "x1": right, "top": top, "bottom": top, "doctop": top, "width": right - left,
                "height": 0.0, "orientation": "h", "object_type": "line"}
    if abs(x0 - x1) <= _AXIS_TOLERANCE:
        top, bottom, x = min(top0, top1), max(top0, top1), (x0 + x1) / 2
        return {"x0": x, "x1": x, "top": top, "bottom": bottom, "doctop": top, "width": 0.0,
                "height": bottom - top, "orientation": "v", "object_type": "line"}
    return None


def _multiply(first: Matrix, second: Matrix) -> Matrix:
    """``first`` then ``second`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f
