"""``baocao bundle make`` and ``baocao bundle verify``: the signed bundle as a file, and its check."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import context
from desktop.i18n import tr
from desktop.models.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``bundle make`` and ``bundle verify``."""
    bundle = sub.add_parser("bundle", help="signed bundles as files")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", required=True)
    make = bundle_sub.add_parser("make", help="write the period's newest signed bundle (not encrypted) to a file")
    make.add_argument("--period", help=context.PERIOD_HELP)
    make.add_argument("--out", type=Path, required=True)
    make.set_defaults(func=cmd_make)
    verify = bundle_sub.add_parser("verify", help="check a bundle made on this PC: signature, hashes, report")
    verify.add_argument("file", type=Path)
    verify.set_defaults(func=cmd_verify)
    for parser in (make, verify):
        context.add_common(parser)


def cmd_make(args: argparse.Namespace) -> int:
    """Copy the signed bundle out of the outbox."""
    from desktop.services.periods import check_code, current_period_code
    from desktop.services.usb_transfer import save_bundle_file

    def run(store: Store) -> int:
        period = check_code(args.period).code if args.period else current_period_code()
        save_bundle_file(store, period, args.out)
        print(tr(f"Đã ghi gói báo cáo đã ký: {args.out}", f"Signed bundle written: {args.out}"))
        return 0

    return context.with_store(args, run)


def cmd_verify(args: argparse.Namespace) -> int:
    """Verify every step and say what the bundle holds."""
    from desktop.domain.officer_words import counted, period_words
    from desktop.services.usb_transfer import verify_bundle_file

    def run(store: Store) -> int:
        bundle = verify_bundle_file(store, args.file)
        period_vi, period_en = period_words(bundle.period)
        print(tr(f"Gói hợp lệ: {bundle.agency} kỳ {period_vi} lần {bundle.revision}, số {bundle.sequence}, "
                 f"{len(bundle.attachments)} tệp đính kèm; SHA-256 {bundle.bundle_hash}.",
                 f"Valid bundle: {bundle.agency} {period_en} revision {bundle.revision}, "
                 f"number {bundle.sequence}, {counted(len(bundle.attachments), 'attachment')}; "
                 f"SHA-256 {bundle.bundle_hash}."))
        return 0

    return context.with_store(args, run)
