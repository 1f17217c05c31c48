"""Catalogue test set-up: a profile enrolled as village branch V001 with a barcode range."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models import Branch, ShelfLocation
from app.profile import Profile
from app.services import settings
from tests.profiles import new_profile

BRANCH = "V001"


def enrol(profile: Profile, code: str = BRANCH) -> None:
    with profile.sessions() as s, s.begin():
        settings.put(s, settings.BRANCH_CODE, code)
        settings.put(s, settings.BRANCH_NAME, "东村农家书屋")
        s.add(
            Branch(
                code=code,
                name="东村农家书屋",
                kind="village",
                parent_code="T01",
                barcode_range_start="V0010000",
                barcode_range_end="V0019999",
            )
        )
        s.add(Branch(code="T01", name="城关镇分馆", kind="township", parent_code="C"))
        s.add(ShelfLocation(branch_code=code, code="A1", name="文学架"))
        s.add(ShelfLocation(branch_code=code, code="B1", name="农业科技架"))


@pytest.fixture
def branch_profile(tmp_path: Path) -> Iterator[Profile]:
    opened = new_profile(tmp_path / "profile")
    enrol(opened)
    yield opened
    opened.close()
