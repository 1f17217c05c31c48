"""Every shipped template: real copies → PDF → 203 dpi raster → zbarimg reads every number."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from app.printing.calibration import Calibration
from app.printing.templates import LabelTemplate, list_templates, load_template
from app.profile import Profile
from app.services import labels
from tests.labels.conftest import BARCODES, LIBRARY, fonts, page_size_pts, rasterise, zbar

SHIPPED = list_templates(None)
MM_TO_PT = 72 / 25.4


def test_the_required_templates_ship() -> None:
    names = {t.name for t in SHIPPED}
    assert {"a4-5x10-40x29.5", "a4-4x10-50x29.5", "roll-40x30", "roll-50x30"} <= names
    sizes = {(t.label_width_mm, t.label_height_mm, t.rows, t.cols) for t in SHIPPED}
    assert (40, 29.5, 10, 5) in sizes and (50, 29.5, 10, 4) in sizes
    assert (40, 30, 1, 1) in sizes and (50, 30, 1, 1) in sizes
    assert all(t.symbology == "code128" for t in SHIPPED)  # Code 39 is never the default


def _generate(profile: Profile, template: LabelTemplate, kind: str, out: Path) -> None:
    with profile.sessions() as s:
        entries = labels.list_queue(s)
        data = labels.label_data(s, entries)
    assert [e.barcode for e in entries] == BARCODES
    layouts = labels.build_layouts(data, kind, template)
    assert labels.problems(layouts) == []
    labels.write_output(layouts, template, out)


@pytest.mark.parametrize("template", SHIPPED, ids=[t.name for t in SHIPPED])
@pytest.mark.parametrize("kind", ["barcode", "combined"])
def test_every_barcode_decodes_exactly(
    library: Profile, template: LabelTemplate, kind: str, tmp_path: Path
) -> None:
    out = tmp_path / f"{template.name}-{kind}.pdf"
    _generate(library, template, kind, out)

    decoded: list[str] = []
    for page in rasterise(out):
        decoded += zbar(page)
    assert sorted(decoded) == sorted(BARCODES)

    expected = (template.page_width_mm * MM_TO_PT, template.page_height_mm * MM_TO_PT)
    sizes = page_size_pts(out)
    pages = len(BARCODES) if template.media == "roll" else -(-len(BARCODES) // template.per_page)
    assert len(sizes) == pages
    for width, height in sizes:
        assert width == pytest.approx(expected[0], abs=0.01)
        assert height == pytest.approx(expected[1], abs=0.01)

    embedded = [row for row in fonts(out) if "WenQuanYiMicroHei" in row[0]]
    assert embedded and all("yes" in row[-5:-3] for row in embedded)


@pytest.mark.parametrize("template", SHIPPED, ids=[t.name for t in SHIPPED])
def test_spine_labels_carry_the_call_number_lines(
    library: Profile, template: LabelTemplate, tmp_path: Path
) -> None:
    import subprocess

    out = tmp_path / "spine.pdf"
    _generate(library, template, "spine", out)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    with library.sessions() as s:
        calls = [e.call_number or "" for e in labels.list_queue(s)]
    assert "I247.5" in text and "TS976.3" in text and LIBRARY in text
    for call in calls:
        class_no, rest = call.split("/")
        seq = rest.split(":")[0]
        assert class_no in text and seq in text
    assert any("WenQuanYiMicroHei" in row[0] and "yes" in row for row in fonts(out))


def _ink_columns_rows(png: Path) -> tuple[int, int]:
    """Left-most and top-most dark pixel of a page (where the first printed label begins)."""
    image = Image.open(png).convert("L").point(lambda v: 255 if v < 128 else 0)
    box = image.getbbox()
    assert box is not None
    return box[0], box[1]


def test_start_position_and_calibration_move_the_labels(library: Profile, tmp_path: Path) -> None:
    template = load_template("a4-5x10-40x29.5", None)
    with library.sessions() as s:
        data = labels.label_data(s, labels.items_by_barcode(s, ["V0010001"]))
    layouts = labels.build_layouts(data, "barcode", template)
    dpmm = 203 / 25.4

    plain = tmp_path / "plain.pdf"
    labels.write_output(layouts, template, plain)
    x0, y0 = _ink_columns_rows(rasterise(plain)[0])

    # Start at position 8 (row 2, column 3) of a part-used sheet.
    skipped = tmp_path / "skipped.pdf"
    labels.write_output(layouts, template, skipped, skip=7)
    x1, y1 = _ink_columns_rows(rasterise(skipped)[0])
    assert (x1 - x0) / dpmm == pytest.approx(2 * 40, abs=0.5)
    assert (y1 - y0) / dpmm == pytest.approx(1 * 29.5, abs=0.5)

    # Calibration: +1.5 mm right, -1 mm up, 0.3 mm creep per row (row index 1 here).
    cal = Calibration("hp", dx_mm=1.5, dy_mm=-1.0, creep_mm_per_row=0.3)
    shifted = tmp_path / "shifted.pdf"
    labels.write_output(layouts, template, shifted, skip=7, calibration=cal)
    x2, y2 = _ink_columns_rows(rasterise(shifted)[0])
    assert (x2 - x1) / dpmm == pytest.approx(1.5, abs=0.3)
    assert (y2 - y1) / dpmm == pytest.approx(-1.0 + 0.3, abs=0.3)
    assert zbar(rasterise(shifted)[0]) == ["V0010001"]
