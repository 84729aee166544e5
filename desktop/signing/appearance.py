"""How a signature looks on the page, as Nghị định 30/2020 Phụ lục I describes it.

- The signer's signature: the handwritten signature image (blue, transparent PNG) centred in the room
  the report leaves between the signer's title and name.
- The agency's signature: the seal image (red, transparent PNG, at its actual size) over about a third of
  the signer's image, on its left.
- An appendix in a separate file: the agency's signature at the top right of page 1, with no image,
  showing the document's số/ký hiệu and the signing time (hh:mm:ss, dd/mm/yyyy, Vietnam time) in Times
  New Roman 10, black (the report's font family, desktop/documents/fonts.py).
"""

from __future__ import annotations

import binascii
import io
import uuid
from dataclasses import dataclass
from datetime import datetime

from PIL import Image, UnidentifiedImageError
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import BaseStampStyle, StaticStampStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.documents.fonts import report_font_family
from desktop.documents.pdf_signature import SIGNATURE_AREA_DEST
from desktop.errors import InputError

Box = tuple[float, float, float, float]
MAX_IMAGE_BYTES = 4 << 20
MAX_IMAGE_PIXELS = 4000
SIGNATURE_MAX_WIDTH = 60 * mm
SEAL_DEFAULT = 36 * mm  # the usual diameter of a commune's seal
SEAL_RANGE = (20 * mm, 50 * mm)
APPENDIX_SIZE = (80 * mm, 13 * mm)
APPENDIX_MARGIN = (15 * mm, 8 * mm)  # from the right and top edges
# Where the signature goes on a PDF that carries no signature room: above the bottom right of the last page.
FALLBACK_ROOM = (95 * mm, 35 * mm, 20 * mm)  # width, height, right margin


@dataclass(frozen=True)
class Placement:
    """Where a signature's widget goes: the page (0-based) and its rectangle in points."""

    page: int
    box: Box


def check_png(data: bytes, what_vi: str, what_en: str) -> Image.Image:
    """A transparent PNG of bounded size, else a refusal naming the image."""
    if len(data) > MAX_IMAGE_BYTES:
        raise InputError(f"Ảnh {what_vi} quá lớn (tối đa 4 MB).", f"The {what_en} image is too large (4 MB at most).",
                         code="bad_image")
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InputError(f"Ảnh {what_vi} không đọc được.", f"The {what_en} image cannot be read.",
                         code="bad_image") from exc
    if image.format != "PNG":
        raise InputError(f"Ảnh {what_vi} phải là tệp PNG.", f"The {what_en} image must be a PNG file.",
                         code="bad_image")
    if max(image.size) > MAX_IMAGE_PIXELS:
        raise InputError(f"Ảnh {what_vi} quá lớn (tối đa {MAX_IMAGE_PIXELS} điểm ảnh mỗi chiều).",
                         f"The {what_en} image is too large ({MAX_IMAGE_PIXELS} pixels a side at most).",
                         code="bad_image")
    if "A" not in image.getbands() and "transparency" not in image.info:
        raise InputError(f"Ảnh {what_vi} phải có nền trong suốt (PNG có kênh alpha).",
                         f"The {what_en} image must have a transparent background (PNG with alpha).",
                         code="bad_image")
    return image.convert("RGBA")


def signature_room(reader: PdfFileReader) -> Placement:
    """The signature room the report PDF marks (desktop/documents/pdf_signature.py), else a default one."""
    pages = _pages(reader)
    for index in range(len(pages) - 1, -1, -1):
        for annot in pages[index].get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and str(annot.get("/Contents", "")) == SIGNATURE_AREA_DEST:
                x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                return Placement(index, (x1, y1, x2, y2))
    last = len(pages) - 1
    x1, y1, x2, _y2 = (float(v) for v in pages[last]["/MediaBox"])
    width, height, right = FALLBACK_ROOM
    return Placement(last, (x2 - right - width, y1 + 40 * mm, x2 - right, y1 + 40 * mm + height))


