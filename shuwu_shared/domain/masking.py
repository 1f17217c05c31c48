"""Readers' personal data as staff and reports see it: names and phones masked."""

from __future__ import annotations

import re


def mask_name(name: str) -> str:
    """张晓明 → 张*明, 张三 → 张*, 欧阳晓明 → 欧**明."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str | None) -> str:
    """13812341234 → 138****1234; shorter numbers keep only their last 4 digits."""
    if not phone:
        return ""
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11:
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]
