"""The county console in a real browser (Playwright driving Debian's Chromium, headless), with
real client profiles enrolled through the console's code and synced with the real server.

Pages are driven at 1024x768, the smallest screen county staff use; no page may scroll sideways
there and no English may show through the Chinese pages. Set SHUWU_CONSOLE_SCREENSHOTS=DIR to
keep a screenshot of every page there (docs/screenshots/console-*.png were made that way).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from app.models import CirculationPolicy as ClientPolicy
from app.models import Item, Loan, SyncException
from app.profile import Profile, open_profile
from app.services import circulation, credit
from app.sync.engine import sync_once
from server.models import SyncExceptionRow
from tests import serverproc
from tests.sync.helpers import FAST, branch_of, register

from .conftest import DEMO_PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (make sysdeps-test)"
)
os.environ["SHUWU_CREDENTIALS"] = "file"  # device tokens in an owner-only file, not a keychain


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serverproc.ServerProcess]:
    folder = tmp_path_factory.mktemp("console-browser")
    proc = serverproc.ServerProcess(
        f"sqlite:///{folder / 'county.db'}", init_args=("--demo", "--demo-size", "tiny")
    )
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1024, "height": 768}, locale="zh-CN", accept_downloads=True
    )
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


@pytest.fixture
def profiles(tmp_path: Path) -> Iterator[list[Profile]]:
    opened: list[Profile] = []
    yield opened
    for profile in opened:
        profile.close()


def sign_in(page: Any, base: str, name: str = "admin") -> None:
    page.goto(base + "/console/")
    assert "/console/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/console/")
    assert page.locator("header .who").inner_text().startswith(name)


def register_pc(page: Any, base: str, branch: str) -> tuple[str, str]:
    """Register a PC in the console; return the code and server address it shows."""
    page.goto(base + "/console/branches")
    page.select_option("select[name=branch]", branch)
    page.click("text=登记电脑")
    page.wait_for_url("**/console/devices/*")
    code = page.inner_text("#enrol-code").strip()
    address = page.inner_text("#server-url").strip()
    assert len(code) == 8 and address == base
    slip = page.request.get(page.url + "/slip.pdf?size=A5")
    assert slip.ok and slip.body()[:5] == b"%PDF-"
    return code, address


def enrol_with_cli(home: Path, address: str, code: str) -> dict[str, Any]:
    """The real client command line: ``shuwu enrol --server URL --code CODE``."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "enrol",
            "--home",
            str(home),
            "--server",
            address,
            "--code",
            code,
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "SHUWU_CREDENTIALS": "file", "PYTHONPATH": str(serverproc.ROOT)},
        cwd=serverproc.ROOT,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def client_cli(home: Path, *args: str, as_json: bool = True) -> Any:
    """The branch PC's own command line (``shuwu ARGS --home HOME``): parsed JSON or its text."""
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args, "--home", str(home), *(["--json"] if as_json else [])],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={
            **os.environ,
            "SHUWU_CREDENTIALS": "file",
            "SHUWU_LANG": "zh_CN",
            "PYTHONPATH": str(serverproc.ROOT),
        },
        cwd=serverproc.ROOT,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return json.loads(proc.stdout.strip().splitlines()[-1]) if as_json else proc.stdout


def enrolled_profile(
    page: Any, base: str, branch: str, home: Path, opened: list[Profile]
) -> Profile:
    code, address = register_pc(page, base, branch)
    enrol_with_cli(home, address, code)
    profile = open_profile(home)
    opened.append(profile)
    sync_once(profile, config=FAST)
    assert branch_of(profile) == branch
    return profile


