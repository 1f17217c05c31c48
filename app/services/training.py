"""Training mode: a sandbox profile with practice data, a movable date, exercises and reset.

A training profile is an ordinary profile whose ``app_setting training_mode`` is 1. It is made
only by ``create_training_profile`` (never by flipping a switch on a real branch's data), the
main window shows the orange 培训模式 banner on every screen, and it can only talk to a county
server that says it is a training server (``check_server_mode``) — by design, not by luck.

The demo state is kept as ``training/demo-state.db`` inside the profile; ``reset`` copies it
back over the live database in one step (SQLite backup API), so a class starts again in a
second. Exercises are checked from the real database and outbox, counting only what was done
after the demo state (``training_baseline``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.device import state
from app.device.enrol import check_server_mode as check_server_mode  # the guard lives there
from app.device.settings import is_training as is_training  # sync's examples use it too
from app.models import (
    BibRecord,
    Branch,
    CirculationPolicy,
    CreditEntry,
    CreditRules,
    Item,
    LabelQueue,
    Loan,
    OutboxOp,
    Reader,
    SyncState,
)
from app.models.db import DB_FILENAME, check_database_file
from app.profile import Profile, open_profile
from app.services import settings
from app.services.backup import TAKEN_AT_KEY, backup_to
from shuwu_shared.branch import branch_fields
from shuwu_shared.clock import Clock, clock_from_env
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

TRAINING_DIRNAME = "training"
SNAPSHOT_NAME = "demo-state.db"
BASELINE_KEY = "training_baseline"


def snapshot_path(home: Path) -> Path:
    return Path(home) / TRAINING_DIRNAME / SNAPSHOT_NAME


# --- the server guard -------------------------------------------------------------------------


# --- demo data --------------------------------------------------------------------------------


def _isbn13(stem: str) -> str:
    digits = [int(c) for c in stem]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return stem + str(check)


DEMO_SEED = 2020  # the same demo county as ``shuwu demo`` and a classroom server seeded from it


def _seed_demo(session: Session, clock: Clock) -> None:
    """The first village bookroom of the demo county (shuwu_shared.demo), as if freshly synced.

    Rows are written directly (they stand for data the county already has: no outbox ops).
    Dates are the demo county's own, exactly as a classroom server seeded with
    ``shuwu-server init --training --demo`` has them, so a classroom sync changes nothing.
    """
    from app.services import catalog_search, credit
    from app.services.catalog import search_keys_for
    from app.services.readers import name_search_keys
    from shuwu_shared.bib import BibData
    from shuwu_shared.demo import generate

    county = generate(DEMO_SEED)
    village = county.villages()[0]
    now = clock.now()
    settings.put(session, settings.BRANCH_CODE, village.code)
    settings.put(session, settings.BRANCH_NAME, village.name)
    for branch in county.branches:
        session.add(Branch(uuid=branch.uuid, server_version=1, **branch_fields(branch)))
    for policy in county.policies:
        session.add(
            CirculationPolicy(
                uuid=policy.uuid,
                server_version=1,
                reader_type=policy.reader_type,
                label=policy.label,
                loan_days=policy.loan_days,
                max_items=policy.max_items,
                max_renewals=policy.max_renewals,
                renew_days=policy.renew_days,
            )
        )
    rules = county.credit_rules
    session.add(
        CreditRules(
            uuid=rules.uuid,
            server_version=1,
            start_points=rules.start_points,
            deduct_per_item_day=rules.deduct_per_item_day,
            cap_per_item=rules.cap_per_item,
            floor=rules.floor,
            borrow_threshold=rules.borrow_threshold,
            freeze_days=rules.freeze_days,
            reset_points=rules.reset_points,
            grace_days=rules.grace_days,
            amnesty=[{"start": a, "end": b, "note": n} for a, b, n in rules.amnesty],
        )
    )
    items = [i for i in county.items if i.home_branch == village.code]
    wanted_bibs = {i.bib_uuid for i in items}
    bib_ids: dict[str, BibRecord] = {}
    for demo_bib in county.bibs:
        if demo_bib.uuid not in wanted_bibs:
            continue
        data = BibData(
            title=demo_bib.title,
            isbn=demo_bib.isbn,
            author=demo_bib.author,
            publisher=demo_bib.publisher,
            pub_place=demo_bib.pub_place,
            pub_year=demo_bib.pub_year,
            pages=demo_bib.pages,
            price=demo_bib.price,
            clc_class=demo_bib.clc_class,
        )
        bib = BibRecord(
            uuid=demo_bib.uuid,
            server_version=1,
            search_keys=search_keys_for(data),
            source="union",
            created_at=now,
            updated_at=now,
            **{k: v for k, v in data.__dict__.items() if v is not None},
        )
        session.add(bib)
        bib_ids[demo_bib.uuid] = bib
    session.flush()
    for bib in bib_ids.values():
        catalog_search.index_bib(session, bib)
    item_rows: dict[str, Item] = {}
    for demo_item in items:
        item = Item(
            uuid=demo_item.uuid,
            server_version=1,
            barcode=demo_item.barcode,
            bib_id=bib_ids[demo_item.bib_uuid].id,
            call_number=demo_item.call_number,
            shelf_location=demo_item.shelf_location,
            status=demo_item.status,
            home_branch_code=demo_item.home_branch,
            current_branch_code=demo_item.current_branch,
            price=demo_item.price,
            acquired_on=demo_item.acquired_on,
            created_at=now,
            updated_at=now,
        )
        session.add(item)
        item_rows[demo_item.uuid] = item
    reader_rows: dict[str, Reader] = {}
    for demo_reader in county.readers:
        if demo_reader.home_branch != village.code:
            continue
        reader = Reader(
            uuid=demo_reader.uuid,
            server_version=1,
            card=demo_reader.card,
            name=demo_reader.name,
            name_search_keys=name_search_keys(demo_reader.name),
            gender=demo_reader.gender,
            birth_year=demo_reader.birth_year,
            phone=demo_reader.phone,
            reader_type=demo_reader.reader_type,
            home_branch_code=demo_reader.home_branch,
            registered_at=demo_reader.registered_at,
            updated_at=now,
        )
        session.add(reader)
        reader_rows[demo_reader.uuid] = reader
    session.flush()
    for reader in reader_rows.values():
        session.add(
            CreditEntry(
                reader_id=reader.id,
                delta=rules.start_points,
                reason=credit.INITIAL,
                created_at=reader.registered_at,
            )
        )
    for demo_loan in county.loans:
        loan_item = item_rows.get(demo_loan.item_uuid)
        loan_reader = reader_rows.get(demo_loan.reader_uuid)
        if loan_item is None or loan_reader is None:
            continue  # a loan of another branch's copy or reader: not this bookroom's data
        session.add(
            Loan(
                uuid=demo_loan.uuid,
                server_version=1,
                item_id=loan_item.id,
                reader_id=loan_reader.id,
                branch_code=demo_loan.branch,
                checkout_at=demo_loan.checkout_at,
                due_at=demo_loan.due_at,
                returned_at=demo_loan.returned_at,
                renewals=demo_loan.renewals,
            )
        )
        if demo_loan.returned_at is None:
            loan_item.status = "on_loan"
    session.flush()


def _baseline(session: Session) -> dict[str, int]:
    def top(column: Any) -> int:
        return int(session.scalar(select(func.max(column))) or 0)

    return {
        "item": top(Item.id),
        "reader": top(Reader.id),
        "loan": top(Loan.id),
        "seq": top(OutboxOp.device_seq),
        "label": top(LabelQueue.id),
    }


@dataclass(frozen=True)
class TrainingProfileInfo:
    home: Path
    created: bool

    def to_json(self) -> dict[str, Any]:
        return {"home": str(self.home), "created": self.created}


def default_training_home(production_home: Path) -> Path:
    return production_home.with_name(production_home.name + "-training")


def create_training_profile(home: Path) -> TrainingProfileInfo:
    """Make (or reopen) a training profile at ``home``; never touches a real branch's data."""
    home = Path(home)
    db_path = home / DB_FILENAME
    if db_path.exists() and db_path.stat().st_size:
        check_database_file(db_path)
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM app_setting WHERE key = ?", (settings.TRAINING_MODE,)
            ).fetchone()
        except sqlite3.DatabaseError:
            row = None
        finally:
            conn.close()
        if not row or row[0] != "1":
            raise UserInputError(
                _(
                    "{path} holds a real branch's data, not a training profile. Training never "
                    "uses it; choose an empty folder with --home."
                ).format(path=home),
                code="not_training",
            )
        return TrainingProfileInfo(home=home, created=False)
    profile = open_profile(home)
    try:
        with profile.sessions() as session, session.begin():
            settings.put(session, settings.TRAINING_MODE, True)
            settings.put(session, settings.SIMULATED_DAYS, 0)
            _seed_demo(session, profile.clock)
            settings.put(session, BASELINE_KEY, json.dumps(_baseline(session)))
        # The snapshot folder is the profile's own (backup_to never creates a user's folder).
        snapshot_path(home).parent.mkdir(mode=0o700, exist_ok=True)
        backup_to(profile.db_path, snapshot_path(home), profile.clock)
    finally:
        profile.close()
    return TrainingProfileInfo(home=home, created=True)


