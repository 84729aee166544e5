"""Small named values kept inside the encrypted store (this installation's agency, device key, …)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Audited, Base

SECRET_PREFIX = "secret."


class Setting(Audited, Base):
    """One named JSON value."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

    def audit_details(self, changes: dict[str, Any]) -> dict[str, Any]:
        """What the audit log keeps of a change: secrets are named, never copied."""
        if self.key.startswith(SECRET_PREFIX) and "value" in changes:
            return {**changes, "value": "<secret>"}
        return changes


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    """The value stored under ``key``, or ``default``."""
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def set_setting(session: Session, key: str, value: Any) -> None:
    """Store ``value`` (JSON-able) under ``key``; keys starting "secret." are never echoed in the audit log."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    elif row.value != text:
        row.value = text
