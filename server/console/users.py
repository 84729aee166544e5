"""Province staff accounts of the console: Argon2id passwords, roles, disabling, and lockout.

Roles (checked on every action, see ``ROLE_RANK``): a *viewer* reads every page and downloads reports;
an *officer* also imports USB exports and issues the consolidated report; an *admin* also adds agencies,
issues enrollment codes, revokes devices and publishes plans and accounts. Accounts are managed with
``baocao-server user …`` and on the console's «Tài khoản» page, through the functions here. A role change,
a password reset or a disabling ends the account's sessions; the last enabled admin can be neither demoted
nor disabled. Ten wrong passwords in a row lock an account for fifteen minutes (a reset lifts that).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.text import nfc
from desktop.errors import InputError
from server.db import Database
from server.models import ConsoleSession, ConsoleUser

ROLES = ("viewer", "officer", "admin")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
MIN_PASSWORD = 10
MAX_PASSWORD = 256
LOCK_AFTER = 10
LOCK_SECONDS = 15 * 60
_HASHER = PasswordHasher()  # Argon2id with the library's RFC 9106 low-memory defaults
# Verified when the name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("baocao-console-no-such-user")


@dataclass(frozen=True)
class User:
    """A console account as the pages see it."""

    id: int
    name: str
    role: str
    disabled: bool

    def may(self, role: str) -> bool:
        """Whether this account has at least ``role``."""
        return not self.disabled and ROLE_RANK[self.role] >= ROLE_RANK[role]


class LoginRefused(InputError):
    """Wrong name or password, a disabled account, or a locked one (the message does not say which)."""


def add_user(db: Database, name: str, role: str, password: str) -> User:
    """Create an account; names are 1-64 letters, digits, ``.``, ``_``, ``-``."""
    name = nfc(name).strip()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        raise InputError(f"Tên đăng nhập {name!r} không hợp lệ.", f"Invalid user name {name!r}.", code="user_name")
    _check_role(role)
    _check_password(password)
    with db.transaction() as session:
        if session.scalar(select(ConsoleUser.id).where(ConsoleUser.name == name)) is not None:
            raise InputError(f"Tài khoản {name} đã có.", f"User {name} already exists.", code="user_exists")
        row = ConsoleUser(name=name, role=role, password_hash=_HASHER.hash(password), created_at=int(time.time()),
                          failed_logins=0, locked_until=0)
        session.add(row)
        session.flush()
        return User(row.id, row.name, row.role, False)


def list_users(db: Database) -> list[User]:
    """Every account, by name."""
    with db.transaction() as session:
        return [User(r.id, r.name, r.role, r.disabled_at is not None)
                for r in session.scalars(select(ConsoleUser).order_by(ConsoleUser.name))]


def disable_user(db: Database, name: str) -> None:
    """Disable an account and end its sessions; never the last enabled admin."""
    with db.transaction() as session:
        row = _account(session, name)
        _keep_an_admin(session, row, "viewer")
        row.disabled_at = row.disabled_at or int(time.time())
        _end_sessions(session, row)


def enable_user(db: Database, name: str) -> User:
    """Enable a disabled account again (its lockout lifted); its old sessions stay ended."""
    with db.transaction() as session:
        row = _account(session, name)
        row.disabled_at, row.failed_logins, row.locked_until = None, 0, 0
        return User(row.id, row.name, row.role, False)


def change_role(db: Database, name: str, role: str) -> User:
    """Give an account another role and end its sessions (it logs in again with the new rights)."""
    _check_role(role)
    with db.transaction() as session:
        row = _account(session, name)
        _keep_an_admin(session, row, role)
        if row.role != role:
            row.role = role
            _end_sessions(session, row)
        return User(row.id, row.name, row.role, row.disabled_at is not None)


def reset_password(db: Database, name: str, password: str) -> None:
    """Set a new password (Argon2id), lift a lockout and end the account's sessions."""
    _check_password(password)
    with db.transaction() as session:
        row = _account(session, name)
        row.password_hash, row.failed_logins, row.locked_until = _HASHER.hash(password), 0, 0
        _end_sessions(session, row)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InputError(f"Vai trò {role!r} không hợp lệ.", f"Unknown role {role!r}.", code="role")


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(f"Mật khẩu cần từ {MIN_PASSWORD} đến {MAX_PASSWORD} ký tự.",
                         f"The password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters.", code="password")


def _account(session: Session, name: str) -> ConsoleUser:
    row = session.scalar(select(ConsoleUser).where(ConsoleUser.name == nfc(name).strip()[:64]))
    if row is None:
        raise InputError(f"Không có tài khoản {name[:64]}.", f"No user {name[:64]}.", code="no_user")
    return row


def _keep_an_admin(session: Session, row: ConsoleUser, role: str) -> None:
    """Refuse to leave the console without an enabled admin (``role`` is what ``row`` would become)."""
    if row.role != "admin" or row.disabled_at is not None or role == "admin":
        return
    # The enabled admins' rows are locked (in id order, so two such actions never deadlock): on PostgreSQL two
    # admins disabling each other at once would otherwise each count the other and both commit. A waiting
    # action reads the rows again once the lock is free. SQLite takes its write lock at BEGIN already.
    admins = session.scalars(select(ConsoleUser.id).where(
        ConsoleUser.role == "admin", ConsoleUser.disabled_at.is_(None)).order_by(ConsoleUser.id).with_for_update())
    if not [i for i in admins if i != row.id]:
        raise InputError(f"{row.name} là quản trị viên cuối cùng đang hoạt động: không thể hạ quyền hay khoá.",
                         f"{row.name} is the last enabled admin: it cannot be demoted or disabled.",
                         code="last_admin")


def _end_sessions(session: Session, row: ConsoleUser) -> None:
    session.execute(delete(ConsoleSession).where(ConsoleSession.user_id == row.id))


def get_user(db: Database, user_id: int) -> User | None:
    """The account of a session, or None."""
    with db.transaction() as session:
        row = session.get(ConsoleUser, user_id)
        return None if row is None else User(row.id, row.name, row.role, row.disabled_at is not None)


def authenticate(db: Database, name: str, password: str, *, now: float | None = None) -> User:
    """The account if ``password`` is right and it is usable; else ``LoginRefused`` (failures counted)."""
    now = time.time() if now is None else now
    refused = LoginRefused("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá.",
                           "Wrong user name or password, or the account is locked.", code="login")
    with db.transaction() as session:
        row = session.scalar(select(ConsoleUser).where(ConsoleUser.name == nfc(name).strip()[:64]))
        if row is None:
            _verify(_DUMMY_HASH, password)
            raise refused
        if row.disabled_at is not None or row.locked_until > now:
            raise refused
        accepted = _verify(row.password_hash, password[:MAX_PASSWORD])
        if not accepted:
            # Counted in this committed transaction; the refusal is raised once it has committed.
            row.failed_logins += 1
            if row.failed_logins >= LOCK_AFTER:
                row.locked_until, row.failed_logins = int(now) + LOCK_SECONDS, 0
        else:
            row.failed_logins = 0
            if _HASHER.check_needs_rehash(row.password_hash):
                row.password_hash = _HASHER.hash(password)
        user = User(row.id, row.name, row.role, False)
    if not accepted:
        raise refused
    return user


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
