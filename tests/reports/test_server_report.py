"""The county report on the server's own tables (SQLite and PostgreSQL): the same figures as
the client computation over the same rows, per-branch rows checked by plain Python, the CLI."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from app.services.reports import branch_report
from server import models as m
from server.cli import main as server_main
from server.commands.report import county_report
from server.db import make_engine, session_factory
from server.migrate import upgrade
from shuwu_shared.clock import Clock
from tests import serverproc
from tests.reports.dataset import HOME, OTHER, Data, build, local_day

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def copy_to_server(data: Data, url: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as s, s.begin():
        s.add(m.Branch(code=HOME, name="小河村农家书屋", kind="village"))
        s.add(m.Branch(code=OTHER, name="城关镇分馆", kind="township"))
        bibs, items, readers = {}, {}, {}
        for b in data.bibs:
            row = m.Bib(
                title=b["title"],
                author=b["author"],
                clc_class=b["clc"],
                created_at=NOW,
                updated_at=NOW,
            )
            s.add(row)
            s.flush()
            bibs[b["id"]] = row.id
        for n, i in enumerate(data.items):
            row = m.Item(
                barcode=f"S{n:07d}",
                bib_id=bibs[i["bib"]],
                status=i["status"],
                home_branch_code=i["home"],
                current_branch_code=i["home"],
                acquired_on=i["acquired"],
                created_at=i["created"],
                updated_at=NOW,
            )
            s.add(row)
            s.flush()
            items[i["id"]] = row.id
        for r in data.readers:
            row = m.Reader(
                card=r["card"],
                name=r["name"],
                gender=r["gender"],
                birth_year=r["birth"],
                age_band=r["band"],
                home_branch_code=r["home"],
                registered_at=r["registered"],
                updated_at=NOW,
            )
            s.add(row)
            s.flush()
            readers[r["id"]] = row.id
        for ln in data.loans:
            s.add(
                m.Loan(
                    item_id=items[ln["item"]],
                    reader_id=readers[ln["reader"]],
                    branch_code=ln["branch"],
                    checkout_at=ln["checkout"],
                    due_at=ln["due"],
                    returned_at=ln["returned"],
                    return_branch_code=ln["back"],
                )
            )
        for c in data.credits:
            s.add(
                m.CreditEntry(
                    reader_id=readers[c["reader"]],
                    delta=c["delta"],
                    reason=c["reason"],
                    created_at=c["at"],
                )
            )
        for a in data.activities:
            s.add(
                m.Activity(
                    branch_code=a["branch"],
                    day=a["day"],
                    kind=a["kind"],
                    title="活动",
                    attendance=a["att"],
                )
            )
        for v in data.visits:
            s.add(
                m.VisitCount(
                    branch_code=v["branch"], day=v["day"], count=v["count"], source="manual"
                )
            )
    engine.dispose()


@pytest.fixture(scope="module")
def client_world(tmp_path_factory):
    from app.profile import open_profile

    profile = open_profile(tmp_path_factory.mktemp("client") / "p")
    data = build(profile)
    yield profile, data
    profile.close()


@pytest.fixture(params=["sqlite", "postgres"])
def server_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'county.db'}"
        return
    url = serverproc.pg_url("rep")
    if url is None:
        pytest.skip("PostgreSQL on 127.0.0.1:5432 does not answer")
    yield url
    serverproc.drop_pg_schema(url)


@pytest.mark.parametrize("year", [2020, 2021])
def test_server_figures_equal_the_client_computation(client_world, server_url, year):
    profile, data = client_world
    copy_to_server(data, server_url)
    with profile.sessions() as s:
        expected = branch_report(s, Clock(), f"{year}-01-01", f"{year}-12-31", branch=None)
    engine = make_engine(server_url)
    with session_factory(engine)() as s:
        got = county_report(s, year, population=2000, target=0.05)
    engine.dispose()
    # Same sections, figure for figure (the client's figures are checked one by one elsewhere).
    for name in (
        "circulation",
        "readers",
        "visits",
        "top_books",
        "holdings",
        "new_items",
        "overdue",
        "credit",
        "activities",
    ):
        g, e = getattr(got, name), getattr(expected, name)
        if name == "activities":
            g, e = g.kinds, e.kinds
        assert g == e, name
    assert [(r.card, r.loans) for r in got.top_readers] == [
        (r.card, r.loans) for r in expected.top_readers
    ]
    # Per-branch rows by plain Python.
    rows = {b.branch_code: b for b in got.branches}
    assert set(rows) == {HOME, OTHER}
    in_year = lambda moment: moment is not None and local_day(moment).year == year  # noqa: E731
    loans = Counter(ln["branch"] for ln in data.loans if in_year(ln["checkout"]))
    returns = Counter(ln["back"] for ln in data.loans if in_year(ln["returned"]))
    registered = Counter(r["home"] for r in data.readers if local_day(r["registered"]).year <= year)
    new_items = Counter(
        i["home"] for i in data.items if (i["acquired"] or local_day(i["created"])).year == year
    )
    attendance = Counter()
    for a in data.activities:
        if a["day"].year == year:
            attendance[a["branch"]] += a["att"]
    for code in (HOME, OTHER):
        assert rows[code].loans == loans[code]
        assert rows[code].returns == returns[code]
        assert rows[code].registered_readers == registered[code]
        assert rows[code].new_items == new_items[code]
        assert rows[code].attendance == attendance[code]
    assert sum(b.visits for b in got.branches) == got.visits.total
    assert sum(b.loans for b in got.branches) == got.circulation.loans
    # Indicators: new books per capita against the target; loans and visits per reader.
    ind = got.indicators
    assert ind.new_books_per_capita == round(got.new_items.items / 2000, 4)
    assert ind.target_met == (ind.new_books_per_capita >= 0.05)
    regs = got.readers.registered.totals.total
    assert ind.loans_per_reader == round(got.circulation.loans / regs, 2)
    assert ind.visits_per_reader == round(got.visits.total / regs, 2)
    assert (
        replace(got, branches=(), indicators=expected.indicators, branch_name="").period
        == expected.period
    )


def test_server_report_cli(client_world, tmp_path, capsys):
    _profile, data = client_world
    url = f"sqlite:///{tmp_path / 'county.db'}"
    copy_to_server(data, url)
    code = server_main(
        ["report-settings", "--db", url, "--population", "250000", "--target", "0.05", "--json"]
    )
    assert code == 0
    capsys.readouterr()
    out = tmp_path / "county-2020.xlsx"
    code = server_main(["report", "--db", url, "--year", "2020", "--out", str(out), "--json"])
    data_out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and out.exists()
    assert data_out["indicators"]["population"] == 250000
    assert data_out["branches"] == 2
    wb = load_workbook(out)
    branches = wb.worksheets[1]
    assert branches["A1"].value == "各馆点"
    codes = [r[0].value for r in branches.iter_rows(min_row=3)]
    assert codes == [HOME, OTHER]
    pdf = tmp_path / "county-2020.pdf"
    assert server_main(["report", "--db", url, "--year", "2020", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    # Bad input: a year out of range, a bad file type, a bad population → exit 2, message.
    for argv in (
        ["--year", "99999"],
        ["--year", "2020", "--out", str(tmp_path / "x.doc")],
        ["--year", "2020", "--population", "-3"],
    ):
        assert server_main(["report", "--db", url, "--json", *argv]) == 2
        err = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert err["message"]


def test_server_report_on_an_empty_year(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    upgrade(make_engine(url))
    out = tmp_path / "empty.pdf"
    assert server_main(["report", "--db", url, "--year", "2019", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["loans"] == 0
