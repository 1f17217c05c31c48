"""Conflicts reach both branches; enrolment and sync refuse bad input with clear messages."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import threading

import pytest
from sqlalchemy import create_engine, select, text

from app.device import state
from app.device.enrol import enrol
from app.device.transport import DeviceRevoked, NotShuwuServer, ServerRefused
from app.models import Item, OutboxOp, Reader, SyncException
from app.profile import open_profile
from app.services import circulation, settings
from app.sync.demo import free_port
from app.sync.engine import sync_once
from shuwu_shared.errors import EXIT_BAD_INPUT, EXIT_UNREACHABLE, ServerUnreachable, UserInputError

from .conftest import village_codes
from .helpers import FAST, assert_agree, branch_of, offline_work, register


def test_two_branches_lend_the_same_copy_offline(county, make_device, server_db):
    villages = village_codes(county)
    a = make_device(villages[0], name="a")
    b = make_device(villages[1], name="b")
    sync_once(a, config=FAST)
    sync_once(b, config=FAST)
    with a.sessions() as s:
        barcode, item_uuid = s.execute(
            select(Item.barcode, Item.uuid)
            .where(Item.home_branch_code == branch_of(a), Item.status == "available")
            .limit(1)
        ).one()
    card_a, card_b = register(a, 1)[0], register(b, 1)[0]
    # Both offline: each desk lends the same copy (B has it in its county index).
    with a.sessions() as s, s.begin():
        circulation.checkout(s, a.clock, card_a, barcode)
    with b.sessions() as s, s.begin():
        circulation.checkout(s, b.clock, card_b, barcode, override_reason="读者手里拿着书")
    sync_once(a, config=FAST)
    second = sync_once(b, config=FAST)
    assert second.conflicts >= 1
    sync_once(a, config=FAST)
    engine = create_engine(server_db)
    with engine.connect() as conn:
        loans = (
            conn.execute(
                text("SELECT l.uuid FROM loan l JOIN item i ON i.id = l.item_id WHERE i.uuid = :u"),
                {"u": item_uuid},
            )
            .scalars()
            .all()
        )
        doubles = (
            conn.execute(text("SELECT uuid FROM exception WHERE kind = 'DOUBLE_CHECKOUT'"))
            .scalars()
            .all()
        )
    engine.dispose()
    local_loan_uuids = set()
    for device in (a, b):
        with device.sessions() as s:
            local_loan_uuids.update(
                s.scalars(
                    select(OutboxOp.payload["loan_uuid"].as_string()).where(
                        OutboxOp.kind == "checkout"
                    )
                )
            )
    assert local_loan_uuids <= set(loans) and len(loans) >= 2  # both loans kept
    assert len(doubles) == 1  # exactly one exception
    for device in (a, b):
        with device.sessions() as s:
            shown = s.scalars(
                select(SyncException.uuid).where(SyncException.kind == "DOUBLE_CHECKOUT")
            ).all()
        assert shown == doubles  # both clients show it


def test_wrong_code_and_foreign_url_and_unreachable(county, tmp_path):
    profile = open_profile(tmp_path / "p")
    try:
        with pytest.raises(ServerRefused) as bad:
            enrol(profile, county.url, "WRONG234")
        assert bad.value.code == "bad_code" and bad.value.message
        with pytest.raises(UserInputError):
            enrol(profile, county.url, "   ")
        foreign = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler
        )
        threading.Thread(target=foreign.serve_forever, daemon=True).start()
        try:
            with pytest.raises(NotShuwuServer):
                enrol(profile, f"http://127.0.0.1:{foreign.server_port}", "ABCDEFGH")
        finally:
            foreign.shutdown()
            foreign.server_close()
        with pytest.raises(ServerUnreachable):
            enrol(profile, f"127.0.0.1:{free_port()}", "ABCDEFGH", config=FAST)
        with profile.sessions() as s:
            assert settings.get(s, settings.BRANCH_CODE) is None  # nothing half-saved
    finally:
        profile.close()


def test_cli_exit_codes_revoked_and_unreachable(county, make_device):
    device = make_device()
    env = {**os.environ, "SHUWU_CREDENTIALS": "file"}
    run = [sys.executable, "-m", "app", "sync", "--home", str(device.home), "--json"]
    ok = subprocess.run(run, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert ok.returncode == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert data["pulled"] > 0 and "pushed" in data and "conflicts" in data
    with device.sessions() as s:
        device_id = state.get(s, state.DEVICE_ID)
    county.cli("device", "revoke", str(device_id))
    with pytest.raises(DeviceRevoked) as revoked:
        sync_once(device, config=FAST)
    assert revoked.value.message
    out = subprocess.run(run, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert out.returncode == EXIT_BAD_INPUT and json.loads(out.stdout)["error"] == "revoked"
    with device.sessions() as s, s.begin():
        state.put(s, state.SERVER_URL, f"http://127.0.0.1:{free_port()}")
    down = subprocess.run(run, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert down.returncode == EXIT_UNREACHABLE


def test_restored_backup_reuses_sequence_numbers(county, make_device):
    """A restored older database hands out device_seq numbers the server already holds:
    the server says sequence_reused, the client takes a new epoch and nothing is lost."""
    device = make_device()
    sync_once(device, config=FAST)
    device.engine.dispose()
    snapshot = device.home / "snapshot.db"
    shutil.copy(device.db_path, snapshot)
    offline_work(device, readers_n=2, cycles=1)
    sync_once(device, config=FAST)
    device.engine.dispose()
    shutil.copy(snapshot, device.db_path)  # as if restored without the renewal flag
    for suffix in ("-wal", "-shm"):
        (device.home / f"shuwu.db{suffix}").unlink(missing_ok=True)
    register(device, 3)  # new ops with the same device_seq numbers
    with device.sessions() as s:
        epoch_before = state.get_int(s, state.EPOCH)
    result = sync_once(device, config=FAST)
    assert result.pending == 0 and result.rejected == 0
    with device.sessions() as s:
        assert state.get_int(s, state.EPOCH) > epoch_before
    assert_agree(device, county.db)


def test_epoch_renewal_flag_after_restore(county, make_device):
    device = make_device()
    sync_once(device, config=FAST)
    register(device, 2)
    with device.sessions() as s, s.begin():
        before = state.get_int(s, state.EPOCH)
        state.put(s, state.EPOCH_RENEW, "1")
    result = sync_once(device, config=FAST)
    with device.sessions() as s:
        assert state.get_int(s, state.EPOCH) > before
        assert state.get(s, state.EPOCH_RENEW) is None
    assert result.pending == 0


def test_training_profile_refuses_a_real_server(county, tmp_path):
    code = county.cli("device", "add", "--branch", village_codes(county)[0])["code"]
    profile = open_profile(tmp_path / "training")
    try:
        with profile.sessions() as s, s.begin():
            settings.put(s, settings.TRAINING_MODE, True)
        with pytest.raises(UserInputError) as refused:
            enrol(profile, county.url, code)
        assert refused.value.code == "training_refused"
    finally:
        profile.close()


def test_demo_pieces_make_a_populated_profile(tmp_path):
    env = {**os.environ, "SHUWU_CREDENTIALS": "file"}
    home = tmp_path / "demo"
    cmd = [sys.executable, "-m", "app", "demo", "--no-gui", "--home", str(home), "--json"]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["sync"]["pulled"] > 1000
    status = subprocess.run(
        [sys.executable, "-m", "app", "status", "--home", str(home), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    counts = json.loads(status.stdout)
    assert counts["bibs"] > 100 and counts["items"] > 100 and counts["readers"] > 0
    assert counts["branch_name"].endswith("农家书屋") and counts["last_sync"]
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["sync"]["pulled"] < 100  # reused server DB and enrolment
    # Every demo reader the branch serves opens with the county's starting points, so the
    # demo desk can lend to them straight away.
    from app.services import credit

    profile = open_profile(home)
    try:
        with profile.sessions() as session:
            rules = credit.load_rules(session)
            readers = session.scalars(select(Reader).where(Reader.status == "active")).all()
            assert readers
            assert all(credit.balance(session, r.id) == rules.start_points for r in readers)
            branch = counts["branch_code"]
            item = session.scalar(
                select(Item.barcode).where(
                    Item.status == "available", Item.home_branch_code == branch
                )
            )
        with profile.sessions() as session, session.begin():
            result = circulation.checkout(session, profile.clock, readers[0].card, item)
        assert result is not None
    finally:
        profile.close()
