"""The hybrid export suite (2) of docs/bundle-format.md §5.1, pinned by its test vector.

``reference_open`` is the suite written again from the document alone (X-Wing's combiner with hashlib,
RFC 9180's key schedule with hmac; only ML-KEM-768, X25519 and ChaCha20-Poly1305 come from the library as
primitives), so the vector checks the specification against the library's HPKE, not the library against
itself. ``python -m tests.sync.test_hybrid_vector`` prints a fresh export and its intermediate values.
"""

from __future__ import annotations

import hashlib
import hmac
import io
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from desktop.sync.device_keys import MLKEM768_PUBLIC_LEN, ProvinceKeys, key_id
from desktop.sync.encrypted_export import (
    ExportHeader,
    decrypt_file,
    encrypt_file,
    header_info,
    open_chunks,
    payload_key,
    read_header,
)
from tests.sync.test_vectors import PROVINCE_SEED, RECIPIENT_SEED, documented

MLKEM_SEED = bytes(range(0x30, 0x70))  # d (32 bytes) then z (32 bytes), FIPS 203 KeyGen_internal
HYBRID_X25519_SEED = bytes([0x43] * 32)
SUITE = "mlkem768x25519"
XWING_LABEL = b"\\.//^\\"  # 5c 2e 2f 2f 5e 5c
SUITE_ID = b"HPKE" + bytes.fromhex("647a") + bytes.fromhex("0001") + bytes.fromhex("0003")
MLKEM_CT_LEN, X25519_LEN, ENC_LEN = 1088, 32, 1120


def province_keys() -> ProvinceKeys:
    """The vector's province: the §8 signing and X25519 seeds, and the hybrid key from the seeds above."""
    return ProvinceKeys(Ed25519PrivateKey.from_private_bytes(PROVINCE_SEED),
                        x25519.X25519PrivateKey.from_private_bytes(RECIPIENT_SEED), MLKEM_SEED,
                        x25519.X25519PrivateKey.from_private_bytes(HYBRID_X25519_SEED))


@dataclass(frozen=True)
class Opened:
    """Each step of opening a suite-2 export, as §5.1 names them."""

    shared_secret: bytes
    key: bytes
    base_nonce: bytes
    file_key: bytes
    plaintext: bytes


def _labeled_extract(salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt, b"HPKE-v1" + SUITE_ID + label + ikm, hashlib.sha256).digest()


def _labeled_expand(prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    block, out, counter = b"", b"", 1
    labeled = length.to_bytes(2, "big") + b"HPKE-v1" + SUITE_ID + label + info
    while len(out) < length:
        block = hmac.new(prk, block + labeled + bytes([counter]), hashlib.sha256).digest()
        out, counter = out + block, counter + 1
    return out[:length]


def reference_open(export: bytes, mlkem_seed: bytes, x25519_seed: bytes) -> Opened:
    """Open a suite-2 export by §5.1: X-Wing decapsulation, HPKE base-mode key schedule, then STREAM."""
    header: ExportHeader = read_header(io.BytesIO(export))
    enc, sealed = header.sealed_key[:ENC_LEN], header.sealed_key[ENC_LEN:]
    ct_m, ct_x = enc[:MLKEM_CT_LEN], enc[MLKEM_CT_LEN:]
    ss_m = mlkem.MLKEM768PrivateKey.from_seed_bytes(mlkem_seed).decapsulate(ct_m)
    sk_x = x25519.X25519PrivateKey.from_private_bytes(x25519_seed)
    ss_x = sk_x.exchange(x25519.X25519PublicKey.from_public_bytes(ct_x))
    shared = hashlib.sha3_256(ss_m + ss_x + ct_x + sk_x.public_key().public_bytes_raw() + XWING_LABEL).digest()
    context = (b"\x00" + _labeled_extract(b"", b"psk_id_hash", b"")
               + _labeled_extract(b"", b"info_hash", header.info))
    secret = _labeled_extract(shared, b"secret", b"")
    key, nonce = _labeled_expand(secret, b"key", context, 32), _labeled_expand(secret, b"base_nonce", context, 12)
    file_key = ChaCha20Poly1305(key).decrypt(nonce, sealed, b"")
    out = io.BytesIO()
    rest = io.BytesIO(export)
    rest.seek(header.size)
    open_chunks(rest, out, payload_key(file_key), header.length)
    return Opened(shared, key, nonce, file_key, out.getvalue())


def compute_fixed() -> dict[str, str]:
    """The suite's values that do not depend on randomness."""
    public = province_keys().public().mlkem768x25519
    return {"hybrid_public_sha256": hashlib.sha256(public).hexdigest(),
            "hybrid_mlkem_public_prefix_hex": public[:16].hex(),
            "hybrid_x25519_public_hex": public[MLKEM768_PUBLIC_LEN:].hex(),
            "hybrid_key_id": key_id(SUITE, public),
            "hybrid_export_info_hex": header_info(SUITE, key_id(SUITE, public), 100).hex()}


def _steps(opened: Opened) -> dict[str, str]:
    return {"hybrid_shared_secret_hex": opened.shared_secret.hex(), "hybrid_hpke_key_hex": opened.key.hex(),
            "hybrid_hpke_base_nonce_hex": opened.base_nonce.hex(), "hybrid_file_key_hex": opened.file_key.hex()}


def test_the_fixed_hybrid_values_match_the_document() -> None:
    expected = documented()
    computed = compute_fixed()
    assert {k: expected.get(k) for k in computed} == computed


def test_the_pinned_hybrid_export_opens_in_the_province_s_intake() -> None:
    vectors = documented()
    keys = province_keys()
    out = io.BytesIO()
    header = decrypt_file(io.BytesIO(bytes.fromhex(vectors["hybrid_export_ciphertext_hex"])), out,
                          keys.hpke_private_key)
    assert (header.suite, header.recipient_key_id) == (SUITE, vectors["hybrid_key_id"])
    assert out.getvalue() == bytes.fromhex(vectors["export_plaintext_hex"])


def test_the_document_s_steps_open_the_pinned_hybrid_export() -> None:
    vectors = documented()
    opened = reference_open(bytes.fromhex(vectors["hybrid_export_ciphertext_hex"]), MLKEM_SEED, HYBRID_X25519_SEED)
    assert _steps(opened) == {k: vectors.get(k) for k in _steps(opened)}
    assert opened.plaintext == bytes.fromhex(vectors["export_plaintext_hex"])


def test_a_hybrid_export_made_now_opens_by_the_document_s_steps() -> None:
    plaintext = "Gói báo cáo quý IV/2026 gửi bằng USB".encode()
    kid, public = province_keys().public().recipient(SUITE)
    out = io.BytesIO()
    encrypt_file(io.BytesIO(plaintext), out, public, recipient_key_id=kid, suite=SUITE)
    assert reference_open(out.getvalue(), MLKEM_SEED, HYBRID_X25519_SEED).plaintext == plaintext


if __name__ == "__main__":
    made = io.BytesIO()
    recipient, recipient_key = province_keys().public().recipient(SUITE)
    encrypt_file(io.BytesIO(bytes.fromhex(documented()["export_plaintext_hex"])), made, recipient_key,
                 recipient_key_id=recipient, suite=SUITE)
    fresh = {**compute_fixed(), "hybrid_export_ciphertext_hex": made.getvalue().hex(),
             **_steps(reference_open(made.getvalue(), MLKEM_SEED, HYBRID_X25519_SEED))}
    for name, value in fresh.items():
        print(f"{name}: {value}")
