"""The Sync screen with the real server: "Sync now" runs through the task runner, the
status and the county's conflicts appear, and errors are shown, never a traceback."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from app.models import SyncException
from app.services.outbox import pending_count
from app.sync.overview import credential_note
from app.ui.app import build_main_window

from .helpers import register


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
