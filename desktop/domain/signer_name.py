"""Whether the signer's name printed on the report (the agency profile) is the name in the certificate that
signs it: compared in NFC, ignoring case and repeated spaces (the CA writes "NGUYỄN VĂN AN", the profile
"Nguyễn Văn An"). A difference is only warned about: the signature stays the certificate holder's."""

from __future__ import annotations

import unicodedata


def comparable_name(name: str) -> str:
    """``name`` in NFC, case-folded, its spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def printed_name_differs(printed: str, certificate_name: str) -> bool:
    """Whether a printed signer's name is set and is not the certificate's."""
    return bool(comparable_name(printed)) and comparable_name(printed) != comparable_name(certificate_name)