def test_double_loan_resolved_in_the_console_reaches_both_clients(
    county: serverproc.ServerProcess, page: Any, profiles: list[Profile], tmp_path: Path
) -> None:
    base = county.base_url
    sign_in(page, base)
    a = enrolled_profile(page, base, "CW01", tmp_path / "a", profiles)
    b = enrolled_profile(page, base, "LY01", tmp_path / "b", profiles)
    with a.sessions() as s:
        barcode = s.scalar(
            select(Item.barcode)
            .where(Item.home_branch_code == "CW01", Item.status == "available")
            .order_by(Item.barcode)
        )
    assert barcode
    card_a, card_b = register(a, 1)[0], register(b, 1)[0]
    with a.sessions() as s, s.begin():
        circulation.checkout(s, a.clock, card_a, barcode)
    with b.sessions() as s, s.begin():
        circulation.checkout(s, b.clock, card_b, barcode, override_reason="读者手里拿着书")
    sync_once(a, config=FAST)
    assert sync_once(b, config=FAST).conflicts >= 1
    sync_once(a, config=FAST)

    page.goto(base + "/console/conflicts?kind=DOUBLE_CHECKOUT")
    page.click(f"text={barcode}")
    timeline = page.locator("table").first.inner_text()
    assert timeline.count("借出") >= 2 and "CW01" in timeline and "LY01" in timeline
    note = "已电话联系两位读者，书在 LY01"
    page.fill("textarea[name=note]", note)
    page.click("text=标记为已处理")
    page.wait_for_load_state()
    status = page.inner_text("#status")
    assert note in status and "处理人 admin" in status, status
    page.goto(base + "/console/conflicts?status=resolved&branch=LY01")
    assert note in page.inner_text("table.list")  # the list shows the note too

    for device in (a, b):
        sync_once(device, config=FAST)
        with device.sessions() as s:
            rows = s.execute(
                select(
                    SyncException.kind, SyncException.resolved_at, SyncException.resolution
                ).where(SyncException.kind == "DOUBLE_CHECKOUT")
            ).all()
        assert rows and all(r.resolved_at is not None and r.resolution == note for r in rows), rows
        # Each branch's own command line shows the county's note and when it was resolved.
        assert client_cli(device.home, "exceptions")["exceptions"] == []
        shown = client_cli(device.home, "exceptions", "--all")["exceptions"]
        double = [e for e in shown if e["kind"] == "DOUBLE_CHECKOUT"]
        assert double and all(e["resolution"] == note and e["resolved_at"] for e in double)
        text = client_cli(device.home, "exceptions", "--all", as_json=False)
        assert note in text and "已处理" in text and barcode in text


def test_a_loan_rule_changed_in_the_console_is_applied_by_a_client(
    county: serverproc.ServerProcess, page: Any, profiles: list[Profile], tmp_path: Path
) -> None:
    base = county.base_url
    sign_in(page, base)
    client = enrolled_profile(page, base, "CW01", tmp_path / "c", profiles)
    page.goto(base + "/console/policies")
    page.fill("input[form=rule-adult][name=loan_days]", "9")
    page.fill("input[form=rule-adult][name=note]", "试行短借期")
    page.click("button[form=rule-adult]")
    page.wait_for_url(base + "/console/policies")
    assert "试行短借期" in page.locator("section.card").last.inner_text()

    sync_once(client, config=FAST)
    with client.sessions() as s:
        rule = s.scalar(select(ClientPolicy).where(ClientPolicy.reader_type == "adult"))
        assert rule is not None and rule.loan_days == 9
        barcode = s.scalar(
            select(Item.barcode).where(Item.home_branch_code == "CW01", Item.status == "available")
        )
    card = register(client, 1)[0]
    with client.sessions() as s, s.begin():
        circulation.checkout(s, client.clock, card, barcode)
    with client.sessions() as s:
        loan = s.scalar(select(Loan).order_by(Loan.id.desc()))
        assert loan is not None
        today = credit.local_date(client.clock.now())
        assert credit.local_date(loan.due_at) == today + timedelta(days=9)


def test_annual_report_downloads_and_opens_in_openpyxl(
    county: serverproc.ServerProcess, page: Any, tmp_path: Path
) -> None:
    base = county.base_url
    sign_in(page, base)
    page.goto(base + "/console/reports")
    year = page.locator("select[name=year]").input_value()
    with page.expect_download() as download:
        page.click("#annual-xlsx")
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == f"shuwu-county-{year}.xlsx"
    book = openpyxl.load_workbook(target, read_only=True)
    assert len(book.sheetnames) >= 2
    text = " ".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )
    assert year in text


