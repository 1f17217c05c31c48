"""``shuwu-server targets``: configuration, validation, secrecy of passwords, ``test``; and the
migration that creates the tables matches the models."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.cli import main
from server.copycat.targets import parse_url
from server.devices import InputError
from tests.copycat import peers
from tests.copycat.conftest import Peers

SECRET = "pässwörd-天王盖地虎-42"


def run(db: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, "--db", db])
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'county.db'}"
    code, _out, err = run(url, "init")
    assert code == 0, err
    return url


def test_add_list_remove_and_the_password_stays_secret(db: str, caplog: Any) -> None:
    code, out, err = run(
        db,
        "targets",
        "add",
        "NLC",
        "z3950://127.0.0.1:2100/UCS09",
        "--syntax",
        "unimarc",
        "--user",
        "county01",
        "--password-stdin",
        "--priority",
        "1",
        stdin=SECRET + "\n",
    )
    assert code == 0, err
    code, out, err = run(
        db,
        "targets",
        "add",
        "CALIS",
        "http://opac.example.cn/sru?recordSchema=unimarcxml",
        "--syntax",
        "unimarc",
        "--charset",
        "utf-8",
        "--priority",
        "2",
    )
    assert code == 0, err
    code, out, _err = run(db, "targets", "list", "--json")
    listed = json.loads(out)["targets"]
    assert [(t["name"], t["protocol"], t["charset"]) for t in listed] == [
        ("NLC", "z3950", "gb18030"),  # UNIMARC defaults to GB18030, as Chinese targets send
        ("CALIS", "sru", "utf-8"),
    ]
    assert listed[0]["has_password"] and listed[0]["user"] == "county01"
    code, text, _err = run(db, "targets", "list")
    assert "county01:***" in text
    for output in (out, text, caplog.text):
        assert SECRET not in output
    assert run(db, "targets", "remove", "CALIS")[0] == 0
    assert [t["name"] for t in json.loads(run(db, "targets", "list", "--json")[1])["targets"]] == [
        "NLC"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("bad name!", "z3950://h:210/db", "--syntax", "unimarc"),
        ("X", "ftp://h/db", "--syntax", "unimarc"),
        ("X", "z3950://h:210/", "--syntax", "unimarc"),  # no database
        ("X", "z3950://h:99999/db", "--syntax", "unimarc"),
        ("X", "z3950://user:pw@h:210/db", "--syntax", "unimarc"),  # login goes in --user
        ("X", "z3950://h:210/db", "--syntax", "cnmarc"),
        ("X", "z3950://h:210/db", "--syntax", "unimarc", "--charset", "big5"),
        ("X", "z3950://h:210/db", "--syntax", "unimarc", "--timeout", "0"),
        ("X", "z3950://h:210/db", "--syntax", "unimarc", "--priority", "100000"),
        ("X", "z3950://h:210/db", "--syntax", "unimarc", "--password-stdin"),  # no user
    ],
)
def test_bad_targets_are_refused_with_exit_2(db: str, args: tuple[str, ...]) -> None:
    code, out, err = run(db, "targets", "add", *args, stdin="pw\n")
    assert code == 2, out + err
    assert "Traceback" not in err and "pw" not in out
    assert json.loads(run(db, "targets", "list", "--json")[1])["targets"] == []


def test_duplicate_and_unknown_names(db: str) -> None:
    args = ("targets", "add", "A", "z3950://h:210/db", "--syntax", "marc21")
    assert run(db, *args)[0] == 0
    assert run(db, *args)[0] == 2
    assert run(db, "targets", "remove", "nope")[0] == 2
    assert run(db, "targets", "test", "nope")[0] == 2


def test_targets_test_reports_success_and_failure(db: str, live_peers: Peers) -> None:
    port = live_peers.cnmarc_port
    run(db, "targets", "add", "gb", f"z3950://127.0.0.1:{port}/gb", "--syntax", "unimarc")
    run(
        db,
        "targets",
        "add",
        "off",
        f"z3950://127.0.0.1:{peers.free_port()}/x",
        "--syntax",
        "unimarc",
    )
    code, out, _err = run(db, "targets", "test", "gb", "--isbn", "7-5037-1744-0", "--json")
    result = json.loads(out)
    assert (code, result["ok"], result["titles"]) == (0, True, ["'94中国发展报告"])
    code, out, _err = run(db, "targets", "test", "off", "--json")
    assert code == 3 and json.loads(out)["reason"] == "down"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_any_url_is_parsed_or_refused_never_crashes(url: str) -> None:
    try:
        protocol, host, port, database = parse_url(url)
    except InputError:
        return
    assert protocol in ("z3950", "sru") and 0 < port < 65536 and host and database
    assert not any(ord(c) < 33 for c in url)


def test_migration_matches_the_models(db: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    import server.copycat.models  # noqa: F401 - registers the tables
    from server.models import Base

    engine = create_engine(db)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diff if "copycat" in repr(d)]
    assert ours == []


def test_a_bare_yaz_address_is_a_z3950_target(db: str) -> None:
    assert run(db, "targets", "add", "N", "127.0.0.1:2100/UCS01U", "--syntax", "unimarc")[0] == 0
    listed = json.loads(run(db, "targets", "list", "--json")[1])["targets"]
    assert (listed[0]["url"], listed[0]["protocol"]) == ("z3950://127.0.0.1:2100/UCS01U", "z3950")


def test_charset_names_from_other_systems_are_understood(db: str) -> None:
    for name, charset in (("A", "GBK"), ("B", "gb2312"), ("C", "utf8"), ("D", "marc8")):
        args = ("targets", "add", name, "z3950://h:210/db", "--syntax", "marc21")
        assert run(db, *args, "--charset", charset.lower())[0] == 0
    listed = json.loads(run(db, "targets", "list", "--json")[1])["targets"]
    assert [t["charset"] for t in listed] == ["gb18030", "gb18030", "utf-8", "marc-8"]
