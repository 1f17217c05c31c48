"""The CLI as scripts and trainers use it (a real process), and the reminder-slip PDF."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.profile import Profile
from tests.circulation.conftest import ITEMS_TITLES


def shuwu(home: Path, *args: str, days: float = 0) -> tuple[int, dict]:
    env = dict(os.environ, SHUWU_LANG="zh_CN")
    env.pop("SHUWU_CLOCK_OFFSET_DAYS", None)
    if days:
        env["SHUWU_CLOCK_OFFSET_DAYS"] = str(days)
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args, "--home", str(home), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    return proc.returncode, json.loads(proc.stdout.strip().splitlines()[-1])


def test_cli_desk_round_trip(branch: Profile) -> None:
    home = branch.home
    code, reader = shuwu(
        home,
        "readers",
        "add",
        "--name",
        "王小红",
        "--gender",
        "F",
        "--birth-year",
        "2012",
        "--phone",
        "13912345678",
        "--type",
        "child",
    )
    assert code == 0 and reader["card_provisional"] is True
    card = reader["card"]
    code, listed = shuwu(home, "readers", "list")
    assert code == 0 and listed["readers"][0]["name"] == "王*红"
    assert listed["readers"][0]["phone"] == "139****5678"

    code, loan = shuwu(home, "circ", "checkout", card, "C01000000")
    assert code == 0 and loan["barcode"] == "C01000000" and loan["card"] == card
    assert loan["title"] == ITEMS_TITLES[0] and loan["returned_at"] is None
    code, renewed = shuwu(home, "circ", "renew", "C01000000")
    assert code == 0 and renewed["renewals"] == 1 and renewed["loan_uuid"] == loan["loan_uuid"]

    # Child loans: 14 days + one 14-day renewal; 40 days later it is overdue.
    code, overdue = shuwu(home, "circ", "overdues", days=40)
    assert code == 0 and [o["barcode"] for o in overdue["overdues"]] == ["C01000000"]
    code, returned = shuwu(home, "circ", "return", "C01000000", days=40)
    assert code == 0 and returned["returned_at"] is not None
    assert returned["scan"]["credit_delta"] < 0
    code, ledger = shuwu(home, "circ", "ledger", card)
    assert ledger["balance"] == 100 + returned["scan"]["credit_delta"]

    code, error = shuwu(home, "circ", "checkout", card, "9787020002207")
    assert code == 2 and "ISBN" in error["message"] and error["error"] == "isbn_not_barcode"
    code, error = shuwu(home, "circ", "checkout", "NOPE", "C01000001")
    assert code == 2 and "NOPE" in error["message"]
    code, error = shuwu(home, "readers", "add", "--name", "李四", "--gender", "M")
    assert code == 2 and "出生年份" in error["message"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_reminder_slips_pdf_has_chinese_text(branch: Profile, tmp_path: Path) -> None:
    from app.services import circulation, overdues, readers
    from tests.circulation.conftest import later

    with branch.sessions() as s, s.begin():
        card = readers.register_reader(
            s,
            branch.clock,
            readers.ReaderInput(name="张晓明", gender="M", birth_year=1980, phone="13812341234"),
        ).card
        circulation.checkout(s, branch.clock, card, "C01000001")
    late = later(branch, 45)
    target = tmp_path / "slips.pdf"
    with late.sessions() as s, s.begin():
        assert overdues.write_reminder_slips(s, late.clock, target) == 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "图书逾期催还单" in text and "张晓明" in text and ITEMS_TITLES[1] in text
    assert "13812341234" not in text  # the slip never carries the phone number
