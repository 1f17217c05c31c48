"""XLSX read back with openpyxl, CSV and PDF written (PDF rasterised by pdftoppm), bad input."""

from __future__ import annotations

import csv
import subprocess
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from app.models import OutboxOp
from app.services.reports import branch_report
from app.services.reports.activities import record_activity, set_visit_count
from shuwu_shared.clock import Clock
from shuwu_shared.errors import UserInputError
from shuwu_shared.reports.compute import make_period, parse_age_bands
from shuwu_shared.reports.export import export_report
from shuwu_shared.reports.tables import report_tables
from tests.reports.dataset import HOME, build


@pytest.fixture
def seeded(profile):
    build(profile)
    return profile


def test_xlsx_reads_back_every_table(seeded, tmp_path):
    with seeded.sessions() as s:
        rep = branch_report(s, Clock(), "2020-01-01", "2020-12-31")
    path = export_report(rep, tmp_path / "r.xlsx")
    wb = load_workbook(path)
    tables = report_tables(rep)
    assert len(wb.sheetnames) == len(tables)
    for ws, table in zip(wb.worksheets, tables, strict=True):
        assert ws["A1"].value == table.title
        assert tuple(c.value for c in ws[2]) == table.headers
        got = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=3)]
        expected = [tuple(None if v == "" else v for v in r) for r in table.rows]
        assert got == expected
    circ = wb.worksheets[1]
    assert circ._charts, "the month chart is embedded"
    months = {r[0].value: r[1].value for r in circ.iter_rows(min_row=3)}
    for m in rep.circulation.months:
        assert months[m.month] == m.loans


def test_csv_and_pdf(seeded, tmp_path):
    with seeded.sessions() as s:
        rep = branch_report(s, Clock(), "2020-01-01", "2020-12-31")
    path = export_report(rep, tmp_path / "r.csv")
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [report_tables(rep)[0].title]
    assert any(
        r and r[0] == "2020-06" and int(r[1]) == rep.circulation.months[5].loans for r in rows
    )
    pdf = export_report(rep, tmp_path / "r.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    assert list(tmp_path.glob("p*.png"))
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "WenQuanYi" in fonts or "WQY" in fonts


def test_bad_export_target(seeded, tmp_path):
    with seeded.sessions() as s:
        rep = branch_report(s, Clock(), "2020-01-01", "2020-01-31")
    with pytest.raises(UserInputError):
        export_report(rep, tmp_path / "r.docx")
    with pytest.raises(UserInputError):
        export_report(rep, tmp_path / "missing" / "r.xlsx")


@pytest.mark.parametrize(
    "start,end",
    [
        ("", "2020-01-01"),
        ("2020-01-01", None),
        ("2020-02-30", "2020-03-01"),
        ("2020-05-01", "2020-04-30"),
        ("1990-01-01", "2020-01-01"),
    ],
)
def test_bad_periods_are_clear_messages(start, end):
    with pytest.raises(UserInputError) as err:
        make_period(start, end)
    assert err.value.message


@pytest.mark.parametrize("text", ["", "0-6,5-9", "a-b", "10-5", "60+,70+"])
def test_bad_age_bands(text):
    with pytest.raises(UserInputError):
        parse_age_bands(text)


def test_branch_with_no_data_is_an_empty_report(seeded, tmp_path):
    with seeded.sessions() as s:
        rep = branch_report(s, Clock(), "2020-01-01", "2020-12-31", branch="NOPE")
    assert rep.circulation.loans == 0 and rep.readers.registered.totals.total == 0
    assert rep.top_books == () and rep.holdings.items == 0 and rep.visits.total == 0
    assert rep.indicators.loans_per_reader is None
    for ext in ("xlsx", "csv", "pdf"):
        export_report(rep, tmp_path / f"empty.{ext}")


def test_empty_database_one_day(profile, tmp_path):
    with profile.sessions() as s:
        rep = branch_report(s, Clock(), "2020-02-29", "2020-02-29")
    assert [m.month for m in rep.circulation.months] == ["2020-02"]
    export_report(rep, tmp_path / "one.pdf")


def test_activities_and_head_counts_sync_and_count(profile):
    clock = Clock()
    day = date(2021, 3, 5)
    with profile.sessions() as s, s.begin():
        record_activity(
            s,
            clock,
            on_date=day,
            kind="delivery",
            title="送书下乡 小河村",
            attendance=35,
            branch=HOME,
        )
        record_activity(
            s, clock, on_date=day, kind="lecture", title="古陵讲堂", attendance=20, branch=HOME
        )
        set_visit_count(s, clock, on_date=day, count=12, branch=HOME)
        set_visit_count(s, clock, on_date=day, count=14, branch=HOME)  # a correction
    with profile.sessions() as s:
        ops = s.query(OutboxOp).order_by(OutboxOp.device_seq).all()
        rep = branch_report(s, clock, "2021-03-01", "2021-03-31", branch=HOME)
    assert [o.kind for o in ops] == ["activity", "activity", "visit_count", "visit_count"]
    assert ops[0].payload["title"] == "送书下乡 小河村" and ops[0].payload["date"] == "2021-03-05"
    assert ops[3].payload == {"branch": HOME, "date": "2021-03-05", "count": 14, "source": "manual"}
    assert rep.activities.count == 2 and rep.activities.attendance == 55
    assert rep.visits.manual == 14 and rep.visits.months[0].manual_days == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "party", "title": "x", "attendance": 1},
        {"kind": "lecture", "title": "  ", "attendance": 1},
        {"kind": "lecture", "title": "x", "attendance": -1},
        {
            "kind": "lecture",
            "title": "x",
            "attendance": 1,
            "on_date": date.today() + timedelta(days=30),
        },
    ],
)
def test_bad_activities_change_nothing(profile, kwargs):
    kwargs.setdefault("on_date", date(2021, 1, 1))
    with pytest.raises(UserInputError), profile.sessions() as s, s.begin():
        record_activity(s, Clock(), branch=HOME, **kwargs)
    with profile.sessions() as s:
        assert s.query(OutboxOp).count() == 0


def test_no_branch_configured_is_a_clear_message(profile):
    with pytest.raises(UserInputError), profile.sessions() as s, s.begin():
        set_visit_count(s, Clock(), on_date=date(2021, 1, 1), count=3)
