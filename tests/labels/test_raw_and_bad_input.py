"""TSPL/ZPL bitmaps decode back to scannable images; bad input is refused or flagged."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from app.printing.layout import LabelData, layout_label
from app.printing.templates import (
    copy_template,
    from_json,
    list_templates,
    load_template,
    save_user_template,
)
from app.profile import Profile
from app.services import labels
from shuwu_shared.errors import NotFound, UserInputError
from tests.labels.conftest import BARCODES, zbar, zbar_typed


def _bits_to_image(row_bytes: int, rows: int, data: bytes, black_bit: int) -> Image.Image:
    """An independent decoder of the printer bitmap: MSB first, one byte row per pixel row."""
    image = Image.new("L", (row_bytes * 8, rows), 255)
    pixels = image.load()
    assert pixels is not None
    for y in range(rows):
        for xb in range(row_bytes):
            byte = data[y * row_bytes + xb]
            for bit in range(8):
                if ((byte >> (7 - bit)) & 1) == black_bit:
                    pixels[xb * 8 + bit, y] = 0
    # A quiet border, as on the physical label's surroundings.
    framed = Image.new("L", (image.width + 40, image.height + 40), 255)
    framed.paste(image, (20, 20))
    return framed


def parse_tspl(blob: bytes) -> list[Image.Image]:
    images = []
    for match in re.finditer(rb"BITMAP (\d+),(\d+),(\d+),(\d+),0,", blob):
        row_bytes, rows = int(match.group(3)), int(match.group(4))
        start = match.end()
        data = blob[start : start + row_bytes * rows]
        assert blob[start + row_bytes * rows :].startswith(b"\r\nPRINT 1,1")
        images.append(_bits_to_image(row_bytes, rows, data, black_bit=0))
    return images


def parse_zpl(blob: bytes) -> list[Image.Image]:
    images = []
    text = blob.decode("ascii")
    for match in re.finditer(r"\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", text):
        total, row_bytes = int(match.group(1)), int(match.group(3))
        data = bytes.fromhex(match.group(4))
        assert len(data) == total
        images.append(_bits_to_image(row_bytes, total // row_bytes, data, black_bit=1))
    return images


ROLLS = [t for t in list_templates(None) if t.media == "roll"]


@pytest.mark.parametrize("template", ROLLS, ids=[t.name for t in ROLLS])
@pytest.mark.parametrize("fmt", ["tspl", "zpl"])
def test_raw_bitmaps_decode_back_to_the_numbers(
    library: Profile, template: object, fmt: str, tmp_path: Path
) -> None:
    with library.sessions() as s:
        data = labels.label_data(s, labels.list_queue(s))
    layouts = labels.build_layouts(data, "combined", template)  # type: ignore[arg-type]
    out = tmp_path / f"labels.{fmt}"
    result = labels.write_output(layouts, template, out)  # type: ignore[arg-type]
    assert result.labels == len(BARCODES)
    blob = out.read_bytes()
    images = parse_tspl(blob) if fmt == "tspl" else parse_zpl(blob)
    assert len(images) == len(BARCODES)
    decoded = []
    for n, image in enumerate(images):
        path = tmp_path / f"{fmt}-{n}.png"
        image.save(path)
        decoded += zbar(path)
    assert decoded == BARCODES
    if fmt == "tspl":
        assert blob.startswith(b"SIZE %g mm,%g mm" % (template.label_width_mm, 30))  # type: ignore[attr-defined]


def test_code39_has_no_hidden_check_character_unless_asked(tmp_path: Path) -> None:
    base = load_template("roll-50x30", None)
    for check, expected in ((False, "V0010001"), (True, None)):
        template = replace(base, symbology="code39", code39_check=check)
        layout = layout_label("barcode", LabelData("V0010001", None, "书屋"), template)
        out = tmp_path / f"c39-{check}.pdf"
        labels.write_output([layout], template, out)
        from tests.labels.conftest import rasterise

        typed = zbar_typed(rasterise(out)[0])
        assert len(typed) == 1 and typed[0].startswith("CODE-39:")
        text = typed[0].split(":", 1)[1]
        if expected:
            assert text == expected
        else:
            assert text.startswith("V0010001") and len(text) == 9  # one check character


def test_impossible_templates_are_refused(tmp_path: Path) -> None:
    good = load_template("a4-5x10-40x29.5", None).to_json()
    with pytest.raises(UserInputError, match="210"):
        from_json(good | {"cols": 6})  # 6 × 40 mm cannot fit 210 mm
    with pytest.raises(UserInputError, match="297"):
        from_json(good | {"rows": 11})
    with pytest.raises(UserInputError):
        from_json(good | {"label_width_mm": -40})
    with pytest.raises(UserInputError):
        from_json(good | {"gap_x_mm": -1})
    with pytest.raises(UserInputError):
        from_json(good | {"rows": "ten"})
    with pytest.raises(UserInputError):
        from_json(good | {"colour": "red"})
    roll = load_template("roll-40x30", None).to_json()
    with pytest.raises(UserInputError):
        from_json(roll | {"rows": 2})


def test_user_copy_is_saved_in_the_profile_and_editable(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shipped = load_template("a4-4x10-50x29.5", None)
    mine = copy_template(shipped, "my-sheet", home)
    assert (home / "labels" / "templates" / "my-sheet.json").exists()
    save_user_template(replace(mine, margin_top_mm=2.0), home)
    assert load_template("my-sheet", home).margin_top_mm == 2.0
    with pytest.raises(UserInputError):
        save_user_template(replace(mine, margin_top_mm=20.0), home)  # rows overflow the page
    assert load_template("my-sheet", home).margin_top_mm == 2.0  # the good copy is kept
    with pytest.raises(UserInputError):
        save_user_template(replace(shipped, user=True), home)  # shipped names are protected
    with pytest.raises(UserInputError):
        copy_template(shipped, "my-sheet", home)


def test_long_call_number_is_shrunk_then_flagged(tmp_path: Path) -> None:
    template = load_template("roll-40x30", None)
    normal = layout_label("spine", LabelData("V0010001", "I247.5/12:1", "书屋"), template)
    call = "TP311.5612-43(2)/1234:12"
    longer = layout_label("spine", LabelData("V0010001", call, "书屋"), template)
    assert not normal.problems and not longer.problems
    size = next(t.size_pt for t in normal.texts if t.text == "I247.5")
    shrunk = next(t.size_pt for t in longer.texts if t.text == "TP311.5612-43(2)")  # not cut
    assert template.min_font_pt <= shrunk < size

    silly = "I247.5" + "-43=2(0)" * 6 + "/1234:12"
    flagged = layout_label("spine", LabelData("V0010009", silly, "书屋"), template)
    assert flagged.problems and flagged.code == "V0010009"
    out = tmp_path / "refused.pdf"
    with pytest.raises(UserInputError, match="V0010009"):
        labels.write_output([normal, flagged], template, out)
    assert not out.exists()


def test_unknown_barcode_and_wrong_extension(library: Profile, tmp_path: Path) -> None:
    with library.sessions() as s, pytest.raises(NotFound, match="X999"):
        labels.items_by_barcode(s, ["V0010001", "X999"])
    with pytest.raises(UserInputError):
        labels.output_format(tmp_path / "labels.docx")


# --- choosing copies for labels: hostile criteria are refused or match nothing, never crash ---

from datetime import date as _date  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from app.services.labels import LabelSelection, select_copies  # noqa: E402
from shuwu_shared.errors import UserInputError as _UserInputError  # noqa: E402

_hostile = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(["%", "_", "\x00", "\ud800", "V0010001' OR 1=1 --", "S" * 5000]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    low=_hostile,
    high=_hostile,
    klass=_hostile,
    shelf=_hostile,
    day=st.one_of(st.none(), st.dates(min_value=_date(1, 1, 1), max_value=_date(9999, 12, 31))),
)
def test_select_copies_survives_hostile_criteria(library, low, high, klass, shelf, day) -> None:  # type: ignore[no-untyped-def]
    selection = LabelSelection(low, high, klass, day, day, shelf)
    with library.sessions() as s:
        try:
            found = select_copies(s, selection)
        except _UserInputError:
            return
    assert len(found) <= 5000
    if klass and "%" in klass:
        assert all(
            (e.call_number or "")
            .upper()
            .startswith(klass.replace("%", "").replace("_", "").upper())
            for e in found
        )
