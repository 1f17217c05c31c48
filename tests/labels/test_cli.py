"""``shuwu labels`` end to end: barcodes and the queue to PDF/TSPL, exit codes on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.profile import Profile
from app.services import labels
from tests.labels.conftest import BARCODES, rasterise, zbar


def run(profile: Profile, *args: str) -> int:
    return main(["labels", "--home", str(profile.home), *args])


def test_barcodes_to_pdf(
    library: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "two.pdf"
    code = run(library, "V0010001", "V0010005", "--kind", "barcode", "--out", str(out), "--json")
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labels"] == 2 and data["template"] == "a4-5x10-40x29.5"
    assert sorted(zbar(rasterise(out)[0])) == ["V0010001", "V0010005"]


def test_queue_to_tspl_marks_printed(library: Profile, tmp_path: Path) -> None:
    out = tmp_path / "queue.tspl"
    args = ["--queue", "--template", "roll-50x30", "--kind", "combined", "--out", str(out)]
    assert run(library, *args, "--mark-printed") == 0
    assert out.read_bytes().count(b"PRINT 1,1") == len(BARCODES)
    with library.sessions() as s:
        assert labels.list_queue(s) == []
    # A re-print of one damaged label by barcode still works after the queue is empty.
    assert run(library, "V0010003", "--template", "roll-40x30", "--out", str(out)) == 0


def test_bad_input_exits_2(
    library: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, "NOPE1", "--out", str(tmp_path / "x.pdf")) == 2
    assert run(library, "V0010001", "--out", str(tmp_path / "x.docx")) == 2
    assert run(library, "V0010001", "--template", "missing", "--out", str(tmp_path / "x.pdf")) == 2
    assert run(library, "--out", str(tmp_path / "x.pdf")) == 2  # neither barcodes nor --queue
    assert run(library, "V0010001", "--start", "51", "--out", str(tmp_path / "x.pdf")) == 2
    err = capsys.readouterr()
    assert "Traceback" not in err.out + err.err
    assert not (tmp_path / "x.pdf").exists()


def test_list_templates_and_test_page(
    library: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, "--list-templates", "--json") == 0
    names = {t["name"] for t in json.loads(capsys.readouterr().out)["templates"]}
    assert "roll-40x30" in names
    page = tmp_path / "test.pdf"
    assert run(library, "--test-page", "--template", "a4-4x10-50x29.5", "--out", str(page)) == 0
    assert page.stat().st_size > 0


def test_choose_copies_and_reprint_the_failed(
    library: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run.pdf"
    assert run(library, "--from", "V0010003", "--to", "V0010005", "--out", str(out), "--json") == 0
    assert json.loads(capsys.readouterr().out)["labels"] == 3
    assert run(library, "--class", "S8", "--out", str(out), "--json") == 0
    assert json.loads(capsys.readouterr().out)["labels"] == 3  # S828: V0010010–12
    assert run(library, "--shelf", "A1", "--out", str(out), "--json") == 0
    assert json.loads(capsys.readouterr().out)["labels"] == len(BARCODES)
    assert run(library, "--queue", "--out", str(out), "--mark-printed") == 0
    capsys.readouterr()
    assert run(library, "V0010002", "V0010007", "--failed", "--json") == 0
    assert json.loads(capsys.readouterr().out)["failed"] == 2
    args = ["--reprint-failed", "--kind", "barcode", "--out", str(out), "--mark-printed"]
    assert run(library, *args, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labels"] == 2 and data["marked_printed"] == 2
    assert sorted(zbar(rasterise(out)[0])) == ["V0010002", "V0010007"]
    with library.sessions() as s:
        assert labels.failed_queue(s) == []
    # Two sources at once, or a backwards range: refused with exit code 2.
    assert run(library, "--queue", "--class", "S", "--out", str(out)) == 2
    assert run(library, "--from", "V0010009", "--to", "V0010001", "--out", str(out)) == 2
