"""Which branches a staff account may see: a supervisor its township and the villages under it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m


def branches_under(session: Session, root: str) -> set[str]:
    """``root`` and every branch below it (townships have villages; depth is small)."""
    found = {root}
    frontier = {root}
    while frontier:
        children = set(
            session.scalars(select(m.Branch.code).where(m.Branch.parent_code.in_(frontier)))
        )
        frontier = children - found
        found |= children
    return found


def visible_branches(session: Session, role: str, branch_code: str | None) -> set[str] | None:
    """None: every branch. A supervisor without a township sees nothing."""
    if role == "supervisor":
        return branches_under(session, branch_code) if branch_code else set()
    return None
