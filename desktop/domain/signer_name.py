"""Whether the signer's name printed on the report (the agency profile) is the name in the certificate that
signs it: compared in NFC, ignoring case and repeated spaces (the CA writes "NGUYỄN VĂN AN", the profile
"Nguyễn Văn An"). A difference is only warned about: the signature stays the certificate holder's."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from desktop.i18n import current_language


@dataclass(frozen=True)
class NameMismatch:
    """The report prints ``printed`` as its signer, but the certificate signing it is ``holder``'s."""

    printed: str
    holder: str

    def notice(self, language: str | None = None) -> str:
        """The warning, in ``language`` (default: the user's)."""
        if (language or current_language()) == "en":
            return (f"Warning: the report prints «{self.printed}» as its signer (agency details), but the certificate "
                    f"is «{self.holder}»'s. The digital signature is the certificate holder's. (If the signer has "
                    "changed, correct the name in the agency details and export the PDF again.)")
        return (f"Cảnh báo: báo cáo in tên người ký «{self.printed}» (thông tin cơ quan), nhưng chứng thư là của "
                f"«{self.holder}». Chữ ký số là của người giữ chứng thư. (Nếu người ký đã đổi, sửa tên trong thông "
                "tin cơ quan rồi xuất lại PDF.)")


def comparable_name(name: str) -> str:
    """``name`` in NFC, case-folded, its spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def printed_name_differs(printed: str, certificate_name: str) -> bool:
    """Whether a printed signer's name is set and is not the certificate's."""
    return bool(comparable_name(printed)) and comparable_name(printed) != comparable_name(certificate_name)


def name_mismatch(printed: str, certificate_name: str) -> NameMismatch | None:
    """The mismatch to warn about, or None when the printed name is unset or is the certificate's."""
    return NameMismatch(printed, certificate_name) if printed_name_differs(printed, certificate_name) else None