def test_overview_charts_and_the_conflict_filters_in_the_browser(
    county: serverproc.ServerProcess, page: Any
) -> None:
    """The overview draws its charts; the conflicts list filters by branch, kind and age with
    the form, the way staff use it."""
    from server.db import make_engine, session_factory, writer
    from server.exceptions import file_exception
    from server.timeutil import utcnow

    engine = make_engine(county.db_url)
    with writer(session_factory(engine)) as s:
        old = file_exception(s, "UNKNOWN_CARD", ["DH01"], "旧：读者证 OLD1 未知", {"card": "OLD1"})
        new = file_exception(s, "UNKNOWN_CARD", ["DH01"], "新：读者证 NEW1 未知", {"card": "NEW1"})
        other = file_exception(
            s, "UNKNOWN_BARCODE", ["FC01"], "他处：条码 OTH1 不在目录中", {"barcode": "OTH1"}
        )
        row = s.scalar(select(SyncExceptionRow).where(SyncExceptionRow.uuid == old.uuid))
        assert row is not None
        row.created_at = utcnow() - timedelta(days=40)
    engine.dispose()
    base = county.base_url
    sign_in(page, base)
    page.goto(base + "/console/")
    charts = page.locator("svg.chart")
    assert charts.count() == 2  # operations per hour, open conflicts per branch
    assert page.locator("svg.chart").nth(1).locator("rect").count() >= 2  # DH01 and FC01
    assert "DH01" in page.inner_text("main") and "FC01" in page.inner_text("main")

    page.goto(base + "/console/conflicts")
    listed = page.inner_text("table.list")
    assert all(x in listed for x in ("OLD1", "NEW1", "OTH1"))
    page.select_option("select[name=branch]", "DH01")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    listed = page.inner_text("table.list")
    assert "OLD1" in listed and "NEW1" in listed and "OTH1" not in listed
    page.select_option("select[name=age]", "30")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    listed = page.inner_text("table.list")
    assert "OLD1" in listed and "NEW1" not in listed
    assert page.locator("select[name=branch]").input_value() == "DH01"  # the form keeps it
    page.goto(base + "/console/conflicts")
    page.select_option("select[name=kind]", "UNKNOWN_BARCODE")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    listed = page.inner_text("table.list")
    assert "OTH1" in listed and "OLD1" not in listed and "NEW1" not in listed
    assert other.uuid in page.locator("table.list a").first.get_attribute("href")
    assert new.uuid and old.uuid


def test_roles_in_the_browser(county: serverproc.ServerProcess, browser: Any) -> None:
    """The township supervisor sees and resolves only its own villages' conflicts; read-only
    sees the conflict but no way to change it; a POST without the form's token is refused."""
    from server.db import make_engine, session_factory, writer
    from server.exceptions import file_exception

    engine = make_engine(county.db_url)
    with writer(session_factory(engine)) as s:
        mine = file_exception(s, "UNKNOWN_CARD", ["CW01"], "本乡：读者证 MINE1 未知", {})
        other = file_exception(s, "UNKNOWN_CARD", ["LY01"], "他乡：读者证 OTHER1 未知", {})
    engine.dispose()
    base = county.base_url
    for who in ("supervisor", "readonly"):
        context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(60_000)
        sign_in(page, base, who)
        page.goto(base + "/console/conflicts")
        listed = page.inner_text("table.list")
        options = page.eval_on_selector_all(
            "select[name=branch] option", "nodes => nodes.map(n => n.value).filter(Boolean)"
        )
        if who == "supervisor":
            assert "MINE1" in listed and "OTHER1" not in listed
            assert set(options) == {"CW", "CW01"}, options
            foreign = page.goto(f"{base}/console/conflicts/{other.uuid}")
            assert foreign is not None and foreign.status == 404
            page.goto(f"{base}/console/conflicts/{mine.uuid}")
            page.fill("textarea[name=note]", "督导已核实")
            page.click("text=标记为已处理")
            page.wait_for_load_state()
            assert "督导已核实" in page.inner_text("#status")
        else:
            assert "OTHER1" in listed  # every township (MINE1 is resolved by now)
            page.goto(f"{base}/console/conflicts/{other.uuid}")
            assert page.locator("textarea[name=note]").count() == 0
            assert page.locator("form[action*='/resolve']").count() == 0
            page.goto(base + "/console/policies")
            assert page.locator("button[form^=rule-]").count() == 0
        # The browser's own session but no CSRF token: refused, nothing resolved.
        forged = page.request.post(
            f"{base}/console/conflicts/{other.uuid}/resolve", form={"note": "伪造"}
        )
        assert forged.status in (400, 403, 404), forged.status
        context.close()
    with writer(session_factory(make_engine(county.db_url))) as s:
        row = s.scalar(select(SyncExceptionRow).where(SyncExceptionRow.uuid == other.uuid))
        assert row is not None and row.resolved_at is None


