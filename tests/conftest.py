"""Test set-up: offscreen Qt, a throwaway profile per test, no writes to the user's folders."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("SHUWU_LANG", "zh_CN")
# Never touch the real user-data folder from tests.
os.environ["SHUWU_HOME"] = tempfile.mkdtemp(prefix="shuwu-test-home-")

import pytest

from app.profile import Profile
from tests.profiles import new_profile


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    opened = new_profile(tmp_path / "profile")
    yield opened
    opened.close()
