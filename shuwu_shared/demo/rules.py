"""Default circulation policy and credit rules, as data.

Loan periods follow what village rules publish (a 10-30 day loan, one renewal, about 5 books;
domain notes §4) and what the county lends for. Credit numbers follow the county-branch
system in domain notes §5 (洛阳: start 100, 1 point per item-day overdue) with a per-item cap
as in 惠州/广州, and the 2020 amnesty the county itself announced (annual report: overdue
books returned by 2020-07-31 cost no points).
"""

from __future__ import annotations

import random
from datetime import datetime

from shuwu_shared.demo.records import DemoCreditRules, DemoPolicy
from shuwu_shared.demo.rng import new_uuid

# reader_type, label, loan_days, max_items, max_renewals, renew_days
POLICY_ROWS: tuple[tuple[str, str, int, int, int, int], ...] = (
    ("adult", "成人读者", 30, 5, 1, 30),
    ("child", "少儿读者", 21, 3, 1, 21),
    ("elderly", "老年读者", 45, 5, 2, 30),
    ("group", "集体借阅", 60, 30, 1, 60),
)


def default_policies(rng: random.Random) -> list[DemoPolicy]:
    return [DemoPolicy(new_uuid(rng), *row) for row in POLICY_ROWS]


def default_credit_rules(rng: random.Random, reference_date: datetime) -> DemoCreditRules:
    year = reference_date.year
    return DemoCreditRules(
        new_uuid(rng),
        amnesty=(
            ("2020-01-25", "2020-07-31", "疫情期间逾期图书免扣信用积分"),
            (f"{year}-04-20", f"{year}-04-30", "世界读书日免扣积分"),
        ),
    )
