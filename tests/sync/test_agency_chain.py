"""The agency's chain: sequences per device, revisions per agency, the named conflict, the legacy state."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.sync.agency_chain import AgencyChain, RevisionConflict
from desktop.sync.bundle_errors import ChainMismatch, OlderRevision, SequenceReplay

A, B = "ed25519:aaaaaaaaaaaaaaaa", "ed25519:bbbbbbbbbbbbbbbb"


def _manifest(signer: str, sequence: int, period: str, revision: int, previous: str | None = None) -> dict[str, Any]:
    return {"signer": signer, "sequence": sequence, "period": period, "revision": revision,
            "previous_hash": previous, "bundle_id": f"{signer[-4:]}-{sequence}"}


def _take(chain: AgencyChain, manifest: dict[str, Any], sha: str, name: str = "Máy") -> AgencyChain:
    chain.check(manifest, 1000)
    return chain.advance(manifest, sha, name, 1_800_000_000)


def test_a_second_device_starts_its_own_sequence_and_a_replay_is_still_refused() -> None:
    chain = _take(AgencyChain(), _manifest(A, 1, "2026Q4", 1), "a" * 64, "Máy cũ")
    chain = _take(chain, _manifest(B, 1, "2027Q1", 1), "b" * 64, "Máy mới")
    with pytest.raises(SequenceReplay):
        chain.check(_manifest(B, 1, "2027Q2", 1), 1000)
    with pytest.raises(ChainMismatch):
        chain.check(_manifest(B, 2, "2027Q2", 1, previous="c" * 64), 1000)
    assert chain.position(B)["device"] == {"key_id": B, "last_sequence": 1, "last_hash": "b" * 64}
    assert AgencyChain.from_json(chain.to_json()) == chain


def test_the_same_revision_from_another_device_is_a_named_conflict_an_older_one_superseded() -> None:
    chain = _take(AgencyChain(), _manifest(A, 1, "2026Q4", 1), "a" * 64, "Máy kế toán")
    with pytest.raises(RevisionConflict) as caught:
        chain.check(_manifest(B, 1, "2026Q4", 1), 1000)
    assert caught.value.code == "revision_conflict"
    assert caught.value.message_vi.startswith("Lần 1 của báo cáo quý IV/2026 đã được Sở nhận từ máy Máy kế toán lúc ")
    assert "hãy mở lần sửa đổi mới" in caught.value.message_vi
    # The way out is named: the menu item and the command (the officer had to guess them).
    assert "«Mở lần sửa đổi mới từ bản của Sở…»" in caught.value.message_vi
    assert "baocao revise-from-province" in caught.value.message_vi + caught.value.message_en
    chain = _take(chain, _manifest(B, 2, "2026Q4", 2), "b" * 64)
    with pytest.raises(OlderRevision):
        chain.check(_manifest(A, 2, "2026Q4", 1, previous="a" * 64), 1000)


def test_a_refused_bundle_leaves_a_gap_the_device_goes_on_after() -> None:
    chain = _take(AgencyChain(), _manifest(A, 1, "2026Q4", 1), "a" * 64)
    chain = _take(chain, _manifest(B, 3, "2027Q1", 1), "b" * 64)  # B's 1 and 2 were refused or are late
    assert chain.device(B).missing == frozenset({1, 2})


def test_a_state_from_the_one_chain_per_agency_days_belongs_to_the_oldest_device() -> None:
    legacy = '{"last_sequence": 4, "last_hash": "' + "d" * 64 + '", "missing": [], "highest_revision": {"2026Q3": 2}}'
    chain = AgencyChain.from_json(legacy, legacy_owner=A)
    with pytest.raises(SequenceReplay):
        chain.check(_manifest(A, 4, "2026Q4", 1), 1000)
    with pytest.raises(RevisionConflict):
        chain.check(_manifest(B, 1, "2026Q3", 2), 1000)
    _take(chain, _manifest(B, 1, "2026Q4", 1), "e" * 64)
