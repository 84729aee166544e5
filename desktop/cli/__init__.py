"""The command line: ``baocao`` alone starts the GUI; with a subcommand it runs headless.

Each command is a thin parser over ``desktop.services``. A refusal prints one line in the user's
language and exits non-zero; no traceback reaches the user (set BAOCAO_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from desktop import __version__
from desktop.cli import (
    app_commands,
    backup_commands,
    bundle_commands,
    context,
    demo_commands,
    evidence_commands,
    history_commands,
    plan_commands,
    report_commands,
    schedule_commands,
    signing_commands,
    store_commands,
    sync_commands,
)
from desktop.errors import BaocaoError
from desktop.i18n import tr

COMMAND_MODULES = (store_commands, plan_commands, report_commands, demo_commands,
                   sync_commands, bundle_commands, app_commands, history_commands, backup_commands,
                   signing_commands, evidence_commands, schedule_commands)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = argparse.ArgumentParser(prog="baocao", description="baocao — báo cáo nhiệm vụ, chỉ tiêu hằng quý")
    parser.add_argument("--version", action="version", version=f"baocao {__version__}")
    context.add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``baocao`` console script."""
    args = build_parser().parse_args(argv)
    if getattr(args, "func", None) is None:
        from desktop.app import run_gui

        return run_gui(args.data_dir, None)
    try:
        return int(args.func(args) or 0)
    except BaocaoError as exc:
        print(f"baocao: {exc.message()}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (``baocao report show | head``); nothing more to say.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the closed pipe until exit
        return 0
    except KeyboardInterrupt:
        print(tr("baocao: đã hủy.", "baocao: cancelled."), file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("BAOCAO_DEBUG"):
            traceback.print_exc()
        # The exception's text may quote user data (SQL parameters); only its type is printed.
        print(tr(f"baocao: lỗi không mong đợi ({type(exc).__name__}).",
                 f"baocao: unexpected error ({type(exc).__name__})."), file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
