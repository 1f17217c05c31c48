"""Training mode: demo profile, exercises from real state, date moves, one-step reset."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from app.profile import open_profile
from app.services import catalog, circulation, labels, readers, training
from shuwu_shared.bib import BibData
from shuwu_shared.errors import UserInputError
from tests.field.conftest import add_reader, run_cli

TABLES = ("bib_record", "item", "reader", "loan", "credit_entry", "outbox", "app_setting")


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


@pytest.fixture
def trainee(tmp_path):
    home = tmp_path / "training"
    assert training.create_training_profile(home).created
    profile = open_profile(home)
    yield profile
    profile.close()


def done(profile) -> dict[str, bool]:
    with profile.sessions() as session:
        return {e.key: e.done for e in training.exercises(session)}


def test_exercises_follow_real_work_and_reset_restores_demo(trainee) -> None:
    profile = trainee
    profile.engine.dispose()
    demo = dump(profile.db_path)
    # The first village of the demo county (shuwu_shared.demo, seed 2020).
    assert len(demo["item"]) == 65 and len(demo["reader"]) == 19
    assert not any(done(profile).values())

    with profile.sessions() as s, s.begin():
        bib = catalog.save_bib(
            s,
            profile.clock,
            BibData(title="乡村振兴读本", isbn=training._isbn13("978710900000"), clc_class="F32"),
        )
        added = catalog.add_copies(
            s, profile.clock, bib.uuid, [catalog.CopyInput(barcode="20009990")]
        )
    assert done(profile)["catalogue"] and not done(profile)["label"]
    with profile.sessions() as s, s.begin():  # what the labels screen does after printing
        labels.mark_printed(s, profile.clock, [added.items[0].uuid])
    with profile.sessions() as s, s.begin():
        readers.register_reader(
            s, profile.clock, readers.ReaderInput(name="学员甲", card="TR0100", birth_year=1980)
        )
    with profile.sessions() as s, s.begin():
        circulation.checkout(s, profile.clock, "TR0100", "20009990")
    state = done(profile)
    assert state["catalogue"] and state["label"] and state["register"] and state["lend"]
    assert not state["return_late"] and not state["sync"]

    # Returning on time does not count; moving the date past the due date and returning does.
    total = training.advance_days(profile, 31)
    assert total == 31
    assert profile.clock.now().date() > (profile.clock.shifted(timedelta(days=-31)).now().date())
    with profile.sessions() as s, s.begin():
        result = circulation.return_item(s, profile.clock, "20009990")
    assert result.credit_delta is None or result.credit_delta <= 0
    assert done(profile)["return_late"]
    reopened = open_profile(profile.home)  # the moved date survives a restart
    assert (reopened.clock.now() - profile.clock.now()) < timedelta(minutes=5)
    reopened.close()

    training.reset(profile)
    assert dump(profile.db_path) == demo
    assert not any(done(profile).values())
    assert profile.clock.offset == timedelta(0)


def test_reset_and_date_refused_on_real_profile(profile) -> None:
    with pytest.raises(UserInputError):
        training.reset(profile)
    with pytest.raises(UserInputError):
        training.advance_days(profile, 3)


def test_training_start_never_touches_a_real_branch(tmp_path) -> None:
    home = tmp_path / "real"
    real = open_profile(home)
    add_reader(real, "REAL1")
    real.close()
    before = dump(home / "shuwu.db")
    code, data, _err = run_cli("shuwu", "training", "start", "--home", str(home), "--json")
    assert code == 2 and "真实馆点" in data["message"]
    code, data, _err = run_cli("shuwu", "training", "reset", "--home", str(home), "--yes", "--json")
    assert code == 2
    assert dump(home / "shuwu.db") == before


def test_training_cli(tmp_path) -> None:
    home = str(tmp_path / "t")
    code, data, err = run_cli("shuwu", "training", "start", "--home", home, "--json")
    assert code == 0 and data["created"], err
    code, data, _err = run_cli("shuwu", "training", "advance", "10", "--home", home, "--json")
    assert code == 0 and data["simulated_days"] == 10
    code, data, _err = run_cli("shuwu", "training", "status", "--home", home, "--json")
    assert [e["key"] for e in data["exercises"]] == [
        "catalogue",
        "label",
        "register",
        "lend",
        "return_late",
        "sync",
    ]
    assert data["simulated_days"] == 10
    code, data, _err = run_cli("shuwu", "training", "reset", "--home", home, "--json")
    assert code == 2  # no terminal to confirm on, no --yes: nothing reset
    code, data, _err = run_cli("shuwu", "training", "reset", "--home", home, "--yes", "--json")
    assert code == 0
    code, data, _err = run_cli("shuwu", "training", "status", "--home", home, "--json")
    assert data["simulated_days"] == 0


def test_server_mode_guard() -> None:
    training.check_server_mode(True, {"training": True})
    training.check_server_mode(False, {"training": False})
    training.check_server_mode(False, {})
    with pytest.raises(UserInputError) as err:
        training.check_server_mode(True, {"training": False})
    assert "培训" in err.value.message
    with pytest.raises(UserInputError):
        training.check_server_mode(True, {})  # a server that does not say so is production
    with pytest.raises(UserInputError):
        training.check_server_mode(False, {"training": True})


def test_selftest_command() -> None:
    code, data, err = run_cli("shuwu", "selftest", "--json")
    assert code == 0, err
    assert data["ok"] and data["label_pdf"] and "settings" in data["sections"]
