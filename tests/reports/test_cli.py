"""``shuwu report`` / ``activity`` / ``visits`` end to end through the real CLI entry point."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from app.cli.main import main
from app.profile import open_profile
from app.services.reports import branch_report
from shuwu_shared.clock import Clock
from tests.reports.dataset import build


def run(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out.strip().splitlines()[-1])


def test_report_cli_writes_every_format(tmp_path, capsys):
    home = tmp_path / "p"
    profile = open_profile(home)
    build(profile)
    with profile.sessions() as s:
        expected = branch_report(s, Clock(), "2020-01-01", "2020-12-31")
    profile.close()
    for ext in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"r.{ext}"
        code, data = run(
            capsys,
            "report",
            "--home",
            str(home),
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--out",
            str(out),
            "--json",
        )
        assert code == 0 and out.exists() and data["out"] == str(out)
        assert data["loans"] == expected.circulation.loans
        assert data["visits"] == expected.visits.total
    wb = load_workbook(tmp_path / "r.xlsx")
    assert wb.worksheets[0]["A1"].value == "摘要"


def test_report_cli_bad_input_exits_2(tmp_path, capsys):
    home = str(tmp_path / "p")
    code, data = run(
        capsys, "report", "--home", home, "--from", "2020-05-01", "--to", "2020-01-01", "--json"
    )
    assert code == 2 and data["error"] == "period"
    code, data = run(
        capsys,
        "report",
        "--home",
        home,
        "--from",
        "2020-01-01",
        "--to",
        "2020-01-31",
        "--out",
        str(tmp_path / "x.doc"),
        "--json",
    )
    assert code == 2 and data["error"] == "format"
    code, data = run(
        capsys, "visits", "set", "--home", home, "--date", "2020-01-01", "--count", "3", "--json"
    )
    assert code == 2 and data["error"] == "branch"


def test_activity_and_visits_cli(tmp_path, capsys):
    home = str(tmp_path / "p")
    profile = open_profile(home)
    build(profile)
    profile.close()
    code, data = run(
        capsys,
        "activity",
        "add",
        "--home",
        home,
        "--date",
        "2021-02-01",
        "--kind",
        "children",
        "--title",
        "七色花小课堂",
        "--attendance",
        "18",
        "--json",
    )
    assert code == 0 and data["kind"] == "children"
    code, data = run(
        capsys, "visits", "set", "--home", home, "--date", "2021-02-01", "--count", "40", "--json"
    )
    assert code == 0 and data["count"] == 40
    code, data = run(
        capsys, "report", "--home", home, "--from", "2021-02-01", "--to", "2021-02-01", "--json"
    )
    assert data["activities"] == 1 and data["activity_attendance"] == 18
    assert data["visits_manual"] == 40
