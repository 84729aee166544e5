"""A signed PDF the province refused because it does not trust the signer's CA, as an officer meets it: a
real demo store, a real province server process, a real SoftHSM2 token, the real window. The sync panel
shows the whole reason and what to do, «Gửi lại văn bản ký số» sends it again (still refused: the province's
roots have not changed), the home screen says the province did not recognise it; once the province trusts
the root, the next sync sends it again by itself and the province accepts it: the home screen says so, nothing
needs attention any more, and the sync does not claim new tasks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.signed_documents import queue_signed_document
from desktop.services.sync import enroll, outbox_counts, receipt_history, sync_now
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.signing.conftest import Pki, pki  # noqa: F401 - the fixture, shared
from tests.signing.helpers import refused_copy, server_admin
from tests.views.flow_helpers import settle_workers

TODAY = date(2026, 11, 23)
# The day the window shows: the demo's signed quarter (due 19/09) still has its card on the home screen.
CARD_DAY = date(2026, 10, 10)


def _signature_texts(window: object) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel, "signatureResult")  # type: ignore[attr-defined]
            if label.text()]


# A server process, a demo store, a token signature and four syncs (one a subprocess CLI each side): about a
# minute on a loaded 2-core machine, more than the suite's default limit.
@pytest.mark.slow(seconds=10)
@pytest.mark.timeout(900)
def test_a_refused_signed_pdf_is_explained_sent_again_and_accepted_once_the_root_is_trusted(
        qtbot: QtBot, pki: Pki, tmp_path: Path, demo_province_folder: Path) -> None:  # noqa: F811
    with DemoProvince(demo_province_folder) as province:
        store = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                           enroll=lambda store: enroll(store, province.url, demo_code(province))).store
        try:
            assert server_admin(province, "trust", "add", str(pki.ca_pem)).returncode == 0
            signed = refused_copy(store, pki, tmp_path)
            assert outbox_counts(store) == (0, 1)
            assert queue_signed_document(store, signed).new, "the same refused PDF is queued again, not 'already'"
            assert outbox_counts(store) == (1, 0)
            assert [o.code for o in sync_now(store).report.outcomes] == ["document_untrusted"], \
                "no new root: the province keeps its refusal"

            window = create_main_window(store, today=CARD_DAY)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitUntil(lambda: any("gốc Sở tin cậy" in t for t in _signature_texts(window)), timeout=30_000)
            panel = window.sync
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None and panel.detail.isVisible(), timeout=30_000)
            [refused] = [r for r in receipt_history(store) if r.kind == "signed_document"]
            item = panel.receipts.currentItem()
            assert item is not None and item.toolTip(4) == refused.message_vi, "the whole reason, not cut"
            assert "Người Lạ (do CA la cấp)" in panel.detail.text.text()
            assert "Đề nghị Sở thêm chứng thư gốc" in panel.detail.text.text()
            assert panel.detail.resend_button.isVisible()

            qtbot.mouseClick(panel.detail.resend_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.operation is None and panel.loading is None, timeout=30_000)
            assert panel.outcomes.topLevelItem(0).text(2) == "Sở từ chối: cần xử lý", "sent again, refused again"
            assert "Có nhiệm vụ mới" not in panel.state.text()

            assert server_admin(province, "trust", "add", str(tmp_path / "ca-la.pem")).returncode == 0
            qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.operation is None and panel.loading is None, timeout=30_000)
            assert "Có nhiệm vụ mới" not in panel.state.text(), "only the trust roots changed: no new task"
            assert panel.outcomes.topLevelItem(0).text(2) == "Sở đã nhận", panel.state.text()
            [accepted] = [r for r in receipt_history(store) if r.kind == "signed_document"]
            assert (accepted.status, accepted.verdict) == ("accepted", "valid")
            assert not panel.detail.resend_button.isVisible()
            assert outbox_counts(store) == (0, 0), "nothing needs attention after the acceptance"
            window.tabs.setCurrentWidget(window.dashboard)
            qtbot.waitUntil(lambda: any("Sở công nhận chữ ký của người ký" in t for t in _signature_texts(window)),
                            timeout=30_000)
            window.close()
        finally:
            settle_workers()
            store.close()
