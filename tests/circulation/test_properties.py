"""Hypothesis: the ledger never goes below its floor; no item is ever on two open loans."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.models import Loan, Reader
from app.profile import Profile, open_profile
from app.services import circulation, credit, readers
from shuwu_shared.errors import UserInputError
from tests.circulation.conftest import later, seed

BARCODES = [f"C01{n:06d}" for n in range(5)] + ["C02000001"]


def fresh_profile() -> Profile:
    profile = open_profile(Path(tempfile.mkdtemp(prefix="circ-hyp-")) / "p")
    seed(profile)
    return profile


@given(
    balance=st.integers(-1000, 1000),
    delta=st.integers(-1000, 1000),
    floor=st.integers(-100, 100),
)
def test_clamp_never_crosses_the_floor(balance: int, delta: int, floor: int) -> None:
    applied = credit.clamp_delta(balance, delta, floor)
    if balance >= floor:
        assert balance + applied >= floor
    assert abs(applied) <= abs(delta)
    if delta >= 0:
        assert applied == delta


actions = st.lists(
    st.tuples(
        st.sampled_from(["checkout", "return", "adjust", "advance", "amnesty", "undo"]),
        st.integers(0, 1),  # which reader
        st.sampled_from(BARCODES),
        st.integers(-80, 40),  # adjustment / days to advance
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=actions)
def test_ledger_floor_and_single_open_loan(steps) -> None:
    profile = fresh_profile()
    try:
        with profile.sessions() as s, s.begin():
            cards = [
                readers.register_reader(
                    s, profile.clock, readers.ReaderInput(name=n, gender="U", birth_year=1970)
                ).card
                for n in ("甲一", "乙二")
            ]
        current = profile
        last_op: str | None = None
        for action, who, barcode, number in steps:
            try:
                with current.sessions() as s, s.begin():
                    if action == "undo" and last_op is not None:
                        circulation.undo(s, current.clock, last_op, "test")
                    elif action == "checkout":
                        last_op = circulation.checkout(
                            s,
                            current.clock,
                            cards[who],
                            barcode,
                            override_reason="test" if number % 2 else None,
                        ).op_id
                    elif action == "return":
                        last_op = circulation.return_item(s, current.clock, barcode).op_id
                    elif action == "adjust":
                        reader = readers.reader_by_card(s, cards[who])
                        credit.adjust(s, current.clock, reader, number, "test")
                    elif action == "amnesty":
                        day = credit.local_date(current.clock.now())
                        credit.add_amnesty(
                            s,
                            current.clock,
                            credit.AmnestyWindow(
                                day - timedelta(days=abs(number)), day, "t", restore=number % 3 == 0
                            ),
                        )
            except UserInputError:
                pass  # refusals are fine; the invariants must still hold
            if action == "advance":
                current = later(current, max(0, number))
            with profile.sessions() as s:
                floor = credit.load_rules(s).floor
                for reader_id in s.scalars(select(Reader.id)):
                    assert credit.balance(s, reader_id) >= floor
                per_item = s.execute(
                    select(Loan.item_id, func.count())
                    .where(Loan.returned_at.is_(None))
                    .group_by(Loan.item_id)
                ).all()
                assert all(count == 1 for _item, count in per_item)
    finally:
        profile.close()
