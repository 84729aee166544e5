"""``baocao pdf resend ID``: a signed PDF the province refused as untrusted, sent again from the command line
as the sync panel's «Gửi lại văn bản ký số» does (the same service), against a real province server process
on 127.0.0.1 and a real SoftHSM2 token. Refused again while the province's roots have not changed; accepted
once the province trusts the signer's CA; an id that was not refused is said so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services.demo_province import DemoProvince
from desktop.services.sync import receipt_history
from tests.conftest import PASSPHRASE, run_cli_in_process
from tests.signing.conftest import Pki
from tests.signing.helpers import enrolled_demo_with_refused_copy, server_admin

TODAY = date(2026, 11, 23)


@pytest.mark.slow(seconds=15)
@pytest.mark.timeout(900)
def test_pdf_resend_sends_the_refused_document_to_the_server(pki: Pki, tmp_path: Path,
                                                            demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        store = enrolled_demo_with_refused_copy(province, pki, tmp_path, TODAY)
        try:
            [document] = [row.bundle_id for row in receipt_history(store) if row.kind == "signed_document"]
        finally:
            store.close()
        env = {"BAOCAO_DATA_DIR": str(tmp_path / "data"), "BAOCAO_PASSPHRASE": PASSPHRASE}

        listed = run_cli_in_process("outbox", env=env)
        assert document in listed.stdout, "the id to resend is the one «baocao outbox» lists"
        again = run_cli_in_process("pdf", "resend", document, env=env)
        assert again.returncode == 1, again.stdout + again.stderr
        assert f"Gửi lại văn bản ký số {document}" in again.stdout
        assert f"{document}: bị từ chối, cần xem lại" in again.stdout, "sent, and the province still refuses"

        assert server_admin(province, "trust", "add", str(tmp_path / "ca-la.pem")).returncode == 0
        accepted = run_cli_in_process("pdf", "resend", document, env=env | {"LANG": "en"})
        assert accepted.returncode == 0, accepted.stdout + accepted.stderr
        assert f"{document}: received by the province, receipt kept" in accepted.stdout

        nothing = run_cli_in_process("pdf", "resend", document, env=env)
        assert nothing.returncode != 0 and "không ở trạng thái bị Sở từ chối" in nothing.stderr, nothing.stderr
