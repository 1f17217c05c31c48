"""Time helpers: ISO-8601 UTC on the wire, aware UTC datetimes inside."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    # The server's own clock is the reference time of the county; tests move device clocks.
    return datetime.now(UTC)


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_iso(value: object) -> datetime | None:
    """Parse an ISO-8601 time; naive values are taken as UTC. Raises ValueError when bad."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a time: {value!r}")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    return date.fromisoformat(value[:10])


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)
