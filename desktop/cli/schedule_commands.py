"""``baocao sync-interval [MINUTES]``: how often the open app syncs by itself (0 = off), as in Settings."""

from __future__ import annotations

import argparse

from desktop.cli import context
from desktop.i18n import tr
from desktop.models.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    interval = sub.add_parser("sync-interval", help="show or set how often the open app syncs by itself "
                              "(minutes, 0 = off)")
    interval.add_argument("minutes", nargs="?", type=float, help="new interval in minutes (0 = off)")
    interval.set_defaults(func=cmd_sync_interval)
    context.add_common(interval)


def cmd_sync_interval(args: argparse.Namespace) -> int:
    """Print the interval, after setting it when given."""
    from desktop.services.sync_schedule import interval_minutes, set_interval_minutes

    def run(store: Store) -> int:
        minutes = set_interval_minutes(store, args.minutes) if args.minutes is not None else interval_minutes(store)
        print(tr(f"Tự động đồng bộ: mỗi {minutes:g} phút.", f"Automatic sync: every {minutes:g} minutes.")
              if minutes else tr("Tự động đồng bộ: tắt.", "Automatic sync: off."))
        return 0

    return context.with_store(args, run)
