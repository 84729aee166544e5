"""``baocao backup --out F`` and ``baocao restore F --data-dir DIR``: the encrypted store in one file."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import context
from desktop.cli.prompts import secret
from desktop.i18n import tr
from desktop.models.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the backup commands."""
    backup = sub.add_parser("backup", help="copy the encrypted store into one file (it stays encrypted)")
    backup.add_argument("--out", type=Path, required=True, help="the backup file to write")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="restore a backup file into a data folder (passphrase or recovery key)")
    restore.add_argument("file", type=Path)
    restore.add_argument("--recovery", action="store_true",
                         help="open with the recovery key (asked, or BAOCAO_RECOVERY_KEY) instead of a passphrase")
    restore.add_argument("--replace", action="store_true",
                         help="replace a store already in the folder (it is moved aside, not deleted)")
    restore.set_defaults(func=cmd_restore)
    for parser in (backup, restore):
        context.add_common(parser)


def cmd_backup(args: argparse.Namespace) -> int:
    """Write the backup file."""
    from desktop.services.backup import write_backup

    def run(store: Store) -> int:
        info = write_backup(store, args.out)
        print(tr(f"Đã sao lưu kho dữ liệu (vẫn mã hóa) vào {info.path} ({info.size:,} byte).",
                 f"Store backed up (still encrypted) to {info.path} ({info.size:,} bytes)."))
        return 0

    return context.with_store(args, run)


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore into the data folder."""
    from desktop.services.backup import restore_backup

    folder = context.data_dir(args)
    if args.recovery:
        aside = restore_backup(args.file, folder, user=context.user(args), replace=args.replace,
                               recovery_key=secret("BAOCAO_RECOVERY_KEY", "Khóa khôi phục", "Recovery key"))
    else:
        aside = restore_backup(args.file, folder, user=context.user(args), replace=args.replace,
                               passphrase=context.passphrase())
    print(tr(f"Đã khôi phục kho dữ liệu vào {folder}.", f"Store restored into {folder}."))
    if aside is not None:
        print(tr(f"Kho cũ được giữ ở {aside}.", f"The previous store is kept at {aside}."))
    return 0
