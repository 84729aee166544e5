"""What a report workbook is for: the agency, the period and the revision it was written from.

The writer records them twice: in the visible title ("… QUÝ IV NĂM 2026", the agency's name) for people,
and for the reader in a hidden defined name ``BAOCAO_BAO_CAO`` and in the custom document property of the
same name, which Excel and LibreOffice keep when the file is filled and saved, and which no cell edit
reaches. ``fill`` compares them with the report it fills, so a workbook of another quarter or commune is
refused instead of silently taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.defined_name import DefinedName

IDENTITY_NAME = "BAOCAO_BAO_CAO"
_FIELD = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_MAX_TEXT = 250


@dataclass(frozen=True)
class WorkbookIdentity:
    """The report a workbook was written for."""

    agency: str
    period: str
    revision: int

    def text(self) -> str:
        """ "agency=XA-TANHOA;period=2026Q4;revision=1"."""
        return f"agency={self.agency};period={self.period};revision={self.revision}"

    @classmethod
    def parse(cls, text: object) -> WorkbookIdentity | None:
        """The identity of a recorded text; None when absent or not one this program wrote."""
        if not isinstance(text, str) or len(text) > _MAX_TEXT:
            return None
        parts = dict(part.partition("=")[::2] for part in text.strip().strip('"').split(";") if "=" in part)
        agency, period, revision = parts.get("agency", ""), parts.get("period", ""), parts.get("revision", "")
        if not (_FIELD.match(agency) and _FIELD.match(period) and revision.isdigit()):
            return None
        return cls(agency, period, int(revision))


def stamp_identity(workbook: Workbook, identity: WorkbookIdentity) -> None:
    """Record ``identity`` in the workbook's hidden defined name and its custom document property."""
    text = identity.text()
    workbook.defined_names[IDENTITY_NAME] = DefinedName(IDENTITY_NAME, attr_text=f'"{text}"', hidden=True)
    workbook.custom_doc_props.append(StringProperty(name=IDENTITY_NAME, value=text))


def read_identity(workbook: Any) -> WorkbookIdentity | None:
    """The recorded identity (the defined name first, then the document property), or None."""
    names = getattr(workbook, "defined_names", None)
    defined = names.get(IDENTITY_NAME) if names is not None else None
    found = WorkbookIdentity.parse(defined.attr_text) if defined is not None else None
    if found is not None:
        return found
    for prop in getattr(workbook, "custom_doc_props", None) or ():
        if getattr(prop, "name", None) == IDENTITY_NAME:
            return WorkbookIdentity.parse(getattr(prop, "value", None))
    return None
