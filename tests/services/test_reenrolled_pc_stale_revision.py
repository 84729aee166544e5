"""The old PC found again after a replacement, against a real province server (newcomer15c, step 4b): the new
PC made and sent lần 2; the old PC, enrolled again with a new key, cannot sign a revision made from its own
stale copy (it would silently undo lần 2 on the province). Its enrollment and the refusal both name the
province's revision (which PC, when) and the way out, and the revision opened from the province's copy
carries the new PC's correction."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import IntegrityError
from desktop.models.store import Store
from desktop.services import accounts, reports, signing
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import continue_from_province, enroll, restore_from_province, sync_now
from desktop.sync.sync_errors import DeviceRejected
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.usb_round_trip import SIGNED, TODAY, enrolled_pc

WAY_OUT = "«Mở lần sửa đổi mới từ bản của Sở…»"
CORRECTION = "Bản sửa của máy mới: số liệu đã đối chiếu lại"


def _sent(store: Store) -> list[str]:
    return [o.outcome for o in sync_now(store).report.outcomes]


def _note(store: Store) -> str:
    return reports.open_report(store, SIGNED, TODAY).indicators[0].note or ""


@pytest.mark.timeout(900)  # a server process and two stores
def test_a_reenrolled_old_pc_cannot_overwrite_the_new_pcs_revision_with_its_stale_copy(
        tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = enrolled_pc(tmp_path / "old", province, "Máy cũ")
        new = accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        try:
            assert _sent(old) == ["receipted"]
            # The new PC replaces the old one, restores lần 1 and sends its correction as lần 2.
            enroll(new, province.url, province.enrollment_code("all"), "Máy mới")
            sync_now(new)
            restore_from_province(new)
            reports.reopen_report(new, SIGNED, "Đối chiếu lại số liệu")
            ref = reports.open_report(new, SIGNED, TODAY).indicators[0].ref
            reports.update_indicator(new, SIGNED, ref, note=CORRECTION)
            signing.approve_and_sign(new, SIGNED, TODAY)
            assert _sent(new) == ["receipted"]

            # The old PC turns up: it signs after its revocation (refused), then is enrolled again.
            reports.reopen_report(old, SIGNED, "Sửa trên máy cũ")
            signing.approve_and_sign(old, SIGNED, TODAY)
            with pytest.raises(DeviceRejected):
                sync_now(old)
            again = enroll(old, province.url, province.enrollment_code(), "Máy cũ")
            assert again.revoked is not None and again.advice is not None
            advice = again.advice[0]
            assert "quý III/2026 lần 2 từ máy Máy mới lúc" in advice and WAY_OUT in advice, advice
            assert "baocao revise-from-province" in advice, advice
            sync_now(old)  # its lần 2, signed while revoked, is refused

            # Following the old advice («mở lần sửa đổi mới và ký lại») is refused, naming lần 2 and the way out.
            reports.reopen_report(old, SIGNED, "Ký lại")
            with pytest.raises(IntegrityError) as stale:
                signing.approve_and_sign(old, SIGNED, TODAY)
            said = stale.value.message_vi
            assert said.startswith("Lần 3 được soạn từ lần 2 trên máy này, trong khi Sở đã nhận lần 2 từ máy Máy mới "
                                   "lúc "), said
            assert WAY_OUT in said and "baocao revise-from-province" in said, said

            # The way out: a revision from the province's copy keeps the new PC's correction, and goes through.
            assert continue_from_province(old, SIGNED, "Tiếp tục từ bản của Sở") == 4
            assert _note(old) == CORRECTION
            signing.approve_and_sign(old, SIGNED, TODAY)
            assert _sent(old) == ["receipted"]
        finally:
            old.close()
            new.close()
