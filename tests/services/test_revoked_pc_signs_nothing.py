"""A PC whose key the province revoked is told so when the officer signs, not later at sync."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.errors import InputError
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services import reports, signing
from desktop.services.identity import record_revoked
from tests.services.conftest import TODAY

SAID_VI = ("Máy này đã bị Sở thu hồi lúc 03/12/2026 19:55 vì một máy khác của cơ quan đã đăng ký thay máy này; "
           "Sở không nhận gì gửi từ máy này nữa. "
           "Nếu cơ quan vẫn dùng máy này, hãy xin Sở mã đăng ký mới và đăng ký lại.")
SAID_EN = "This PC was revoked by the province at 03/12/2026 19:55; ask the province for a new enrollment code."


def test_signing_on_a_revoked_pc_is_refused_with_the_provinces_words(demo_store: Store) -> None:
    assert reports.reopen_report(demo_store, "2026Q3", "Sửa số liệu") == 2
    with demo_store.session() as session:
        record_revoked(session, SAID_VI, SAID_EN)
        queued = session.scalar(select(func.count()).select_from(OutboxItem))
    with pytest.raises(InputError) as refused:
        signing.approve_and_sign(demo_store, "2026Q3", TODAY)
    said = refused.value.message("vi")
    assert refused.value.code == "device_revoked"
    assert said.startswith("Không ký được") and "19:55" in said and "mã đăng ký mới và đăng ký lại" in said
    assert "Cannot sign" in refused.value.message("en")
    with demo_store.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxItem)) == queued
    assert [h["status"] for h in reports.report_history(demo_store, "2026Q3")] == ["signed", "draft"]
