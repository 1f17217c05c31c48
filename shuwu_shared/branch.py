"""The fields of a branch as client and server exchange them: one list, from the protocol.

``BranchInfo`` (the enrolment answer's branch) is the definition; the feed, the seed, the
enrolment reply and the training demo copy a branch with ``branch_fields``.
"""

from __future__ import annotations

from typing import Any

from shuwu_shared.protocol.messages import BranchInfo

BRANCH_FIELDS: tuple[str, ...] = tuple(BranchInfo.model_fields)


def branch_fields(source: Any) -> dict[str, Any]:
    """``BRANCH_FIELDS`` read from any object that has them (an ORM row, a demo record)."""
    return {name: getattr(source, name) for name in BRANCH_FIELDS}
