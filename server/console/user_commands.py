"""``baocao-server user add|list|disable|enable|role|reset-password``: the console's staff accounts (the password
from a prompt or BAOCAO_CONSOLE_PASSWORD, never in argv); each change in the audit log as by "cli"."""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable
from typing import Any

from desktop.errors import InputError
from desktop.i18n import tr
from server.config import Settings
from server.console import audit
from server.console.users import (
    ROLES,
    add_user,
    change_role,
    disable_user,
    enable_user,
    list_users,
    reset_password,
)
from server.db import Database

PASSWORD_ENV = "BAOCAO_CONSOLE_PASSWORD"


def add_user_commands(commands: Any, database: Callable[[Settings], Database]) -> None:
    """Register the ``user`` subcommands on the ``baocao-server`` parser."""
    user = commands.add_parser("user", help="console accounts").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add", help=f"add an account (password from {PASSWORD_ENV} or a prompt)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.set_defaults(run=lambda args, settings: _add(args, database(settings)))
    user.add_parser("list", help="list the accounts").set_defaults(
        run=lambda _args, settings: _list(database(settings)))
    disable = user.add_parser("disable", help="disable an account")
    disable.add_argument("name")
    disable.set_defaults(run=lambda args, settings: _disable(args, database(settings)))
    enable = user.add_parser("enable", help="enable a disabled account again")
    enable.add_argument("name")
    enable.set_defaults(run=lambda args, settings: _enable(args, database(settings)))
    role = user.add_parser("role", help="change an account's role (its sessions end)")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(run=lambda args, settings: _role(args, database(settings)))
    reset = user.add_parser("reset-password",
                            help=f"set a new password (from {PASSWORD_ENV} or a prompt); its sessions end")
    reset.add_argument("name")
    reset.set_defaults(run=lambda args, settings: _reset(args, database(settings)))


def _password() -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    try:
        first = getpass.getpass(tr("Mật khẩu tài khoản: ", "Account password: "))
        again = getpass.getpass(tr("Nhập lại mật khẩu: ", "Repeat the password: "))
    except EOFError:  # no terminal to ask at (a script, a pipe): say where the password comes from instead
        raise InputError(f"Không có cửa sổ dòng lệnh để hỏi mật khẩu: đặt mật khẩu vào biến môi trường "
                         f"{PASSWORD_ENV} rồi chạy lại lệnh.",
                         f"No terminal to ask for the password: put it in the environment variable {PASSWORD_ENV} "
                         "and run the command again.", code="password") from None
    if again != first:
        raise InputError("Hai lần nhập mật khẩu không khớp.", "The passwords do not match.", code="password")
    return first


def _add(args: argparse.Namespace, db: Database) -> int:
    user = add_user(db, args.name, args.role, _password())
    audit.record(db, "cli", "user_add", f"{user.name} {user.role}")
    print(tr(f"Đã thêm tài khoản {user.name} ({user.role}).", f"Account {user.name} ({user.role}) added."))
    return 0


def _list(db: Database) -> int:
    for user in list_users(db):
        state = tr("đã khoá", "disabled") if user.disabled else tr("hoạt động", "active")
        print(f"{user.name}\t{user.role}\t{state}")
    return 0


def _disable(args: argparse.Namespace, db: Database) -> int:
    disable_user(db, args.name)
    audit.record(db, "cli", "user_disable", args.name)
    print(tr(f"Đã khoá tài khoản {args.name}.", f"Account {args.name} disabled."))
    return 0


def _enable(args: argparse.Namespace, db: Database) -> int:
    user = enable_user(db, args.name)
    audit.record(db, "cli", "user_enable", user.name)
    print(tr(f"Đã mở khoá tài khoản {user.name}.", f"Account {user.name} enabled."))
    return 0


def _role(args: argparse.Namespace, db: Database) -> int:
    user = change_role(db, args.name, args.role)
    audit.record(db, "cli", "user_role", f"{user.name} {user.role}")
    print(tr(f"Tài khoản {user.name} giờ có vai trò {user.role}.",
             f"Account {user.name} now has the role {user.role}."))
    return 0


def _reset(args: argparse.Namespace, db: Database) -> int:
    reset_password(db, args.name, _password())
    audit.record(db, "cli", "user_reset_password", args.name)
    print(tr(f"Đã đặt lại mật khẩu của {args.name}.", f"The password of {args.name} was reset."))
    return 0