PAGES = (
    ("login", "/console/login"),
    ("overview", "/console/"),
    ("branches", "/console/branches"),
    ("conflicts", "/console/conflicts?status=all"),
    ("catalogue", "/console/catalogue?q=农民"),
    ("policies", "/console/policies"),
    ("reports", "/console/reports"),
    ("dashboard", "/console/reports/branch/CW01"),
    ("staff", "/console/staff"),
    ("marc-import", "/console/catalogue-import"),
)

# What must never show on a Chinese page: internal codes (reader_upsert, staff.add, OUT_OF_SCOPE).
CODE_WORD = re.compile(r"\b(?:[a-z]+(?:[._][a-z]+)+|[A-Z]+(?:_[A-Z]+)+)\b")


def assert_fits_and_is_chinese(page: Any, name: str) -> None:
    """No sideways scrolling at 1024 px; no code words or English placeholders in zh_CN."""
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], (name, widths)
    text = page.evaluate(
        """() => { const main = document.querySelector('main').cloneNode(true);
        main.querySelectorAll('.detail, input, textarea, code').forEach(e => e.remove());
        return main.innerText; }"""
    )
    assert not CODE_WORD.findall(text), (name, CODE_WORD.findall(text))
    placeholders = page.eval_on_selector_all(
        "[placeholder]", "nodes => nodes.map(n => n.getAttribute('placeholder'))"
    )
    english = [
        p
        for p in placeholders
        if re.search(r"[a-z]{3}", p) and not re.search(r"[\u4e00-\u9fff]|://", p)
    ]
    assert not english, (name, english)


def test_every_page_renders_in_both_languages(
    county: serverproc.ServerProcess, page: Any, tmp_path: Path
) -> None:
    base = county.base_url
    keep = os.environ.get("SHUWU_CONSOLE_SCREENSHOTS")
    shots = Path(keep) if keep else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.goto(base + PAGES[0][1])
    page.screenshot(path=str(shots / "console-login.png"))
    sign_in(page, base)
    for name, path in PAGES[1:]:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert "书屋县馆管理台" in page.inner_text("header")
        assert_fits_and_is_chinese(page, name)
        page.screenshot(path=str(shots / f"console-{name}.png"), full_page=True)
    for name, listing, link in (
        ("conflict", "/console/conflicts?status=all&kind=DOUBLE_CHECKOUT", "table.list a"),
        ("record", "/console/catalogue?q=农民", "table.list a"),
        ("device", "/console/branches", "a[href*='/console/devices/']"),
    ):
        page.goto(base + listing)
        if page.locator(link).count():
            page.locator(link).first.click()
            page.wait_for_load_state()
            assert "书屋县馆管理台" in page.inner_text("header"), name
            assert_fits_and_is_chinese(page, name)
            page.screenshot(path=str(shots / f"console-{name}.png"), full_page=True)
    page.goto(base + "/console/lang?to=en")
    page.goto(base + "/console/policies")
    assert "Loan rules per reader type" in page.inner_text("main")
    page.goto(base + "/console/lang?to=zh_CN")
    page.goto(base + "/console/policies")
    assert "各类读者借阅规则" in page.inner_text("main")
