"""A revoked device's refusal stops the run with the province's message, even in the middle of an upload."""

from __future__ import annotations

import json

from desktop.sync.sync_errors import Answer, DeviceRejected, RejectedError, error_for

REVOKED = json.dumps({"code": "device_revoked", "message_vi": "Máy này đã bị Sở thu hồi lúc 02/12/2026 04:38.",
                      "message_en": "This PC was revoked by the province at 02/12/2026 04:38."}).encode()


def test_device_revoked_is_about_the_device_during_an_upload_too():
    for for_upload in (False, True):
        error = error_for(Answer(403, {}, REVOKED), "Gửi", "Sending", for_upload=for_upload)
        assert isinstance(error, DeviceRejected) and error.code == "device_revoked"
        assert "02/12/2026 04:38" in error.message("vi") and "revoked" in error.message("en")
        assert "403" not in error.message("vi") + error.message("en"), "the officer reads words, not a status"


def test_another_agencys_bundle_stays_about_the_bundle():
    body = json.dumps({"code": "wrong_agency", "message_vi": "…", "message_en": "…"}).encode()
    error = error_for(Answer(403, {}, body), "Gửi", "Sending", for_upload=True)
    assert isinstance(error, RejectedError) and not isinstance(error, DeviceRejected)