def _require_training(session: Session) -> None:
    if not is_training(session):
        raise UserInputError(
            _("This is not a training profile. Reset and date changes only work in training."),
            code="not_training",
        )


def reset(profile: Profile) -> None:
    """Put the demo state back (every trainee change is discarded; the date returns to today)."""
    with profile.sessions() as session:
        _require_training(session)
    snapshot = snapshot_path(profile.home)
    if not snapshot.is_file():
        raise UserInputError(
            _("The training demo data is missing. Delete this training folder and start again.")
        )
    # The enrolment with the classroom server survives a reset (no new code per class);
    # the outbox numbers restart, so the next sync asks the server for a new epoch.
    with profile.sessions() as session:
        kept = {row.key: row.value for row in session.scalars(select(SyncState))}
    profile.engine.dispose()
    src = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        dst = sqlite3.connect(profile.db_path, timeout=30)
        try:
            src.backup(dst)
            dst.execute("DELETE FROM app_setting WHERE key = ?", (TAKEN_AT_KEY,))
            if kept.get(state.DEVICE_ID):
                kept[state.EPOCH_RENEW] = "1"
                kept.pop(state.LAST_SYNC, None)
                dst.executemany(
                    "INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)", kept.items()
                )
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    profile.engine.dispose()
    profile.clock = clock_from_env()


