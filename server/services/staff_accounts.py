"""Staff accounts of the county console: argon2 password hashes, roles, login checks."""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server import models as m
from server.console.models import ROLES, LoginAttempt, StaffAccount, StaffSession
from server.services.audit import audit
from server.services.errors import ServiceError, _
from server.timeutil import utcnow

_hasher = PasswordHasher()
MIN_PASSWORD = 8
SESSION_LIFETIME = timedelta(hours=8)
# Failed logins allowed in the window, per account name and per client address.
FAILS_PER_NAME = 5
FAILS_PER_ADDRESS = 20
FAIL_WINDOW = timedelta(minutes=15)
DEMO_ACCOUNTS = (("admin", "admin", None), ("readonly", "readonly", None))
DEMO_PASSWORD = "shuwu-demo"


@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    role: str
    branch_code: str | None


def _view(row: StaffAccount) -> Staff:
    return Staff(row.id, row.name, row.role, row.branch_code)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def add_account(
    session: Session,
    name: str,
    role: str,
    password: str,
    branch_code: str | None = None,
    actor: str = "cli",
) -> Staff:
    name = (name or "").strip()
    if not name or len(name) > 64 or any(c.isspace() or ord(c) < 32 for c in name):
        raise ServiceError(_("A staff name has 1 to 64 characters without spaces."))
    if role not in ROLES:
        raise ServiceError(_("The role must be admin, supervisor or readonly."))
    if len(password) < MIN_PASSWORD or len(password) > 1024:
        raise ServiceError(_("The password needs at least {n} characters."), n=MIN_PASSWORD)
    if role == "supervisor":
        if not branch_code:
            raise ServiceError(_("A township supervisor needs --branch with the township code."))
        if session.scalar(select(m.Branch.id).where(m.Branch.code == branch_code)) is None:
            raise ServiceError(_("No branch with code {code}"), code=branch_code)
    elif branch_code:
        raise ServiceError(_("Only a supervisor belongs to a branch."))
    if session.scalar(select(StaffAccount.id).where(StaffAccount.name == name)) is not None:
        raise ServiceError(_("Staff account {name} already exists."), status=409, name=name)
    row = StaffAccount(
        name=name,
        role=role,
        branch_code=branch_code or None,
        password_hash=hash_password(password),
        active=True,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    audit(session, actor, "staff.add", name, role=role, branch=branch_code)
    return _view(row)


def set_active(session: Session, staff_id: int, active: bool, actor: str) -> Staff:
    row = session.get(StaffAccount, staff_id)
    if row is None:
        raise ServiceError(_("No staff account {id}"), status=404, id=staff_id)
    row.active = active
    if not active:
        for s in session.scalars(select(StaffSession).where(StaffSession.staff_id == row.id)):
            session.delete(s)
    audit(session, actor, "staff.enable" if active else "staff.disable", row.name)
    return _view(row)


def list_accounts(session: Session) -> list[tuple[Staff, bool]]:
    return [
        (_view(r), r.active)
        for r in session.scalars(select(StaffAccount).order_by(StaffAccount.name))
    ]


def too_many_failures(session: Session, name: str, address: str) -> bool:
    since = utcnow() - FAIL_WINDOW
    base = (
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.at >= since, LoginAttempt.ok.is_(False))
    )
    by_name = session.scalar(base.where(LoginAttempt.name == name[:64])) or 0
    by_address = session.scalar(base.where(LoginAttempt.address == address[:64])) or 0
    return by_name >= FAILS_PER_NAME or by_address >= FAILS_PER_ADDRESS


def check_login(session: Session, name: str, password: str, address: str) -> Staff | None:
    """The account when the password is right; every attempt is recorded. Must be in a writer.

    Raises ServiceError(429) once too many recent attempts failed (even with the right password,
    so guessing cannot go on).
    """
    name = (name or "").strip()[:64]
    if too_many_failures(session, name, address):
        raise ServiceError(_("Too many failed logins. Wait 15 minutes and try again."), status=429)
    row = session.scalar(select(StaffAccount).where(StaffAccount.name == name))
    ok = False
    if row is not None and row.active:
        try:
            ok = _hasher.verify(row.password_hash, password[:1024])
        except (VerificationError, InvalidHashError):
            ok = False
        if ok and _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
    else:
        # Same work for unknown names: timing does not tell which names exist.
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(_DUMMY_HASH, password[:1024])
    session.add(LoginAttempt(name=name, address=address[:64], ok=ok, at=utcnow()))
    if not ok or row is None:
        audit(session, name or "?", "login.failed", None, address=address[:64])
        return None
    audit(session, row.name, "login", None, address=address[:64])
    return _view(row)


_DUMMY_HASH = _hasher.hash("not a password of anyone")


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(session: Session, staff: Staff) -> tuple[str, str]:
    """A new session: (cookie value, CSRF token). Only the cookie's hash is stored."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    session.execute(delete(StaffSession).where(StaffSession.expires_at < now))  # housekeeping
    session.add(
        StaffSession(
            id_sha256=_sha(token),
            staff_id=staff.id,
            csrf_token=csrf,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    return token, csrf


def session_staff(session: Session, token: str) -> tuple[Staff, str] | None:
    """(staff, CSRF token) for a live session cookie, else None."""
    if not token or len(token) > 128:
        return None
    row = session.get(StaffSession, _sha(token))
    if row is None or row.expires_at < utcnow():
        return None
    account = session.get(StaffAccount, row.staff_id)
    if account is None or not account.active:
        return None
    return _view(account), row.csrf_token


def close_session(session: Session, token: str) -> None:
    row = session.get(StaffSession, _sha(token))
    if row is not None:
        session.delete(row)


def ensure_demo_accounts(session: Session) -> list[dict[str, str]]:
    """Demo and training servers: an admin, a read-only and a township supervisor account."""
    wanted: list[tuple[str, str, str | None]] = list(DEMO_ACCOUNTS)
    township = session.scalar(
        select(m.Branch.code).where(m.Branch.kind == "township").order_by(m.Branch.code)
    )
    if township:
        wanted.append(("supervisor", "supervisor", township))
    made = []
    for name, role, branch in wanted:
        if session.scalar(select(StaffAccount.id).where(StaffAccount.name == name)) is None:
            add_account(session, name, role, DEMO_PASSWORD, branch, actor="demo")
        made.append({"name": name, "role": role, "password": DEMO_PASSWORD})
    return made
