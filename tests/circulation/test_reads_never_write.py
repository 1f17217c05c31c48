"""Reads never write (issue 19): the desk's reader panel shows an ended freeze as settled, and
the RESET entry is appended by the next operation that changes credit. Each checkout loads the
credit rules and the loan policy once."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import CreditEntry, OutboxOp, Reader
from app.profile import Profile
from app.services import circulation, credit
from tests.circulation.conftest import later
from tests.circulation.test_scenarios import ledger_reasons, register


def counts(profile: Profile) -> tuple[int, int]:
    with profile.sessions() as s:
        entries = s.scalar(select(func.count()).select_from(CreditEntry))
        ops = s.scalar(select(func.count()).select_from(OutboxOp))
    return int(entries or 0), int(ops or 0)


def freeze(profile: Profile, card: str, uuid: str) -> None:
    with profile.sessions() as s, s.begin():
        reader = s.scalar(select(Reader).where(Reader.uuid == uuid))
        credit.adjust(s, profile.clock, reader, -500, "损坏图书")
    assert ledger_reasons(profile, uuid)[-1][0] == "freeze"


def test_reader_panel_after_a_freeze_ended_writes_nothing(branch: Profile) -> None:
    reader = register(branch)
    freeze(branch, reader.card, reader.uuid)
    thawed = later(branch, 21)
    before = counts(thawed)
    with thawed.sessions() as s, s.begin():
        panel = circulation.desk_reader(s, thawed.clock, reader.card)
    # Shown as settle() will leave it, but nothing was appended.
    assert panel.frozen_until is None and panel.points == 70
    assert counts(thawed) == before
    # The next lending settles for real: the reset entry and its op, then the loan.
    with thawed.sessions() as s, s.begin():
        circulation.checkout(s, thawed.clock, reader.card, "C01000000")
    assert [r for r, _d in ledger_reasons(branch, reader.uuid)][-2:] == ["freeze", "reset"]
    with thawed.sessions() as s, s.begin():
        again = circulation.desk_reader(s, thawed.clock, reader.card)
    assert again.points == panel.points == 70 and len(again.loans) == 1


def test_a_return_settles_an_ended_freeze_first(branch: Profile) -> None:
    reader = register(branch)
    with branch.sessions() as s, s.begin():
        circulation.checkout(s, branch.clock, reader.card, "C01000001")
    freeze(branch, reader.card, reader.uuid)
    thawed = later(branch, 21)
    with thawed.sessions() as s, s.begin():
        circulation.return_item(s, thawed.clock, "C01000001")
    assert "reset" in [r for r, _d in ledger_reasons(branch, reader.uuid)]


def test_checkout_loads_rules_and_policy_once(
    branch: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = register(branch)
    calls = {"rules": 0, "policy": 0}
    real_rules, real_policy = credit.load_rules, circulation.policy_for

    def rules_spy(session):  # type: ignore[no-untyped-def]
        calls["rules"] += 1
        return real_rules(session)

    def policy_spy(session, reader_type):  # type: ignore[no-untyped-def]
        calls["policy"] += 1
        return real_policy(session, reader_type)

    monkeypatch.setattr(credit, "load_rules", rules_spy)
    monkeypatch.setattr(circulation, "policy_for", policy_spy)
    with branch.sessions() as s, s.begin():
        circulation.checkout(s, branch.clock, reader.card, "C01000002")
    assert calls == {"rules": 1, "policy": 1}
