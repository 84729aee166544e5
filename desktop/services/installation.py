"""This installation's agency: who reports from this PC, as the header and signature block need it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.agencies import canonical_agency
from desktop.domain.text import fold, nfc
from desktop.errors import InputError
from desktop.models.plan import Agency
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store

AGENCY_SETTING = "installation.agency_code"
DECLARED_SETTING = "installation.agency_declared_here"  # set while the agency is the officer's own, not the Sở's
DECLARED_PREFIX = "TU-KHAI-"  # a declared agency's code until the province's enrollment gives the real one
NAME_LIMIT = 200


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


def official_agency_name(typed: str) -> str:
    """The name a typed agency is stored and printed under, normalised as the plans' agencies are
    («UBND xã Mỹ Hiệp» → «Ủy ban nhân dân xã Mỹ Hiệp»); empty when nothing was typed."""
    text = nfc(typed).strip()
    return canonical_agency(text[:NAME_LIMIT + 1]) if text else ""


def declare_agency(store: Store, name: str, place: str = "") -> AgencyProfile:
    """The officer names the commune this PC reports for, before (or without) the Sở's enrollment.

    Refused once the PC is enrolled: then the Sở's agency is the one. Declared again, the same row is
    renamed, so what was typed under the first name follows. Enrolling later renames it to the Sở's code
    and name (``adopt_declared``)."""
    name, place = official_agency_name(name), nfc(place).strip()
    if not name or len(name) > NAME_LIMIT or len(place) > NAME_LIMIT:
        raise InputError("Hãy nhập tên cơ quan báo cáo (tối đa 200 ký tự), ví dụ «Ủy ban nhân dân xã Mỹ Hiệp».",
                         "Type the reporting agency's name (at most 200 characters), e.g. "
                         "«Ủy ban nhân dân xã Mỹ Hiệp».",
                         code="agency_missing")
    with store.session() as session:
        code = get_setting(session, AGENCY_SETTING)
        declared = bool(get_setting(session, DECLARED_SETTING))
        if code and not declared:
            agency = session.scalar(select(Agency).where(Agency.code == code))
            raise InputError(f"Máy này đã đăng ký với Sở: cơ quan báo cáo là «{agency.name if agency else code}», "
                             "do Sở khai báo.",
                             f"This PC is enrolled with the province: the reporting agency is "
                             f"«{agency.name if agency else code}», as the province set it.", code="agency_enrolled")
    profile = AgencyProfile(code=code if code and declared else DECLARED_PREFIX + fold(name).upper().replace(" ", "-"),
                            name=name, place=place)
    configure_agency(store, profile)
    with store.session() as session:
        set_setting(session, DECLARED_SETTING, "1")
    return profile


def adopt_declared(store: Store, province_code: str) -> str | None:
    """Before the Sở's agency is recorded: a declared agency takes the Sở's code, so the reports typed under
    it stay this agency's; the Sở's name and details then replace the declared ones (the Sở wins when they
    differ). The declared name, if one was replaced, else None."""
    with store.session() as session:
        if not get_setting(session, DECLARED_SETTING):
            return None
        set_setting(session, DECLARED_SETTING, None)
        declared = session.scalar(select(Agency).where(Agency.code == get_setting(session, AGENCY_SETTING)))
        taken = session.scalar(select(Agency).where(Agency.code == province_code))
        if declared is None or taken is not None:
            return None
        declared.code = province_code
        set_setting(session, AGENCY_SETTING, province_code)
        return declared.name


def current_agency(store: Store) -> tuple[AgencyProfile | None, bool]:
    """The agency this PC reports for (None if none yet) and whether the officer declared it (not the Sở)."""
    with store.session() as session:
        code = get_setting(session, AGENCY_SETTING)
        agency = session.scalar(select(Agency).where(Agency.code == code)) if code else None
        declared = bool(get_setting(session, DECLARED_SETTING))
        if agency is None:
            return None, declared
        return AgencyProfile(code=agency.code, name=agency.name, kind=agency.kind, place=agency.place), declared


def has_agency(store: Store) -> bool:
    """Whether this PC knows which agency it reports for."""
    with store.session() as session:
        return get_setting(session, AGENCY_SETTING) is not None


def installation_agency(session: Session) -> Agency:
    """The agency of this installation; a clear error if none was set up."""
    code = get_setting(session, AGENCY_SETTING)
    agency = session.scalar(select(Agency).where(Agency.code == code)) if code else None
    if agency is None:
        raise InputError("Chưa khai báo cơ quan báo cáo trên máy này: hãy đăng ký với Sở (thẻ Đồng bộ) hoặc khai "
                         "báo ở «Công cụ › Cơ quan báo cáo…».",
                         "No reporting agency is set up on this PC: enroll with the province (Sync tab) or declare it "
                         "under «Tools › Reporting agency…».", code="no_agency")
    return agency
