"""Copy cataloguing end to end: the real county server process (SQLite and PostgreSQL) asks
real Z39.50/SRU peers, and the real client CLI shows where the record came from."""

from __future__ import annotations

import base64
import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymarc
import pytest
import requests
from sqlalchemy import select

from app.device.enrol import enrol
from app.models import BibRecord
from app.profile import open_profile
from tests import serverproc
from tests.copycat import peers
from tests.copycat.conftest import Peers

os.environ["SHUWU_CREDENTIALS"] = "file"  # tests never touch a real keychain
ISBN_96 = "9787503722912"  # '96 中国发展报告, held only by the GB18030 target
PASSWORD = "s3cret-Pa55-never-shown"


_engines: dict[str, Any] = {}


def _sessions(db_url: str) -> Any:
    from server.db import make_engine, session_factory

    if db_url not in _engines:
        _engines[db_url] = make_engine(db_url)
    return session_factory(_engines[db_url])


def add_target_cli(county: serverproc.ServerProcess, *args: str, password: str) -> None:
    """The admin's way in: ``targets add … --password-stdin`` (one subprocess, it is slow)."""
    proc = subprocess.run(
        [sys.executable, "-m", "server.cli", "targets", "add", *args, "--db", county.db_url],
        input=password + "\n",
        capture_output=True,
        text=True,
        env=serverproc._env(),
        cwd=serverproc.ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert PASSWORD not in proc.stdout + proc.stderr


def add_target(county: serverproc.ServerProcess, name: str, url: str, **kw: Any) -> None:
    from server.copycat.targets import add_target as add
    from server.db import writer

    with writer(_sessions(county.db_url)) as s:
        add(s, name, url, actor="test", **kw)


def configure(county: serverproc.ServerProcess, live: Peers) -> None:
    z = f"z3950://127.0.0.1:{live.cnmarc_port}"
    add_target(
        county, "down", f"z3950://127.0.0.1:{peers.free_port()}/x", syntax="unimarc", priority=1
    )
    add_target(county, "slow", f"{z}/slow", syntax="unimarc", priority=2, timeout=1)
    add_target(
        county, "junk", f"z3950://127.0.0.1:{live.junk_port}/x", syntax="unimarc", priority=3
    )
    add_target_cli(
        county,
        "gb",
        f"{z}/gb",
        "--syntax",
        "unimarc",
        "--charset",
        "gb18030",
        "--priority",
        "4",
        "--user",
        "county",
        "--password-stdin",
        password=PASSWORD,
    )


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def county(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, live_peers: Peers
) -> Iterator[serverproc.ServerProcess]:
    """One county server per backend with targets: down, slow, junk, then the GB18030 one."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('county') / 'county.db'}"
    else:
        pg = serverproc.pg_url("copycat")
        if pg is None:
            if os.environ.get("SHUWU_REQUIRE_POSTGRES") == "1":
                pytest.fail("PostgreSQL on 127.0.0.1:5432 does not answer")
            pytest.skip("PostgreSQL on 127.0.0.1:5432 does not answer")
        url = pg
    proc = serverproc.ServerProcess(url, init_args=("--demo", "--demo-size", "tiny"))
    configure(proc, live_peers)
    proc.start()
    yield proc
    proc.stop()
    if url.startswith("postgresql"):
        serverproc.drop_pg_schema(url)


def village(county: serverproc.ServerProcess, n: int = 0) -> str:
    from sqlalchemy import select

    from server import models as m

    with _sessions(county.db_url)() as s:
        codes = s.scalars(
            select(m.Branch.code).where(m.Branch.kind == "village").order_by(m.Branch.code)
        )
        return list(codes)[n]


def device_code(county: serverproc.ServerProcess, branch: str) -> str:
    from server.db import writer
    from server.devices import add_device

    with writer(_sessions(county.db_url)) as s:
        return add_device(s, branch).code


def device(county: serverproc.ServerProcess, home: Path, branch: str) -> Path:
    profile = open_profile(home)
    try:
        enrol(profile, county.base_url, device_code(county, branch))
    finally:
        profile.close()
    return home


def shuwu(home: Path, *args: str) -> tuple[int, Any]:
    """The client CLI in this process (a subprocess costs seconds on a busy machine)."""
    from app.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*args, "--home", str(home), "--json"])
    return code, json.loads(out.getvalue())


def shuwu_subprocess(home: Path, *args: str) -> tuple[int, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args, "--home", str(home), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**serverproc._env(), "SHUWU_CREDENTIALS": "file"},
        cwd=serverproc.ROOT,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def token_for(county: serverproc.ServerProcess, branch: str) -> str:
    r = requests.post(
        county.base_url + "/v1/enrol", json={"code": device_code(county, branch)}, timeout=30
    )
    assert r.status_code == 200, r.text
    return str(r.json()["token"])


def test_copy_cataloguing_by_isbn_through_the_county(
    county: serverproc.ServerProcess, live_peers: Peers, tmp_path: Path
) -> None:
    home = device(county, tmp_path / "a", village(county, 0))
    rc, found = shuwu(home, "catalog", "lookup", "7-5037-2291-6")
    assert rc == 0, found
    assert (found["source"], found["origin"], found["title"]) == ("union", "gb", "'96 中国发展报告")
    assert found["publisher"] == "中国统计出版社" and found["clc_class"] == "F124"
    reasons = {f["target"]: f["reason"] for f in found["failed"]}
    assert reasons == {"down": "down", "slow": "timeout", "junk": "garbage"}

    # The county keeps the source record byte for byte, for every branch.
    token = token_for(county, village(county, 1))
    r = requests.get(
        f"{county.base_url}/v1/copycat/isbn/{ISBN_96}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    body = r.json()
    assert r.status_code == 200 and body["origin"]["kind"] == "cache" and body["failed"] == []
    raw = base64.b64decode(body["marc"]["data"])
    assert body["marc"]["charset"] == "gb18030" and raw in peers.records_of(live_peers.gb_file)

    # The admin's listing shows the login, never the password.
    listed = county.cli("targets", "list")
    assert "county:***" in listed.stdout and PASSWORD not in listed.stdout + listed.stderr


def test_union_first_then_the_next_target_over_sru(
    county: serverproc.ServerProcess, live_peers: Peers, tmp_path: Path
) -> None:
    home = device(county, tmp_path / "a", village(county, 0))
    rc, union = shuwu(home, "catalog", "lookup", "9787020002207")  # 红楼梦, in the demo county
    assert (rc, union["source"], union["origin"], union["failed"]) == (0, "union", None, [])
    add_target(
        county,
        "ztest",
        f"http://127.0.0.1:{live_peers.ztest_port}/Default",
        syntax="marc21",
        priority=5,
    )
    # Not in the union catalogue nor in the GB target: yaz-ztest's SRU answers (it answers
    # every query with its dummy MARC 21 records). Through the real `shuwu` entry point.
    rc, found = shuwu_subprocess(home, "catalog", "lookup", "9791000000015")
    assert rc == 0, found
    assert (found["origin"], found["title"]) == ("ztest", "How to program a computer")
    assert found["author"] == "Jack Collins"
    assert {f["target"] for f in found["failed"]} == {"down", "slow", "junk"}


def test_endpoints_need_a_device_and_refuse_bad_input(
    county: serverproc.ServerProcess, live_peers: Peers
) -> None:
    for path in (f"/v1/copycat/isbn/{ISBN_96}", "/v1/copycat/search?q=x"):
        r = requests.get(county.base_url + path, timeout=30)
        assert r.status_code == 401 and r.json()["error"] == "unauthorized"
        bad = {"Authorization": "Bearer nope"}
        assert requests.get(county.base_url + path, headers=bad, timeout=30).status_code == 401
    auth = {"Authorization": f"Bearer {token_for(county, village(county, 0))}"}
    for path in (
        "/v1/copycat/isbn/9787503722911",  # bad check digit
        "/v1/copycat/isbn/" + "9" * 5000,
        "/v1/copycat/search?q=",
        "/v1/copycat/search?q=a%00b",
        "/v1/copycat/search?q=x&field=publisher",
        "/v1/copycat/search?q=" + "长" * 500,
    ):
        r = requests.get(county.base_url + path, headers=auth, timeout=30)
        assert r.status_code == 400, (path, r.text)
    r = requests.get(county.base_url + "/v1/copycat/search?q=x&limit=abc", headers=auth, timeout=30)
    assert r.status_code == 422


def test_librarian_searches_targets_and_picks_one(
    county: serverproc.ServerProcess, live_peers: Peers, tmp_path: Path
) -> None:
    home = device(county, tmp_path / "a", village(county, 0))
    rc, found = shuwu(home, "catalog", "external-search", "中国发展报告", "--field", "title")
    assert rc == 0, found
    from_gb = [r for r in found["records"] if r["target"] == "gb"]
    assert {"'94中国发展报告", "'95中国发展报告", "'96 中国发展报告"} <= {
        r["title"] for r in from_gb
    }
    assert {f["target"] for f in found["failed"]} == {"down", "slow", "junk"}
    pick = next(r for r in from_gb if r["title"] == "'95中国发展报告")
    args = ("catalog", "external-search", "中国发展报告", "--field", "title")
    rc, picked = shuwu(home, *args, "--pick", str(pick["number"]))
    assert rc == 0, picked
    assert picked["picked"]["title"] == "'95中国发展报告" and picked["picked"]["origin"] == "gb"
    rc, local = shuwu(home, "catalog", "search", "中国发展报告")
    assert rc == 0 and [h["title"] for h in local["hits"]] == ["'95中国发展报告"]
    # With the lossless MARC importer in the build, the target's record is kept for export.
    lossless = importlib.util.find_spec("shuwu_shared.marc.convert") is not None
    assert picked["picked"]["source_kept"] is lossless
    if lossless:
        profile = open_profile(home)
        try:
            with profile.sessions() as s:
                marc = s.scalar(select(BibRecord.marc).where(BibRecord.title == "'95中国发展报告"))
        finally:
            profile.close()
        record = pymarc.Record(data=marc, to_unicode=True, force_utf8=True)
        assert record["200"]["a"] == "'95中国发展报告" and record["801"]["b"] == "BNU"
    rc, wrong = shuwu(home, *args, "--pick", "999")
    assert rc == 2 and "999" in wrong["message"]


def test_the_cache_serves_the_county_when_every_target_is_gone(
    county: serverproc.ServerProcess, live_peers: Peers, tmp_path: Path
) -> None:
    """Runs last in this module: it removes the targets."""
    from server.copycat.targets import list_targets, remove_target
    from server.db import writer

    home = device(county, tmp_path / "a", village(county, 0))
    assert shuwu(home, "catalog", "lookup", ISBN_96)[1]["origin"] == "gb"  # cached now
    with writer(_sessions(county.db_url)) as s:
        for t in list_targets(s):
            remove_target(s, t.name, actor="test")
    other = device(county, tmp_path / "b", village(county, 1))
    rc, again = shuwu(other, "catalog", "lookup", ISBN_96)
    assert (rc, again["origin"], again["title"], again["failed"]) == (
        0,
        "gb",
        "'96 中国发展报告",
        [],
    )
    rc, nothing = shuwu(other, "catalog", "lookup", "9791000000022")
    assert (rc, nothing["source"], nothing["failed"]) == (0, "empty", [])
    rc, search = shuwu(other, "catalog", "external-search", "中国")
    assert (rc, search["targets"], search["records"]) == (0, [], [])
    assert PASSWORD not in county.log()
