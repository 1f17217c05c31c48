"""Reader cards through the labels module, read back by zbarimg (runs once labels is merged)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.profile import Profile
from app.services import readers

pytest.importorskip("app.services.labels")


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="zbar-tools/poppler-utils not installed",
)
def test_reader_card_pdf_scans_back_to_the_card(branch: Profile, tmp_path: Path) -> None:
    from app.ui.sections.readers import reader_card_printer

    with branch.sessions() as s, s.begin():
        card = readers.register_reader(
            s, branch.clock, readers.ReaderInput(name="张晓明", gender="M", birth_year=1980)
        ).card
    printer = reader_card_printer()
    assert printer is not None
    out = tmp_path / "card.pdf"
    with branch.sessions() as s:
        printer(s, branch.home, [card], out)
    subprocess.run(
        ["pdftoppm", "-r", "203", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
        check=True,
    )
    [png] = sorted(tmp_path.glob("p*.png"))
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False
    ).stdout.split()
    assert decoded == [card]
