"""The branch's report settings: age bands, the population served and the new-books target."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services import settings
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.reports.compute import parse_age_bands
from shuwu_shared.reports.model import DEFAULT_AGE_BANDS

AGE_BANDS_KEY = "report_age_bands"
POPULATION_KEY = "report_population"
NEW_BOOKS_TARGET_KEY = "report_new_books_per_capita_target"
MAX_POPULATION = 100_000_000


@dataclass(frozen=True)
class ReportPreferences:
    age_bands: str  # e.g. "0-6,7-14,15-17,18-59,60+"
    population: int | None  # people the branch serves; None: not set
    new_books_target: float | None  # new books per head per year; None: not set


def load_preferences(session: Session) -> ReportPreferences:
    bands = settings.get(session, AGE_BANDS_KEY) or ",".join(b.label for b in DEFAULT_AGE_BANDS)
    population = int(settings.get_float(session, POPULATION_KEY, 0)) or None
    target = settings.get_float(session, NEW_BOOKS_TARGET_KEY, 0.0) or None
    return ReportPreferences(bands, population, target)


def save_preferences(
    session: Session, age_bands: str, population: int | None, new_books_target: float | None
) -> ReportPreferences:
    """Check and store; nothing is stored when any value is refused."""
    bands = parse_age_bands(age_bands)  # raises a UserInputError that names the bad band
    if population is not None and not 0 <= population <= MAX_POPULATION:
        raise UserInputError(
            _("The population must be a whole number from 0 to 100,000,000."), code="population"
        )
    if new_books_target is not None and (
        not math.isfinite(new_books_target) or not 0 <= new_books_target <= 100
    ):
        raise UserInputError(
            _("The new-books target must be a number of books per person from 0 to 100."),
            code="target",
        )
    text = ",".join(b.label for b in bands)
    settings.put(session, AGE_BANDS_KEY, text)
    settings.put(session, POPULATION_KEY, population or 0)
    settings.put(session, NEW_BOOKS_TARGET_KEY, new_books_target or 0)
    return ReportPreferences(text, population or None, new_books_target or None)
