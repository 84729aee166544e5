"""Commands of the store itself: init, passwd, recover, user add, audit verify."""

from __future__ import annotations

import argparse

from desktop.cli import context
from desktop.cli.prompts import secret
from desktop.i18n import tr
from desktop.services import accounts


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands."""
    p = sub.add_parser("init", help="create a new encrypted store")
    context.add_common(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("passwd", help="change a user's passphrase")
    context.add_common(p)
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("recover", help="set a new passphrase with the recovery key")
    context.add_common(p)
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("user", help="manage users")
    user_sub = p.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="give another person their own passphrase")
    context.add_common(add)
    add.add_argument("name")
    add.set_defaults(func=cmd_user_add)

    p = sub.add_parser("audit", help="audit log")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="check the hash chain of the audit log")
    context.add_common(verify)
    verify.set_defaults(func=cmd_audit_verify)


def _new_passphrase() -> str:
    return secret("BAOCAO_NEW_PASSPHRASE", "Mật khẩu mới", "New passphrase", confirm=True)


def cmd_init(args: argparse.Namespace) -> int:
    """Create the store and print the recovery key once."""
    phrase = secret("BAOCAO_PASSPHRASE", "Mật khẩu mới", "New passphrase", confirm=True)
    created = accounts.create_store(context.data_dir(args), context.user(args), phrase)
    created.store.close()
    print(tr("Đã tạo kho dữ liệu mã hóa tại", "Encrypted store created at"), context.data_dir(args))
    print(tr("KHÓA KHÔI PHỤC (in ra và cất giữ an toàn; chỉ hiện một lần):",
             "RECOVERY KEY (print it and keep it safe; shown only once):"))
    print(created.recovery_key)
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the passphrase of the user."""
    old = context.passphrase()
    accounts.change_passphrase(context.data_dir(args), context.user(args), old, _new_passphrase())
    print(tr("Đã đổi mật khẩu.", "Passphrase changed."))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    """Open with the recovery key and set a new passphrase for the user."""
    key = secret("BAOCAO_RECOVERY_KEY", "Khóa khôi phục", "Recovery key")
    accounts.recover(context.data_dir(args), key, context.user(args), _new_passphrase())
    print(tr("Đã đặt mật khẩu mới.", "New passphrase set."))
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add a user slot."""
    store = context.open_store(args)
    try:
        accounts.add_user(store, args.name, _new_passphrase())
    finally:
        store.close()
    print(tr("Đã thêm người dùng", "User added:"), args.name)
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Verify the audit chain."""
    store = context.open_store(args)
    try:
        report = accounts.verify_audit(store)
    finally:
        store.close()
    print(tr(f"Nhật ký kiểm tra nguyên vẹn: {report.count} sự kiện.",
             f"Audit log intact: {report.count} events."))
    return 0
