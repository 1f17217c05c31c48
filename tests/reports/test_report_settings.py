"""Report settings: checked before anything is stored, used by the next report, set from the
Settings screen and from ``shuwu report-settings``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.profile import Profile
from app.services.reports import branch_report
from app.services.reports.preferences import load_preferences, save_preferences
from app.ui.app import build_main_window
from shuwu_shared.errors import UserInputError


def test_defaults_then_saved_values_reach_the_report(profile: Profile) -> None:
    with profile.sessions() as s:
        prefs = load_preferences(s)
    assert prefs.population is None and prefs.new_books_target is None
    assert prefs.age_bands == "0-6,7-14,15-17,18-59,60+"
    with profile.sessions() as s, s.begin():
        save_preferences(s, " 0-13, 14-59 ,60+", 12_000, 0.05)
    with profile.sessions() as s:
        report = branch_report(s, profile.clock, "2020-01-01", "2020-12-31")
    assert [b.label for b in report.age_bands] == ["0-13", "14-59", "60+"]
    assert report.indicators.population == 12_000
    assert report.indicators.new_books_per_capita_target == 0.05


@pytest.mark.parametrize(
    ("bands", "population", "target", "code"),
    [
        ("0-6,5-9", 100, 0.1, "age_bands"),
        ("kids", 100, 0.1, "age_bands"),
        ("0-6,7+", -1, 0.1, "population"),
        ("0-6,7+", 100, float("nan"), "target"),
        ("0-6,7+", 100, 500.0, "target"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(profile, bands, population, target, code):
    with profile.sessions() as s, s.begin():
        save_preferences(s, "0-59,60+", 500, 0.02)
    with pytest.raises(UserInputError) as refused, profile.sessions() as s, s.begin():
        save_preferences(s, bands, population, target)
    assert refused.value.code == code
    with profile.sessions() as s:
        prefs = load_preferences(s)
    assert (prefs.age_bands, prefs.population, prefs.new_books_target) == ("0-59,60+", 500, 0.02)


def test_the_settings_page_saves_and_shows_a_refusal(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    page = window.show_section("settings").show_page("reports")
    assert page.age_bands.text() == "0-6,7-14,15-17,18-59,60+"
    page.age_bands.setText("0-6,3-9")
    page.save_button.click()
    assert "不能重叠" in page.message.text()
    page.age_bands.setText("0-14,15-59,60+")
    page.population.setValue(8_500)
    page.target.setValue(0.06)
    page.save_button.click()
    assert page.message.text() == "已保存。下一份报表就用这些设置。"
    with profile.sessions() as s:
        prefs = load_preferences(s)
    assert (prefs.age_bands, prefs.population, prefs.new_books_target) == (
        "0-14,15-59,60+",
        8_500,
        0.06,
    )


def test_cli_shows_and_changes_the_settings(profile: Profile) -> None:
    home = str(profile.home)
    profile.close()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "app", "report-settings", "--home", home, *args]
        return subprocess.run(command, capture_output=True, text=True)

    shown = cli("--json")
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["population"] is None
    changed = cli("--population", "12000", "--target", "0.05", "--json")
    assert json.loads(changed.stdout) == {
        "age_bands": "0-6,7-14,15-17,18-59,60+",
        "population": 12000,
        "new_books_target": 0.05,
    }
    refused = cli("--age-bands", "0-6,5-9")
    assert refused.returncode == 2 and "5-9" in refused.stderr
