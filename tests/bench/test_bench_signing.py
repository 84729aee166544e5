"""Budgets (issue 19): signing a 13-page report on a SoftHSM2 token, PIN given (no entry), ≤ 1 s;
verifying both of its signatures ≤ 0.5 s."""

from __future__ import annotations

import subprocess
from pathlib import Path

from desktop.signing.keys import TokenKey
from desktop.signing.pades import Role, SigningRequest, sign_pdf
from desktop.signing.verify import verify_pdf
from tests.bench.conftest import scale
from tests.signing import softhsm
from tests.signing.conftest import SIGNER_TOKEN, Pki, pki, report_pdf  # noqa: F401 - the fixtures, shared
from tests.signing.helpers import roots, sign_both

ROUNDS = scale(1, 10)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def test_bench_sign_13_pages_on_softhsm(benchmark, pki: Pki, report_pdf: Path,  # type: ignore[no-untyped-def]  # noqa: F811
                                        tmp_path: Path) -> None:
    assert _pages(report_pdf) == 13
    out = tmp_path / "ky.pdf"
    key = TokenKey(softhsm.LIBRARY, SIGNER_TOKEN)
    request = SigningRequest(Role.SIGNER, image=pki.signature_image)
    benchmark.pedantic(sign_pdf, args=(report_pdf, out, request, key, softhsm.PIN, roots(pki)), rounds=ROUNDS)
    assert [c.ok for c in verify_pdf(out, roots(pki))] == [True]


def test_bench_verify_13_pages_two_signatures(benchmark, pki: Pki, report_pdf: Path,  # type: ignore[no-untyped-def]  # noqa: F811
                                              tmp_path: Path) -> None:
    _first, signed = sign_both(pki, report_pdf, tmp_path)
    checks = benchmark.pedantic(verify_pdf, args=(signed, roots(pki)), rounds=ROUNDS)
    assert [c.ok for c in checks] == [True, True]


def test_bench_province_judges_a_signed_document(benchmark, pki: Pki, report_pdf: Path,  # type: ignore[no-untyped-def]  # noqa: F811
                                                 tmp_path: Path) -> None:
    """The province's work on a follow-up of that report (two signatures): the device signature and hash,
    the binding, and pyHanko's validation of both signatures (``server.document_intake.judge``)."""
    from datetime import UTC, datetime

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.sync.device_keys import ed25519_public_bytes
    from desktop.sync.signed_document import ReportBinding, make_signed_document, verify_signed_document_bytes
    from server.document_intake import judge

    _first, signed = sign_both(pki, report_pdf, tmp_path)
    device = Ed25519PrivateKey.generate()
    binding = ReportBinding("XA-TANHOA", "2026Q4", 1, "XA-TANHOA-2026Q4-r1", "0" * 64)
    document = make_signed_document(signed.read_bytes(), binding, created_at=datetime.now(UTC),
                                    recipient_key_id="x25519:00112233445566ff", signing_key=device)

    def take() -> str:
        return judge(verify_signed_document_bytes(document, ed25519_public_bytes(device)), roots(pki)).verdict

    # The report PDF of the session fixture names no bundle, so the verdict is the binding refusal, reached
    # only after every signature was validated: the whole cost is measured.
    assert benchmark.pedantic(take, rounds=ROUNDS) == "invalid"
