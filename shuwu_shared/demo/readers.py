"""Registered readers. Shares follow the county's 2020 reader survey (annual report §5:
2,487 readers, 59.3% women, 40.6% men, the rest not recorded; 18-25 the largest age group)."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from shuwu_shared.demo.catalogue import person_name
from shuwu_shared.demo.records import DemoBranch, DemoReader
from shuwu_shared.demo.rng import new_uuid, stream

# Mobile prefixes of the three carriers (a fake but well-formed 11-digit number).
_MOBILE_PREFIXES = ("134", "135", "138", "139", "150", "151", "158", "130", "131", "155",
                    "133", "153", "180", "189", "199", "177", "186", "187")  # fmt: skip
# (lowest age, highest age, weight): children and young adults borrow most.
_AGE_BANDS = ((6, 13, 22), (14, 17, 8), (18, 25, 21), (26, 34, 12), (35, 45, 13),
              (46, 59, 12), (60, 85, 12))  # fmt: skip


def _reader_type(rng: random.Random, age: int | None) -> str:
    if rng.random() < 0.01:
        return "group"  # a school class or a village reading group borrowing as one card
    if age is None:
        return "adult"
    if age < 14:
        return "child"
    return "elderly" if age >= 60 else "adult"


def iter_readers(
    seed: int, branches: Sequence[DemoBranch], count: int, reference_date: datetime
) -> Iterator[DemoReader]:
    rng = stream(seed, "readers")
    # Villages and townships register their own readers; the county library registers more
    # per branch (it is the busiest desk).
    serving = [b for b in branches if b.kind != "county"] + [branches[0]] * 5
    for n in range(count):
        branch = rng.choice(serving)
        roll = rng.random()
        gender = "F" if roll < 0.57 else ("M" if roll < 0.95 else "U")
        age: int | None = None
        if rng.random() >= 0.05:  # some forms leave the birth year empty
            low, high, _w = rng.choices(_AGE_BANDS, weights=[w for *_r, w in _AGE_BANDS])[0]
            age = rng.randint(low, high)
        phone = None
        if rng.random() >= 0.15 and (age is None or age >= 14):
            phone = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        # Most readers registered when the 总分馆 system opened (2020) or since.
        registered = reference_date - timedelta(
            days=rng.triangular(30, 2200, 900), minutes=rng.randint(0, 600)
        )
        yield DemoReader(
            uuid=new_uuid(rng),
            card=f"R{n + 1:07d}",
            name=person_name(rng),
            gender=gender,
            birth_year=None if age is None else reference_date.year - age,
            phone=phone,
            reader_type=_reader_type(rng, age),
            home_branch=branch.code,
            registered_at=registered,
        )
