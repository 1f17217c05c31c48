"""The report as titled tables and chart specs: what the screen, XLSX, CSV and PDF all show.

One description serves every output, so the screen and the files never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from shuwu_shared.i18n import _
from shuwu_shared.reports.model import UNKNOWN, ClassTable, Demographics, Report

# 中图法 basic classes (GB/T; the letters L, M, W, Y are unused). Proper names, not translated.
CLC_NAMES = {
    "A": "马克思主义、列宁主义、毛泽东思想、邓小平理论",
    "B": "哲学、宗教",
    "C": "社会科学总论",
    "D": "政治、法律",
    "E": "军事",
    "F": "经济",
    "G": "文化、科学、教育、体育",
    "H": "语言、文字",
    "I": "文学",
    "J": "艺术",
    "K": "历史、地理",
    "N": "自然科学总论",
    "O": "数理科学和化学",
    "P": "天文学、地球科学",
    "Q": "生物科学",
    "R": "医药、卫生",
    "S": "农业科学",
    "T": "工业技术",
    "U": "交通运输",
    "V": "航空、航天",
    "X": "环境科学、安全科学",
    "Z": "综合性图书",
}

Cell = str | int | float
# The same colours on screen and on paper (Tableau 10: distinct, and readable in greyscale).
PALETTE = (
    "#4E79A7",
    "#F28E2B",
    "#59A14F",
    "#E15759",
    "#76B7B2",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
)


def activity_kind_label(kind: str) -> str:
    labels = {
        "delivery": _("Book delivery (送书下乡)"),
        "lecture": _("Lecture"),
        "children": _("Children's class"),
        "training": _("Training"),
        "exhibition": _("Exhibition"),
        "other": _("Other"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class ReportTable:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A bar chart (several series side by side) or a pie (one series)."""

    key: str
    title: str
    kind: str  # "bar" or "pie"
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]

    @property
    def empty(self) -> bool:
        return not any(v for s in self.series for v in s.values)


def band_label(band: str) -> str:
    if band == UNKNOWN:
        return _("Unknown age")
    if band == "total":
        return _("Total")
    return band


def class_label(clc: str) -> str:
    if clc == UNKNOWN:
        return _("No class")
    name = CLC_NAMES.get(clc)
    return f"{clc} {name}" if name else clc


def credit_reason_label(reason: str) -> str:
    labels = {
        "initial": _("Starting points"),
        "earn": _("Earned by borrowing"),
        "overdue": _("Overdue deduction"),
        "amnesty": _("Overdue in an amnesty"),
        "amnesty_refund": _("Amnesty refund"),
        "amnesty_restore": _("Amnesty restore"),
        "freeze": _("Frozen"),
        "reset": _("Reset after freeze"),
        "unfreeze": _("Unfrozen"),
        "manual": _("Manual correction"),
        "undo": _("Undone scan"),
    }
    return labels.get(reason, reason)


def _demo_rows(d: Demographics) -> tuple[tuple[Cell, ...], ...]:
    rows = [(band_label(r.band), r.female, r.male, r.unknown, r.total) for r in d.rows]
    t = d.totals
    rows.append((_("Total"), t.female, t.male, t.unknown, t.total))
    return tuple(rows)


def _class_rows(c: ClassTable) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = [(class_label(r.clc), r.titles, r.items) for r in c.rows]
    rows.append((_("Total"), c.titles, c.items))
    return tuple(rows)


def _fmt(value: float | None) -> Cell:
    return "—" if value is None else value


def summary_rows(report: Report) -> tuple[tuple[Cell, ...], ...]:
    ind = report.indicators
    rows: list[tuple[Cell, ...]] = [
        (_("Branch"), report.branch_name),
        (_("Period"), f"{report.period.start.isoformat()} – {report.period.end.isoformat()}"),
        (_("Loans"), report.circulation.loans),
        (_("Returns"), report.circulation.returns),
        (_("Readers who borrowed"), report.circulation.borrowers),
        (_("Returns of loans made before the period"), report.circulation.returns_of_earlier),
        (_("On loan at the end of the period"), report.circulation.open_at_end),
        (_("Registered readers"), report.readers.registered.totals.total),
        (_("New readers"), report.readers.new.totals.total),
        (_("Active readers"), report.readers.active.totals.total),
        (_("Visits"), report.visits.total),
        (_("Visits from head counts"), report.visits.manual),
        (_("Visits derived from desk activity"), report.visits.derived),
        (_("Holdings (items)"), report.holdings.items),
        (_("New items"), report.new_items.items),
        (_("Overdue loans"), report.overdue.overdue_loans),
        (_("Activities"), report.activities.count),
        (_("Activity attendance"), report.activities.attendance),
        (_("Service population"), _fmt(ind.population)),
        (_("New books per capita"), _fmt(ind.new_books_per_capita)),
        (_("Target: new books per capita"), _fmt(ind.new_books_per_capita_target)),
        (
            _("Target met"),
            "—" if ind.target_met is None else (_("yes") if ind.target_met else _("no")),
        ),
        (_("Loans per registered reader"), _fmt(ind.loans_per_reader)),
        (_("Visits per registered reader"), _fmt(ind.visits_per_reader)),
    ]
    return tuple(rows)


