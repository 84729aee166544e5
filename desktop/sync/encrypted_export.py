"""Encrypted export: a signed bundle sealed to the province's public key, for USB sticks and e-mail.

Layout (integers big-endian; docs/bundle-format.md is the specification)::

    magic      8 bytes  89 42 43 58 0D 0A 1A 0A   ("\\x89BCX\\r\\n\\x1a\\n")
    version    u8       1
    suite      u8       1 = X25519, 2 = ML-KEM-768+X25519 (both HKDF-SHA256, ChaCha20-Poly1305)
    length     u64      plaintext length
    kid_len    u8       then kid: the recipient key id, ASCII
    enc_len    u16      then the HPKE ciphertext: encapsulated key + the sealed 32-byte file key
    chunks              the plaintext in 64 KiB chunks, each sealed with ChaCha20-Poly1305

Everything before the HPKE ciphertext is the HPKE ``info``: changing the suite (downgrade), the
recipient or the length makes the file key unrecoverable. The payload key is HKDF-SHA256 of the file
key; chunk ``i``'s nonce is ``i`` as 11 bytes followed by 1 on the last chunk, 0 otherwise (age's
STREAM), so truncation, reordering, duplication and alteration all fail authentication, and the
plaintext length in the header names a truncation exactly.

Decryption writes only authenticated chunks, but an error may come after some were written: callers
of ``decrypt_file`` must discard ``dst`` on error. ``decrypt_path`` does so itself (temp file, renamed
only when the whole file authenticated).
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.errors import InputError, IntegrityError
from desktop.sync.atomic_file import atomic_output
from desktop.sync.device_keys import HpkePrivateKey, HpkePublicKey

MAGIC = b"\x89BCX\r\n\x1a\n"
VERSION = 1
CHUNK = 64 * 1024
TAG = 16
FILE_KEY_LEN = 32
PAYLOAD_KEY_INFO = b"baocao.export/1 payload"
MAX_LENGTH = 2**40
SUITES = {"x25519": (1, hpke.KEM.X25519), "mlkem768x25519": (2, hpke.KEM.MLKEM768_X25519)}
_SUITE_NAMES = {number: name for name, (number, _kem) in SUITES.items()}
_FIXED = struct.Struct(">8sBBQB")
_ENC_LEN = struct.Struct(">H")
_KID = re.compile(rb"(x25519|mlkem768x25519):[0-9a-f]{16}\Z")
_REORDER_WINDOW = 64


class ExportError(IntegrityError):
    """An encrypted export was refused; ``code`` names what was wrong."""

    code = "export"

    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(f"Tệp xuất mã hoá bị từ chối: {vi}", f"Encrypted export refused: {en}", code=code)


@dataclass(frozen=True)
class ExportHeader:
    """The parsed header: suite name, recipient key id, plaintext length and the exact header bytes."""

    suite: str
    recipient_key_id: str
    length: int
    info: bytes
    sealed_key: bytes

    @property
    def size(self) -> int:
        """Bytes the header takes in the file."""
        return len(self.info) + len(self.sealed_key)

    @property
    def chunk_count(self) -> int:
        """Number of STREAM chunks (an empty plaintext still has one, empty, final chunk)."""
        return max(1, -(-self.length // CHUNK))


def header_info(suite: str, recipient_key_id: str, length: int) -> bytes:
    """The header up to and including ``enc_len``: the HPKE info."""
    number, kem = SUITES[suite]
    kid = recipient_key_id.encode("ascii")
    enc_len = kem.enc_length() + FILE_KEY_LEN + TAG
    return _FIXED.pack(MAGIC, VERSION, number, length, len(kid)) + kid + _ENC_LEN.pack(enc_len)


def payload_key(file_key: bytes) -> bytes:
    """The ChaCha20-Poly1305 key for the chunks: HKDF-SHA256(file key, no salt, info)."""
    return HKDF(hashes.SHA256(), 32, salt=None, info=PAYLOAD_KEY_INFO).derive(file_key)


def chunk_nonce(index: int, last: bool) -> bytes:
    """STREAM nonce: 11-byte big-endian chunk index, then 0x01 on the last chunk or 0x00."""
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def encrypt_file(src: BinaryIO, dst: BinaryIO, recipient_public_key: HpkePublicKey, *, recipient_key_id: str,
                 suite: str = "x25519") -> ExportHeader:
    """Encrypt the rest of seekable ``src`` into ``dst`` for the recipient; streams in 64 KiB chunks."""
    if suite not in SUITES or not recipient_key_id.startswith(f"{suite}:"):
        raise InputError(f"Bộ mã {suite!r} không khớp khoá nhận {recipient_key_id}.",
                         f"Suite {suite!r} does not match recipient key {recipient_key_id}.", code="export_suite")
    start = src.tell()
    length = src.seek(0, 2) - start
    src.seek(start)
    info = header_info(suite, recipient_key_id, length)
    file_key = os.urandom(FILE_KEY_LEN)
    sealed = _suite(suite).encrypt(file_key, recipient_public_key, info=info)
    dst.write(info + sealed)
    seal_chunks(src, dst, payload_key(file_key), length)
    return ExportHeader(suite, recipient_key_id, length, info, sealed)


def seal_chunks(src: BinaryIO, dst: BinaryIO, key: bytes, length: int) -> None:
    """STREAM-seal exactly ``length`` bytes of ``src`` into ``dst``."""
    aead = ChaCha20Poly1305(key)
    count = max(1, -(-length // CHUNK))
    for index in range(count):
        want = min(CHUNK, length - index * CHUNK)
        piece = src.read(want)
        if len(piece) != want:
            raise InputError("Tệp nguồn thay đổi trong lúc mã hoá.", "The source file changed while encrypting.",
                             code="export_source")
        dst.write(aead.encrypt(chunk_nonce(index, index == count - 1), piece, None))
    if src.read(1):
        raise InputError("Tệp nguồn thay đổi trong lúc mã hoá.", "The source file changed while encrypting.",
                         code="export_source")


def read_header(src: BinaryIO, max_length: int = MAX_LENGTH) -> ExportHeader:
    """Parse the header (without decrypting): lets a receiver see the suite and the recipient key id."""
    fixed = src.read(_FIXED.size)
    if len(fixed) < _FIXED.size or fixed[:8] != MAGIC:
        raise ExportError("export_magic", "không phải tệp xuất mã hoá của baocao.", "not a baocao encrypted export.")
    _magic, version, number, length, kid_len = _FIXED.unpack(fixed)
    if version != VERSION:
        raise ExportError("export_version", f"phiên bản {version} không được hỗ trợ.",
                          f"version {version} is not supported.")
    if number not in _SUITE_NAMES:
        raise ExportError("export_suite", f"bộ mã {number} không được hỗ trợ.", f"unknown suite {number}.")
    suite = _SUITE_NAMES[number]
    kid = src.read(kid_len)
    if not _KID.match(kid) or not kid.startswith(f"{suite}:".encode()):
        raise ExportError("export_suite", "mã khoá nhận không khớp bộ mã.",
                          "recipient key id does not match the suite.")
    if length > max_length:
        raise ExportError("export_header", f"kích thước khai báo {length:,} byte vượt giới hạn.",
                          f"declared size of {length:,} bytes exceeds the limit.")
    raw_enc = src.read(_ENC_LEN.size)
    expected = SUITES[suite][1].enc_length() + FILE_KEY_LEN + TAG
    if len(raw_enc) < _ENC_LEN.size or _ENC_LEN.unpack(raw_enc)[0] != expected:
        raise ExportError("export_header", "phần đầu tệp hỏng.", "the header is damaged.")
    sealed = src.read(expected)
    if len(sealed) != expected:
        raise ExportError("truncated", "tệp bị cắt cụt trong phần đầu.", "the file is truncated inside the header.")
    return ExportHeader(suite, kid.decode("ascii"), length, fixed + kid + raw_enc, sealed)


def decrypt_file(src: BinaryIO, dst: BinaryIO, private_key_for_kid: Callable[[str], HpkePrivateKey | None], *,
                 max_length: int = MAX_LENGTH) -> ExportHeader:
    """Decrypt an export from ``src`` into ``dst``, authenticating every chunk before it is written.

    On any ``ExportError`` part of the plaintext may already be in ``dst``: discard it.
    """
    header = read_header(src, max_length)
    private_key = private_key_for_kid(header.recipient_key_id)
    if private_key is None:
        raise ExportError("wrong_recipient", f"tệp được mã hoá cho khoá {header.recipient_key_id}, không phải khoá "
                          "của nơi nhận này.",
                          f"the file is encrypted to key {header.recipient_key_id}, not to this recipient.")
    try:
        file_key = _suite(header.suite).decrypt(header.sealed_key, private_key, info=header.info)
    except InvalidTag as exc:
        raise ExportError("export_header", "phần đầu tệp đã bị sửa hoặc không mở được bằng khoá này.",
                          "the header was altered or does not open with this key.") from exc
    open_chunks(src, dst, payload_key(file_key), header.length)
    return header


def open_chunks(src: BinaryIO, dst: BinaryIO, key: bytes, length: int) -> None:
    """Authenticate and write the STREAM chunks of a ``length``-byte plaintext, then refuse trailing bytes."""
    aead = ChaCha20Poly1305(key)
    count = max(1, -(-length // CHUNK))
    for index in range(count):
        want = min(CHUNK, length - index * CHUNK) + TAG
        sealed = src.read(want)
        if len(sealed) != want:
            raise ExportError("truncated", f"tệp bị cắt cụt ở khối {index + 1}/{count}.",
                              f"the file is truncated at chunk {index + 1} of {count}.")
        try:
            dst.write(aead.decrypt(chunk_nonce(index, index == count - 1), sealed, None))
        except InvalidTag as exc:
            raise _diagnose(aead, sealed, index, count) from exc
    if src.read(1):
        raise ExportError("trailing_data", "có dữ liệu thừa sau khối cuối.", "unexpected data after the last chunk.")


def decrypt_path(src: Path, dst: Path, private_key_for_kid: Callable[[str], HpkePrivateKey | None], *,
                 max_length: int = MAX_LENGTH) -> ExportHeader:
    """Decrypt file ``src`` to ``dst``; ``dst`` appears only if the whole file authenticated."""
    with open(src, "rb") as source, atomic_output(dst) as out:
        return decrypt_file(source, out, private_key_for_kid, max_length=max_length)


def encrypt_path(src: Path, dst: Path, recipient_public_key: HpkePublicKey, *, recipient_key_id: str,
                 suite: str = "x25519") -> ExportHeader:
    """Encrypt file ``src`` to ``dst`` atomically."""
    with open(src, "rb") as source, atomic_output(dst) as out:
        return encrypt_file(source, out, recipient_public_key, recipient_key_id=recipient_key_id, suite=suite)


def _diagnose(aead: ChaCha20Poly1305, sealed: bytes, index: int, count: int) -> ExportError:
    """Tell a chunk from another position (reordered or duplicated) from an altered one."""
    for other in range(max(0, index - _REORDER_WINDOW), min(count, index + _REORDER_WINDOW + 1)):
        if other == index:
            continue
        with contextlib.suppress(InvalidTag):
            aead.decrypt(chunk_nonce(other, other == count - 1), sealed, None)
            return ExportError("chunk_order", f"khối {index + 1} là khối {other + 1} bị đảo chỗ hoặc lặp lại.",
                               f"chunk {index + 1} is chunk {other + 1} reordered or duplicated.")
    return ExportError("chunk_altered", f"khối {index + 1}/{count} đã bị sửa.",
                       f"chunk {index + 1} of {count} was altered.")


def _suite(name: str) -> hpke.Suite:
    return hpke.Suite(SUITES[name][1], hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
