"""This installation's agency: who reports from this PC, as the header and signature block need it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.text import nfc
from desktop.errors import InputError
from desktop.models.plan import Agency
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store

AGENCY_SETTING = "installation.agency_code"


@dataclass(frozen=True)
class AgencyProfile:
    """The reporting agency's identity and document details."""

    code: str
    name: str
    kind: str = "commune"
    parent_name: str = ""
    place: str = ""
    symbol: str = "UBND"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""


def configure_agency(store: Store, profile: AgencyProfile) -> None:
    """Record (or update) the agency this installation reports for."""
    values = {k: nfc(v).strip() for k, v in profile.__dict__.items()}
    if not values["code"] or not values["name"]:
        raise InputError("Cần mã và tên cơ quan.", "An agency code and name are required.", code="agency_missing")
    with store.session() as session:
        agency = session.scalar(select(Agency).where(Agency.code == values["code"]))
        if agency is None:
            session.add(Agency(**values))
        else:
            for name, value in values.items():
                if getattr(agency, name) != value:
                    setattr(agency, name, value)
        set_setting(session, AGENCY_SETTING, values["code"])


def profile_from_province(store: Store, sent: Mapping[str, Any]) -> AgencyProfile:
    """The agency as the province enrolled it: its identity from the province; the details of its documents
    (place, symbol, signer) kept from this PC when the province sends none, so that enrolling does not
    blank the place and the signer of every report printed afterwards."""
    with store.session() as session:
        known = session.scalar(select(Agency).where(Agency.code == sent["code"]))
        kept = AgencyProfile(code="", name="") if known is None else AgencyProfile(
            code=known.code, name=known.name, place=known.place, symbol=known.symbol,
            signer_title=known.signer_title, signer_name=known.signer_name)
    return AgencyProfile(code=sent["code"], name=sent["name"], kind=sent.get("kind") or "commune",
                         parent_name=sent.get("parent_name") or "", place=sent.get("place") or kept.place,
                         symbol=kept.symbol, signer_title=kept.signer_title, signer_name=kept.signer_name)


def installation_agency(session: Session) -> Agency:
    """The agency of this installation; a clear error if none was set up."""
    code = get_setting(session, AGENCY_SETTING)
    agency = session.scalar(select(Agency).where(Agency.code == code)) if code else None
    if agency is None:
        raise InputError("Chưa khai báo cơ quan báo cáo trên máy này (hãy đăng ký với Sở hoặc chạy «baocao demo»).",
                         "No reporting agency is set up on this PC (enroll with the province or run «baocao demo»).",
                         code="no_agency")
    return agency
