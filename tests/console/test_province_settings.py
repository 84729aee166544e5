"""The province's settings as typed by staff: pure checks, no server."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import InputError
from server.console.i18n import EN
from server.db import Database
from server.province import ProvinceSettings, province_settings, set_province


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    database.create_schema()
    return database


@pytest.mark.parametrize("typed", ["Đồng Tháp", "tỉnh Đồng Tháp", "TỈNH ĐỒNG THÁP", "  Đồng   Tháp "])
def test_the_name_is_stored_once_however_it_is_typed(db: Database, typed: str) -> None:
    stored = set_province(db, actor="test", name=typed)
    assert stored.name == "Đồng Tháp" and stored.people_committee == "Ủy ban nhân dân tỉnh Đồng Tháp"
    assert stored.unit.upper() == "TỈNH ĐỒNG THÁP" and stored.place == "Đồng Tháp"


def test_a_city_is_addressed_as_a_city(db: Database) -> None:
    stored = set_province(db, actor="test", name="thành phố Cần Thơ")
    assert stored.people_committee == "Ủy ban nhân dân thành phố Cần Thơ" and stored.place == "Cần Thơ"


@pytest.mark.parametrize("given", [{"name": "UBND tỉnh Đồng Tháp"}, {"public_url": "baocao.dongthap.gov.vn"},
                                   {"public_url": "ftp://baocao"}, {"phone": "gọi anh Bình"},
                                   {"name": "x" * 101}])
def test_values_that_cannot_be_used_are_refused_and_nothing_changes(db: Database, given: dict[str, str]) -> None:
    with pytest.raises(InputError):
        set_province(db, actor="test", **given)
    assert province_settings(db) == ProvinceSettings()


def test_only_the_given_settings_change_and_an_empty_value_clears_one(db: Database) -> None:
    set_province(db, actor="test", name="Đồng Tháp", phone="0277 3851 234", public_url="https://baocao.gov.vn/")
    stored = set_province(db, actor="test", phone="")
    assert (stored.name, stored.phone, stored.public_url) == ("Đồng Tháp", "", "https://baocao.gov.vn")
    assert not stored.public_url_is_local
    assert set_province(db, actor="test", public_url="http://127.0.0.1:8781").public_url_is_local
    assert set_province(db, actor="test", public_url="http://localhost:8750").public_url_is_local


def test_the_letters_key_labels_have_english() -> None:
    from desktop.sync.device_keys import ProvinceKeys
    from server.console.agencies import fingerprints

    assert all(f.label in EN for f in fingerprints(ProvinceKeys.generate().public()))


@pytest.mark.parametrize(("typed", "authority", "title"), [
    ("Giám đốc", "", "GIÁM ĐỐC"), ("GIÁM ĐỐC", "", "GIÁM ĐỐC"), ("", "", "GIÁM ĐỐC"),
    ("Phó Giám đốc", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("KT. Giám đốc", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")])
def test_the_signers_title_is_the_director_or_a_deputy_signing_for_him(db: Database, typed: str, authority: str,
                                                                       title: str) -> None:
    stored = set_province(db, actor="test", signer_title=typed, signer_name="  Trần  Thị Bình ")
    assert (stored.signer_authority, stored.signer_title, stored.signer_name) == (authority, title, "Trần Thị Bình")


def test_the_symbols_are_printed_in_capitals_and_an_empty_one_is_the_default(db: Database) -> None:
    stored = set_province(db, actor="test", symbol="skhcn", drafting_unit=" qlkh ")
    assert (stored.symbol, stored.drafting_unit) == ("SKHCN", "QLKH")
    assert set_province(db, actor="test", symbol="SKHĐT").symbol == "SKHĐT"
    stored = set_province(db, actor="test", symbol="", drafting_unit="")
    assert (stored.symbol, stored.drafting_unit) == ("SKHCN", "VP")


@pytest.mark.parametrize("given", [{"signer_title": "Chủ tịch"}, {"symbol": "BC/SKHCN"}, {"drafting_unit": "V-P"},
                                   {"symbol": "S" * 21}, {"signer_name": "x" * 101}])
def test_a_signer_or_symbol_that_cannot_be_printed_is_refused(db: Database, given: dict[str, str]) -> None:
    with pytest.raises(InputError):
        set_province(db, actor="test", **given)
    assert province_settings(db) == ProvinceSettings()


def test_the_audit_names_only_the_settings_that_changed(db: Database) -> None:
    from sqlalchemy import select

    from server.models import AuditEvent

    set_province(db, actor="test", name="Đồng Tháp", phone="0277 3851 234")
    set_province(db, actor="test", name="Đồng Tháp", department="Sở Khoa học và Công nghệ", phone="0277 3851 234",
                 public_url="", symbol="SKHCN", drafting_unit="VP", signer_title="Giám đốc", signer_name="Lê Văn An")
    set_province(db, actor="test", name="Đồng Tháp", signer_name="Lê Văn An")
    with db.reading() as connection:
        subjects = connection.execute(select(AuditEvent.subject).order_by(AuditEvent.id)).scalars().all()
    assert subjects == ["name, phone", "signer_name"]
