"""One list of branch fields (shuwu_shared.branch, from the protocol's BranchInfo) that both
databases hold and every copy of a branch uses."""

from __future__ import annotations

from app.models import Branch as ClientBranch
from server.models import Branch as ServerBranch
from shuwu_shared.branch import BRANCH_FIELDS, branch_fields
from shuwu_shared.demo import generate


def test_both_databases_hold_every_branch_field() -> None:
    assert BRANCH_FIELDS[:3] == ("code", "name", "kind")
    for model in (ClientBranch, ServerBranch):
        assert set(BRANCH_FIELDS) <= set(model.__table__.columns.keys()), model


def test_branch_fields_copies_a_demo_branch() -> None:
    branch = generate(titles=5, items=10, readers=5, loans=0).branches[0]
    copied = branch_fields(branch)
    assert list(copied) == list(BRANCH_FIELDS)
    assert copied["code"] == branch.code and copied["kind"] == branch.kind
