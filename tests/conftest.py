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

from app.profile import Profile, open_profile


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    opened = open_profile(tmp_path / "profile")
    yield opened
    opened.close()


# -- strict warnings, where verified ---------------------------------------------------------
# pyproject makes every warning an error and Qt's warnings fail the test. These files and
# folders have been run that way and pass; the rest still get the old, lenient treatment
# (warnings listed in the summary, Qt messages ignored) until someone runs them strictly
# (`pytest -n 0 FILE`), fixes what breaks and adds them here.
STRICT_VERIFIED = (
    "tests/foundation/",
    "tests/domain/",
    "tests/protocol/",
    "tests/demo/",
    "tests/server/test_feed.py",
    "tests/server/test_push.py",
    "tests/server/test_enrol_and_auth.py",
    "tests/reports/test_cli.py",
    "tests/labels/test_labels_screen.py",
    "tests/field/test_bundles.py",
    "tests/field/test_hostile_bundles.py",
    "tests/field/test_restore_sync.py",
    "tests/field/test_training.py",
    "tests/field/test_damaged_database.py",
    "tests/catalog/test_catalog_screen.py",
    "tests/catalog/test_transfers_tab.py",
    "tests/catalog/test_rules_and_union.py",
    "tests/catalog/test_cli.py",
    "tests/catalog/test_catalog_service.py",
    "tests/catalog/test_stocktake_transfers.py",
    "tests/catalog/test_routine_services.py",
    "tests/circulation/test_sync_e2e.py",
    "tests/circulation/test_desk_ui.py",
    "tests/circulation/test_cli_text.py",
    "tests/circulation/test_scenarios.py",
    "tests/field/test_settings_ui.py",
    "tests/field/test_backup.py",
    "tests/labels/test_pdf_templates.py",
    "tests/labels/test_cli.py",
    "tests/layout/test_task_logging.py",
    "tests/layout/test_small_items.py",
    "tests/reports/test_chart_labels.py",
    "tests/console/test_console_roles.py",
    "tests/console/test_console_admin.py",
    "tests/copycat/test_copycat_keeps_source.py",
)
# Run with every warning an error except those raised when the garbage collector finds an
# object left open (not yet verified there).
STRICT_BUT_UNRAISABLE = ("tests/sync/",)
_ROOT = Path(__file__).resolve().parents[1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = Path(str(item.fspath)).resolve().relative_to(_ROOT).as_posix()
        if where.startswith(STRICT_VERIFIED):
            continue
        if where.startswith(STRICT_BUT_UNRAISABLE):
            item.add_marker(
                pytest.mark.filterwarnings("default::pytest.PytestUnraisableExceptionWarning")
            )
            continue
        item.add_marker(pytest.mark.filterwarnings("default"))
        item.add_marker(pytest.mark.qt_log_level_fail("NO"))
