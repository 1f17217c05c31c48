"""Devices and enrolment: one-time codes, tokens stored only as SHA-256, revocation, epochs."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.timeutil import iso, utcnow
from shuwu_shared.i18n import _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 8
CODE_VALID = timedelta(days=7)


class EnrolError(Exception):
    pass


class InputError(Exception):
    """Bad input from the admin (CLI exit 2)."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(code.split()).upper().replace("-", "")


@dataclass(frozen=True)
class NewDevice:
    device_id: int
    branch_code: str
    code: str
    expires_at: str


def add_device(session: Session, branch_code: str, training: bool = False) -> NewDevice:
    branch = session.scalar(select(m.Branch).where(m.Branch.code == branch_code))
    if branch is None:
        raise InputError(_("No branch with code {code}").format(code=branch_code))
    now = utcnow()
    device = m.Device(branch_code=branch_code, training=training, epoch=1)
    session.add(device)
    session.flush()
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
        if session.scalar(select(m.EnrolCode.id).where(m.EnrolCode.code == code)) is None:
            break
    expires = now + CODE_VALID
    session.add(m.EnrolCode(code=code, device_id=device.id, created_at=now, expires_at=expires))
    return NewDevice(device.id, branch_code, code, iso(expires) or "")


def enrol(session: Session, code: str, device_name: str | None) -> tuple[m.Device, str]:
    """Consume ``code``; return the device and its new token (shown once, stored hashed)."""
    row = session.scalar(select(m.EnrolCode).where(m.EnrolCode.code == normalise_code(code)))
    now = utcnow()
    if row is None:
        raise EnrolError(_("This enrolment code is not valid. Check it with the county library."))
    if row.used_at is not None:
        raise EnrolError(
            _("This enrolment code was already used. Ask the county library for a new one.")
        )
    if row.expires_at < now:
        raise EnrolError(
            _("This enrolment code has expired. Ask the county library for a new one.")
        )
    device = session.get(m.Device, row.device_id)
    if device is None or device.revoked:
        raise EnrolError(_("This enrolment code was withdrawn."))
    token = secrets.token_urlsafe(32)
    row.used_at = now
    device.token_sha256 = hash_token(token)
    device.name = (device_name or "")[:200] or None
    device.enrolled_at = now
    device.last_seen = now
    return device, token


def authenticate(session: Session, token: str) -> m.Device | str:
    """The device for ``token``, or "unauthorized" / "revoked"."""
    device = session.scalar(select(m.Device).where(m.Device.token_sha256 == hash_token(token)))
    if device is None:
        return "unauthorized"
    if device.revoked:
        return "revoked"
    return device


def revoke(session: Session, device_id: int) -> m.Device:
    device = session.get(m.Device, device_id)
    if device is None:
        raise InputError(_("No device {id}").format(id=device_id))
    device.revoked = True
    return device
