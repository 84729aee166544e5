"""Fuzz target for the bundle and export parsers: arbitrary and mutated input never crashes them.

Bounded for CI (hypothesis settings: example count and deadline); the parsers themselves bound memory
through ``Limits``, so a run cannot grow without bound. Any outcome other than a named refusal (or, for an
unmutated input, acceptance) fails.
"""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync.bundle import verify_bundle
from desktop.sync.bundle_container import Limits
from desktop.sync.bundle_errors import BundleError
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes, load_device_key
from desktop.sync.encrypted_export import ExportError, decrypt_file, encrypt_file
from tests.sync.conftest import DEVICE_SEED, small_bundle

KEY = load_device_key(DEVICE_SEED)
SEED_BUNDLE = small_bundle(KEY)
KEYS = {"XA-TANHOA": ed25519_public_bytes(KEY)}.get
LIMITS = Limits(max_bundle_bytes=1024**2, max_manifest_bytes=64 * 1024, max_files=50, max_report_bytes=256 * 1024)
PROVINCE = ProvinceKeys.generate()
FUZZ = settings(max_examples=1500, deadline=1000, suppress_health_check=[HealthCheck.too_slow])


def mutate(seed: bytes) -> st.SearchStrategy[bytes]:
    """Seed input with a few random splices: overwrites, insertions, deletions, truncation."""
    edit = st.tuples(st.integers(0, len(seed)), st.integers(0, 16), st.binary(max_size=16))

    def apply(edits: list[tuple[int, int, bytes]]) -> bytes:
        data = bytearray(seed)
        for at, cut, new in edits:
            data[at:at + cut] = new
        return bytes(data)

    return st.lists(edit, min_size=1, max_size=4).map(apply)


@FUZZ
@given(data=st.one_of(st.binary(max_size=4096), mutate(SEED_BUNDLE)))
def test_bundle_parser_never_crashes(data: bytes) -> None:
    try:
        verify_bundle(io.BytesIO(data), key_for_agency=KEYS, limits=LIMITS)
    except BundleError as error:
        assert error.code and error.message_en
    else:
        assert data == SEED_BUNDLE


def _sealed() -> bytes:
    kid, public = PROVINCE.public().recipient()
    out = io.BytesIO()
    encrypt_file(io.BytesIO(SEED_BUNDLE), out, public, recipient_key_id=kid)
    return out.getvalue()


SEALED = _sealed()


@FUZZ
@given(data=st.one_of(st.binary(max_size=4096), mutate(SEALED)))
def test_export_parser_never_crashes(data: bytes) -> None:
    out = io.BytesIO()
    try:
        decrypt_file(io.BytesIO(data), out, PROVINCE.hpke_private_key, max_length=1024**2)
    except ExportError as error:
        assert error.code and error.message_en
    else:
        assert out.getvalue() == SEED_BUNDLE
