"""The console's MARC import in a real browser (Playwright, Debian's Chromium, headless): a real
MARC file whose records are partly in the catalogue already, the choice for those records, and
the summary. Set SHUWU_CONSOLE_SCREENSHOTS=DIR to keep docs/screenshots/console-marc-import.png
(the preview with the choice) and console-marc-import-done.png there."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from server import models as m
from tests import serverproc

from .test_console_admin import read
from .test_console_browser import CHROMIUM, browser, page, sign_in  # noqa: F401 - fixtures

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is missing")
REAL = Path(__file__).parents[1] / "catalog" / "fixtures" / "real"


def test_admin_merges_a_matched_record_in_the_browser(
    console_server: serverproc.ServerProcess,
    page: Any,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    if "postgresql" in console_server.db_url:
        pytest.skip("one backend is enough for the browser")
    base = console_server.base_url
    keep = os.environ.get("SHUWU_CONSOLE_SCREENSHOTS")
    shots = Path(keep) if keep else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    sign_in(page, base)
    # Summerland first, then the file holding Summerland and Kavalier & Clay.
    page.goto(base + "/console/catalogue-import")
    page.set_input_files("input[name=file]", str(REAL / "marc4j-summerland.mrc"))
    page.click("main button[type=submit]")
    page.click("#confirm button[type=submit]")
    assert "已向联合目录添加 1 条记录" in page.inner_text("#imported")
    page.goto(base + "/console/catalogue-import")
    page.set_input_files("input[name=file]", str(REAL / "marc4j-chabon.mrc"))
    page.click("main button[type=submit]")
    choice = page.locator("#on-match")
    assert "1 条记录目录中已有" in choice.inner_text()
    assert page.is_checked("input[name=on_match][value=skip]")
    page.screenshot(path=str(shots / "console-marc-import.png"), full_page=True)
    page.check("input[name=on_match][value=merge]")
    page.click("#confirm button[type=submit]")
    done = page.inner_text("#imported")
    assert "1 条已合并到已有记录" in done, done
    page.screenshot(path=str(shots / "console-marc-import-done.png"), full_page=True)
    with read(console_server.db_url) as s:
        bibs = s.scalars(select(m.Bib).where(m.Bib.isbn == "9780786808779")).all()
        assert len(bibs) == 1 and bibs[0].marc
