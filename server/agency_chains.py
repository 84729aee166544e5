"""The agency's chain on the server: read it under the agency's lock, and tell a device where it stands.

The rule itself (sequences per device, revisions per agency, the named conflict) is
``desktop.sync.agency_chain``, shared with anyone who verifies a series of bundles.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, select

from desktop.sync.agency_chain import AgencyChain
from server.db import Database
from server.models import Agency, Device

_agencies, _devices = Agency.__table__, Device.__table__
_OLDEST_DEVICE = (select(_devices.c.key_id).where(_devices.c.agency_id == bindparam("agency_id"))
                  .order_by(_devices.c.id).limit(1))
_DEVICE_NAME = select(_devices.c.name).where(_devices.c.key_id == bindparam("key_id"))
_CHAIN_OF = select(_agencies.c.id, _agencies.c.chain).where(_agencies.c.code == bindparam("agency"))


def load_chain(connection: Connection, agency_id: int, text: str | None) -> AgencyChain:
    """The agency's chain from its stored JSON (a legacy one-chain state goes to its oldest device)."""
    legacy_owner = None
    if text and '"last_sequence"' in text.split('"devices"')[0]:
        legacy_owner = connection.execute(_OLDEST_DEVICE, {"agency_id": agency_id}).scalar()
    return AgencyChain.from_json(text, legacy_owner)


def device_name(connection: Connection, key_id: str) -> str | None:
    """The name a device gave at enrollment (shown in a conflict: "from PC …")."""
    return connection.execute(_DEVICE_NAME, {"key_id": key_id}).scalar()


def chain_position(db: Database, agency_code: str, key_id: str) -> dict[str, Any]:
    """Where the calling device's own chain stands and who holds each period's highest revision."""
    with db.reading() as connection:
        row = connection.execute(_CHAIN_OF, {"agency": agency_code}).first()
        chain = load_chain(connection, row.id, row.chain) if row is not None else AgencyChain()
    return chain.position(key_id)
