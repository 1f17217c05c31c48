"""The Catalogue screen names the external target a copied record came from."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.profile import Profile
from app.services.catalog import LookupResult
from app.ui.app import build_main_window
from app.ui.sections.catalog import CatalogPage
from shuwu_shared.bib import BibData
from tests.catalog.conftest import enrol
from tests.profiles import new_profile


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    opened = new_profile(tmp_path / "profile")
    enrol(opened)
    yield opened
    opened.close()


def test_copied_record_shows_its_target(qtbot, profile: Profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("catalog")
    assert isinstance(page, CatalogPage)
    data = BibData(
        isbn="9787503722912",
        title="'96 中国发展报告",
        author="国家统计局编",
        publisher="中国统计出版社",
        pub_year="1996",
        clc_class="F124",
    )
    page.show_lookup(LookupResult("9787503722912", "union", data, origin="NLC"))
    assert "NLC" in page.form.source_label.text() and "套录" in page.form.source_label.text()
    assert page.form.fields["title"].text() == "'96 中国发展报告"
    # Without an origin the union text stays as it was.
    page.show_lookup(LookupResult("9787503722912", "union", data))
    assert "NLC" not in page.form.source_label.text()
    page.show_lookup(LookupResult("9787503722912", "union", data, origin="NLC"))
    shots = Path(os.environ.get("SHUWU_SCREENSHOTS", tmp_path))
    for width, height in ((1024, 768), (1366, 768)):
        window.resize(width, height)
        qtbot.wait(50)
        window.grab().save(str(shots / f"catalog-copycat-{width}.png"))
