"""``baocao demo``: a demo commune with the seeds' plans, then the app (or, with ``--no-gui``, just the data)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.cli import context
from desktop.i18n import tr
from desktop.services.accounts import default_data_dir

DEMO_PASSPHRASE = "baocao-demo"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``demo``."""
    p = sub.add_parser("demo", help="set up a demo commune (Đồng Tháp) with the sample plans and open the app")
    context.add_common(p)
    p.add_argument("--no-gui", action="store_true", help="set up the data and exit")
    p.set_defaults(func=cmd_demo)


def demo_data_dir(args: argparse.Namespace) -> Path:
    """``--data-dir`` or BAOCAO_DATA_DIR when given; else a "demo" folder beside the real data."""
    if getattr(args, "data_dir", None) or os.environ.get("BAOCAO_DATA_DIR"):
        return context.data_dir(args)
    return default_data_dir() / "demo"


def cmd_demo(args: argparse.Namespace) -> int:
    """Create or refresh the demo store, then start the GUI on it unless ``--no-gui``."""
    from desktop.services.demo import setup_demo
    from desktop.services.demo_province import DemoProvince
    from desktop.services.sync import enroll, save_sync_settings

    folder = demo_data_dir(args)
    passphrase = os.environ.get("BAOCAO_PASSPHRASE") or DEMO_PASSPHRASE
    with DemoProvince(folder.parent / f"{folder.name}-province") as province:
        demo = setup_demo(folder, passphrase, user=context.user(args),
                          enroll=lambda store: enroll(store, province.url, province.enrollment_code()))
        save_sync_settings(demo.store, province.url)  # the port is new on every start
        demo.store.close()
        _tell(folder, context.user(args), demo.recovery_key, None if args.no_gui else province.url)
        if args.no_gui:
            return 0
        from desktop.app import run_gui

        hint = None if os.environ.get("BAOCAO_PASSPHRASE") else tr(
            f"Kho dữ liệu demo: người dùng «{context.user(args)}», mật khẩu «{DEMO_PASSPHRASE}».",
            f"Demo store: user «{context.user(args)}», passphrase «{DEMO_PASSPHRASE}».")
        return run_gui(folder, None, unlock_hint=hint)


def _tell(folder: Path, user: str, recovery_key: str | None, url: str | None) -> None:
    print(tr(f"Kho demo: {folder} — người dùng «{user}».", f"Demo store: {folder} — user «{user}»."))
    if url is not None:
        print(tr(f"Máy chủ của Sở (demo) đang chạy tại {url}", f"The (demo) province server runs at {url}"))
    else:
        print(tr("Máy chủ của Sở (demo) chạy cùng ứng dụng: «baocao demo» mở cả hai.",
                 "The (demo) province server runs with the app: «baocao demo» starts both."))
    if not os.environ.get("BAOCAO_PASSPHRASE"):
        print(tr(f"Mật khẩu của kho demo: {DEMO_PASSPHRASE}", f"Demo store passphrase: {DEMO_PASSPHRASE}"))
    if recovery_key:
        print(tr(f"Khóa khôi phục (chỉ hiện một lần): {recovery_key}", f"Recovery key (shown once): {recovery_key}"))
