"""A signed PDF the province refuses comes back with the province's signed receipt, and the desktop keeps it
(verified) as it keeps an acceptance's: the refusal says when the province judged it and who signed, from
the receipt; ``baocao outbox`` shows that time. A real province server process on 127.0.0.1, a real
SoftHSM2 token (a certificate of a CA the province does not trust)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.officer_words import moment_words, parse_moment
from desktop.models.outbox import OutboxItem
from desktop.services.demo_province import DemoProvince
from desktop.services.identity import require_province
from desktop.services.sync import receipt_history
from desktop.sync.receipt import verify_receipt
from tests.conftest import PASSPHRASE, run_cli_in_process
from tests.signing.conftest import Pki
from tests.signing.helpers import enrolled_demo_with_refused_copy

TODAY = date(2026, 11, 23)


@pytest.mark.slow(seconds=15)
@pytest.mark.timeout(900)
def test_a_refused_signed_pdf_keeps_the_province_s_receipt(pki: Pki, tmp_path: Path,
                                                           demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        store = enrolled_demo_with_refused_copy(province, pki, tmp_path, TODAY)
        try:
            [row] = [row for row in receipt_history(store) if row.kind == "signed_document"]
            with store.session() as session:
                kept = session.scalar(select(OutboxItem.receipt).where(OutboxItem.bundle_id == row.bundle_id))
                assert kept is not None, "the province's signed refusal is kept"
                receipt = verify_receipt(kept, require_province(session).signing)
        finally:
            store.close()
        assert (receipt.status, receipt.code) == ("rejected", "document_untrusted")
        assert receipt.document is not None and receipt.document["verdict"] == "untrusted"
        assert [s["signer"] for s in receipt.document["signatures"]] == ["Người Lạ"]
        assert (row.state, row.status, row.verdict) == ("needs_attention", "rejected", "untrusted")
        assert row.received_at == receipt.received_at and row.message_vi == receipt.message_vi
        assert row.code == "document_untrusted"

        listed = run_cli_in_process("outbox", env={"BAOCAO_DATA_DIR": str(tmp_path / "data"),
                                                   "BAOCAO_PASSPHRASE": PASSPHRASE})
        [line] = [line for line in listed.stdout.splitlines() if row.bundle_id in line]
        moment = parse_moment(receipt.received_at)
        assert moment is not None and moment_words(moment)[0] in line and receipt.message_vi in line, line
