"""Where the report reads its rows: the branch's SQLite database or the county server's.

The computation only needs a few columns of each table (listed on ``ReportSource``). The client
passes its ORM tables (app.services.reports.client_source); the server passes its own tables,
or labelled sub-selects of them, whose columns carry the same names. Everything is aggregated
in SQL (GROUP BY), never row by row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import ColumnElement, FromClause, func, literal_column
from sqlalchemy.orm import Session

# China has one time zone and no daylight saving; report days and months are local (UTC+8).
LOCAL_OFFSET_HOURS = 8
LOCAL_TZ = timezone(timedelta(hours=LOCAL_OFFSET_HOURS))


@dataclass(frozen=True)
class ReportSource:
    """Tables with these columns (names matter, the table kind does not):

    branch(code, name); bib(id, title, author, clc_class);
    item(id, bib_id, home_branch_code, status, acquired_on, created_at);
    reader(id, card, name, gender, birth_year, age_band, home_branch_code, registered_at);
    loan(id, item_id, reader_id, branch_code, checkout_at, due_at, returned_at,
    return_branch_code); credit(reader_id, delta, reason, created_at);
    activity(branch_code, on_date, kind, title, attendance); visit(branch_code, on_date, count).
    Date-times are UTC.
    """

    session: Session
    branch: FromClause
    bib: FromClause
    item: FromClause
    reader: FromClause
    loan: FromClause
    credit: FromClause
    activity: FromClause
    visit: FromClause

    @property
    def dialect(self) -> str:
        bind = self.session.get_bind()
        return bind.dialect.name

    def local_day(self, column: Any) -> ColumnElement[Any]:
        """The local calendar day of a UTC date-time column, as 'YYYY-MM-DD' text."""
        if self.dialect == "postgresql":
            shifted = column + literal_column(f"interval '{LOCAL_OFFSET_HOURS} hours'")
            return func.to_char(shifted, "YYYY-MM-DD")
        return func.strftime("%Y-%m-%d", column, f"+{LOCAL_OFFSET_HOURS} hours")

    def local_month(self, column: Any) -> ColumnElement[Any]:
        if self.dialect == "postgresql":
            shifted = column + literal_column(f"interval '{LOCAL_OFFSET_HOURS} hours'")
            return func.to_char(shifted, "YYYY-MM")
        return func.strftime("%Y-%m", column, f"+{LOCAL_OFFSET_HOURS} hours")

    def date_month(self, column: Any) -> ColumnElement[Any]:
        """'YYYY-MM' of a plain DATE column."""
        if self.dialect == "postgresql":
            return func.to_char(column, "YYYY-MM")
        return func.substr(column, 1, 7)

    def date_text(self, column: Any) -> ColumnElement[Any]:
        if self.dialect == "postgresql":
            return func.to_char(column, "YYYY-MM-DD")
        return func.substr(column, 1, 10)


def local_start(day: date) -> datetime:
    """The UTC instant the local day begins."""
    return datetime.combine(day, time(0), UTC) - timedelta(hours=LOCAL_OFFSET_HOURS)