def report_tables(report: Report) -> tuple[ReportTable, ...]:
    gender_headers = (_("Age band"), _("Female"), _("Male"), _("Gender unknown"), _("Total"))
    class_headers = (_("Class (中图法)"), _("Titles"), _("Items"))
    tables = [
        ReportTable("summary", _("Summary"), (_("Figure"), _("Value")), summary_rows(report)),
        ReportTable(
            "circulation",
            _("Loans and returns by month"),
            (_("Month"), _("Loans"), _("Returns"), _("Readers who borrowed")),
            (
                *tuple(
                    (m.month, m.loans, m.returns, m.borrowers) for m in report.circulation.months
                ),
                (
                    _("Total"),
                    report.circulation.loans,
                    report.circulation.returns,
                    report.circulation.borrowers,
                ),
            ),
        ),
        ReportTable(
            "registered",
            _("Registered readers"),
            gender_headers,
            _demo_rows(report.readers.registered),
        ),
        ReportTable(
            "new_readers", _("New readers"), gender_headers, _demo_rows(report.readers.new)
        ),
        ReportTable(
            "active_readers",
            _("Active readers (borrowed in the period)"),
            gender_headers,
            _demo_rows(report.readers.active),
        ),
        ReportTable(
            "visits",
            _("Visits by month"),
            (
                _("Month"),
                _("Visits"),
                _("From head counts"),
                _("Derived from desk activity"),
                _("Days counted by hand"),
                _("Days derived"),
            ),
            (
                *tuple(
                    (m.month, m.total, m.manual, m.derived, m.manual_days, m.derived_days)
                    for m in report.visits.months
                ),
                (
                    _("Total"),
                    report.visits.total,
                    report.visits.manual,
                    report.visits.derived,
                    "",
                    "",
                ),
            ),
        ),
        ReportTable(
            "top_books",
            _("Most borrowed books"),
            (_("Rank"), _("Title"), _("Author"), _("Class"), _("Loans")),
            tuple((b.rank, b.title, b.author, b.clc_class, b.loans) for b in report.top_books),
        ),
        ReportTable(
            "top_readers",
            _("Top readers"),
            (_("Rank"), _("Card"), _("Name"), _("Loans")),
            tuple((r.rank, r.card, r.name_masked, r.loans) for r in report.top_readers),
        ),
        ReportTable(
            "holdings", _("Holdings by class"), class_headers, _class_rows(report.holdings)
        ),
        ReportTable(
            "new_items", _("New items by class"), class_headers, _class_rows(report.new_items)
        ),
        ReportTable(
            "overdue",
            _("Overdue loans on {day}").format(day=report.overdue.as_of.isoformat()),
            (_("Days overdue"), _("Loans")),
            (
                *tuple((label, n) for label, n in report.overdue.buckets),
                (_("Total"), report.overdue.overdue_loans),
                (_("Readers with overdue loans"), report.overdue.overdue_readers),
                (_("Returned late during the period"), report.overdue.late_returns),
            ),
        ),
        ReportTable(
            "credit",
            _("Credit points"),
            (_("Reason"), _("Entries"), _("Points")),
            (
                *tuple(
                    (credit_reason_label(r.reason), r.entries, r.points) for r in report.credit.rows
                ),
                (_("Points added"), "", report.credit.added),
                (_("Points deducted"), "", report.credit.deducted),
                (_("Readers concerned"), report.credit.readers, ""),
            ),
        ),
        ReportTable(
            "activities",
            _("Activities"),
            (_("Kind"), _("Count"), _("Attendance")),
            (
                *tuple(
                    (activity_kind_label(k.kind), k.count, k.attendance)
                    for k in report.activities.kinds
                ),
                (_("Total"), report.activities.count, report.activities.attendance),
            ),
        ),
        ReportTable(
            "activity_log",
            _("Activity log"),
            (_("Date"), _("Branch"), _("Kind"), _("Title"), _("Attendance")),
            tuple(
                (
                    a.on_date.isoformat(),
                    a.branch_code,
                    activity_kind_label(a.kind),
                    a.title,
                    a.attendance,
                )
                for a in report.activities.lines
            ),
        ),
    ]
    if report.branches:
        tables.insert(
            1,
            ReportTable(
                "branches",
                _("Branches"),
                (
                    _("Code"),
                    _("Branch"),
                    _("Registered readers"),
                    _("New readers"),
                    _("Active readers"),
                    _("Loans"),
                    _("Returns"),
                    _("Visits"),
                    _("New items"),
                    _("Holdings (items)"),
                    _("Activities"),
                    _("Attendance"),
                ),
                tuple(
                    (
                        b.branch_code,
                        b.branch_name,
                        b.registered_readers,
                        b.new_readers,
                        b.active_readers,
                        b.loans,
                        b.returns,
                        b.visits,
                        b.new_items,
                        b.holdings,
                        b.activities,
                        b.attendance,
                    )
                    for b in report.branches
                ),
            ),
        )
    return tuple(tables)


