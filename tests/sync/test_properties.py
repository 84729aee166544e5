"""Property tests: any report and any files make a bundle that verifies to the same values; any bytes
encrypt and decrypt to themselves."""

from __future__ import annotations

import hashlib
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.report_snapshot import AttachmentRef
from desktop.sync.bundle import verify_bundle
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes, load_device_key
from desktop.sync.encrypted_export import CHUNK, decrypt_file, encrypt_file
from tests.sync.conftest import DEVICE_SEED, build
from tests.sync.report_factory import make_snapshot

KEY = load_device_key(DEVICE_SEED)
PUBLIC = ed25519_public_bytes(KEY)
PROVINCE = ProvinceKeys.generate()
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tasks=st.integers(0, 8), indicators=st.integers(0, 5), summary=texts, revision=st.integers(1, 50),
       sequence=st.integers(1, 10**9), files=st.lists(st.binary(max_size=3000), max_size=4, unique=True))
def test_make_then_verify_round_trips(tasks: int, indicators: int, summary: str, revision: int, sequence: int,
                                      files: list[bytes]) -> None:
    refs = tuple(AttachmentRef(f"tệp {i}.pdf", hashlib.sha256(d).hexdigest(), len(d), "application/pdf")
                 for i, d in enumerate(files))
    snapshot = make_snapshot(max(tasks, 1 if refs else 0), indicators, revision=revision,
                             supersedes=revision - 1 or None, attachments=refs)
    snapshot = snapshot.__class__(**{**snapshot.__dict__, "summary": summary})
    data = build(snapshot, KEY, {r.sha256: d for r, d in zip(refs, files, strict=True)}, sequence=sequence)
    verified = verify_bundle(io.BytesIO(data), key_for_agency={"XA-TANHOA": PUBLIC}.get)
    assert verified.report == snapshot
    assert verified.sequence == sequence
    for ref, content in zip(refs, files, strict=True):
        out = io.BytesIO()
        verified.copy_attachment(ref.sha256, out)
        assert out.getvalue() == content


@settings(max_examples=40, deadline=None)
@given(data=st.one_of(st.binary(max_size=5000), st.integers(0, 3).map(lambda n: b"\x07" * (n * CHUNK))),
       suite=st.sampled_from(["x25519", "mlkem768x25519"]))
def test_encrypt_then_decrypt_round_trips(data: bytes, suite: str) -> None:
    kid, public = PROVINCE.public().recipient(suite)
    sealed, opened = io.BytesIO(), io.BytesIO()
    encrypt_file(io.BytesIO(data), sealed, public, recipient_key_id=kid, suite=suite)
    sealed.seek(0)
    decrypt_file(sealed, opened, PROVINCE.hpke_private_key)
    assert opened.getvalue() == data
