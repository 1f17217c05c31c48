"""Labels test set-up: a village branch with real catalogued copies (via the catalogue service)
and helpers that ask external tools (pdftoppm, zbarimg, pdfinfo, pdffonts) for the truth."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app.models import Branch, ShelfLocation
from app.profile import Profile
from app.services import catalog, settings
from app.services.catalog import CopyInput
from shuwu_shared.bib import BibData
from tests.profiles import new_profile

BRANCH = "V001"
LIBRARY = "东村农家书屋"
# Real 中图法 classes; 种次号 are allocated by the catalogue service.
BOOKS = [
    ("平凡的世界", "I247.5", ["V0010001", "V0010002", "V0010003"]),
    ("果树栽培技术", "S66", ["V0010004"]),
    ("家庭园艺", "TS976.3", ["V0010005", "V0010006"]),
    ("中华人民共和国民法典", "D923", ["V0010007"]),
    ("三国演义", "I242.4", ["V0010008", "V0010009"]),
    ("养猪实用技术", "S828", ["V0010010", "V0010011", "V0010012"]),
]
BARCODES = [code for _t, _c, codes in BOOKS for code in codes]


def enrol(profile: Profile) -> None:
    with profile.sessions() as s, s.begin():
        settings.put(s, settings.BRANCH_CODE, BRANCH)
        settings.put(s, settings.BRANCH_NAME, LIBRARY)
        s.add(
            Branch(
                code=BRANCH,
                name=LIBRARY,
                kind="village",
                parent_code="T01",
                barcode_range_start="V0010000",
                barcode_range_end="V0019999",
            )
        )
        s.add(ShelfLocation(branch_code=BRANCH, code="A1", name="文学架"))


def catalogue_books(profile: Profile) -> None:
    for title, clc, codes in BOOKS:
        with profile.sessions() as s, s.begin():
            bib = catalog.save_bib(s, profile.clock, BibData(title=title, clc_class=clc))
            copies = [CopyInput(code, "A1", aux=str(n + 1)) for n, code in enumerate(codes)]
            catalog.add_copies(s, profile.clock, bib.uuid, copies)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Profile]:
    opened = new_profile(tmp_path / "profile")
    enrol(opened)
    catalogue_books(opened)
    yield opened
    opened.close()


def rasterise(pdf: Path, dpi: int = 203) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


def zbar(image: Path) -> list[str]:
    """Every symbol zbarimg finds, as decoded text (type prefix removed)."""
    result = subprocess.run(
        ["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    return [line for line in result.stdout.splitlines() if line]


def zbar_typed(image: Path) -> list[str]:
    result = subprocess.run(
        ["zbarimg", "-q", str(image)], capture_output=True, text=True, check=False
    )
    return [line for line in result.stdout.splitlines() if line]


def page_size_pts(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split("size:")[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


def fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def save_png(image: Image.Image, path: Path) -> Path:
    image.save(path)
    return path