def month_label(month: str) -> str:
    """ "2026-01" as a person reads it: 2026年1月 / Jan 2026."""
    try:
        year, number = (int(part) for part in month.split("-")[:2])
        name = (
            _("Jan"),
            _("Feb"),
            _("Mar"),
            _("Apr"),
            _("May"),
            _("Jun"),
            _("Jul"),
            _("Aug"),
            _("Sep"),
            _("Oct"),
            _("Nov"),
            _("Dec"),
        )[number - 1]
    except (ValueError, IndexError):
        return month
    return _("{name} {year}").format(name=name, year=year, month=number)


def _without_empty_series(spec: ChartSpec) -> ChartSpec:
    """A legend lists only series with something to show (an all-zero one says nothing)."""
    kept = tuple(s for s in spec.series if any(s.values))
    if not kept or len(kept) == len(spec.series):
        return spec
    return ChartSpec(spec.key, spec.title, spec.kind, spec.categories, kept)


def _without_empty_slices(spec: ChartSpec) -> ChartSpec:
    if spec.kind != "pie" or not spec.series:
        return spec
    pairs = [(c, v) for c, v in zip(spec.categories, spec.series[0].values, strict=True) if v]
    if not pairs or len(pairs) == len(spec.categories):
        return spec
    series = ChartSeries(spec.series[0].name, tuple(v for _c, v in pairs))
    return ChartSpec(spec.key, spec.title, spec.kind, tuple(c for c, _v in pairs), (series,))


def report_charts(report: Report) -> tuple[ChartSpec, ...]:
    specs = _report_charts(report)
    return tuple(_without_empty_slices(_without_empty_series(spec)) for spec in specs)


def _report_charts(report: Report) -> tuple[ChartSpec, ...]:
    months = tuple(month_label(m.month) for m in report.circulation.months)
    reg = report.readers.registered
    return (
        ChartSpec(
            "circulation",
            _("Loans and returns by month"),
            "bar",
            months,
            (
                ChartSeries(_("Loans"), tuple(float(m.loans) for m in report.circulation.months)),
                ChartSeries(
                    _("Returns"), tuple(float(m.returns) for m in report.circulation.months)
                ),
            ),
        ),
        ChartSpec(
            "visits",
            _("Visits by month"),
            "bar",
            months,
            (
                ChartSeries(
                    _("From head counts"), tuple(float(m.manual) for m in report.visits.months)
                ),
                ChartSeries(
                    _("Derived from desk activity"),
                    tuple(float(m.derived) for m in report.visits.months),
                ),
            ),
        ),
        ChartSpec(
            "readers",
            _("Registered readers by age band"),
            "bar",
            tuple(band_label(r.band) for r in reg.rows),
            (
                ChartSeries(_("Female"), tuple(float(r.female) for r in reg.rows)),
                ChartSeries(_("Male"), tuple(float(r.male) for r in reg.rows)),
                ChartSeries(_("Gender unknown"), tuple(float(r.unknown) for r in reg.rows)),
            ),
        ),
        ChartSpec(
            "holdings",
            _("Holdings by class"),
            "pie",
            tuple(class_label(r.clc) for r in report.holdings.rows),
            (ChartSeries(_("Items"), tuple(float(r.items) for r in report.holdings.rows)),),
        ),
    )
