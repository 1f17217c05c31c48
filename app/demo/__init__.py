"""A reproducible demo county (陵川县-like): branches, titles, copies, readers, loan history.

``generate(seed=...)`` returns the same data for the same arguments, byte for byte, so demos,
training resets and benchmarks are repeatable. Plain dataclasses only: the county server seeds
its database from them and clients receive them through sync.
"""

from __future__ import annotations

from app.demo.generator import (
    DemoBib,
    DemoBranch,
    DemoCounty,
    DemoCreditRules,
    DemoItem,
    DemoLoan,
    DemoPolicy,
    DemoReader,
    generate,
)

__all__ = [
    "DemoBib",
    "DemoBranch",
    "DemoCounty",
    "DemoCreditRules",
    "DemoItem",
    "DemoLoan",
    "DemoPolicy",
    "DemoReader",
    "generate",
]
