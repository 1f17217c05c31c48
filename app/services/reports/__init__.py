"""Statistics and reports (Qt-free): compute, chart specs, export, activities log.

Entry points: ``branch_report`` (the branch's own database, via ``client_source``); the pure
computation and export, shared with the county server, are in ``shuwu_shared.reports``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.services import settings
from app.services.reports.client_source import client_source
from app.services.reports.preferences import load_preferences
from shuwu_shared.clock import Clock
from shuwu_shared.progress import Progress
from shuwu_shared.reports.compute import (
    compute_report,
    make_period,
    parse_age_bands,
)
from shuwu_shared.reports.model import IndicatorSettings, Report


def report_settings(session: Session) -> tuple[str, IndicatorSettings]:
    """The configured age bands (text) and evaluation settings of this profile."""
    prefs = load_preferences(session)
    return prefs.age_bands, IndicatorSettings(prefs.population, prefs.new_books_target)


def branch_report(
    session: Session,
    clock: Clock,
    start: date | str | None,
    end: date | str | None,
    *,
    branch: str | None = "",
    age_bands: str | None = None,
    top_n: int = 10,
    progress: Progress | None = None,
) -> Report:
    """The report of this profile's branch (``branch=""``), another branch, or all (None)."""
    period = make_period(start, end)
    bands_text, indicator_settings = report_settings(session)
    bands = parse_age_bands(age_bands if age_bands is not None else bands_text)
    if branch == "":
        branch = settings.get(session, settings.BRANCH_CODE) or None
    return compute_report(
        client_source(session),
        period,
        clock,
        branch=branch,
        age_bands=bands,
        top_n=top_n,
        indicator_settings=indicator_settings,
        progress=progress,
    )


__all__ = ["branch_report", "report_settings"]
