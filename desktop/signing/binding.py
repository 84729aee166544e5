"""Which report bundle a signed PDF is of: the token baocao writes in the PDF's /Keywords, read from the
revision the first digital signature covers (so nothing added after signing can change the answer)."""

from __future__ import annotations

import re

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from desktop.sync.signed_document import BINDING_PREFIX

_TOKEN = re.compile(re.escape(BINDING_PREFIX) + r"([0-9a-f]{64})(?![0-9a-f])")


def binding_keyword(bundle_sha256: str) -> str:
    """The /Keywords token a report PDF carries for the bundle with SHA-256 ``bundle_sha256``."""
    return f"{BINDING_PREFIX}{bundle_sha256}"


def signed_bundle_sha256(reader: PdfFileReader) -> str | None:
    """The bundle SHA-256 in /Keywords as the first signature signed it; None without a signature or token."""
    try:
        signatures = list(reader.embedded_signatures)
        if not signatures:
            return None
        first = min(signatures, key=lambda sig: sig.signed_revision)
        trailer = reader.get_historical_resolver(first.signed_revision).trailer_view
        info = trailer.get("/Info")
        info = info.get_object() if info is not None else None
        keywords = info.get("/Keywords") if isinstance(info, generic.DictionaryObject) else None
        text = keywords.get_object() if keywords is not None else None
    except (PdfError, KeyError, ValueError, TypeError):
        return None
    if not isinstance(text, generic.TextStringObject | generic.ByteStringObject | str):
        return None
    found = _TOKEN.search(str(text)[:4096])
    return found.group(1) if found else None
