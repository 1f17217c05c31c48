"""Computing a report over a ``ReportSource``: every figure is one GROUP BY query.

The counting rules are in ``model.py``'s docstring.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    case,
    distinct,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)

from shuwu_shared.clock import Clock
from shuwu_shared.domain.masking import mask_name
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.progress import NoProgress, Progress, check_cancel
from shuwu_shared.reports.model import (
    DEFAULT_AGE_BANDS,
    UNKNOWN,
    Activities,
    ActivityKind,
    ActivityLine,
    AgeBand,
    BranchRow,
    Circulation,
    ClassCount,
    ClassTable,
    Credit,
    CreditReason,
    DemographicRow,
    Demographics,
    Indicators,
    IndicatorSettings,
    MonthCirculation,
    MonthVisits,
    Overdue,
    Period,
    Readers,
    Report,
    TopBook,
    TopReader,
    Visits,
)
from shuwu_shared.reports.source import LOCAL_TZ, ReportSource, local_start

# Items no longer in the collection do not count in holdings.
GONE_STATUSES = ("withdrawn", "lost")
OVERDUE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1-7", 1, 7),
    ("8-30", 8, 30),
    ("31-90", 31, 90),
    ("91+", 91, None),
)
MAX_PERIOD_DAYS = 366 * 10


def make_period(start: date | str | None, end: date | str | None) -> Period:
    """A validated period; strings are YYYY-MM-DD. Bad input raises UserInputError."""
    first, last = _parse_day(start, _("start date")), _parse_day(end, _("end date"))
    if first > last:
        raise UserInputError(
            _("The start date {start} is after the end date {end}.").format(
                start=first.isoformat(), end=last.isoformat()
            ),
            code="period",
        )
    if (last - first).days > MAX_PERIOD_DAYS:
        raise UserInputError(_("A report covers at most ten years."), code="period")
    return Period(first, last)


def year_period(year: int) -> Period:
    if not 1900 <= year <= 2200:
        raise UserInputError(_("{year} is not a valid year.").format(year=year), code="year")
    return Period(date(year, 1, 1), date(year, 12, 31))


def _parse_day(value: date | str | None, what: str) -> date:
    if isinstance(value, date):
        return value
    text = (value or "").strip()
    if not text:
        raise UserInputError(_("Enter the {what} (YYYY-MM-DD).").format(what=what), code="period")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserInputError(
            _("{value} is not a date; write it as YYYY-MM-DD.").format(value=text), code="period"
        ) from None


def parse_age_bands(text: str) -> tuple[AgeBand, ...]:
    """'0-6,7-14,15-17,18-59,60+' → bands. Bands must be ascending and must not overlap."""
    bands: list[AgeBand] = []
    for raw in (part.strip() for part in text.split(",")):
        if not raw:
            continue
        try:
            if raw.endswith("+"):
                band = AgeBand(raw, int(raw[:-1]), None)
            else:
                low, high = raw.split("-")
                band = AgeBand(raw, int(low), int(high))
        except ValueError:
            raise UserInputError(
                _("{band} is not an age band; write bands like 0-6,7-14,60+.").format(band=raw),
                code="age_bands",
            ) from None
        previous = bands[-1] if bands else None
        if (
            band.low < 0
            or (band.high is not None and band.high < band.low)
            or (previous is not None and (previous.high is None or band.low <= previous.high))
        ):
            raise UserInputError(
                _("The age bands must go upwards without overlapping: {band}.").format(band=raw),
                code="age_bands",
            )
        bands.append(band)
    if not bands:
        raise UserInputError(_("Give at least one age band."), code="age_bands")
    return tuple(bands)


class _Query:
    """The period's bounds and the branch filter, shared by every section."""

    def __init__(self, src: ReportSource, period: Period, branch: str | None, now: datetime):
        self.src = src
        self.period = period
        self.branch = branch
        self.start = local_start(period.start)
        self.end = local_start(period.end + timedelta(days=1))  # exclusive
        self.as_of = min(self.end, now)

    def branch_is(self, column: Any) -> ColumnElement[bool]:
        return column == self.branch if self.branch is not None else true()

    def in_period(self, column: Any) -> ColumnElement[bool]:
        return and_(column >= self.start, column < self.end)

    def rows(self, stmt: Any) -> Sequence[Any]:
        return self.src.session.execute(stmt).all()


