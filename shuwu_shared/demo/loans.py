"""Loan history over the year before the reference date.

Consistent by construction: every copy marked ``on_loan`` has exactly one open loan and no
other copy has one; one copy's loans never overlap in time; a reader borrows only after
registering and never holds more open loans than the policy allows. A share of open loans
is overdue on the reference date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta

from shuwu_shared.demo.records import DemoItem, DemoLoan, DemoPolicy, DemoReader
from shuwu_shared.demo.rng import new_uuid, stream

_HISTORY_DAYS = 365
_TRIES = 60
_LENT_ELSEWHERE = 0.1  # 通借通还: share of loans made to readers of another branch


class _Ledger:
    """Busy periods per copy and open loans per reader, to keep the history possible."""

    def __init__(self) -> None:
        self.busy: dict[str, list[tuple[datetime, datetime]]] = {}
        self.open_count: dict[str, int] = {}

    def free(self, item: str, start: datetime, end: datetime) -> bool:
        return all(end <= s or start >= e for s, e in self.busy.get(item, ()))

    def book(self, item: str, start: datetime, end: datetime) -> None:
        self.busy.setdefault(item, []).append((start, end))


def iter_loans(
    seed: int,
    items: Iterable[DemoItem],
    readers: Sequence[DemoReader],
    policies: Sequence[DemoPolicy],
    count: int,
    reference_date: datetime,
) -> Iterator[DemoLoan]:
    """Open loans first (one per ``on_loan`` copy), then closed ones up to ``count`` in all."""
    rng = stream(seed, "loans")
    policy = {p.reader_type: p for p in policies}
    on_loan: list[DemoItem] = []
    lendable: dict[str, list[str]] = {}
    for item in items:
        if item.status == "on_loan":
            on_loan.append(item)
        elif item.status == "available":
            lendable.setdefault(item.home_branch, []).append(item.uuid)
    by_branch: dict[str, list[DemoReader]] = {}
    for person in readers:
        by_branch.setdefault(person.home_branch, []).append(person)
    if len(on_loan) > count:
        raise ValueError(f"{len(on_loan)} copies on loan but only {count} loans asked for")
    ledger = _Ledger()
    end_of_history = reference_date - timedelta(hours=1)

    def pick_reader(branch: str, at: datetime, open_loan: bool) -> DemoReader | None:
        local = by_branch.get(branch)
        for _ in range(_TRIES):
            pool = readers if not local or rng.random() < _LENT_ELSEWHERE else local
            candidate = rng.choice(pool)
            if candidate.registered_at >= at:
                continue
            if open_loan:
                held = ledger.open_count.get(candidate.uuid, 0)
                if held >= policy[candidate.reader_type].max_items:
                    continue
                ledger.open_count[candidate.uuid] = held + 1
            return candidate
        return None

    for n, item in enumerate(on_loan):
        for _ in range(_TRIES):
            # The first open loan is overdue and the second is not, whatever the scale.
            overdue = n == 0 or (n != 1 and rng.random() < 0.3)
            age_days = rng.uniform(1, 20) if not overdue else 0.0
            checkout = reference_date - timedelta(days=age_days, minutes=rng.randint(5, 600))
            reader = pick_reader(item.home_branch, checkout, open_loan=True)
            if reader is None:
                continue
            terms = policy[reader.reader_type]
            if overdue:  # out longer than the loan period, by up to about six weeks
                checkout -= timedelta(days=terms.loan_days + rng.uniform(1, 45))
                if reader.registered_at >= checkout:
                    ledger.open_count[reader.uuid] -= 1
                    continue
            due = checkout + timedelta(days=terms.loan_days)
            ledger.book(item.uuid, checkout, reference_date + timedelta(days=3650))
            yield DemoLoan(new_uuid(rng), item.uuid, reader.uuid, item.home_branch, checkout,
                           due, None, 0)  # fmt: skip
            break
        else:
            raise ValueError(f"no reader could borrow copy {item.barcode}")

    branches = sorted(lendable)
    made = len(on_loan)
    attempts = 0
    while made < count:
        attempts += 1
        if attempts > count * _TRIES or not branches:
            raise ValueError("could not place the demo loans; too few copies or readers")
        branch = rng.choice(branches)
        item_uuid = rng.choice(lendable[branch])
        checkout = reference_date - timedelta(days=rng.uniform(2, _HISTORY_DAYS))
        reader = pick_reader(branch, checkout, open_loan=False)
        if reader is None:
            continue
        terms = policy[reader.reader_type]
        renewals = 1 if rng.random() < 0.12 else 0
        due = checkout + timedelta(days=terms.loan_days + renewals * terms.renew_days)
        if rng.random() < 0.08:  # returned late
            returned = due + timedelta(days=rng.uniform(0.5, 40))
        else:
            returned = checkout + timedelta(days=rng.uniform(0.2, (due - checkout).days))
        if returned >= end_of_history or not ledger.free(item_uuid, checkout, returned):
            continue
        ledger.book(item_uuid, checkout, returned)
        made += 1
        yield DemoLoan(new_uuid(rng), item_uuid, reader.uuid, branch, checkout, due, returned,
                       renewals)  # fmt: skip
