"""``generate()``: the whole demo county as lists. Deterministic: every choice comes from
seeded streams (app/demo/rng.py), so the same arguments give the same county byte for byte.

For county scale without holding everything twice, use the streaming functions directly:
``make_branches`` → ``iter_bibs`` → ``iter_items`` → ``iter_readers`` → ``iter_loans``.
"""

from __future__ import annotations

from datetime import datetime

from shuwu_shared.demo.branches import make_branches
from shuwu_shared.demo.catalogue import iter_bibs, iter_items
from shuwu_shared.demo.loans import iter_loans
from shuwu_shared.demo.readers import iter_readers
from shuwu_shared.demo.records import DEMO_SCALE, REFERENCE_DATE, DemoCounty, DemoScale
from shuwu_shared.demo.rng import stream
from shuwu_shared.demo.rules import default_credit_rules, default_policies

# Share of loans still open on the reference date (about one in twenty).
OPEN_LOAN_SHARE = 0.05


def generate(
    seed: int = 2020,
    *,
    scale: DemoScale = DEMO_SCALE,
    titles: int | None = None,
    items: int | None = None,
    readers: int | None = None,
    loans: int | None = None,
    villages_per_township: int | None = None,
    reference_date: datetime = REFERENCE_DATE,
) -> DemoCounty:
    """The demo county. ``scale`` sets the sizes (``DEMO_SCALE``, ``COUNTY_SCALE``); the
    keyword counts override single sizes. Loans end before ``reference_date``."""
    n_titles = scale.titles if titles is None else titles
    n_items = scale.items if items is None else items
    n_readers = scale.readers if readers is None else readers
    n_loans = scale.loans if loans is None else loans
    n_villages = scale.villages if villages_per_township is None else villages_per_township * 12

    setup = stream(seed, "setup")
    branches = make_branches(setup, n_villages)
    policies = default_policies(setup)
    credit_rules = default_credit_rules(setup, reference_date)
    bibs = list(iter_bibs(seed, n_titles))
    open_target = round(n_loans * OPEN_LOAN_SHARE)
    item_rows = list(iter_items(seed, bibs, len(bibs), branches, n_items, open_target))
    reader_rows = list(iter_readers(seed, branches, n_readers, reference_date))
    loan_rows = list(iter_loans(seed, item_rows, reader_rows, policies, n_loans, reference_date))
    loan_rows.sort(key=lambda loan: loan.checkout_at)
    return DemoCounty(
        branches=branches,
        bibs=bibs,
        items=item_rows,
        readers=reader_rows,
        loans=loan_rows,
        policies=policies,
        credit_rules=credit_rules,
        reference_date=reference_date,
    )
