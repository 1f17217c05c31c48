"""A reproducible demo county (陵川县-like): branches, titles, copies, readers, loan history.

``generate(seed=...)`` returns the same data for the same arguments, byte for byte, so demos,
training resets and benchmarks are repeatable. Plain dataclasses only: the county server seeds
its database from them and clients receive them through sync. ``generate(scale=COUNTY_SCALE)``
gives the real network's size; the ``iter_*`` functions stream the same records one by one.
"""

from __future__ import annotations

from shuwu_shared.demo.branches import make_branches
from shuwu_shared.demo.catalogue import iter_bibs, iter_items
from shuwu_shared.demo.generator import generate
from shuwu_shared.demo.loans import iter_loans
from shuwu_shared.demo.readers import iter_readers
from shuwu_shared.demo.records import (
    COUNTY_SCALE,
    DEMO_SCALE,
    REFERENCE_DATE,
    DemoBib,
    DemoBranch,
    DemoCounty,
    DemoCreditRules,
    DemoItem,
    DemoLoan,
    DemoPolicy,
    DemoReader,
    DemoScale,
)
from shuwu_shared.demo.rules import POLICY_ROWS, default_credit_rules, default_policies

__all__ = [
    "COUNTY_SCALE",
    "DEMO_SCALE",
    "POLICY_ROWS",
    "REFERENCE_DATE",
    "DemoBib",
    "DemoBranch",
    "DemoCounty",
    "DemoCreditRules",
    "DemoItem",
    "DemoLoan",
    "DemoPolicy",
    "DemoReader",
    "DemoScale",
    "default_credit_rules",
    "default_policies",
    "generate",
    "iter_bibs",
    "iter_items",
    "iter_loans",
    "iter_readers",
    "make_branches",
]