def compute_report(
    src: ReportSource,
    period: Period,
    clock: Clock,
    *,
    branch: str | None = None,
    age_bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS,
    top_n: int = 10,
    indicator_settings: IndicatorSettings | None = None,
    per_branch: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Every section of the report for one branch (or every branch when ``branch`` is None)."""
    if top_n < 1 or top_n > 1000:
        raise UserInputError(_("The list length must be between 1 and 1000."), code="top_n")
    progress = progress or NoProgress()
    q = _Query(src, period, branch, clock.now())
    steps: list[str] = []

    def step(name: str) -> None:
        check_cancel(progress)
        steps.append(name)
        progress.report(len(steps), 12, name)

    step(_("Loans and returns"))
    circulation = _circulation(q)
    step(_("Readers"))
    readers = Readers(
        registered=_demographics(q, age_bands, "registered"),
        new=_demographics(q, age_bands, "new"),
        active=_demographics(q, age_bands, "active"),
    )
    step(_("Visits"))
    visits = _visits(q)
    step(_("Most borrowed books"))
    top_books = _top_books(q, top_n)
    step(_("Top readers"))
    top_readers = _top_readers(q, top_n)
    step(_("Holdings"))
    holdings = _class_table(q, new_only=False)
    step(_("New items"))
    new_items = _class_table(q, new_only=True)
    step(_("Overdue loans"))
    overdue = _overdue(q)
    step(_("Credit points"))
    credit = _credit(q)
    step(_("Activities"))
    activities = _activities(q)
    step(_("Branches"))
    branches = _branch_rows(q) if per_branch else ()
    indicators = compute_indicators(
        indicator_settings or IndicatorSettings(),
        new_items=new_items.items,
        loans=circulation.loans,
        visits=visits.total,
        registered_readers=readers.registered.totals.total,
    )
    step(_("Done"))
    return Report(
        branch_code=branch,
        branch_name=_branch_name(q, branch),
        period=period,
        age_bands=age_bands,
        circulation=circulation,
        readers=readers,
        visits=visits,
        top_books=top_books,
        top_readers=top_readers,
        holdings=holdings,
        new_items=new_items,
        overdue=overdue,
        credit=credit,
        activities=activities,
        indicators=indicators,
        branches=branches,
    )


def compute_indicators(
    settings: IndicatorSettings, *, new_items: int, loans: int, visits: int, registered_readers: int
) -> Indicators:
    population = settings.population if settings.population else None
    per_capita = round(new_items / population, 4) if population else None
    target = settings.new_books_per_capita_target
    return Indicators(
        population=population,
        new_books_per_capita=per_capita,
        new_books_per_capita_target=target,
        target_met=(per_capita >= target) if per_capita is not None and target else None,
        loans_per_reader=round(loans / registered_readers, 2) if registered_readers else None,
        visits_per_reader=round(visits / registered_readers, 2) if registered_readers else None,
    )


def _branch_name(q: _Query, branch: str | None) -> str:
    if branch is None:
        return _("All branches")
    b = q.src.branch
    name = q.src.session.execute(select(b.c.name).where(b.c.code == branch)).scalar()
    return str(name) if name else branch


# --- circulation ---------------------------------------------------------------------------


def _circulation(q: _Query) -> Circulation:
    loan = q.src.loan
    month = q.src.local_month(loan.c.checkout_at)
    out_rows = q.rows(
        select(month, func.count(), func.count(distinct(loan.c.reader_id)))
        .where(q.branch_is(loan.c.branch_code), q.in_period(loan.c.checkout_at))
        .group_by(month)
    )
    back_month = q.src.local_month(loan.c.returned_at)
    back_rows = q.rows(
        select(back_month, func.count())
        .where(q.branch_is(loan.c.return_branch_code), q.in_period(loan.c.returned_at))
        .group_by(back_month)
    )
    loans = {m: (n, r) for m, n, r in out_rows}
    returns = {m: n for m, n in back_rows}
    months = tuple(
        MonthCirculation(m, loans.get(m, (0, 0))[0], returns.get(m, 0), loans.get(m, (0, 0))[1])
        for m in q.period.months
    )
    borrowers = q.src.session.execute(
        select(func.count(distinct(loan.c.reader_id))).where(
            q.branch_is(loan.c.branch_code), q.in_period(loan.c.checkout_at)
        )
    ).scalar()
    earlier = q.src.session.execute(
        select(func.count()).where(
            q.branch_is(loan.c.return_branch_code),
            q.in_period(loan.c.returned_at),
            loan.c.checkout_at < q.start,
        )
    ).scalar()
    open_at_end = q.src.session.execute(
        select(func.count()).where(
            q.branch_is(loan.c.branch_code),
            loan.c.checkout_at < q.end,
            or_(loan.c.returned_at.is_(None), loan.c.returned_at >= q.end),
        )
    ).scalar()
    return Circulation(
        months=months,
        loans=sum(m.loans for m in months),
        returns=sum(m.returns for m in months),
        borrowers=int(borrowers or 0),
        returns_of_earlier=int(earlier or 0),
        open_at_end=int(open_at_end or 0),
    )


# --- readers -------------------------------------------------------------------------------


def _band_expr(reader: Any, bands: tuple[AgeBand, ...], ref_year: int) -> ColumnElement[Any]:
    age = literal(ref_year) - reader.c.birth_year
    whens: list[Any] = []
    for band in bands:
        cond = age >= band.low if band.high is None else age.between(band.low, band.high)
        whens.append((and_(reader.c.birth_year.is_not(None), cond), literal(band.label)))
    labels = [b.label for b in bands]
    whens.append(
        (and_(reader.c.birth_year.is_(None), reader.c.age_band.in_(labels)), reader.c.age_band)
    )
    return case(*whens, else_=literal(UNKNOWN)).label("band")


def _gender_expr(reader: Any) -> ColumnElement[Any]:
    return case((reader.c.gender.in_(("F", "M")), reader.c.gender), else_=literal("U")).label(
        "gender"
    )


def _demographics(q: _Query, bands: tuple[AgeBand, ...], which: str) -> Demographics:
    reader, loan = q.src.reader, q.src.loan
    band = _band_expr(reader, bands, q.period.end.year)
    gender = _gender_expr(reader)
    if which == "active":
        stmt = (
            select(band, gender, func.count(distinct(reader.c.id)))
            .select_from(loan.join(reader, reader.c.id == loan.c.reader_id))
            .where(q.branch_is(loan.c.branch_code), q.in_period(loan.c.checkout_at))
        )
    else:
        when = (
            q.in_period(reader.c.registered_at)
            if which == "new"
            else (reader.c.registered_at < q.end)
        )
        stmt = select(band, gender, func.count()).where(
            q.branch_is(reader.c.home_branch_code), when
        )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for b, g, n in q.rows(stmt.group_by(band, gender)):
        counts[(b, g)] += int(n)
    labels = [b.label for b in bands] + [UNKNOWN]
    return Demographics(
        tuple(
            DemographicRow(label, counts[(label, "F")], counts[(label, "M")], counts[(label, "U")])
            for label in labels
        )
    )


# --- visits --------------------------------------------------------------------------------


def _visits(q: _Query) -> Visits:
    by_day = _visits_by_branch_day(q)
    months: dict[str, list[int]] = {m: [0, 0, 0, 0] for m in q.period.months}
    for (_branch, day), (count, manual) in by_day.items():
        slot = months.get(day[:7])
        if slot is None:
            continue
        if manual:
            slot[0] += count
            slot[2] += 1
        else:
            slot[1] += count
            slot[3] += 1
    return Visits(tuple(MonthVisits(m, *v) for m, v in months.items()))


def _visits_by_branch_day(q: _Query) -> dict[tuple[str, str], tuple[int, bool]]:
    """(branch, day) → (visits, entered by hand?). Derived days count distinct readers served."""
    visit, loan = q.src.visit, q.src.loan
    manual_day = q.src.date_text(visit.c.on_date)
    manual = q.rows(
        select(visit.c.branch_code, manual_day, func.sum(visit.c.count))
        .where(
            q.branch_is(visit.c.branch_code),
            visit.c.on_date >= q.period.start,
            visit.c.on_date <= q.period.end,
        )
        .group_by(visit.c.branch_code, manual_day)
    )
    served = union_all(
        select(
            loan.c.branch_code.label("branch"),
            q.src.local_day(loan.c.checkout_at).label("day"),
            loan.c.reader_id.label("reader"),
        ).where(q.branch_is(loan.c.branch_code), q.in_period(loan.c.checkout_at)),
        select(
            loan.c.return_branch_code.label("branch"),
            q.src.local_day(loan.c.returned_at).label("day"),
            loan.c.reader_id.label("reader"),
        ).where(
            q.branch_is(loan.c.return_branch_code),
            loan.c.return_branch_code.is_not(None),
            q.in_period(loan.c.returned_at),
        ),
    ).subquery()
    derived = q.rows(
        select(served.c.branch, served.c.day, func.count(distinct(served.c.reader))).group_by(
            served.c.branch, served.c.day
        )
    )
    out: dict[tuple[str, str], tuple[int, bool]] = {}
    for branch, day, n in derived:
        out[(str(branch), str(day))] = (int(n), False)
    for branch, day, n in manual:
        out[(str(branch), str(day))] = (int(n or 0), True)  # a head count beats the desk
    return out


# --- top lists -----------------------------------------------------------------------------


def _top_books(q: _Query, n: int) -> tuple[TopBook, ...]:
    loan, item, bib = q.src.loan, q.src.item, q.src.bib
    per_item = (
        select(loan.c.item_id.label("item_id"), func.count().label("n"))
        .where(q.branch_is(loan.c.branch_code), q.in_period(loan.c.checkout_at))
        .group_by(loan.c.item_id)
        .subquery("per_item")
    )
    count = func.sum(per_item.c.n).label("loans")
    rows = q.rows(
        select(bib.c.title, bib.c.author, bib.c.clc_class, count)
        .select_from(
            per_item.join(item, item.c.id == per_item.c.item_id).join(
                bib, bib.c.id == item.c.bib_id
            )
        )
        .group_by(bib.c.id, bib.c.title, bib.c.author, bib.c.clc_class)
        .order_by(count.desc(), bib.c.title, bib.c.id)
        .limit(n)
    )
    return tuple(
        TopBook(i + 1, str(t), str(a or ""), str(c or ""), int(k))
        for i, (t, a, c, k) in enumerate(rows)
    )


def _top_readers(q: _Query, n: int) -> tuple[TopReader, ...]:
    loan, reader = q.src.loan, q.src.reader
    count = func.count().label("n")
    rows = q.rows(
        select(reader.c.card, reader.c.name, count)
        .select_from(loan.join(reader, reader.c.id == loan.c.reader_id))
        .where(q.branch_is(loan.c.branch_code), q.in_period(loan.c.checkout_at))
        .group_by(reader.c.id, reader.c.card, reader.c.name)
        .order_by(count.desc(), reader.c.card)
        .limit(n)
    )
    return tuple(
        TopReader(i + 1, str(card), mask_name(str(name or "")), int(k))
        for i, (card, name, k) in enumerate(rows)
    )


# --- collection ----------------------------------------------------------------------------


def _top_class(bib: Any) -> ColumnElement[Any]:
    letter = func.upper(func.substr(func.trim(func.coalesce(bib.c.clc_class, "")), 1, 1))
    return case((letter.between("A", "Z"), letter), else_=literal(UNKNOWN)).label("clc")


def _item_day(q: _Query) -> ColumnElement[Any]:
    item = q.src.item
    return func.coalesce(
        q.src.date_text(item.c.acquired_on), q.src.local_day(item.c.created_at), type_=String
    )


def _class_table(q: _Query, *, new_only: bool) -> ClassTable:
    """Items and titles per top class. Items are counted per record first (an index-only scan
    of the collection), so only the records, not every copy, are joined to their class."""
    item, bib = q.src.item, q.src.bib
    day = _item_day(q)
    per_bib = select(item.c.bib_id.label("bib_id"), func.count().label("n")).where(
        q.branch_is(item.c.home_branch_code)
    )
    if new_only:
        per_bib = per_bib.where(day >= q.period.start.isoformat(), day <= q.period.end.isoformat())
    else:
        per_bib = per_bib.where(
            day <= q.period.end.isoformat(), item.c.status.not_in(GONE_STATUSES)
        )
    counted = per_bib.group_by(item.c.bib_id).subquery("per_bib")
    clc = _top_class(bib)
    rows = q.rows(
        select(clc, func.count(), func.sum(counted.c.n))
        .select_from(counted.join(bib, bib.c.id == counted.c.bib_id))
        .group_by(clc)
    )
    found = {str(c): (int(t), int(n or 0)) for c, t, n in rows}
    order = sorted(k for k in found if k != UNKNOWN) + ([UNKNOWN] if UNKNOWN in found else [])
    return ClassTable(tuple(ClassCount(k, found[k][0], found[k][1]) for k in order))


# --- overdue and credit --------------------------------------------------------------------


def _overdue(q: _Query) -> Overdue:
    """Loans overdue at the end of the period (or now, if the period has not ended).

    Overdue days are counted in local calendar days, like the desk: a loan due on the report's
    last day is not overdue yet.
    """
    loan = q.src.loan
    as_of = q.as_of
    as_day = (as_of - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
    still_out = and_(
        q.branch_is(loan.c.branch_code),
        loan.c.checkout_at < as_of,
        or_(loan.c.returned_at.is_(None), loan.c.returned_at >= as_of),
        loan.c.due_at < local_start(as_day),
    )
    whens = []
    for label, low, high in OVERDUE_BUCKETS:
        # overdue by >= low days  <=>  due before the start of day (as_day - low + 1)
        cond = loan.c.due_at < local_start(as_day - timedelta(days=low - 1))
        if high is not None:
            cond = and_(cond, loan.c.due_at >= local_start(as_day - timedelta(days=high)))
        whens.append((cond, literal(label)))
    bucket = case(*whens, else_=literal(OVERDUE_BUCKETS[0][0])).label("bucket")
    rows = q.rows(select(bucket, func.count()).where(still_out).group_by(bucket))
    counts = {str(b): int(n) for b, n in rows}
    readers = q.src.session.execute(
        select(func.count(distinct(loan.c.reader_id))).where(still_out)
    ).scalar()
    late = q.src.session.execute(
        select(func.count()).where(
            q.branch_is(loan.c.return_branch_code),
            q.in_period(loan.c.returned_at),
            loan.c.returned_at > loan.c.due_at,
        )
    ).scalar()
    return Overdue(
        as_of=as_day,
        overdue_loans=sum(counts.values()),
        overdue_readers=int(readers or 0),
        buckets=tuple((label, counts.get(label, 0)) for label, _low, _high in OVERDUE_BUCKETS),
        late_returns=int(late or 0),
    )


def _credit(q: _Query) -> Credit:
    credit, reader = q.src.credit, q.src.reader
    joined = credit.join(reader, reader.c.id == credit.c.reader_id)
    where = (q.branch_is(reader.c.home_branch_code), q.in_period(credit.c.created_at))
    rows = q.rows(
        select(credit.c.reason, func.count(), func.coalesce(func.sum(credit.c.delta), 0))
        .select_from(joined)
        .where(*where)
        .group_by(credit.c.reason)
        .order_by(credit.c.reason)
    )
    readers = q.src.session.execute(
        select(func.count(distinct(credit.c.reader_id))).select_from(joined).where(*where)
    ).scalar()
    return Credit(
        tuple(CreditReason(str(r), int(n), int(p)) for r, n, p in rows), int(readers or 0)
    )


# --- activities and branches ---------------------------------------------------------------


def _activities(q: _Query) -> Activities:
    act = q.src.activity
    where = (
        q.branch_is(act.c.branch_code),
        act.c.on_date >= q.period.start,
        act.c.on_date <= q.period.end,
    )
    kinds = q.rows(
        select(act.c.kind, func.count(), func.coalesce(func.sum(act.c.attendance), 0))
        .where(*where)
        .group_by(act.c.kind)
        .order_by(act.c.kind)
    )
    lines = q.rows(
        select(act.c.on_date, act.c.branch_code, act.c.kind, act.c.title, act.c.attendance)
        .where(*where)
        .order_by(act.c.on_date, act.c.branch_code, act.c.title)
        .limit(2000)
    )
    return Activities(
        tuple(ActivityKind(str(k), int(n), int(a)) for k, n, a in kinds),
        tuple(
            ActivityLine(_as_date(d), str(b), str(k), str(t), int(a or 0))
            for d, b, k, t, a in lines
        ),
    )


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _grouped(q: _Query, stmt: Any) -> dict[str, int]:
    return {str(code): int(n or 0) for code, n in q.rows(stmt) if code is not None}


def _branch_rows(q: _Query) -> tuple[BranchRow, ...]:
    """Headline figures per branch (county report): one GROUP BY branch query per figure."""
    src = q.src
    loan, reader, item, act = src.loan, src.reader, src.item, src.activity
    registered = _grouped(
        q,
        select(reader.c.home_branch_code, func.count())
        .where(reader.c.registered_at < q.end)
        .group_by(reader.c.home_branch_code),
    )
    new = _grouped(
        q,
        select(reader.c.home_branch_code, func.count())
        .where(q.in_period(reader.c.registered_at))
        .group_by(reader.c.home_branch_code),
    )
    loans = _grouped(
        q,
        select(loan.c.branch_code, func.count())
        .where(q.in_period(loan.c.checkout_at))
        .group_by(loan.c.branch_code),
    )
    active = _grouped(
        q,
        select(loan.c.branch_code, func.count(distinct(loan.c.reader_id)))
        .where(q.in_period(loan.c.checkout_at))
        .group_by(loan.c.branch_code),
    )
    returns = _grouped(
        q,
        select(loan.c.return_branch_code, func.count())
        .where(q.in_period(loan.c.returned_at))
        .group_by(loan.c.return_branch_code),
    )
    day = _item_day(q)
    new_items = _grouped(
        q,
        select(item.c.home_branch_code, func.count())
        .where(day >= q.period.start.isoformat(), day <= q.period.end.isoformat())
        .group_by(item.c.home_branch_code),
    )
    holdings = _grouped(
        q,
        select(item.c.home_branch_code, func.count())
        .where(day <= q.period.end.isoformat(), item.c.status.not_in(GONE_STATUSES))
        .group_by(item.c.home_branch_code),
    )
    act_where = (act.c.on_date >= q.period.start, act.c.on_date <= q.period.end)
    activities = _grouped(
        q, select(act.c.branch_code, func.count()).where(*act_where).group_by(act.c.branch_code)
    )
    attendance = _grouped(
        q,
        select(act.c.branch_code, func.sum(act.c.attendance))
        .where(*act_where)
        .group_by(act.c.branch_code),
    )
    visits: dict[str, int] = defaultdict(int)
    for (branch, _day), (count, _manual) in _visits_by_branch_day(q).items():
        visits[branch] += count
    names = {str(c): str(n) for c, n in q.rows(select(src.branch.c.code, src.branch.c.name))}
    codes = sorted(
        set(names)
        | set(registered)
        | set(loans)
        | set(returns)
        | set(holdings)
        | set(activities)
        | set(visits)
    )
    return tuple(
        BranchRow(
            branch_code=code,
            branch_name=names.get(code, code),
            registered_readers=registered.get(code, 0),
            new_readers=new.get(code, 0),
            active_readers=active.get(code, 0),
            loans=loans.get(code, 0),
            returns=returns.get(code, 0),
            visits=visits.get(code, 0),
            new_items=new_items.get(code, 0),
            holdings=holdings.get(code, 0),
            activities=activities.get(code, 0),
            attendance=attendance.get(code, 0),
        )
        for code in codes
    )


__all__ = ["compute_report", "make_period", "parse_age_bands", "year_period"]
