"""The county's default 信用积分 rules: the one place their numbers are written.

The client's ``credit_rules`` model and ``app.services.credit.Rules``, the server's model, its
seed and the demo generator all take their defaults from ``CREDIT_DEFAULTS`` (docs/domain.md
explains each number). A county changes them in the console; these apply until it does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CreditDefaults:
    start_points: int = 100
    deduct_per_item_day: int = 1
    cap_per_item: int = 30
    floor: int = 0
    borrow_threshold: int = 60
    freeze_days: int = 30
    reset_points: int = 80
    grace_days: int = 0


CREDIT_DEFAULTS = CreditDefaults()
