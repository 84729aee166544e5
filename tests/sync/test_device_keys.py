"""Device and province keys: stable ids and fingerprints, faithful serialisation, canonical JSON and PAE."""

from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.sync.canonical import canonical_json, pae
from desktop.sync.device_keys import (
    ProvinceKeys,
    ProvincePublicKeys,
    device_private_bytes,
    ed25519_public_bytes,
    fingerprint,
    generate_device_key,
    key_id,
    load_device_key,
    short_fingerprint,
)


def test_device_key_survives_the_store_as_raw_bytes() -> None:
    key = generate_device_key()
    raw = device_private_bytes(key)
    assert len(raw) == 32
    assert ed25519_public_bytes(load_device_key(raw)) == ed25519_public_bytes(key)
    with pytest.raises(InputError):
        load_device_key(raw[:31])


def test_fingerprint_reads_in_groups_and_the_short_form_is_its_start() -> None:
    public = ed25519_public_bytes(load_device_key(bytes(32)))
    full = fingerprint(public)
    assert len(full.split(" ")) == 16 and all(len(g) == 4 for g in full.split(" "))
    assert short_fingerprint(public) == "-".join(full.split(" ")[:4])
    assert key_id("ed25519", public).startswith("ed25519:") and len(key_id("ed25519", public)) == 24


def test_province_keys_round_trip_and_name_their_recipients() -> None:
    keys = ProvinceKeys.generate()
    again = ProvinceKeys.from_bytes(keys.to_bytes())
    public = again.public()
    assert public == keys.public()
    assert ProvincePublicKeys.from_dict(public.to_dict()) == public
    for suite in ("x25519", "mlkem768x25519"):
        kid, _key = public.recipient(suite)
        assert kid.startswith(suite) and again.hpke_private_key(kid) is not None
    assert again.hpke_private_key("x25519:0000000000000000") is None
    assert "BCPK" not in repr(keys) and keys.to_bytes().hex() not in repr(keys)


def test_pae_matches_the_dsse_definition() -> None:
    assert pae("http://example.com/HelloWorld", b"hello world") == \
        b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"


def test_canonical_json_is_rfc8785() -> None:
    assert canonical_json({"b": 1, "a": [1.0, "Tân Hòa", None]}) == '{"a":[1,"Tân Hòa",null],"b":1}'.encode()
    with pytest.raises(InputError):
        canonical_json({"x": float("nan")})
