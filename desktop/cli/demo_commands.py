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
    print_step("province")
    with DemoProvince(folder.parent / f"{folder.name}-province") as province:
        demo = setup_demo(folder, passphrase, user=context.user(args), progress=print_step,
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


_STEPS = {
    "province": ("Đang khởi động máy chủ của Sở (demo)…", "Starting the (demo) province server…"),
    "create": ("Đang tạo kho dữ liệu demo (mã hóa)…", "Creating the (encrypted) demo store…"),
    "open": ("Đang mở kho dữ liệu demo đã có…", "Opening the existing demo store…"),
    "plans": ("Đang nhập kế hoạch mẫu của tỉnh…", "Importing the province's sample plans…"),
    "enroll": ("Đang đăng ký máy này với Sở (demo)…", "Enrolling this PC with the (demo) province…"),
    "previous": ("Đang điền và ký báo cáo quý trước…", "Filling in and signing last quarter's report…"),
    "current": ("Đang điền một phần báo cáo quý này…", "Filling in part of this quarter's report…"),
}


def print_step(step: str) -> None:
    """One progress line per demo step, printed at once: the demo takes a while and used to say nothing."""
    print(tr(*_STEPS[step]), flush=True)


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
