"""Readers' personal data as the console shows it: masked unless explicitly unmasked (audited)."""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    digits = phone.strip()
    if len(digits) <= 4:
        return "*" * len(digits)
    return (
        digits[:3] + "*" * max(0, len(digits) - 7) + digits[-4:]
        if len(digits) > 7
        else ("*" * (len(digits) - 4) + digits[-4:])
    )


def mask_name(name: str | None) -> str:
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)
