"""What a refused signed PDF asks of the user, over a real encrypted store: it needs attention until a later
copy of the same report is accepted, it can be sent again (the same bytes, from the start) and a new trusted
root from the province sends again the ones refused as untrusted, and only those."""

from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services.signed_documents import KIND, resend_document, resend_refused_untrusted, signature_result
from desktop.services.sync_status import sync_status

UNTRUSTED = "document_untrusted: Văn bản … KHÔNG được công nhận / … is NOT recognised"
ALTERED = "document_altered: tệp đã bị sửa / the file was changed"


def _follow_up(store: Store, name: str, state: str, error: str | None = None, revision: int = 1) -> None:
    with store.session() as session:
        session.add(OutboxItem(bundle_id=name, period_code="2026Q3", revision=revision, sequence=0,
                               bundle_sha256=name.ljust(64, "0"), size=10, kind=KIND, state=state,
                               last_error=error, upload_url="https://so/v1/uploads/1"))


def _states(store: Store) -> dict[str, tuple[str, str | None, str | None]]:
    with store.session() as session:
        return {i.bundle_id: (i.state, i.last_error, i.upload_url) for i in session.query(OutboxItem)}


def test_a_refusal_stops_needing_attention_once_a_later_copy_is_accepted(store: Store) -> None:
    _follow_up(store, "sd-a", "needs_attention", UNTRUSTED)
    _follow_up(store, "sd-other-revision", "needs_attention", ALTERED, revision=2)
    assert sync_status(store).attention == 2
    _follow_up(store, "sd-b", "receipted")
    assert sync_status(store).attention == 1, "only the refusal of revision 2 still needs the user"
    with store.session() as session:
        assert signature_result(session, "2026Q3", 2) == "invalid"
        assert signature_result(session, "2026Q3", 3) is None


def test_a_refused_copy_is_sent_again_from_the_start_and_a_new_root_resends_the_untrusted_only(store: Store) -> None:
    _follow_up(store, "sd-untrusted", "needs_attention", UNTRUSTED)
    _follow_up(store, "sd-altered", "needs_attention", ALTERED)
    with store.session() as session:
        assert signature_result(session, "2026Q3", 1) == "invalid", "the newest copy's refusal"
        assert resend_refused_untrusted(session) == 1
    states = _states(store)
    assert states["sd-untrusted"] == ("new", None, None), "queued again, the old upload forgotten"
    assert states["sd-altered"][0] == "needs_attention", "a new root changes nothing for an altered file"
    with store.session() as session:
        assert signature_result(session, "2026Q3", 1) == "invalid"

    resend_document(store, "sd-altered")
    assert _states(store)["sd-altered"] == ("new", None, None)
    with pytest.raises(InputError) as refused:
        resend_document(store, "sd-altered")
    assert refused.value.code == "not_refused", "a copy waiting to go is not queued twice"
