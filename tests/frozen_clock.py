"""A child process's clock stopped at one instant, for tests that run the app in another time zone.

Imported first (``python -c "import tests.frozen_clock; …"``) with BAOCAO_FROZEN_UTC set to an ISO instant and TZ
to a zone: ``datetime.now()``, ``datetime.utcnow()``, ``datetime.today()`` and ``date.today()`` answer that
instant, the naive ones on the zone's wall clock as a PC set to that zone would. Values and isinstance checks
stay those of the real classes; only the clock is fixed (no other time function is touched).
"""

from __future__ import annotations

import datetime as _datetime
import os
import time
from typing import Any

_REAL_DATETIME, _REAL_DATE = _datetime.datetime, _datetime.date
time.tzset()
INSTANT = _REAL_DATETIME.fromisoformat(os.environ["BAOCAO_FROZEN_UTC"]).astimezone(_datetime.UTC)


class _DatetimeType(type):
    def __instancecheck__(cls, value: object) -> bool:
        return isinstance(value, _REAL_DATETIME)

    def __subclasscheck__(cls, other: type) -> bool:
        return issubclass(other, _REAL_DATETIME)


class _DateType(type):
    def __instancecheck__(cls, value: object) -> bool:
        return isinstance(value, _REAL_DATE)

    def __subclasscheck__(cls, other: type) -> bool:
        return issubclass(other, _REAL_DATE)


class FrozenDatetime(_datetime.datetime, metaclass=_DatetimeType):
    """``datetime`` whose clock stands at ``INSTANT``."""

    @classmethod
    def now(cls, tz: Any = None) -> Any:
        return INSTANT.astimezone(tz) if tz is not None else INSTANT.astimezone().replace(tzinfo=None)

    @classmethod
    def utcnow(cls) -> Any:
        return INSTANT.replace(tzinfo=None)

    @classmethod
    def today(cls) -> Any:
        return cls.now()


class FrozenDate(_datetime.date, metaclass=_DateType):
    """``date`` whose today is ``INSTANT``'s day on the zone's wall clock."""

    @classmethod
    def today(cls) -> Any:
        return INSTANT.astimezone().date()


_datetime.datetime = FrozenDatetime  # type: ignore[misc]
_datetime.date = FrozenDate  # type: ignore[misc]
