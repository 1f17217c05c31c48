"""Receiving rules live in the service, so the GUI and ``shuwu transfer receive`` agree:
a copy already here is refused; an unannounced copy needs a yes (a question / ``--yes``)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.models import Item, OutboxOp, Transfer
from app.profile import Profile
from app.services import settings, transfers
from shuwu_shared.errors import EXIT_BAD_INPUT, NeedsConfirmation
from tests.catalog.test_stocktake_transfers import seed


def state(profile: Profile) -> tuple[dict[str, tuple[str, str]], int, int]:
    with profile.sessions() as s:
        items = {
            b: (st, br)
            for b, st, br in s.execute(select(Item.barcode, Item.status, Item.current_branch_code))
        }
        ops = len(s.scalars(select(OutboxOp.device_seq)).all())
        batches = len(s.scalars(select(Transfer.id)).all())
    return items, ops, batches


def play_township(profile: Profile) -> None:
    with profile.sessions() as s, s.begin():
        settings.put(s, settings.BRANCH_CODE, "T01")


def test_service_refuses_a_copy_already_here(branch_profile: Profile) -> None:
    seed(branch_profile)
    before = state(branch_profile)
    with branch_profile.sessions() as s, s.begin(), pytest.raises(transfers.NotInTransfer):
        transfers.receive(s, branch_profile.clock, ["V0010001"], confirmed=True)
    assert state(branch_profile) == before


def test_service_asks_before_an_unannounced_copy(branch_profile: Profile) -> None:
    seed(branch_profile)
    play_township(branch_profile)
    before = state(branch_profile)
    with branch_profile.sessions() as s, s.begin(), pytest.raises(NeedsConfirmation) as asked:
        transfers.receive(s, branch_profile.clock, ["V0010002"])
    assert "V0010002" in asked.value.question and "V001" in asked.value.question
    assert state(branch_profile) == before
    with branch_profile.sessions() as s, s.begin():
        got = transfers.receive_one(s, branch_profile.clock, "V0010002", confirmed=True)
    assert got.transfer.to_branch == "T01" and got.title == "红楼梦"
    assert state(branch_profile)[0]["V0010002"] == ("available", "T01")


def cli(profile: Profile, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["transfer", "receive", "--home", str(profile.home), "--json", *args])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1])


def test_cli_refuses_a_copy_already_here(
    branch_profile: Profile, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(branch_profile)
    before = state(branch_profile)
    code, out = cli(branch_profile, capsys, "V0010001", "--yes")
    assert code == EXIT_BAD_INPUT and out["error"] == "not_in_transfer"
    assert state(branch_profile) == before  # no V001→V001 transfer


def test_cli_receives_an_unannounced_copy_only_with_yes(
    branch_profile: Profile, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(branch_profile)
    play_township(branch_profile)
    before = state(branch_profile)
    code, out = cli(branch_profile, capsys, "V0010002")
    assert code == EXIT_BAD_INPUT and out["error"] == "needs_confirmation"
    assert "--yes" in out["message"]
    assert state(branch_profile) == before
    code, out = cli(branch_profile, capsys, "V0010002", "--yes")
    assert code == 0 and out["from_branch"] == "V001" and out["to_branch"] == "T01"
    assert state(branch_profile)[0]["V0010002"] == ("available", "T01")
