"""The signed PDF as a person sees it (pdftoppm): the blue signature between title and name, the red seal
over its left third, the text still readable; the separate-appendix form; PAdES B-T with a timestamp server."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from desktop.documents.fonts import report_font_family
from desktop.signing.keys import TokenKey
from desktop.signing.pades import Role, SigningRequest, sign_pdf
from desktop.signing.verify import verify_pdf
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, SIGNER_TOKEN, Pki
from tests.signing.helpers import pdfsig, roots, sign_both
from tests.signing.tsa import timestamp_server

DPI = 100


def _widgets(pdf: Path) -> dict[str, tuple[int, tuple[float, float, float, float]]]:
    reader = PdfFileReader(io.BytesIO(pdf.read_bytes()))
    found = {}
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page = reader.find_page_for_modification(index)[0].get_object()
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Widget":
                x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                found[str(annot["/T"])] = (index, (x1, y1, x2, y2))
    return found


# pdftotext -bbox gives a Tinos word a box 0.934 of its font size high (ascent plus descent).
TINOS_WORD_HEIGHT = 0.934


def _word_heights(pdf: Path, words: tuple[str, ...]) -> list[float]:
    """The height of each of ``words`` on page 1 as pdftotext -bbox measures it."""
    boxes = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    found = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', boxes)
    heights = [float(bottom) - float(top) for top, bottom, word in found if word in words]
    assert len(heights) == len(words), boxes
    return heights


def _page_png(pdf: Path, page: int, folder: Path) -> Image.Image:
    prefix = folder / f"trang-{page}"
    subprocess.run(["pdftoppm", "-f", str(page + 1), "-l", str(page + 1), "-r", str(DPI), "-png", "-singlefile",
                    str(pdf), str(prefix)], check=True)
    return Image.open(f"{prefix}.png").convert("RGB")


def _count(image: Image.Image, box: tuple[float, float, float, float], test) -> int:  # type: ignore[no-untyped-def]
    height = image.height
    x1, y1, x2, y2 = (round(v * DPI / 72) for v in box)
    region = image.crop((x1, height - y2, x2, height - y1))
    return sum(1 for pixel in region.get_flattened_data() if test(pixel))


def _blue(p: tuple[int, int, int]) -> bool:
    return p[2] > 150 and p[0] < 90 and p[1] < 110


def _red(p: tuple[int, int, int]) -> bool:
    return p[0] > 170 and p[1] < 90 and p[2] < 90


def test_signature_then_seal_over_its_left_third(pki: Pki, report_pdf: Path, tmp_path: Path) -> None:
    _first, signed = sign_both(pki, report_pdf, tmp_path)
    widgets = _widgets(signed)
    page, signature = widgets["ChuKyNguoiKy"]
    seal_page, seal = widgets["ChuKyCoQuan"]
    assert seal_page == page
    third = signature[0] + (signature[2] - signature[0]) / 3
    assert abs(seal[2] - third) < 1.5, "the seal's right edge is a third into the signature"
    assert seal[0] < signature[0], "the seal sticks out to the left of the signature"
    assert abs((seal[1] + seal[3]) / 2 - (signature[1] + signature[3]) / 2) < 1.5
    assert 95 < seal[2] - seal[0] < 110, "the seal at its actual size (36 mm at the PNG's 300 dpi)"
    image = _page_png(signed, page, tmp_path)
    image.save(tmp_path / "xem.png")
    left_third = (signature[0], signature[1], third, signature[3])
    right_part = (third + 2, signature[1], signature[2], signature[3])
    assert _count(image, left_third, _red) > 200, "the seal covers the signature's left third"
    assert _count(image, right_part, _blue) > 200, "the signature shows on its right two thirds"
    assert _count(image, right_part, _red) == 0, "the seal does not reach past the first third"
    text = subprocess.run(["pdftotext", "-f", str(page + 1), "-l", str(page + 1), str(signed), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "CHỦ TỊCH" in text and "Nơi nhận:" in text, "the text around the signature stays readable"
    # Title above, name below: the signature sits inside the room the report left between them.
    room = _room(report_pdf)
    assert room[1] - 0.5 <= signature[1] and signature[3] <= room[3] + 0.5


def _room(pdf: Path) -> tuple[float, float, float, float]:
    reader = PdfFileReader(io.BytesIO(pdf.read_bytes()))
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page = reader.find_page_for_modification(index)[0].get_object()
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if str(annot.get("/Contents", "")) == "baocao-signature-area":
                return tuple(float(v) for v in annot["/Rect"])  # type: ignore[return-value]
    raise AssertionError("the report PDF marks no signature room")


def _appendix(path: Path) -> Path:
    fonts = report_font_family()
    canvas = Canvas(str(path), pagesize=landscape(A4))
    for page in (1, 2):
        canvas.setFont(fonts.bold, 14)
        canvas.drawCentredString(landscape(A4)[0] / 2, 480, f"PHỤ LỤC II — trang {page}")
        canvas.showPage()
    canvas.save()
    return path


def test_separate_appendix_form(pki: Pki, tmp_path: Path) -> None:
    appendix = _appendix(tmp_path / "phu-luc.pdf")
    out = tmp_path / "phu-luc-ky.pdf"
    sign_pdf(appendix, out, SigningRequest(Role.AGENCY, appendix_number="05/BC-UBND"),
             TokenKey(softhsm.LIBRARY, AGENCY_TOKEN), softhsm.PIN, roots(pki))
    [check] = verify_pdf(out, roots(pki))
    assert check.ok and check.role is Role.AGENCY
    page, box = _widgets(out)["ChuKyCoQuan"]
    width, height = landscape(A4)
    assert page == 0 and box[2] > width - 60 and box[3] > height - 40, "top right of page 1"
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-raw", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Số, ký hiệu: 05/BC-UBND" in text
    shown = re.search(r"Thời gian ký: (\d\d):(\d\d):(\d\d), (\d\d)/(\d\d)/(\d{4})", text)
    assert shown is not None, text
    assert check.signed_at is not None
    assert shown.group(4, 5, 6) == (f"{check.signed_at:%d}", f"{check.signed_at:%m}", f"{check.signed_at:%Y}")
    assert int(shown.group(1)) == check.signed_at.hour, "Vietnam time"
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"\+(Tinos|TimesNewRomanPSMT)\s", fonts), fonts
    assert {round(h / TINOS_WORD_HEIGHT) for h in _word_heights(out, ("Số,", "hiệu:", "Thời", "gian"))} == {10}
    image = _page_png(out, 0, tmp_path)
    image.save(tmp_path / "xem-phu-luc.png")
    black = _count(image, box, lambda p: max(p) < 80)
    coloured = _count(image, box, lambda p: max(p) - min(p) > 60)
    assert black > 100 and coloured == 0, "black text, no image"


def test_timestamped_signature_is_pades_b_t(pki: Pki, report_pdf: Path, tmp_path: Path, nss_db: str) -> None:
    out = tmp_path / "ky-dau-thoi-gian.pdf"
    with timestamp_server(pki.tsa, pki.ca) as url:
        result = sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image, timestamp_url=url),
                          TokenKey(softhsm.LIBRARY, SIGNER_TOKEN), softhsm.PIN, roots(pki))
    assert result.timestamped
    [check] = verify_pdf(out, roots(pki))
    assert check.ok and check.timestamped
    assert "Signature is Valid." in pdfsig(out, nss_db)
