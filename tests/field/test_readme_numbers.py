"""The README's training paragraph says what the training profile really holds."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import func, select

from app.models import BibRecord, Item, Loan, Reader
from app.profile import open_profile
from app.services import settings, training

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_training_numbers_match_the_profile(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    claim = re.search(
        r"demo county \((\S+), branch (\w+): (\d+) copies of (\d+) titles, (\d+) readers, "
        r"(\d+) open loans?",
        text.replace("\n", " "),
    )
    assert claim is not None, "the training paragraph's numbers are missing from the README"
    name, code, copies, titles, readers, loans = claim.groups()
    home = tmp_path / "training"
    training.create_training_profile(home)
    profile = open_profile(home)
    try:
        with profile.sessions() as s:
            assert settings.get(s, settings.BRANCH_NAME) == name
            assert settings.get(s, settings.BRANCH_CODE) == code
            assert s.scalar(select(func.count()).select_from(Item)) == int(copies)
            assert s.scalar(select(func.count()).select_from(BibRecord)) == int(titles)
            assert s.scalar(select(func.count()).select_from(Reader)) == int(readers)
            open_loans = select(func.count()).where(Loan.returned_at.is_(None))
            assert s.scalar(open_loans) == int(loans)
    finally:
        profile.close()


def test_readme_f8_claim_matches_the_overridable_rules() -> None:
    from app.services.circulation import OVERRIDABLE

    text = README.read_text(encoding="utf-8").replace("\n", " ")
    assert "F8 (with a reason) overrides only these last six" in text
    assert len(OVERRIDABLE) == 6 and "on_loan_here" not in OVERRIDABLE
