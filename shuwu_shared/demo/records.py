"""The demo county's plain records. Field names match the database columns they seed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from shuwu_shared.domain.credit import CREDIT_DEFAULTS

# Demo "today": loan history ends here and overdue is measured from it.
REFERENCE_DATE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class DemoScale:
    """How big a county to generate. ``villages`` counts village bookrooms (农家书屋)."""

    titles: int
    items: int
    readers: int
    loans: int
    villages: int


# What ``shuwu`` demos and training use: small enough to build in a second or two.
DEMO_SCALE = DemoScale(titles=3000, items=9000, readers=1500, loans=6000, villages=48)
# The real network (2020 report: 12 乡镇分馆, 319 村, 40万余册) for the benchmark.
COUNTY_SCALE = DemoScale(titles=300_000, items=500_000, readers=30_000, loans=200_000, villages=319)


@dataclass(frozen=True, slots=True)
class DemoBranch:
    uuid: str
    code: str
    name: str
    kind: str  # county | township | village
    parent_code: str | None
    barcode_range_start: str  # item barcodes this branch may use, inclusive, same length
    barcode_range_end: str


@dataclass(frozen=True, slots=True)
class DemoBib:
    uuid: str
    isbn: str  # ISBN-13, 978-7 prefix, valid check digit
    title: str
    author: str
    publisher: str
    pub_place: str
    pub_year: str
    price: str  # yuan, "28.00"
    pages: str  # as in CNMARC 215$a: "256页"
    clc_class: str


@dataclass(frozen=True, slots=True)
class DemoItem:
    uuid: str
    bib_uuid: str
    barcode: str
    call_number: str
    shelf_location: str
    status: str  # available | on_loan | missing | damaged
    home_branch: str
    current_branch: str
    price: str
    acquired_on: date


@dataclass(frozen=True, slots=True)
class DemoReader:
    uuid: str
    card: str
    name: str
    gender: str  # F | M | U (not recorded)
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
    branch: str  # where it was lent (通借通还: not always the item's home)
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
    """信用积分 rules; see docs/domain.md for where each number comes from."""

    uuid: str
    start_points: int = CREDIT_DEFAULTS.start_points
    deduct_per_item_day: int = CREDIT_DEFAULTS.deduct_per_item_day
    cap_per_item: int = CREDIT_DEFAULTS.cap_per_item
    floor: int = CREDIT_DEFAULTS.floor
    borrow_threshold: int = CREDIT_DEFAULTS.borrow_threshold
    freeze_days: int = CREDIT_DEFAULTS.freeze_days
    reset_points: int = CREDIT_DEFAULTS.reset_points
    grace_days: int = 3  # the demo county is lenient (the default is 0)
    # (start, end, note) ISO dates, inclusive: overdue returns in the window cost nothing.
    amnesty: tuple[tuple[str, str, str], ...] = ()


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
