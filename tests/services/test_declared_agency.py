"""The reporting agency declared in the window before the Sở's enrollment: the enrollment takes the same
agency over (its reports stay), the Sở's name wins, and a PC already enrolled cannot be re-declared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import InputError
from desktop.models.plan import Agency
from desktop.models.store import Store
from desktop.services import installation
from desktop.services.installation import configure_agency, profile_from_province
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    made, _recovery = Store.create(tmp_path / "data", "admin", PASSPHRASE, FAST_KDF)
    yield made
    made.close()


def _enroll(store: Store, name: str) -> None:
    """What ``sync.enroll`` does with the Sở's answer (the network part is tested with the server)."""
    installation.adopt_declared(store, "DT-MYHIEP")
    configure_agency(store, profile_from_province(store, {"code": "DT-MYHIEP", "name": name, "kind": "commune"}))


def test_a_declared_agency_is_the_installation_agency(store: Store) -> None:
    assert not installation.has_agency(store)
    installation.declare_agency(store, "  Ủy ban nhân dân xã Mỹ Hiệp ", "Mỹ Hiệp")
    with store.session() as session:
        agency = installation.installation_agency(session)
        assert (agency.name, agency.place, agency.kind) == ("Ủy ban nhân dân xã Mỹ Hiệp", "Mỹ Hiệp", "commune")


def test_declaring_again_renames_the_same_agency(store: Store) -> None:
    installation.declare_agency(store, "UBND xã My Hiep")
    with store.session() as session:
        first = installation.installation_agency(session).id
    installation.declare_agency(store, "Ủy ban nhân dân xã Mỹ Hiệp")
    with store.session() as session:
        agency = installation.installation_agency(session)
        assert agency.id == first and agency.name == "Ủy ban nhân dân xã Mỹ Hiệp"
        assert session.scalar(select(Agency).where(Agency.name == "UBND xã My Hiep")) is None


def test_the_provinces_enrollment_takes_the_declared_agency_over_and_its_name_wins(store: Store) -> None:
    installation.declare_agency(store, "UBND xã Mỹ Hiệp (tự khai)", "Mỹ Hiệp")
    with store.session() as session:
        declared = installation.installation_agency(session).id
    _enroll(store, "Ủy ban nhân dân xã Mỹ Hiệp")
    with store.session() as session:
        agency = installation.installation_agency(session)
        # The same row: reports typed under the declared name stay this agency's.
        assert (agency.id, agency.code, agency.name) == (declared, "DT-MYHIEP", "Ủy ban nhân dân xã Mỹ Hiệp")
        assert agency.place == "Mỹ Hiệp"  # kept: the Sở sent none
    with pytest.raises(InputError, match="đã đăng ký với Sở"):
        installation.declare_agency(store, "Xã khác")


def test_the_choices_are_the_communes_the_plans_name_not_the_departments(store: Store, tmp_path: Path) -> None:
    from desktop.documents.sample_plan_data import DONG_THAP_3256
    from desktop.services.plans import import_plan, named_agencies
    from tests.documents.plan_documents import write_docx

    import_plan(store, write_docx(DONG_THAP_3256, tmp_path / "3256.docx"))
    assert named_agencies(store) == []  # it names «UBND các xã, phường» (a group) and departments only
    with store.session() as session:
        from desktop.models.plan import Task, TaskAgency

        task = session.scalars(select(Task)).first()
        assert task is not None
        task.agencies.append(TaskAgency(role="coordinator", agency_name="Ủy ban nhân dân xã Mỹ Hiệp", position=99))
    assert named_agencies(store) == ["Ủy ban nhân dân xã Mỹ Hiệp"]


def test_a_typed_abbreviation_is_stored_under_the_official_name(store: Store) -> None:
    """«UBND xã …» is stored as the report prints an agency: «Ủy ban nhân dân xã …», as the plans' are."""
    profile = installation.declare_agency(store, "  UBND  xã Mỹ Hiệp ", "Mỹ Hiệp")
    assert profile.name == "Ủy ban nhân dân xã Mỹ Hiệp"
    with store.session() as session:
        assert installation.installation_agency(session).name == "Ủy ban nhân dân xã Mỹ Hiệp"
