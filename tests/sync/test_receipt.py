"""Receipts: the commune can prove what the province acknowledged, and nobody else can forge one."""

from __future__ import annotations

import base64
import contextlib
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop.sync.device_keys import ProvinceKeys
from desktop.sync.receipt import Receipt, ReceiptError, make_receipt, receipt_time, verify_receipt

RECEIPT = Receipt(bundle_sha256="ab" * 32, bundle_id="XA-TANHOA-2026Q4-r2", agency="XA-TANHOA", period="2026Q4",
                  revision=2, received_at=receipt_time(datetime(2026, 11, 29, 3, 15, tzinfo=UTC)),
                  status="superseded", message_vi="Đã nhận; thay thế lần 1.", message_en="Received; replaces 1.",
                  supersedes=1)


@pytest.fixture(scope="module")
def province() -> ProvinceKeys:
    return ProvinceKeys.generate()


def test_round_trip(province: ProvinceKeys) -> None:
    data = make_receipt(RECEIPT, province.signing)
    assert len(data) < 1024
    assert verify_receipt(data, province.public().signing) == RECEIPT


def test_receipt_from_another_key_is_refused(province: ProvinceKeys) -> None:
    data = make_receipt(RECEIPT, ProvinceKeys.generate().signing)
    with pytest.raises(ReceiptError) as caught:
        verify_receipt(data, province.public().signing)
    assert caught.value.code == "receipt_signature"


def test_altered_status_is_refused(province: ProvinceKeys) -> None:
    envelope = json.loads(make_receipt(RECEIPT, province.signing))
    body = base64.b64decode(envelope["payload"]).replace(b"superseded", b"accepted")
    envelope["payload"] = base64.b64encode(body).decode()
    with pytest.raises(ReceiptError, match="invalid signature"):
        verify_receipt(json.dumps(envelope).encode(), province.public().signing)


def test_rejected_receipt_may_lack_bundle_fields_but_not_others(province: ProvinceKeys) -> None:
    rejected = replace(RECEIPT, bundle_id=None, agency=None, period=None, revision=None, supersedes=None,
                       status="rejected", code="container")
    assert verify_receipt(make_receipt(rejected, province.signing), province.public().signing) == rejected
    with pytest.raises(ReceiptError):
        make_receipt(replace(RECEIPT, agency=None), province.signing)


def test_every_byte_flip_is_refused(province: ProvinceKeys) -> None:
    data = make_receipt(RECEIPT, province.signing)
    for position in range(len(data)):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        with contextlib.suppress(ReceiptError):
            assert verify_receipt(bytes(flipped), province.public().signing) == RECEIPT
