"""The report's figures as frozen dataclasses (what the CLI, the GUI and the exporters share).

Counting rules (documented in the README too):
- A loan counts in the period of its **checkout** (local date, UTC+8). A loan checked out on
  2020-12-28 and returned on 2021-01-05 is a 2020 loan and a 2021 return; ``returns_of_earlier``
  counts such returns, and ``open_at_end`` the loans still out when the period ends.
- Ages are taken in the period's last year (``end.year - birth_year``). A reader without a birth
  year falls back to the age band recorded at registration when it is one of the report's bands,
  otherwise counts as "unknown". Gender other than F/M counts as "unknown".
- Visits per day are the librarian's head count when one was entered, otherwise the number of
  distinct readers served at the desk that day ("derived"); both parts are shown separately.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

UNKNOWN = "?"


@dataclass(frozen=True)
class AgeBand:
    label: str
    low: int
    high: int | None  # inclusive; None = no upper limit


DEFAULT_AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("0-6", 0, 6),
    AgeBand("7-14", 7, 14),
    AgeBand("15-17", 15, 17),
    AgeBand("18-59", 18, 59),
    AgeBand("60+", 60, None),
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def months(self) -> tuple[str, ...]:
        out = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(out)


@dataclass(frozen=True)
class MonthCirculation:
    month: str
    loans: int
    returns: int
    borrowers: int  # distinct readers who borrowed that month


@dataclass(frozen=True)
class Circulation:
    months: tuple[MonthCirculation, ...]
    loans: int
    returns: int
    borrowers: int
    returns_of_earlier: int  # returns in the period of loans checked out before it
    open_at_end: int  # loans checked out by the end and not yet returned then


@dataclass(frozen=True)
class DemographicRow:
    band: str  # a band label, or UNKNOWN
    female: int
    male: int
    unknown: int

    @property
    def total(self) -> int:
        return self.female + self.male + self.unknown


@dataclass(frozen=True)
class Demographics:
    rows: tuple[DemographicRow, ...]

    @property
    def totals(self) -> DemographicRow:
        return DemographicRow(
            "total",
            sum(r.female for r in self.rows),
            sum(r.male for r in self.rows),
            sum(r.unknown for r in self.rows),
        )


@dataclass(frozen=True)
class Readers:
    registered: Demographics  # registered by the end of the period
    new: Demographics  # registered during the period
    active: Demographics  # borrowed at least once during the period


@dataclass(frozen=True)
class MonthVisits:
    month: str
    manual: int
    derived: int
    manual_days: int
    derived_days: int

    @property
    def total(self) -> int:
        return self.manual + self.derived


@dataclass(frozen=True)
class Visits:
    months: tuple[MonthVisits, ...]

    @property
    def manual(self) -> int:
        return sum(m.manual for m in self.months)

    @property
    def derived(self) -> int:
        return sum(m.derived for m in self.months)

    @property
    def total(self) -> int:
        return self.manual + self.derived


@dataclass(frozen=True)
class TopBook:
    rank: int
    title: str
    author: str
    clc_class: str
    loans: int


@dataclass(frozen=True)
class TopReader:
    rank: int
    card: str
    name_masked: str
    loans: int


@dataclass(frozen=True)
class ClassCount:
    clc: str  # top class letter, or UNKNOWN
    titles: int
    items: int


@dataclass(frozen=True)
class ClassTable:
    rows: tuple[ClassCount, ...]

    @property
    def items(self) -> int:
        return sum(r.items for r in self.rows)

    @property
    def titles(self) -> int:
        return sum(r.titles for r in self.rows)


@dataclass(frozen=True)
class Overdue:
    as_of: date
    overdue_loans: int
    overdue_readers: int
    buckets: tuple[tuple[str, int], ...]  # ("1-7", n), ("8-30", n), ("31-90", n), ("91+", n)
    late_returns: int  # returned during the period after their due date


@dataclass(frozen=True)
class CreditReason:
    reason: str
    entries: int
    points: int


@dataclass(frozen=True)
class Credit:
    rows: tuple[CreditReason, ...]
    readers: int  # distinct readers with an entry in the period

    @property
    def added(self) -> int:
        return sum(r.points for r in self.rows if r.points > 0)

    @property
    def deducted(self) -> int:
        return -sum(r.points for r in self.rows if r.points < 0)


@dataclass(frozen=True)
class ActivityKind:
    kind: str
    count: int
    attendance: int


@dataclass(frozen=True)
class ActivityLine:
    on_date: date
    branch_code: str
    kind: str
    title: str
    attendance: int


@dataclass(frozen=True)
class Activities:
    kinds: tuple[ActivityKind, ...]
    lines: tuple[ActivityLine, ...]

    @property
    def count(self) -> int:
        return sum(k.count for k in self.kinds)

    @property
    def attendance(self) -> int:
        return sum(k.attendance for k in self.kinds)


@dataclass(frozen=True)
class BranchRow:
    """One branch's headline figures in the county report."""

    branch_code: str
    branch_name: str
    registered_readers: int
    new_readers: int
    active_readers: int
    loans: int
    returns: int
    visits: int
    new_items: int
    holdings: int
    activities: int
    attendance: int


@dataclass(frozen=True)
class IndicatorSettings:
    """Evaluation targets (评估指标); the county sets them, e.g. 人均年增新书 0.05 册."""

    population: int | None = None  # 服务人口 (常住人口)
    new_books_per_capita_target: float | None = None


@dataclass(frozen=True)
class Indicators:
    population: int | None
    new_books_per_capita: float | None
    new_books_per_capita_target: float | None
    target_met: bool | None
    loans_per_reader: float | None
    visits_per_reader: float | None


@dataclass(frozen=True)
class Report:
    branch_code: str | None  # None = every branch in the database
    branch_name: str
    period: Period
    age_bands: tuple[AgeBand, ...]
    circulation: Circulation
    readers: Readers
    visits: Visits
    top_books: tuple[TopBook, ...]
    top_readers: tuple[TopReader, ...]
    holdings: ClassTable
    new_items: ClassTable
    overdue: Overdue
    credit: Credit
    activities: Activities
    indicators: Indicators
    branches: tuple[BranchRow, ...] = ()  # filled for county reports

    def summary(self) -> dict[str, Any]:
        """Headline numbers (the CLI's --json)."""
        return {
            "branch": self.branch_code,
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "loans": self.circulation.loans,
            "returns": self.circulation.returns,
            "borrowers": self.circulation.borrowers,
            "registered_readers": self.readers.registered.totals.total,
            "new_readers": self.readers.new.totals.total,
            "active_readers": self.readers.active.totals.total,
            "visits": self.visits.total,
            "visits_manual": self.visits.manual,
            "visits_derived": self.visits.derived,
            "holdings": self.holdings.items,
            "new_items": self.new_items.items,
            "overdue_loans": self.overdue.overdue_loans,
            "activities": self.activities.count,
            "activity_attendance": self.activities.attendance,
            "indicators": asdict(self.indicators),
            "branches": len(self.branches),
        }
