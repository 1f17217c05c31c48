"""The demo-county generator. Deterministic: every random choice comes from one seeded RNG."""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from app.demo import names
from app.services.catalog_rules import isbn13_check_digit

REFERENCE_DATE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class DemoBranch:
    uuid: str
    code: str
    name: str
    kind: str
    parent_code: str | None
    barcode_range_start: str
    barcode_range_end: str


@dataclass(frozen=True, slots=True)
class DemoBib:
    uuid: str
    isbn: str
    title: str
    author: str
    publisher: str
    pub_place: str
    pub_year: str
    price: str
    pages: str
    clc_class: str


@dataclass(frozen=True, slots=True)
class DemoItem:
    uuid: str
    bib_uuid: str
    barcode: str
    call_number: str
    shelf_location: str
    status: str
    home_branch: str
    current_branch: str
    price: str
    acquired_on: date


@dataclass(frozen=True, slots=True)
class DemoReader:
    uuid: str
    card: str
    name: str
    gender: str
    birth_year: int | None
    phone: str | None
    reader_type: str
    home_branch: str
    registered_at: datetime


@dataclass(frozen=True, slots=True)
class DemoLoan:
    uuid: str
    item_uuid: str
    reader_uuid: str
    branch: str
    checkout_at: datetime
    due_at: datetime
    returned_at: datetime | None
    renewals: int


@dataclass(frozen=True, slots=True)
class DemoPolicy:
    uuid: str
    reader_type: str
    label: str
    loan_days: int
    max_items: int
    max_renewals: int
    renew_days: int


@dataclass(frozen=True, slots=True)
class DemoCreditRules:
    uuid: str
    start_points: int = 100
    deduct_per_item_day: int = 1
    cap_per_item: int = 30
    floor: int = 0
    borrow_threshold: int = 60
    freeze_days: int = 30
    reset_points: int = 80
    grace_days: int = 3
    amnesty: tuple[tuple[str, str, str], ...] = (
        ("2026-04-20", "2026-04-30", "世界读书日免扣积分"),
    )


@dataclass(frozen=True)
class DemoCounty:
    branches: list[DemoBranch]
    bibs: list[DemoBib]
    items: list[DemoItem]
    readers: list[DemoReader]
    loans: list[DemoLoan]
    policies: list[DemoPolicy]
    credit_rules: DemoCreditRules
    reference_date: datetime = field(default=REFERENCE_DATE)

    def branch(self, code: str) -> DemoBranch:
        return next(b for b in self.branches if b.code == code)

    def villages(self) -> list[DemoBranch]:
        return [b for b in self.branches if b.kind == "village"]


POLICIES = (
    ("adult", "成人读者", 30, 5, 1, 30),
    ("child", "少儿读者", 21, 3, 1, 21),
    ("elderly", "老年读者", 45, 5, 2, 30),
    ("group", "集体借阅", 60, 30, 1, 60),
)

# (class weight, class number pool, title builder) — agriculture and literature dominate.
Builder = Callable[[random.Random], tuple[str, str]]


def _combo(parts: tuple[str, ...], topics: tuple[str, ...]) -> Builder:
    def build(rng: random.Random) -> tuple[str, str]:
        return rng.choice(parts) + rng.choice(topics), ""

    return build


CLASS_PLAN: tuple[tuple[int, tuple[str, ...], Builder], ...] = (
    (18, ("S5", "S66", "S56", "S436", "S567"), _combo(names.CROPS, names.CROP_TOPICS)),
    (10, ("S8", "S85", "S858", "S89"), _combo(names.ANIMALS, names.ANIMAL_TOPICS)),
    (16, ("I247.5", "I247.7", "I267", "I227"), _combo(names.STORY_PLACES, names.STORY_NOUNS)),
    (10, ("I287.5", "I287.7", "G613.2"), _combo(names.KIDS, names.KIDS_TOPICS)),
    (8, ("R161", "R544.1", "R587.1", "R212"), _combo(names.HEALTH, names.HEALTH_TOPICS)),
    (6, ("D922.3", "D923.9", "D920.5"), _combo(names.LAW, names.LAW_TOPICS)),
    (6, ("F323", "F724.6", "F321.42"), _combo(names.ECON, names.ECON_TOPICS)),
    (6, ("K20", "K292.5", "K265"), _combo(names.HISTORY, names.HISTORY_TOPICS)),
    (5, ("J292", "J528.1", "J642"), _combo(names.ARTS, names.ARTS_TOPICS)),
    (5, ("G78", "G624.2", "G634.6"), _combo(names.EDU, names.EDU_TOPICS)),
    (3, ("TU241.4", "TU99"), _combo(names.BUILD, names.BUILD_TOPICS)),
    (3, ("TM92", "TM925", "S22"), _combo(names.ELEC, names.ELEC_TOPICS)),
    (4, ("TS972.1", "TS972.13", "TS214"), _combo(names.FOOD, names.FOOD_TOPICS)),
)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _isbn(rng: random.Random, publisher_prefix: str, serial: int) -> str:
    title_digits = 12 - 3 - 1 - len(publisher_prefix)
    body = f"9787{publisher_prefix}{serial % 10**title_digits:0{title_digits}d}"
    return body + isbn13_check_digit(body)


