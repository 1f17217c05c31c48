"""The county network: the county library, its 12 township branches, the village bookrooms.

Item barcodes are 8-digit numbers from a range the county assigns to each branch (统一采编:
the county catalogues and labels everything, so ranges never overlap):
county 10000000-10999999, township *n* 11n00000-11n99999 (100,000 each), village *n*
20000000 + 10000·n (10,000 each, several times what a bookroom holds).
"""

from __future__ import annotations

import random

from shuwu_shared.demo import names
from shuwu_shared.demo.records import DemoBranch
from shuwu_shared.demo.rng import new_uuid

COUNTY_RANGE = (10_000_000, 10_999_999)
TOWNSHIP_BASE, TOWNSHIP_SIZE = 11_000_000, 100_000
VILLAGE_BASE, VILLAGE_SIZE = 20_000_000, 10_000


def _village_names(rng: random.Random, township_code: str, count: int, used: set[str]) -> list[str]:
    chosen: list[str] = []
    for name in names.REPORT_VILLAGES.get(township_code, ())[:count]:
        chosen.append(name)
        used.add(name)
    while len(chosen) < count:
        name = rng.choice(names.VILLAGE_FIRST) + rng.choice(names.VILLAGE_SECOND)
        if rng.random() < 0.4:
            name = rng.choice(names.SURNAMES[:40]) + "家" + rng.choice(names.VILLAGE_SECOND)
        if name not in used:
            used.add(name)
            chosen.append(name)
    return chosen


def make_branches(rng: random.Random, villages: int) -> list[DemoBranch]:
    """County, townships, then each township's villages (spread as evenly as they divide)."""
    county_code, county_name = names.COUNTY
    low, high = COUNTY_RANGE
    branches = [
        DemoBranch(new_uuid(rng), county_code, county_name, "county", None, f"{low}", f"{high}")
    ]
    townships = names.TOWNSHIPS
    used: set[str] = set()
    village_no = 0
    for index, (code, name) in enumerate(townships):
        start = TOWNSHIP_BASE + index * TOWNSHIP_SIZE
        branches.append(
            DemoBranch(
                new_uuid(rng), code, f"{name}综合文化站分馆", "township", county_code,
                f"{start}", f"{start + TOWNSHIP_SIZE - 1}",
            )
        )  # fmt: skip
        count = villages // len(townships) + (1 if index < villages % len(townships) else 0)
        for n, village in enumerate(_village_names(rng, code, count, used), start=1):
            start = VILLAGE_BASE + village_no * VILLAGE_SIZE
            branches.append(
                DemoBranch(
                    new_uuid(rng), f"{code}{n:02d}", f"{name}{village}村农家书屋", "village",
                    code, f"{start}", f"{start + VILLAGE_SIZE - 1}",
                )
            )  # fmt: skip
            village_no += 1
    return branches
