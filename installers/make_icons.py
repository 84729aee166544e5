"""Render the app icon's PNG and ICO files from desktop/resources/icons/baocao.svg (the one drawing).

Run after editing the SVG: ``python installers/make_icons.py``. It needs only Qt (already a dependency):
Qt's SVG renderer draws each size, and the ICO is written here directly — BMP entries up to 48 px, as
every Windows shell and Inno Setup read them, and a PNG entry for 256 px, as Windows Vista and later do.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "desktop" / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZES = (16, 32, 48, 64, 128)
PNG_IN_ICO_FROM = 64


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent ``size``×``size`` image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA DIB as ICO entries hold it: header, bottom-up pixels, then an all-clear AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = [bytes(argb.constScanLine(y))[: size * 4] for y in range(size)]  # BGRA in memory (little endian)
    mask_stride = ((size + 31) // 32) * 4
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, size * size * 4, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + bytes(mask_stride * size)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """An ICO file holding every image, each entry sized and offset in the directory."""
    payloads = [(size, png_bytes(img) if size >= PNG_IN_ICO_FROM else dib_bytes(img))
                for size, img in sorted(images.items())]
    header = struct.pack("<HHH", 0, 1, len(payloads))
    offset = len(header) + 16 * len(payloads)
    directory = b""
    for size, payload in payloads:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    return header + directory + b"".join(payload for _size, payload in payloads)


def main() -> int:
    """Write baocao.png (256 px), baocao-<size>.png (smaller sizes) and baocao.ico next to the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "baocao.svg"
    images = {size: render(svg, size) for size in sorted(set(ICO_SIZES) | set(PNG_SIZES))}
    for size in PNG_SIZES:
        (ICONS / f"baocao-{size}.png").write_bytes(png_bytes(images[size]))
    (ICONS / "baocao.png").write_bytes(png_bytes(images[256]))
    (ICONS / "baocao.ico").write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
