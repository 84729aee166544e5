"""Canonical JSON (RFC 8785, JCS) and the DSSE pre-authentication encoding.

Hashes and signatures are computed over exact bytes. JCS gives one serialisation for one JSON value,
so the same report always hashes the same; PAE binds a payload type to those bytes, so a signature
made for a manifest can never be replayed as a receipt or anything else.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from desktop.errors import InputError


def canonical_json(value: Any) -> bytes:
    """Serialise ``value`` as RFC 8785 canonical JSON (UTF-8, sorted keys, no whitespace).

    Raises ``InputError`` (code "canonical_json") for values JSON cannot hold exactly: NaN, infinities,
    integers beyond ±2^53, non-string keys.
    """
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise InputError(f"Không chuẩn hoá được JSON: {exc}", f"Cannot canonicalise JSON: {exc}",
                         code="canonical_json") from exc


def pae(payload_type: str, body: bytes) -> bytes:
    """DSSE v1 pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body.

    LEN is the decimal byte length with no leading zeros; the type is encoded as UTF-8.
    """
    type_bytes = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(type_bytes), type_bytes, len(body), body)


def parse_strict_json(data: bytes) -> Any:
    """Parse UTF-8 JSON refusing what canonical JSON cannot hold: duplicate keys, NaN and infinities.

    Any failure, including nesting too deep for the parser, is raised as ``ValueError``.
    """
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except RecursionError as exc:
        raise ValueError("nesting too deep") from exc


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")
    return dict(pairs)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
