"""Classroom mode on loopback: a training server, trainees enrolling by code, and the wall
between training and production in both directions (real server processes, real CLIs)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.device.enrol import set_server_url
from app.profile import open_profile
from app.services import readers
from tests import serverproc
from tests.field.conftest import require_working_transport, run_cli


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """The trainer's classroom server (training, full demo county) and a production server."""
    folder = tmp_path_factory.mktemp("servers")
    classroom = serverproc.ServerProcess(
        f"sqlite:///{folder / 'classroom.db'}", init_args=("--training", "--demo")
    )
    production = serverproc.ServerProcess(
        f"sqlite:///{folder / 'county.db'}", init_args=("--demo", "--demo-size", "tiny")
    )
    classroom.start()
    production.start()
    try:
        require_working_transport(classroom.base_url)
    except BaseException:
        classroom.stop()
        production.stop()
        raise
    yield classroom, production
    classroom.stop()
    production.stop()


@pytest.fixture
def trainee(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SHUWU_CREDENTIALS", "file")
    home = tmp_path / "trainee"
    code, _data, err = run_cli("shuwu", "training", "start", "--home", str(home), "--json")
    assert code == 0, err
    return home


def receipts(proc: serverproc.ServerProcess) -> int:
    conn = sqlite3.connect(proc.db_url.removeprefix("sqlite:///"))
    try:
        return conn.execute("SELECT count(*) FROM op_receipt").fetchone()[0]
    finally:
        conn.close()


def device_id(home: Path) -> str | None:
    conn = sqlite3.connect(home / "shuwu.db")
    try:
        row = conn.execute("SELECT value FROM sync_state WHERE key='device_id'").fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def enrol(home: Path, proc: serverproc.ServerProcess, *extra: str) -> tuple[int, dict]:
    new = proc.cli("device", "add", "--branch", "CW01", *extra, "--json")
    code, data, _err = run_cli(
        "shuwu",
        "enrol",
        "--server",
        proc.base_url,
        "--code",
        new["code"],
        "--home",
        str(home),
        "--json",
    )
    return code, data


def training_status(home: Path) -> dict[str, bool]:
    code, data, _err = run_cli("shuwu", "training", "status", "--home", str(home), "--json")
    assert code == 0
    return {e["key"]: e["done"] for e in data["exercises"]}


def test_training_profile_refuses_production_server(servers, trainee) -> None:
    _classroom, production = servers
    code, data = enrol(trainee, production)
    assert code == 2 and "培训" in data["message"]
    assert device_id(trainee) is None


def test_production_profile_refuses_training_server(servers, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SHUWU_CREDENTIALS", "file")
    classroom, _production = servers
    code, data = enrol(tmp_path / "real", classroom, "--training")
    assert code == 2 and "培训服务器" in data["message"]
    assert device_id(tmp_path / "real") is None


def test_classroom_enrol_sync_and_reset(servers, trainee) -> None:
    classroom, production = servers
    code, data = enrol(trainee, classroom, "--training")
    assert code == 0, data
    assert data["server_training"] is True
    profile = open_profile(trainee)
    with profile.sessions() as s, s.begin():
        readers.register_reader(
            s, profile.clock, readers.ReaderInput(name="学员乙", birth_year=1985)
        )
    # Even an enrolled training profile pointed at the production address sends nothing there.
    set_server_url(profile, production.base_url)
    profile.close()
    before = receipts(production)
    code, data, _err = run_cli("shuwu", "sync", "--home", str(trainee), "--json")
    assert code == 2 and "培训" in data["message"]
    assert receipts(production) == before
    assert not training_status(trainee)["sync"]

    profile = open_profile(trainee)
    set_server_url(profile, classroom.base_url)
    profile.close()
    code, data, err = run_cli("shuwu", "sync", "--home", str(trainee), "--json")
    assert code == 0, (data, err)
    assert data["rejected"] == 0 and data["pending"] == 0
    done = training_status(trainee)
    assert done["sync"] and done["register"]

    # Reset keeps the enrolment: the next class syncs again without a new code.
    assert run_cli("shuwu", "training", "reset", "--yes", "--home", str(trainee), "--json")[0] == 0
    assert not any(training_status(trainee).values())
    profile = open_profile(trainee)
    with profile.sessions() as s, s.begin():
        readers.register_reader(
            s, profile.clock, readers.ReaderInput(name="学员丙", birth_year=1990)
        )
    profile.close()
    code, data, err = run_cli("shuwu", "sync", "--home", str(trainee), "--json")
    assert code == 0 and data["rejected"] == 0 and data["pending"] == 0, (data, err)
    assert training_status(trainee)["sync"]
