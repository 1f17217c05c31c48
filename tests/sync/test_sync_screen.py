"""The Sync screen with the real server: "Sync now" runs through the task runner, the
status and the county's conflicts appear, and errors are shown, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.models import Item, SyncException
from app.services import circulation
from app.services.outbox import pending_count
from app.sync.engine import sync_once
from app.sync.overview import credential_note
from app.ui.app import build_main_window

from .conftest import village_codes
from .helpers import FAST, branch_of, register


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_sync_now_shows_progress_result_and_conflicts(qtbot, county, make_device, tmp_path):
    device = make_device()
    register(device, 2)
    window = build_main_window(device)
    qtbot.addWidget(window)
    page = window.show_section("sync")
    assert page.sync_button.isEnabled()
    assert page.storage_label.text() == credential_note("file")
    with device.sessions() as s:
        waiting = pending_count(s)
    assert waiting >= 2 and page.pending_label.text() == str(waiting)
    with qtbot.waitSignal(window.ctx.sync_finished, timeout=120_000) as finished:
        page.sync_button.click()
    result = finished.args[0]
    assert result.pushed == waiting and result.pulled > 0
    qtbot.waitUntil(lambda: page.pending_label.text() == "0", timeout=10_000)
    assert window.ctx.online is True
    assert page.last_sync_label.text() not in ("", "从未")
    # A conflict the county filed (as pulled by sync) is listed with its Chinese kind.
    with device.sessions() as s, s.begin():
        s.add(
            SyncException(
                uuid="0f0f0f0f-0000-4000-8000-000000000001",
                kind="DOUBLE_CHECKOUT",
                summary="同一册书在两处借出：20170001",
                detail={},
                created_at=datetime(2026, 1, 5, tzinfo=UTC),
            )
        )
    page.activate()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "同一册书在两处借出"
    assert "20170001" in page.table.item(0, 1).text()
    window.grab().save(str(tmp_path / "sync-screen.png"))


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_unreachable_server_is_a_message(qtbot, county, make_device, monkeypatch):
    device = make_device()
    window = build_main_window(device)
    qtbot.addWidget(window)
    page = window.show_section("sync")
    county.stop()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    with qtbot.waitSignal(page.controller.failed, timeout=120_000):
        page.sync_button.click()
    assert shown and "连不上" in shown[0]
    assert window.ctx.online is False
    qtbot.waitUntil(lambda: page.error_label.isVisibleTo(page), timeout=5_000)


def _run_cli(*args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "SHUWU_CREDENTIALS": "file", "SHUWU_LANG": "zh_CN"},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_a_resolved_double_loan_shows_the_countys_note_on_both_pcs(
    qtbot, county, make_device, tmp_path
):
    """Two real PCs lend the same copy; the county resolves the conflict with a note
    (``shuwu-server exceptions --resolve``, the console's service); after their next sync both
    PCs' Sync screens and ``shuwu exceptions --all`` show the note and when it was resolved."""
    villages = village_codes(county)
    a = make_device(villages[0], name="a")
    b = make_device(villages[1], name="b")
    sync_once(a, config=FAST)
    sync_once(b, config=FAST)
    with a.sessions() as s:
        barcode = s.scalar(
            select(Item.barcode)
            .where(Item.home_branch_code == branch_of(a), Item.status == "available")
            .order_by(Item.barcode)
        )
    card_a, card_b = register(a, 1)[0], register(b, 1)[0]
    with a.sessions() as s, s.begin():
        circulation.checkout(s, a.clock, card_a, barcode)
    with b.sessions() as s, s.begin():
        circulation.checkout(s, b.clock, card_b, barcode, override_reason="读者手里拿着书")
    sync_once(a, config=FAST)
    assert sync_once(b, config=FAST).conflicts >= 1
    sync_once(a, config=FAST)

    windows = []
    for device in (a, b):
        window = build_main_window(device)
        qtbot.addWidget(window)
        page = window.show_section("sync")
        rows = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
        assert any(barcode in text for text in rows), rows
        assert page.table.item(0, 3).text() == "未处理"
        assert not page.empty_label.isVisibleTo(page)
        windows.append((window, page))
        assert _run_cli("exceptions", "--home", str(device.home))["exceptions"]

    listed = county.cli("exceptions", "--branch", villages[0])["exceptions"]
    double = next(e for e in listed if e["kind"] == "DOUBLE_CHECKOUT")
    note = "已电话联系两位读者，书在第二个馆点"
    county.cli("exceptions", "--resolve", double["uuid"], "--note", note)

    for device, (_window, page) in zip((a, b), windows, strict=True):
        sync_once(device, config=FAST)
        page.activate()
        row = next(
            r for r in range(page.table.rowCount()) if barcode in page.table.item(r, 1).text()
        )
        shown = page.table.item(row, 3).text()
        assert shown.startswith("已处理") and note in shown, shown
        assert page.resolved_hint.isVisibleTo(page)
        assert page.empty_label.isVisibleTo(page)  # nothing left open
        # The command line: open ones by default, the resolved one with --all.
        home = str(device.home)
        assert _run_cli("exceptions", "--home", home)["exceptions"] == []
        every = _run_cli("exceptions", "--home", home, "--all")["exceptions"]
        mine = next(e for e in every if e["uuid"] == double["uuid"])
        assert mine["resolution"] == note and mine["resolved_at"]
    windows[1][0].grab().save(str(tmp_path / "sync-resolved.png"))
