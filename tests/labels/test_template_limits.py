"""Template geometry is finite and sized for a real label or sheet (up to A3); text holds no
control characters; an invalid user template is refused with its reason, never skipped; and
``--out`` never creates folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.main import main as shuwu
from app.printing.templates import from_json, load_template, refused_templates, user_dir
from shuwu_shared.errors import UserInputError

GOOD = load_template("a4-5x10-40x29.5", None).to_json()
NUMBER_FIELDS = [k for k, v in GOOD.items() if isinstance(v, float)]


@pytest.mark.parametrize(
    "change",
    [
        {"page_width_mm": float("inf")},
        {"label_height_mm": float("nan")},
        {"page_width_mm": "Infinity"},
        {"page_width_mm": 1e12, "page_height_mm": 1e12},
        {"page_width_mm": 500.0},  # wider than A3
        {"label_width_mm": 2.0, "label_height_mm": 2.0, "padding_mm": 0.5},
        {"call_font_pt": 1e9},
        {"title": "标签\x00"},
        {"title": "a\x1bb"},
        {"show_library_name": "no"},
        {"rows": 2.5},
        {"rows": True},
    ],
)
def test_impossible_values_are_refused_with_a_reason(change) -> None:
    with pytest.raises(UserInputError) as caught:
        from_json(GOOD | change)
    assert caught.value.message


def test_a3_sheet_is_accepted_either_way_round() -> None:
    a3 = GOOD | {"page_width_mm": 297.0, "page_height_mm": 420.0}
    assert from_json(a3).page_height_mm == 420
    assert from_json(a3 | {"page_width_mm": 420.0, "page_height_mm": 297.0}).page_width_mm == 420


@settings(max_examples=80, deadline=None)
@given(
    field=st.sampled_from(NUMBER_FIELDS),
    value=st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=8),
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
    ),
)
def test_any_value_is_accepted_or_refused_never_crashes(field, value) -> None:
    try:
        template = from_json(GOOD | {field: value})
    except UserInputError as exc:
        assert exc.message
        return
    assert template.page_width_mm <= 420 and template.page_height_mm <= 420


def test_invalid_user_template_is_refused_with_its_reason(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    folder = user_dir(home)
    folder.mkdir(parents=True)
    (folder / "huge.json").write_text(
        json.dumps(GOOD | {"name": "huge", "page_width_mm": 1e12, "page_height_mm": 1e12}),
        encoding="utf-8",
    )
    (folder / "inf.json").write_text(
        json.dumps(GOOD | {"name": "inf"}).replace(
            '"label_width_mm": 40.0', '"label_width_mm": Infinity'
        ),
        encoding="utf-8",
    )
    refused = {r.file: r.reason for r in refused_templates(home)}
    assert set(refused) == {"huge.json", "inf.json"}
    assert all(file in reason for file, reason in refused.items())
    with pytest.raises(UserInputError, match=r"huge\.json"):
        load_template("huge", home)
    out = tmp_path / "t.pdf"
    code = shuwu(
        ["labels", "--test-page", "--template", "huge", "--out", str(out), "--home", str(home)]
    )
    assert code == 2 and not out.exists()
    code = shuwu(["labels", "--list-templates", "--home", str(home), "--json"])
    data = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 2 and {r["file"] for r in data["refused"]} == {"huge.json", "inf.json"}
    assert data["templates"]  # the good ones are still listed


def test_out_never_creates_folders(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    target = tmp_path / "nonexistent" / "x.pdf"
    code = shuwu(["labels", "--test-page", "--out", str(target), "--home", str(home), "--json"])
    assert code == 2 and json.loads(capsys.readouterr().out)["error"] == "no_folder"
    assert not (tmp_path / "nonexistent").exists()
