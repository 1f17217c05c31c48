"""An operation the county refuses stays on this computer and is listed for staff: on the Sync
screen and by ``shuwu refused``; the rest of the batch goes through."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.sync.refused import list_refused, refused_count
from app.ui.app import build_main_window

from .helpers import register
from .test_poison_ops import queue_raw


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_a_refused_operation_is_listed_on_screen_and_by_the_cli(
    qtbot, county, make_device, tmp_path
):
    device = make_device()
    register(device, 1)  # a good op before and after the bad one
    # A checkout without its loan_uuid, queued by an older Shuwu (today's refuses it locally).
    queue_raw(device, "checkout", {"barcode": "20179999"})
    register(device, 1)

    window = build_main_window(device)
    qtbot.addWidget(window)
    page = window.show_section("sync")
    assert page.refused_box.isHidden()
    with qtbot.waitSignal(window.ctx.sync_finished, timeout=120_000) as finished:
        page.sync_button.click()
    result = finished.args[0]
    assert result.rejected == 1 and result.pushed >= 2 and result.pending == 0

    with device.sessions() as s:
        refused = list_refused(s)
        assert refused_count(s) == 1
    assert [(r.kind, r.subject, r.error) for r in refused] == [
        ("checkout", "20179999", "invalid_payload")
    ]
    page.activate()
    assert not page.refused_box.isHidden()
    assert page.refused_table.rowCount() == 1
    assert page.refused_table.item(0, 0).text() == "借书"
    assert page.refused_table.item(0, 1).text() == "20179999"
    assert page.refused_table.item(0, 2).text().startswith("县馆服务器读不懂这个操作。")
    assert "loan_uuid" in page.refused_table.item(0, 2).text()  # the server's own words
    window.resize(1280, 800)
    window.grab().save(str(tmp_path / "sync-refused.png"))

    env = {**os.environ, "SHUWU_CREDENTIALS": "file"}
    out = subprocess.run(
        [sys.executable, "-m", "app", "refused", "--home", str(device.home), "--json"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout  # fmt: skip
    listed = json.loads(out)["refused"]
    assert [(r["kind"], r["about"], r["error"]) for r in listed] == [
        ("checkout", "20179999", "invalid_payload")
    ]
