"""The encrypted store and its typed ORM tables (importing this package registers every table)."""

from desktop.models import attachment, audit, outbox, plan, report, settings  # noqa: F401  (register tables)
from desktop.models.base import Base

__all__ = ["Base"]
