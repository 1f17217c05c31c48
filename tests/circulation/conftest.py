"""A branch profile with policies, credit rules and a few catalogued items (real SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.models import BibRecord, CirculationPolicy, CreditRules, Item
from app.profile import Profile
from app.services import settings
from tests.profiles import new_profile

BRANCH = "LC01"
OTHER_BRANCH = "LC02"
ITEMS_TITLES = ["平凡的世界", "红岩", "乡村振兴实用技术", "小王子", "西游记"]


def add_item(session, clock, barcode: str, title: str, home: str = BRANCH) -> Item:
    now = clock.now()
    bib = BibRecord(title=title, created_at=now, updated_at=now)
    session.add(bib)
    session.flush()
    item = Item(
        barcode=barcode,
        bib_id=bib.id,
        home_branch_code=home,
        current_branch_code=home,
        status="available",
        created_at=now,
        updated_at=now,
    )
    session.add(item)
    session.flush()
    return item


def seed(profile: Profile) -> None:
    with profile.sessions() as s, s.begin():
        settings.put(s, settings.BRANCH_CODE, BRANCH)
        settings.put(s, settings.BRANCH_NAME, "陵川县城关镇小河村农家书屋")
        s.add(
            CirculationPolicy(
                reader_type="adult",
                label="成人",
                loan_days=30,
                max_items=3,
                max_renewals=1,
                renew_days=30,
            )
        )
        s.add(
            CirculationPolicy(
                reader_type="child",
                label="少儿",
                loan_days=14,
                max_items=2,
                max_renewals=2,
                renew_days=14,
            )
        )
        # 泉州-like rules: start 100, 1 point per item-day capped at 30, refuse below 60,
        # freeze 20 days at 0 and reset to 10... with a reset above the threshold for usability.
        s.add(
            CreditRules(
                start_points=100,
                deduct_per_item_day=1,
                cap_per_item=30,
                floor=0,
                borrow_threshold=60,
                freeze_days=20,
                reset_points=70,
                grace_days=0,
                amnesty=[],
                extra={},
            )
        )
        for n, title in enumerate(ITEMS_TITLES):
            add_item(s, profile.clock, f"C01{n:06d}", title)
        add_item(s, profile.clock, "C02000001", "三国演义", home=OTHER_BRANCH)


@pytest.fixture
def branch(tmp_path: Path) -> Iterator[Profile]:
    opened = new_profile(tmp_path / "branch")
    seed(opened)
    yield opened
    opened.close()


def later(profile: Profile, days: float) -> Profile:
    """The same database seen ``days`` later (the controllable clock)."""
    return Profile(
        profile.home, profile.engine, profile.sessions, profile.clock.shifted(timedelta(days=days))
    )
