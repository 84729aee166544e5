"""Who is calling: signed-request verification against enrolled devices, replay and rate limits.

Verification has two halves so that a streamed upload chunk can be refused before its body is read:
``begin`` checks the headers, the clock window and that the key belongs to an enrolled device; ``finish``
checks the signature over the body's hash and the upload headers, applies the agency's rate limit and
records the nonce (a second use is a replay).

A revoked key is answered 403 ``device_revoked`` with the date and time of the revocation, but only once
the request's signature has checked out (in ``finish``): a key id is not a secret (it is printed on
enrollment letters), and the date a PC was revoked is for that PC's holder, not for whoever knows the id.
``begin`` marks the request ``revoked_at`` so that a handler that streams its body acts on nothing first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError as DbIntegrityError

from desktop.sync.request_signing import RequestRejected, SignedHeaders, check_signature, parse_signed_headers
from server.db import Database
from server.devices import revocation_of, revoked_refusal
from server.models import Agency, Device, Nonce
from server.problems import ApiError
from server.rate_limit import TokenBuckets

NONCE_PURGE_SECONDS = 60


@dataclass(frozen=True)
class Caller:
    """An authenticated request's device and agency."""

    device_id: int
    key_id: str
    agency_id: int
    agency_code: str


@dataclass(frozen=True)
class PendingAuth:
    """Headers that passed ``begin``; the signature is not checked yet."""

    signed: SignedHeaders
    caller: Caller
    revoked_at: int | None = None


class Authenticator:
    """Checks signed requests for the app; safe to share between threads."""

    def __init__(self, db: Database, rate: TokenBuckets, *, window: int,
                 clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._rate = rate
        self._window = window
        self._clock = clock
        self._last_purge = 0.0

    def begin(self, headers: Mapping[str, str]) -> PendingAuth:
        """Form, clock and device checks (401), before the body is read."""
        found: dict[str, Caller] = {}
        revoked: dict[str, int] = {}

        def public_key_for(kid: str) -> bytes | None:
            with self._db.reading() as connection:
                row = connection.execute(select(Device.id, Device.public_key, Agency.id, Agency.code,
                                                Device.revoked_at)
                                         .join(Agency, Agency.id == Device.agency_id)
                                         .where(Device.key_id == kid)).first()
            if row is None:
                return None
            if row[4] is not None:
                revoked[kid] = row[4]
            found[kid] = Caller(row[0], kid, row[2], row[3])
            return row[1]

        signed = parse_signed_headers(headers, public_key_for=public_key_for, now=self._clock(), window=self._window)
        return PendingAuth(signed, found[signed.key_id], revoked.get(signed.key_id))

    def finish(self, pending: PendingAuth, method: str, target: str, body_sha256_hex: str,
               headers: Mapping[str, str]) -> Caller:
        """Signature over the body's hash and upload headers (401), revocation (403), rate limit (429), nonce
        (401 "replay")."""
        check_signature(pending.signed, method, target, body_sha256_hex, headers)
        if pending.revoked_at is not None:
            with self._db.transaction() as session:
                reason, actor = revocation_of(session, pending.caller.device_id)
            raise revoked_refusal(pending.revoked_at, reason, actor)
        wait = self._rate.take(pending.caller.agency_code)
        if wait is not None:
            raise ApiError(429, "rate_limited", f"Gửi quá nhiều yêu cầu; hãy thử lại sau {wait} giây.",
                           f"Too many requests; try again in {wait} seconds.", headers={"Retry-After": str(wait)})
        self._remember(pending.signed)
        return pending.caller

    def _remember(self, signed: SignedHeaders) -> None:
        now = self._clock()
        try:
            with self._db.transaction() as session:
                if now - self._last_purge > NONCE_PURGE_SECONDS:
                    self._last_purge = now
                    session.execute(delete(Nonce).where(Nonce.expires_at < now))
                session.add(Nonce(nonce=signed.nonce, key_id=signed.key_id,
                                  expires_at=int(now) + 2 * self._window))
        except DbIntegrityError:
            raise RequestRejected(401, "replay", "Yêu cầu này đã được gửi trước đó (bị phát lại); đã từ chối.",
                                  "This request was already received (a replay); refused.") from None
