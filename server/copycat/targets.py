"""The county's copy-cataloguing targets: add, list, remove (``shuwu-server targets``).

URL forms: ``z3950://host[:port]/database`` (port 210 by default; YAZ's bare
``host:port/database`` is read the same way) and ``http(s)://host/path`` for SRU (extra query
parameters such as ``recordSchema=cnmarcxml`` are kept and sent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.copycat.models import CopycatTarget
from server.devices import InputError
from server.timeutil import utcnow
from shuwu_shared.i18n import _

SYNTAXES = ("unimarc", "marc21")
CHARSETS = ("utf-8", "gb18030", "marc-8")
# What admins type, from other systems' settings: all mean one of CHARSETS.
CHARSET_ALIASES = {"utf8": "utf-8", "gbk": "gb18030", "gb2312": "gb18030", "marc8": "marc-8"}
DEFAULT_TIMEOUT = 5.0
_NAME = re.compile(r"^[\w.\-]{1,64}$")
_HOST = re.compile(r"^[A-Za-z0-9.\-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$")


@dataclass(frozen=True)
class Target:
    name: str
    url: str
    protocol: str  # z3950 / sru
    host: str
    port: int
    database: str
    syntax: str
    charset: str
    username: str | None
    password: str | None = field(repr=False)
    priority: int
    timeout: float
    enabled: bool

    def public(self) -> dict[str, Any]:
        """What may be shown: everything but the password."""
        return {
            "name": self.name,
            "url": self.url,
            "protocol": self.protocol,
            "syntax": self.syntax,
            "charset": self.charset,
            "user": self.username,
            "has_password": bool(self.password),
            "priority": self.priority,
            "timeout": self.timeout,
            "enabled": self.enabled,
        }


def normalise_url(url: str) -> str:
    url = url.strip()
    return url if "://" in url else f"z3950://{url}"


def parse_url(url: str) -> tuple[str, str, int, str]:
    """(protocol, host, port, database) of a target URL; raises InputError."""
    bad = InputError(
        _(
            "{url} is not a target address; use z3950://host:port/database or "
            "http://host/path for SRU"
        ).format(url=url)
    )
    if not url or len(url) > 500 or any(ord(c) < 33 for c in url):
        raise bad
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise bad from exc
    host = parts.hostname or ""
    if not _HOST.match(host) or parts.password or parts.username:
        raise bad
    scheme = parts.scheme.lower()
    if scheme in ("z3950", "z39.50", "tcp"):
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database or any(ord(c) < 32 for c in database):
            raise bad
        return "z3950", host, port or 210, database
    if scheme in ("http", "https"):
        return "sru", host, port or (443 if scheme == "https" else 80), parts.path or "/"
    raise bad


def _to_target(row: CopycatTarget) -> Target:
    protocol, host, port, database = parse_url(row.url)
    return Target(
        row.name,
        row.url,
        protocol,
        host,
        port,
        database,
        row.syntax,
        row.charset,
        row.username,
        row.password,
        row.priority,
        row.timeout,
        row.enabled,
    )


def add_target(
    session: Session,
    name: str,
    url: str,
    *,
    syntax: str,
    charset: str | None = None,
    username: str | None = None,
    password: str | None = None,
    priority: int = 100,
    timeout: float = DEFAULT_TIMEOUT,
) -> Target:
    name = name.strip()
    if not _NAME.match(name):
        raise InputError(
            _("A target name is 1–64 letters, digits, '.', '-' or '_': {name}").format(name=name)
        )
    if syntax not in SYNTAXES:
        raise InputError(_("The record syntax must be unimarc or marc21"))
    charset = charset or ("gb18030" if syntax == "unimarc" else "utf-8")
    charset = CHARSET_ALIASES.get(charset.lower(), charset.lower())
    if charset not in CHARSETS:
        raise InputError(_("The character set must be utf-8, gb18030 or marc-8"))
    if not -1000 <= priority <= 1000:
        raise InputError(_("The priority must be between -1000 and 1000"))
    if not 0.5 <= timeout <= 60:
        raise InputError(_("The timeout must be between 0.5 and 60 seconds"))
    if password and not username:
        raise InputError(_("A password needs a user name (--user)"))
    if username is not None and (not username.strip() or len(username) > 200):
        raise InputError(_("The user name is empty or too long"))
    url = normalise_url(url)
    parse_url(url)
    if session.scalar(select(CopycatTarget.id).where(CopycatTarget.name == name)) is not None:
        raise InputError(_("A target named {name} already exists").format(name=name))
    now = utcnow()
    row = CopycatTarget(
        name=name,
        url=url,
        syntax=syntax,
        charset=charset,
        username=username,
        password=password or None,
        priority=priority,
        timeout=timeout,
        enabled=True,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return _to_target(row)


def list_targets(session: Session, enabled_only: bool = False) -> list[Target]:
    query = select(CopycatTarget).order_by(CopycatTarget.priority, CopycatTarget.name)
    if enabled_only:
        query = query.where(CopycatTarget.enabled.is_(True))
    return [_to_target(row) for row in session.scalars(query)]


def get_target(session: Session, name: str) -> Target:
    row = session.scalar(select(CopycatTarget).where(CopycatTarget.name == name))
    if row is None:
        raise InputError(_("No target named {name}").format(name=name))
    return _to_target(row)


def remove_target(session: Session, name: str) -> None:
    row = session.scalar(select(CopycatTarget).where(CopycatTarget.name == name))
    if row is None:
        raise InputError(_("No target named {name}").format(name=name))
    session.delete(row)
