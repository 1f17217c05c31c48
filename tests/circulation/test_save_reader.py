"""``readers.save_reader``: the one place that decides between registering and changing a
reader; the readers screen and ``shuwu readers add/edit`` both call it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import OutboxOp, Reader
from app.profile import Profile
from app.services import readers
from app.services.readers import ReaderInput
from shuwu_shared.errors import NotFound, UserInputError


def counts(profile: Profile) -> tuple[int, int]:
    with profile.sessions() as s:
        return (
            s.scalar(select(func.count()).select_from(Reader)) or 0,
            s.scalar(select(func.count()).where(OutboxOp.kind == "reader_upsert")) or 0,
        )


def test_without_a_reader_it_registers_and_with_one_it_changes_that_reader(
    branch: Profile,
) -> None:
    with branch.sessions() as s, s.begin():
        new = readers.save_reader(s, branch.clock, ReaderInput(name="李四", birth_year=1990))
    assert new.card_provisional and new.name == "李四"
    assert counts(branch) == (1, 1)

    with branch.sessions() as s, s.begin():
        changed = readers.save_reader(
            s,
            branch.clock,
            ReaderInput(name="李四", birth_year=1990, phone="13800001111"),
            new.uuid,
        )
    assert (changed.uuid, changed.card, changed.phone) == (new.uuid, new.card, "13800001111")
    assert counts(branch) == (1, 2)  # the same reader, one more reader_upsert op


def test_a_reader_that_no_longer_exists_is_refused_and_nothing_is_written(
    branch: Profile,
) -> None:
    with pytest.raises(NotFound), branch.sessions() as s, s.begin():
        readers.save_reader(
            s, branch.clock, ReaderInput(name="王五", birth_year=1983), "no-such-reader"
        )
    assert counts(branch) == (0, 0)


def test_the_same_rules_apply_both_ways(branch: Profile) -> None:
    with branch.sessions() as s, s.begin():
        first = readers.save_reader(
            s, branch.clock, ReaderInput(name="甲", birth_year=1980, card="R0001")
        )
        second = readers.save_reader(s, branch.clock, ReaderInput(name="乙", birth_year=1981))
    for uuid in (None, second.uuid):
        with pytest.raises(UserInputError) as refused, branch.sessions() as s, s.begin():
            readers.save_reader(
                s, branch.clock, ReaderInput(name="丙", birth_year=1982, card=first.card), uuid
            )
        assert refused.value.code == "card_taken"
    assert counts(branch) == (2, 2)