def simulated_days(session: Session) -> float:
    return settings.get_float(session, settings.SIMULATED_DAYS, 0.0)


def advance_days(profile: Profile, days: float) -> float:
    """Move the training date forward (or back to today with a negative total); returns total."""
    with profile.sessions() as session, session.begin():
        _require_training(session)
        total = max(0.0, simulated_days(session) + days)
        settings.put(session, settings.SIMULATED_DAYS, total)
    profile.clock = clock_from_env().shifted(timedelta(days=total))
    return total


# --- exercises --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exercise:
    key: str
    title: str
    how: str
    done: bool


def _load_baseline(session: Session) -> dict[str, int]:
    raw = settings.get(session, BASELINE_KEY)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return {k: int(data.get(k, 0)) for k in ("item", "reader", "loan", "seq", "label")}


def _catalogued(session: Session, base: dict[str, int]) -> bool:
    stmt = (
        select(Item.id)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(Item.id > base["item"], BibRecord.isbn.is_not(None))
    )
    return session.scalar(stmt.limit(1)) is not None


def _label_printed(session: Session, base: dict[str, int]) -> bool:
    new_items = select(Item.uuid).where(Item.id > base["item"])
    stmt = select(LabelQueue.id).where(
        LabelQueue.item_uuid.in_(new_items), LabelQueue.printed_at.is_not(None)
    )
    return session.scalar(stmt.limit(1)) is not None


def _registered(session: Session, base: dict[str, int]) -> bool:
    return session.scalar(select(Reader.id).where(Reader.id > base["reader"]).limit(1)) is not None


def _lent(session: Session, base: dict[str, int]) -> bool:
    return session.scalar(select(Loan.id).where(Loan.id > base["loan"]).limit(1)) is not None


def _returned_late(session: Session, base: dict[str, int]) -> bool:
    uuids = [
        op.payload.get("loan_uuid")
        for op in session.scalars(
            select(OutboxOp).where(OutboxOp.kind == "return", OutboxOp.device_seq > base["seq"])
        )
    ]
    uuids = [u for u in uuids if u]
    if not uuids:
        return False
    stmt = select(Loan.id).where(
        Loan.uuid.in_(uuids), Loan.returned_at.is_not(None), Loan.returned_at > Loan.due_at
    )
    return session.scalar(stmt.limit(1)) is not None


def _synced(session: Session, base: dict[str, int]) -> bool:
    stmt = select(OutboxOp.device_seq).where(
        OutboxOp.device_seq > base["seq"], OutboxOp.state == "acked"
    )
    return session.scalar(stmt.limit(1)) is not None


_CHECKS: tuple[tuple[str, Callable[[], str], Callable[[], str], Any], ...] = (
    (
        "catalogue",
        lambda: _("Catalogue a book by its ISBN"),
        lambda: _("Catalogue: scan the ISBN on the back cover, check the record, add a copy."),
        _catalogued,
    ),
    (
        "label",
        lambda: _("Print its spine label"),
        lambda: _("Labels: print the label of the copy you just added."),
        _label_printed,
    ),
    (
        "register",
        lambda: _("Register a reader"),
        lambda: _("Readers: register a new reader with a card."),
        _registered,
    ),
    (
        "lend",
        lambda: _("Lend a book"),
        lambda: _("Circulation: scan the reader's card, then the book's barcode."),
        _lent,
    ),
    (
        "return_late",
        lambda: _("Return a book late"),
        lambda: _("Move the date forward past a due date, then return that book."),
        _returned_late,
    ),
    (
        "sync",
        lambda: _("Sync with the classroom server"),
        lambda: _("Sync: send the operations to the trainer's classroom server."),
        _synced,
    ),
)


def exercises(session: Session) -> list[Exercise]:
    """Each exercise with whether the trainee has done it since the demo state."""
    base = _load_baseline(session)
    return [
        Exercise(key=key, title=title(), how=how(), done=bool(check(session, base)))
        for key, title, how, check in _CHECKS
    ]
