"""Reader cards with a scannable card number; calibration stored per printer in the profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from app.printing.calibration import (
    Calibration,
    load_calibration,
    printers_with_calibration,
    save_calibration,
)
from app.profile import Profile
from app.services import readers
from app.services.readers import ReaderInput
from shuwu_shared.errors import UserInputError
from tests.labels.conftest import fonts, rasterise, zbar


def test_reader_cards_decode_and_use_only_embedded_fonts(library: Profile, tmp_path: Path) -> None:
    cards = []
    with library.sessions() as s, s.begin():
        for name in ("王秀英", "李建国", "张小燕"):
            cards.append(
                readers.register_reader(
                    s, library.clock, ReaderInput(name=name, birth_year=1980)
                ).card
            )
    out = tmp_path / "cards.pdf"
    args = ["labels", "--home", str(library.home), *cards, "--template", "a4-2x5-card-85.6x54"]
    assert main([*args, "--kind", "reader", "--out", str(out)]) == 0
    assert sorted(zbar(rasterise(out)[0])) == sorted(cards)
    rows = fonts(out)
    assert rows and all("yes" in row for row in rows)  # no font left to the printer
    assert main([*args, "--kind", "reader", "--queue", "--out", str(out)]) == 2


def test_calibration_is_per_printer_and_bounded(tmp_path: Path) -> None:
    home = tmp_path / "home"
    save_calibration(home, Calibration("HP1020", 1.2, -0.5, 0.2))
    save_calibration(home, Calibration("Gprinter", 0.0, 0.8, 0.0))
    assert load_calibration(home, "HP1020") == Calibration("HP1020", 1.2, -0.5, 0.2)
    assert load_calibration(home, "Gprinter").dy_mm == 0.8
    assert load_calibration(home, "unknown") == Calibration("unknown")
    assert printers_with_calibration(home) == ["Gprinter", "HP1020"]
    with pytest.raises(UserInputError):
        save_calibration(home, Calibration("HP1020", 35.0, 0, 0))
    with pytest.raises(UserInputError):
        save_calibration(home, Calibration("", 1.0, 0, 0))
    assert load_calibration(home, "HP1020").dx_mm == 1.2  # a refused value changes nothing
    (home / "labels" / "calibration.json").write_text("{broken", encoding="utf-8")
    assert load_calibration(home, "HP1020") == Calibration("HP1020")  # unreadable → no shift
