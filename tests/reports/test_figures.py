"""Every figure of the report against values computed here by plain Python over the same rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from app.services.reports import branch_report
from shuwu_shared.clock import Clock
from shuwu_shared.domain.masking import mask_name
from shuwu_shared.reports.model import DEFAULT_AGE_BANDS, UNKNOWN, Period
from tests.reports.dataset import HOME, OTHER, Data, build, local_day

PERIODS = [(date(2020, 1, 1), date(2020, 12, 31)), (date(2020, 3, 15), date(2021, 1, 10))]
BRANCHES = [HOME, OTHER, None]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from app.profile import open_profile

    profile = open_profile(tmp_path_factory.mktemp("reports") / "p")
    data = build(profile)
    yield profile, data
    profile.close()


def in_period(moment, start: date, end: date) -> bool:
    return moment is not None and start <= local_day(moment) <= end


def at(branch, code) -> bool:
    return branch is None or code == branch


def band_of(reader: dict, ref_year: int) -> str:
    if reader["birth"] is None:
        labels = [b.label for b in DEFAULT_AGE_BANDS]
        return reader["band"] if reader["band"] in labels else UNKNOWN
    age = ref_year - reader["birth"]
    for band in DEFAULT_AGE_BANDS:
        if age >= band.low and (band.high is None or age <= band.high):
            return band.label
    return UNKNOWN


def top_class(clc) -> str:
    letter = (clc or "").strip()[:1].upper()
    return letter if "A" <= letter <= "Z" else UNKNOWN


def demo(readers, ref_year):
    counts = Counter((band_of(r, ref_year), r["gender"]) for r in readers)
    return {
        (band, g): counts[(band, g)]
        for band in [b.label for b in DEFAULT_AGE_BANDS] + [UNKNOWN]
        for g in "FMU"
    }


def got_demo(d):
    return {
        (r.band, g): getattr(r, k)
        for r in d.rows
        for g, k in zip("FMU", ("female", "male", "unknown"), strict=True)
    }


@pytest.mark.parametrize("start,end", PERIODS)
@pytest.mark.parametrize("branch", BRANCHES)
def test_every_figure(world, start, end, branch):
    profile, data = world
    data: Data
    clock = Clock(timedelta(days=0))
    with profile.sessions() as s:
        rep = branch_report(s, clock, start, end, branch=branch, top_n=5)

    loans = [
        ln
        for ln in data.loans
        if at(branch, ln["branch"]) and in_period(ln["checkout"], start, end)
    ]
    returns = [
        ln for ln in data.loans if at(branch, ln["back"]) and in_period(ln["returned"], start, end)
    ]
    months = Period(start, end).months
    assert [m.month for m in rep.circulation.months] == list(months)
    for m in rep.circulation.months:
        mine = [ln for ln in loans if local_day(ln["checkout"]).isoformat()[:7] == m.month]
        assert m.loans == len(mine)
        assert m.borrowers == len({ln["reader"] for ln in mine})
        assert m.returns == sum(
            1 for ln in returns if local_day(ln["returned"]).isoformat()[:7] == m.month
        )
    assert rep.circulation.loans == len(loans)
    assert rep.circulation.returns == len(returns)
    assert rep.circulation.borrowers == len({ln["reader"] for ln in loans})
    assert rep.circulation.returns_of_earlier == sum(
        1 for ln in returns if local_day(ln["checkout"]) < start
    )
    assert rep.circulation.open_at_end == sum(
        1
        for ln in data.loans
        if at(branch, ln["branch"])
        and local_day(ln["checkout"]) <= end
        and (ln["returned"] is None or local_day(ln["returned"]) > end)
    )

    # Readers: registered by the end, new in the period, active (borrowed in the period).
    ref = end.year
    mine = [r for r in data.readers if at(branch, r["home"])]
    assert got_demo(rep.readers.registered) == demo(
        [r for r in mine if local_day(r["registered"]) <= end], ref
    )
    assert got_demo(rep.readers.new) == demo(
        [r for r in mine if in_period(r["registered"], start, end)], ref
    )
    by_id = {r["id"]: r for r in data.readers}
    assert got_demo(rep.readers.active) == demo(
        [by_id[i] for i in {ln["reader"] for ln in loans}], ref
    )

    # Visits: the head count where entered, else distinct readers served at the desk that day.
    served: dict[tuple[str, date], set] = defaultdict(set)
    for ln in data.loans:
        if at(branch, ln["branch"]) and in_period(ln["checkout"], start, end):
            served[(ln["branch"], local_day(ln["checkout"]))].add(ln["reader"])
        if ln["back"] and at(branch, ln["back"]) and in_period(ln["returned"], start, end):
            served[(ln["back"], local_day(ln["returned"]))].add(ln["reader"])
    manual = {
        (v["branch"], v["day"]): v["count"]
        for v in data.visits
        if at(branch, v["branch"]) and start <= v["day"] <= end
    }
    for m in rep.visits.months:
        assert m.manual == sum(c for (b, d), c in manual.items() if d.isoformat()[:7] == m.month)
        assert m.manual_days == sum(1 for (b, d) in manual if d.isoformat()[:7] == m.month)
        derived = [
            len(r) for k, r in served.items() if k not in manual and k[1].isoformat()[:7] == m.month
        ]
        assert m.derived == sum(derived)
        assert m.derived_days == len(derived)

    # Top lists (ties broken by title / card).
    items = {i["id"]: i for i in data.items}
    bibs = {b["id"]: b for b in data.bibs}
    per_bib = Counter(items[ln["item"]]["bib"] for ln in loans)
    expected_books = sorted(per_bib.items(), key=lambda kv: (-kv[1], bibs[kv[0]]["title"], kv[0]))[
        :5
    ]
    assert [(b.title, b.loans) for b in rep.top_books] == [
        (bibs[b]["title"], n) for b, n in expected_books
    ]
    per_reader = Counter(ln["reader"] for ln in loans)
    expected_readers = sorted(per_reader.items(), key=lambda kv: (-kv[1], by_id[kv[0]]["card"]))[:5]
    assert [(r.card, r.name_masked, r.loans) for r in rep.top_readers] == [
        (by_id[i]["card"], mask_name(by_id[i]["name"]), n) for i, n in expected_readers
    ]
    assert all("*" in r.name_masked or len(r.name_masked) <= 1 for r in rep.top_readers)

    # Holdings (acquired by the end, not withdrawn/lost) and new items, by top class.
    def acq(i):
        return i["acquired"] or local_day(i["created"])

    def classes(rows):
        out = defaultdict(lambda: [set(), 0])
        for i in rows:
            slot = out[top_class(bibs[i["bib"]]["clc"])]
            slot[0].add(i["bib"])
            slot[1] += 1
        return {k: (len(v[0]), v[1]) for k, v in out.items()}

    held = [
        i
        for i in data.items
        if at(branch, i["home"]) and acq(i) <= end and i["status"] not in ("withdrawn", "lost")
    ]
    new = [i for i in data.items if at(branch, i["home"]) and start <= acq(i) <= end]
    assert {r.clc: (r.titles, r.items) for r in rep.holdings.rows} == classes(held)
    assert {r.clc: (r.titles, r.items) for r in rep.new_items.rows} == classes(new)
    assert rep.new_items.items == len(new)

    # Overdue at the end of the period, in local days.
    overdue = [
        ln
        for ln in data.loans
        if at(branch, ln["branch"])
        and local_day(ln["checkout"]) <= end
        and (ln["returned"] is None or local_day(ln["returned"]) > end)
        and (end - local_day(ln["due"])).days >= 1
    ]
    days = [(end - local_day(ln["due"])).days for ln in overdue]
    assert rep.overdue.as_of == end
    assert rep.overdue.overdue_loans == len(overdue)
    assert rep.overdue.overdue_readers == len({ln["reader"] for ln in overdue})
    assert dict(rep.overdue.buckets) == {
        "1-7": sum(1 for d in days if d <= 7),
        "8-30": sum(1 for d in days if 8 <= d <= 30),
        "31-90": sum(1 for d in days if 31 <= d <= 90),
        "91+": sum(1 for d in days if d >= 91),
    }
    assert rep.overdue.late_returns == sum(1 for ln in returns if ln["returned"] > ln["due"])

    # Credit entries of the branch's readers in the period, by reason.
    entries = [
        c
        for c in data.credits
        if at(branch, by_id[c["reader"]]["home"]) and in_period(c["at"], start, end)
    ]
    reasons = defaultdict(lambda: [0, 0])
    for c in entries:
        reasons[c["reason"]][0] += 1
        reasons[c["reason"]][1] += c["delta"]
    assert {r.reason: [r.entries, r.points] for r in rep.credit.rows} == dict(reasons)
    assert rep.credit.readers == len({c["reader"] for c in entries})
    assert rep.credit.added == sum(v[1] for v in reasons.values() if v[1] > 0)

    # Activities.
    acts = [a for a in data.activities if at(branch, a["branch"]) and start <= a["day"] <= end]
    kinds = defaultdict(lambda: [0, 0])
    for a in acts:
        kinds[a["kind"]][0] += 1
        kinds[a["kind"]][1] += a["att"]
    assert {k.kind: [k.count, k.attendance] for k in rep.activities.kinds} == dict(kinds)
    assert len(rep.activities.lines) == len(acts)

    # Indicators from the figures (no population configured → no per-capita figure).
    regs = rep.readers.registered.totals.total
    assert rep.indicators.new_books_per_capita is None
    if regs:
        assert rep.indicators.loans_per_reader == round(len(loans) / regs, 2)


def test_year_boundary_counts_by_checkout_date(world):
    """A loan out on 2020-12-28 and back on 2021-01-05 is a 2020 loan and a 2021 return."""
    profile, data = world
    with profile.sessions() as s:
        y2020 = branch_report(s, Clock(), "2020-01-01", "2020-12-31", branch=None)
        y2021 = branch_report(s, Clock(), "2021-01-01", "2021-12-31", branch=None)
        both = branch_report(s, Clock(), "2020-01-01", "2021-12-31", branch=None)
    assert y2020.circulation.loans + y2021.circulation.loans == both.circulation.loans
    assert y2020.circulation.returns + y2021.circulation.returns == both.circulation.returns
    # 2020-12-31 16:30 UTC is 2021-01-01 00:30 in the county: a January loan.
    jan = next(m for m in y2021.circulation.months if m.month == "2021-01")
    assert jan.loans == sum(
        1 for ln in data.loans if local_day(ln["checkout"]).isoformat()[:7] == "2021-01"
    )
    assert y2021.circulation.returns_of_earlier >= 2  # the two loans made in December 2020
    # The reader registered 2020-12-31 17:30 UTC is new in 2021, not 2020.
    assert y2021.readers.new.totals.total == sum(
        1 for r in data.readers if local_day(r["registered"]).year == 2021
    )


def test_unknown_gender_and_birth_year_are_counted(world):
    profile, data = world
    with profile.sessions() as s:
        rep = branch_report(s, Clock(), "2015-01-01", "2021-12-31", branch=None)
    unknown_row = next(r for r in rep.readers.registered.rows if r.band == UNKNOWN)
    assert unknown_row.total == sum(1 for r in data.readers if band_of(r, 2021) == UNKNOWN)
    assert unknown_row.total > 0
    assert (
        rep.readers.registered.totals.unknown
        == sum(1 for r in data.readers if r["gender"] == "U")
        > 0
    )
    assert rep.readers.registered.totals.total == len(data.readers)


def test_custom_age_bands(world):
    profile, data = world
    with profile.sessions() as s:
        rep = branch_report(
            s, Clock(), "2020-01-01", "2020-12-31", branch=None, age_bands="0-17,18+"
        )
    rows = {r.band: r.total for r in rep.readers.registered.rows}
    regs = [r for r in data.readers if local_day(r["registered"]) <= date(2020, 12, 31)]
    minors = sum(1 for r in regs if r["birth"] is not None and 2020 - r["birth"] <= 17)
    assert rows["0-17"] == minors
    assert rows["18+"] == sum(1 for r in regs if r["birth"] is not None and 2020 - r["birth"] >= 18)
    assert rows[UNKNOWN] == sum(1 for r in regs if r["birth"] is None)  # stored bands don't match