def _person_name(rng: random.Random) -> str:
    given = rng.choice(names.GIVEN) + (rng.choice(names.GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(names.SURNAMES) + given


def make_branches(rng: random.Random, villages_per_township: int) -> list[DemoBranch]:
    county_code, county_name = names.COUNTY
    capacity = len(names.VILLAGE_FIRST) * len(names.VILLAGE_SECOND) // 2
    branches = [
        DemoBranch(_uuid(rng), county_code, county_name, "county", None, "10000000", "10999999")
    ]
    village_no = 0
    for t_index, (code, name) in enumerate(names.TOWNSHIPS):
        used_names: set[str] = set()  # village names repeat across townships, not within one
        start = 11000000 + t_index * 100000
        branches.append(
            DemoBranch(
                _uuid(rng), code, f"{name}综合文化站分馆", "township", county_code,
                f"{start:08d}", f"{start + 99999:08d}",
            )
        )  # fmt: skip
        for v in range(villages_per_township):
            while True:
                if len(used_names) >= capacity:
                    village = rng.choice(names.VILLAGE_FIRST) + str(len(used_names))
                elif village_no < len(names.VILLAGE_NAMED) and rng.random() < 0.5:
                    village = names.VILLAGE_NAMED[village_no]
                else:
                    village = rng.choice(names.VILLAGE_FIRST) + rng.choice(names.VILLAGE_SECOND)
                if village not in used_names:
                    used_names.add(village)
                    break
            start = 20000000 + village_no * 10000
            branches.append(
                DemoBranch(
                    _uuid(rng), f"{code}{v + 1:02d}", f"{name}{village}村农家书屋", "village", code,
                    f"{start:08d}", f"{start + 9999:08d}",
                )
            )  # fmt: skip
            village_no += 1
    return branches


def make_bibs(rng: random.Random, count: int) -> list[DemoBib]:
    bibs: list[DemoBib] = []
    weights = [w for w, _c, _b in CLASS_PLAN]
    seen_titles: dict[str, int] = {}
    for serial in range(count):
        prefix, publisher, place = rng.choice(names.PUBLISHERS)
        if serial < len(names.CLASSICS):
            title, author, clc = names.CLASSICS[serial]
        else:
            _w, classes, build = rng.choices(CLASS_PLAN, weights)[0]
            title, author = build(rng)
            author = author or _person_name(rng) + rng.choice(("著", "编著", "主编", "编"))
            clc = rng.choice(classes)
            # Repeated titles get a volume/edition suffix, as real catalogues do.
            n = seen_titles.get(title, 0)
            seen_titles[title] = n + 1
            if n:
                title = f"{title}（第{n + 1}版）" if rng.random() < 0.5 else f"{title}·{n + 1}"
        year = str(rng.randint(2005, 2026))
        bibs.append(
            DemoBib(
                _uuid(rng), _isbn(rng, prefix, serial * 7 + rng.randint(0, 6)), title, author,
                publisher, place, year, f"{rng.randint(12, 68)}.{rng.choice(('00', '50', '80'))}",
                f"{rng.randint(96, 480)}页", clc,
            )
        )  # fmt: skip
    return bibs


def make_items(
    rng: random.Random, bibs: list[DemoBib], branches: list[DemoBranch], count: int
) -> list[DemoItem]:
    # Holdings: the county library holds most, townships some, villages a few hundred each.
    weights = [{"county": 30.0, "township": 6.0, "village": 1.0}[b.kind] for b in branches]
    cumulative = list(itertools.accumulate(weights))
    next_barcode = {b.code: int(b.barcode_range_start) for b in branches}
    seq_by_class: dict[str, int] = {}
    call_by_bib: dict[str, str] = {}
    items: list[DemoItem] = []
    for n in range(count):
        bib = bibs[n] if n < len(bibs) else rng.choice(bibs)
        branch = rng.choices(branches, cum_weights=cumulative)[0]
        call = call_by_bib.get(bib.uuid)
        if call is None:
            seq_by_class[bib.clc_class] = seq_by_class.get(bib.clc_class, 0) + 1
            call = f"{bib.clc_class}/{seq_by_class[bib.clc_class]}"
            call_by_bib[bib.uuid] = call
        barcode = f"{next_barcode[branch.code]:08d}"
        next_barcode[branch.code] += 1
        status = "available"
        roll = rng.random()
        if roll < 0.01:
            status = "missing"
        elif roll < 0.015:
            status = "damaged"
        shelf = (
            f"{bib.clc_class[0]}区" if branch.kind != "village" else "书架" + str(rng.randint(1, 4))
        )
        acquired = date(2015, 1, 1) + timedelta(days=rng.randint(0, 4290))
        items.append(
            DemoItem(
                _uuid(rng), bib.uuid, barcode, call, shelf, status, branch.code, branch.code,
                bib.price, acquired,
            )
        )  # fmt: skip
    return items


def make_readers(rng: random.Random, branches: list[DemoBranch], count: int) -> list[DemoReader]:
    readers: list[DemoReader] = []
    serving = [b for b in branches if b.kind != "county"] + [branches[0]] * 5
    for n in range(count):
        branch = rng.choice(serving)
        roll = rng.random()
        gender = "F" if roll < 0.52 else ("M" if roll < 0.96 else "U")
        birth_year = None if rng.random() < 0.06 else rng.randint(1940, 2019)
        age = 2026 - birth_year if birth_year else 30
        reader_type = "child" if age < 14 else ("elderly" if age >= 65 else "adult")
        phone = (
            None if rng.random() < 0.2 else f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}"
        )
        registered = REFERENCE_DATE - timedelta(
            days=rng.randint(1, 2200), minutes=rng.randint(0, 600)
        )
        readers.append(
            DemoReader(
                _uuid(rng), f"R{n + 1:07d}", _person_name(rng), gender, birth_year, phone,
                reader_type, branch.code, registered,
            )
        )  # fmt: skip
    return readers


def make_loans(
    rng: random.Random,
    items: list[DemoItem],
    readers: list[DemoReader],
    policies: dict[str, DemoPolicy],
    count: int,
) -> list[DemoLoan]:
    """Loan history over the last year; the newest few percent still open (some overdue)."""
    by_branch: dict[str, list[DemoItem]] = {}
    for item in items:
        if item.status == "available":
            by_branch.setdefault(item.home_branch, []).append(item)
    readers_by_branch: dict[str, list[DemoReader]] = {}
    for reader in readers:
        readers_by_branch.setdefault(reader.home_branch, []).append(reader)
    branch_codes = [code for code in by_branch if readers_by_branch.get(code)]
    open_items: set[str] = set()
    loans: list[DemoLoan] = []
    for _ in range(count):
        branch = rng.choice(branch_codes)
        item = rng.choice(by_branch[branch])
        reader = rng.choice(readers_by_branch[branch])
        policy = policies[reader.reader_type]
        days_ago = rng.uniform(0, 365)
        checkout = REFERENCE_DATE - timedelta(days=days_ago)
        due = checkout + timedelta(days=policy.loan_days)
        keep_open = days_ago < 75 and rng.random() < 0.35 and item.uuid not in open_items
        if keep_open:
            open_items.add(item.uuid)
            returned = None
        else:
            returned = checkout + timedelta(days=rng.uniform(1, policy.loan_days + 12))
            returned = min(returned, REFERENCE_DATE - timedelta(hours=1))
            if returned <= checkout:
                returned = checkout + timedelta(hours=1)
        loans.append(
            DemoLoan(_uuid(rng), item.uuid, reader.uuid, branch, checkout, due, returned, 0)
        )
    return loans


def generate(
    seed: int = 2020,
    *,
    titles: int = 3000,
    items: int = 9000,
    readers: int = 1500,
    loans: int = 6000,
    villages_per_township: int = 4,
) -> DemoCounty:
    """The demo county. Defaults suit ``shuwu demo``; the benchmark asks for county scale."""
    rng = random.Random(seed)
    branches = make_branches(rng, villages_per_township)
    policies = [DemoPolicy(_uuid(rng), *row) for row in POLICIES]
    bibs = make_bibs(rng, titles)
    item_rows = make_items(rng, bibs, branches, items)
    reader_rows = make_readers(rng, branches, readers)
    loan_rows = make_loans(rng, item_rows, reader_rows, {p.reader_type: p for p in policies}, loans)
    # Items on open loans are on loan; everything else keeps its shelf status.
    on_loan = {loan.item_uuid for loan in loan_rows if loan.returned_at is None}
    item_rows = [replace(i, status="on_loan") if i.uuid in on_loan else i for i in item_rows]
    return DemoCounty(
        branches=branches,
        bibs=bibs,
        items=item_rows,
        readers=reader_rows,
        loans=loan_rows,
        policies=policies,
        credit_rules=DemoCreditRules(_uuid(rng)),
    )
