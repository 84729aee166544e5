"""Commands about the installed app itself: ``self-test``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.cli import context
from desktop.services import self_test


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands."""
    p = sub.add_parser("self-test", help="check that this installation is whole (store, PDF, bundle, window)")
    p.add_argument("--store", type=Path, default=None,
                   help="also open a copy of this data folder and upgrade it (passphrase: BAOCAO_PASSPHRASE)")
    p.add_argument("--only", action="append", default=[], metavar="CHECK",
                   help="run only this check (repeatable): version, store, pdf, bundle, plan, window, translations, "
                        "help")
    context.add_common(p)
    p.set_defaults(func=cmd_self_test)


def cmd_self_test(args: argparse.Namespace) -> int:
    """Run every check offscreen; exit 0 when all pass, 1 naming the failures."""
    passphrase = context.passphrase() if args.store is not None else None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks = self_test.standard_checks(args.store, context.user(args), passphrase, only=args.only)
    return self_test.run_self_test(checks, sys.stdout)
