"""``baocao evidence add|list|remove``: the evidence files of a report's items, over the service the window uses.

Items are named by REF, the "Mã" column of the report workbook (e.g. ``3256/QĐ-UBND::II.3``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import context
from desktop.i18n import tr
from desktop.models.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evidence`` subcommands."""
    p = sub.add_parser("evidence", help="evidence files (minh chứng) of the report's items")
    evidence_sub = p.add_subparsers(dest="evidence_command", required=True)

    def command(name: str, func: object, help_text: str, item_required: bool = True) -> argparse.ArgumentParser:
        parser = evidence_sub.add_parser(name, help=help_text)
        context.add_common(parser)
        parser.add_argument("--period", help=context.PERIOD_HELP)
        parser.add_argument("--item", required=item_required, help='the item\'s "Mã" in the report workbook')
        parser.set_defaults(func=func)
        return parser

    command("add", cmd_add, "attach a file to an item").add_argument("file", type=Path)
    command("list", cmd_list, "list the evidence of the report or of one item", item_required=False)
    command("remove", cmd_remove, "remove an item's evidence file by name").add_argument("name")


def _period(args: argparse.Namespace) -> str:
    from desktop.services.periods import check_code, current_period_code

    return check_code(args.period).code if args.period else current_period_code()


def cmd_add(args: argparse.Namespace) -> int:
    """Attach FILE to the item."""
    from desktop.services import evidence

    def run(store: Store) -> int:
        kind = evidence.item_kind(store, args.item)
        info = evidence.attach_evidence(store, _period(args), kind, args.item, args.file)
        print(tr("Đã đính kèm", "Attached"), info.name, f"({info.size} B, SHA-256 {info.sha256})")
        return 0

    return context.with_store(args, run)


def cmd_list(args: argparse.Namespace) -> int:
    """One line per file: item, name, type, size, SHA-256."""
    from desktop.services import evidence

    def run(store: Store) -> int:
        kind = evidence.item_kind(store, args.item) if args.item else None
        for info in evidence.list_evidence(store, _period(args), kind, args.item):
            print(f"{info.owner_key}\t{info.name}\t{info.media_type}\t{info.size}\t{info.sha256}")
        return 0

    return context.with_store(args, run)


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove the item's file called NAME."""
    from desktop.services import evidence

    def run(store: Store) -> int:
        info = evidence.remove_evidence_named(store, _period(args), args.item, args.name)
        print(tr("Đã gỡ", "Removed"), info.name)
        return 0

    return context.with_store(args, run)
