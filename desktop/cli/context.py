"""What every command shares: the data dir, the user, and opening the store."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from desktop.cli.prompts import secret
from desktop.models.store import Store
from desktop.services.accounts import default_data_dir, require_store, unlock

DEFAULT_USER = "admin"
# --period takes what people write (desktop.domain.periods.Period.parse), so the help shows that first.
PERIOD_FORMS = "the period as people write it: «Quý I/2027», «Quý I năm 2027», «I/2027», «Q1/2027», or 2027Q1"
PERIOD_HELP = f"{PERIOD_FORMS} (default: the current one)"


def add_common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--data-dir`` and ``--user`` on the top parser and on every subcommand."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--data-dir", type=Path, default=default,
                        help="data folder (default: BAOCAO_DATA_DIR or the user data folder)")
    parser.add_argument("--user", default=default, help="user name (default: BAOCAO_USER or admin)")


def data_dir(args: argparse.Namespace) -> Path:
    """The data dir chosen by flag, environment or platform default."""
    return args.data_dir if getattr(args, "data_dir", None) else default_data_dir()


def user(args: argparse.Namespace) -> str:
    """The user chosen by flag or environment."""
    return getattr(args, "user", None) or os.environ.get("BAOCAO_USER") or DEFAULT_USER


def passphrase() -> str:
    """The passphrase from BAOCAO_PASSPHRASE or a prompt."""
    return secret("BAOCAO_PASSPHRASE", "Mật khẩu", "Passphrase")


def open_store(args: argparse.Namespace) -> Store:
    """Unlock the store named by the arguments."""
    folder = data_dir(args)
    require_store(folder)
    return unlock(folder, user(args), passphrase())


def with_store(args: argparse.Namespace, action: Callable[[Store], int]) -> int:
    """Unlock the store, run ``action`` on it, and close it whatever happens."""
    store = open_store(args)
    try:
        return action(store)
    finally:
        store.close()