def signer_placement(reader: PdfFileReader, field_name: str) -> Placement:
    """Where the signer's signature is (its widget, when the PDF carries it), else where it would go."""
    pages = _pages(reader)
    for index, page in enumerate(pages):
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Widget" and str(annot.get("/T", "")) == field_name:
                x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                return Placement(index, (x1, y1, x2, y2))
    room = signature_room(reader)
    x1, y1, x2, y2 = room.box
    width = min(SIGNATURE_MAX_WIDTH, x2 - x1) * 0.8
    middle = (x1 + x2) / 2
    return Placement(room.page, (middle - width / 2, y1, middle + width / 2, y2))


def signature_box(room: Box, image: Image.Image) -> Box:
    """The signer's image scaled to the room's height (at most ``SIGNATURE_MAX_WIDTH`` wide), centred."""
    x1, y1, x2, y2 = room
    height = y2 - y1
    width = min(height * image.width / image.height, SIGNATURE_MAX_WIDTH, x2 - x1)
    height = width * image.height / image.width
    left = (x1 + x2 - width) / 2
    bottom = (y1 + y2 - height) / 2
    return left, bottom, left + width, bottom + height


def seal_box(signature: Box, seal: Image.Image) -> Box:
    """The seal at its actual size, centred on the signature's height, covering its left third."""
    size = seal_size(seal)
    x1, y1, x2, y2 = signature
    right = x1 + (x2 - x1) / 3
    middle = (y1 + y2) / 2
    width = size * seal.width / max(seal.width, seal.height)
    height = size * seal.height / max(seal.width, seal.height)
    return right - width, middle - height / 2, right, middle + height / 2


def seal_size(seal: Image.Image) -> float:
    """The seal's longer side in points: from the PNG's dpi when it is plausible, else a commune seal's size."""
    dpi = seal.info.get("dpi")
    if dpi and float(dpi[0]) > 0:
        size = max(seal.width, seal.height) / float(dpi[0]) * 72
        if SEAL_RANGE[0] <= size <= SEAL_RANGE[1]:
            return size
    return SEAL_DEFAULT


def appendix_placement(reader: PdfFileReader) -> Placement:
    """The top right of page 1."""
    _x1, _y1, x2, y2 = (float(v) for v in _pages(reader)[0]["/MediaBox"])
    width, height = APPENDIX_SIZE
    right, top = x2 - APPENDIX_MARGIN[0], y2 - APPENDIX_MARGIN[1]
    return Placement(0, (right - width, top - height, right, top))


def image_style(image: Image.Image) -> BaseStampStyle:
    """A widget showing only ``image``, scaled into the box, transparent where the PNG is."""
    return StaticStampStyle(background=PdfImage(image), background_opacity=1.0, border_width=0,
                            background_layout=_fill())


def appendix_style(document_number: str, signed_at: datetime, box: Box) -> BaseStampStyle:
    """A widget with the số/ký hiệu and the signing time, Times New Roman 10 black, no image."""
    lines = [f"Số, ký hiệu: {document_number}", f"Thời gian ký: {signed_at.strftime('%H:%M:%S, %d/%m/%Y')} (GMT+7)"]
    return StaticStampStyle(background=_PdfBytesPage(_text_page(lines, box)), background_opacity=1.0,
                            border_width=0, background_layout=_fill())


def _fill() -> layout.SimpleBoxLayoutRule:
    return layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                      margins=layout.Margins(), inner_content_scaling=layout.InnerScaling.STRETCH_FILL)


def _text_page(lines: list[str], box: Box) -> bytes:
    fonts = report_font_family()
    width, height = box[2] - box[0], box[3] - box[1]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height))
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(fonts.regular, 10)
    for index, line in enumerate(lines):
        canvas.drawRightString(width, height - 11 * (index + 1), line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class _PdfBytesPage(PdfContent):
    """The first page of a PDF held in memory, imported as a form XObject."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data

    def render(self) -> bytes:
        reader = PdfFileReader(io.BytesIO(self.data))
        xobj = self._ensure_writer.import_page_as_xobject(reader, page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = (float(v) for v in xobj.get_object()["/BBox"])
        self.box = BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
        return name + b" Do"


def _pages(reader: PdfFileReader) -> list:  # type: ignore[type-arg]
    count = int(reader.root["/Pages"]["/Count"])
    return [reader.find_page_for_modification(i)[0].get_object() for i in range(count)]
