"""Adding a copy-cataloguing target in a real browser (Playwright + Debian's Chromium).

Set SHUWU_CONSOLE_SCREENSHOTS=DIR to keep docs/screenshots/console-targets.png there."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests import serverproc
from tests.copycat.conftest import Peers, live_peers  # noqa: F401 - the session's peers

from .test_console_browser import CHROMIUM, browser, page, sign_in  # noqa: F401 - fixtures

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is missing")
SECRET = "browser-secret-密码-1"


def test_admin_adds_tests_and_sees_a_target_in_the_browser(
    console_server: serverproc.ServerProcess,
    page: Any,  # noqa: F811 - the fixture imported above
    live_peers: Peers,  # noqa: F811
    tmp_path: Path,
) -> None:
    if "postgresql" in console_server.db_url:
        pytest.skip("one backend is enough for the browser")
    base = console_server.base_url
    sign_in(page, base)
    page.goto(base + "/console/catalogue")
    page.click("a[href='/console/targets']")
    page.wait_for_url(base + "/console/targets")
    assert "还没有书目源" in page.inner_text("main")
    page.fill("input[name=name]", "ZTEST")
    page.fill("input[name=url]", f"z3950://127.0.0.1:{live_peers.ztest_port}/Default")
    page.select_option("select[name=syntax]", "marc21")
    page.fill("input[name=priority]", "10")
    page.fill("input[name=user]", "county01")
    page.fill("input[name=password]", SECRET)
    page.click("text=添加书目源 >> nth=-1")
    page.wait_for_url(base + "/console/targets")
    row = page.locator("table.list tr", has_text="ZTEST")
    assert "county01:***" in row.inner_text()
    # A second one with a bad address: the form says why and keeps what was typed.
    page.fill("input[name=name]", "CALIS")
    page.fill("input[name=url]", "ftp://opac.example.cn/x")
    page.fill("input[name=user]", "calis")
    page.fill("input[name=password]", SECRET)
    page.click("text=添加书目源 >> nth=-1")
    assert "不是书目源地址" in page.inner_text(".error")
    assert page.input_value("input[name=name]") == "CALIS"
    assert page.input_value("input[name=user]") == "calis"
    assert page.input_value("input[name=password]") == ""
    page.fill("input[name=user]", "")
    page.fill("input[name=url]", "http://opac.example.cn/sru?recordSchema=unimarcxml")
    page.fill("input[name=priority]", "20")
    page.click("text=添加书目源 >> nth=-1")
    page.wait_for_url(base + "/console/targets")
    row.get_by_role("button", name="测试").click()
    page.wait_for_load_state()
    assert "秒内应答" in page.inner_text("#probe")
    assert SECRET not in page.content()
    keep = os.environ.get("SHUWU_CONSOLE_SCREENSHOTS")
    shots = Path(keep) if keep else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "console-targets.png"), full_page=True)
    page.goto(base + "/console/catalogue")
    page.click("a[href='/console/targets/search']")
    page.select_option("select[name=kind]", "title")
    page.fill("input[name=q]", "computer")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "How to program a computer" in page.inner_text("table.list")
    assert "CALIS" in page.inner_text("main")  # opac.example.cn cannot be asked: named
    page.screenshot(path=str(shots / "console-targets-search.png"), full_page=True)
