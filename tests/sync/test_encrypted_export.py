"""Encrypted export: only the province can read it, and any change on the way is caught and named."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.sync.device_keys import ProvinceKeys
from desktop.sync.encrypted_export import (
    CHUNK,
    TAG,
    ExportError,
    decrypt_file,
    decrypt_path,
    encrypt_file,
    encrypt_path,
    read_header,
)


@pytest.fixture(scope="module")
def province() -> ProvinceKeys:
    return ProvinceKeys.generate()


def seal(data: bytes, keys: ProvinceKeys, suite: str = "x25519") -> bytes:
    kid, public = keys.public().recipient(suite)
    out = io.BytesIO()
    encrypt_file(io.BytesIO(data), out, public, recipient_key_id=kid, suite=suite)
    return out.getvalue()


def unseal(data: bytes, keys: ProvinceKeys) -> bytes:
    out = io.BytesIO()
    decrypt_file(io.BytesIO(data), out, keys.hpke_private_key)
    return out.getvalue()


def refused(data: bytes, keys: ProvinceKeys) -> ExportError:
    with pytest.raises(ExportError) as caught:
        unseal(data, keys)
    assert caught.value.message_vi and caught.value.message_en
    return caught.value


@pytest.mark.parametrize("suite", ["x25519", "mlkem768x25519"])
@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK])
def test_round_trip(province: ProvinceKeys, suite: str, size: int) -> None:
    data = bytes(i % 251 for i in range(size))
    sealed = seal(data, province, suite)
    assert read_header(io.BytesIO(sealed)).suite == suite
    assert unseal(sealed, province) == data
    chunks = max(1, -(-size // CHUNK))
    assert len(sealed) == read_header(io.BytesIO(sealed)).size + size + chunks * TAG


def test_ciphertext_reveals_nothing_of_the_report(province: ProvinceKeys) -> None:
    secret = "Báo cáo của UBND xã Tân Hòa".encode()
    assert secret not in seal(secret * 10, province)


def test_wrong_recipient_is_named(province: ProvinceKeys) -> None:
    assert refused(seal(b"bao cao", province), ProvinceKeys.generate()).code == "wrong_recipient"


def test_suite_downgrade_or_retargeting_fails(province: ProvinceKeys) -> None:
    sealed = bytearray(seal(b"bao cao" * 100, province, "mlkem768x25519"))
    sealed[9] = 1
    assert refused(bytes(sealed), province).code == "export_suite"


@pytest.mark.parametrize("chunks", [1, 2, 3])
def test_truncation_at_every_chunk_boundary_is_named(province: ProvinceKeys, chunks: int) -> None:
    data = b"x" * (chunks * CHUNK)
    sealed = seal(data, province)
    header = read_header(io.BytesIO(sealed)).size
    for kept in range(chunks):
        cut = sealed[:header + kept * (CHUNK + TAG)]
        assert refused(cut, province).code == "truncated"
    assert refused(sealed[:header + CHUNK + 3], province).code == "truncated"
    assert refused(sealed[:header - 1], province).code == "truncated"


def test_reordered_and_duplicated_chunks_are_named(province: ProvinceKeys) -> None:
    data = bytes(range(256)) * (CHUNK // 256) * 3 + b"end"
    sealed = seal(data, province)
    header = read_header(io.BytesIO(sealed)).size
    size = CHUNK + TAG
    chunk = [sealed[header + i * size:header + (i + 1) * size] for i in range(3)]
    tail = sealed[header + 3 * size:]
    swapped = sealed[:header] + chunk[1] + chunk[0] + chunk[2] + tail
    duplicated = sealed[:header] + chunk[0] + chunk[0] + chunk[2] + tail
    assert refused(swapped, province).code == "chunk_order"
    assert refused(duplicated, province).code == "chunk_order"


def test_trailing_data_is_named(province: ProvinceKeys) -> None:
    assert refused(seal(b"abc", province) + b"\0", province).code == "trailing_data"


def test_not_an_export_is_named(province: ProvinceKeys) -> None:
    assert refused(b"PK\x03\x04 a zip file", province).code == "export_magic"


@pytest.mark.parametrize("suite", ["x25519", "mlkem768x25519"])
def test_every_single_byte_flip_is_detected(province: ProvinceKeys, suite: str) -> None:
    sealed = seal(b"Bao cao quy IV: 300 nhiem vu.", province, suite)
    codes = set()
    for position in range(len(sealed)):
        flipped = bytearray(sealed)
        flipped[position] ^= 0x01
        codes.add(refused(bytes(flipped), province).code)
    assert codes <= {"export_magic", "export_version", "export_suite", "export_header", "wrong_recipient",
                     "truncated", "chunk_altered"}
    assert {"export_magic", "export_header", "chunk_altered"} <= codes


def test_decrypt_path_leaves_nothing_when_the_file_was_altered(tmp_path: Path, province: ProvinceKeys) -> None:
    plain = tmp_path / "bundle.bcb"
    plain.write_bytes(b"b" * (2 * CHUNK + 10))
    sealed = tmp_path / "bundle.bcx"
    kid, public = province.public().recipient()
    encrypt_path(plain, sealed, public, recipient_key_id=kid)
    out = tmp_path / "opened.bcb"
    decrypt_path(sealed, out, province.hpke_private_key)
    assert out.read_bytes() == plain.read_bytes()
    out.unlink()
    damaged = bytearray(sealed.read_bytes())
    damaged[-1] ^= 1
    sealed.write_bytes(bytes(damaged))
    with pytest.raises(ExportError, match="chunk 3 of 3 was altered"):
        decrypt_path(sealed, out, province.hpke_private_key)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.bcb", "bundle.bcx"]
