"""The conflicts the county filed for this branch (pulled into ``sync_exception``).

When county staff resolve one (console or ``shuwu-server exceptions --resolve``), the next sync
brings its ``resolved_at`` and the staff's note (``resolution``); both are shown on the PC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import SyncException
from shuwu_shared.i18n import _


def kind_label(kind: str) -> str:
    labels = {
        "DOUBLE_CHECKOUT": _("Same copy lent at two places"),
        "ORPHAN_RETURN": _("Return before its checkout arrived"),
        "POLICY_OVERRIDE_OFFLINE": _("Rule overridden offline"),
        "STAFF_OVERRIDE": _("Staff override"),
        "LOST_ITEM_FOUND": _("Lost copy found"),
        "UNKNOWN_BARCODE": _("Unknown barcode"),
        "UNKNOWN_CARD": _("Unknown reader card"),
        "DUE_DATE_SUSPECT": _("Suspicious due date"),
        "CATALOGUE_CONFLICT": _("Catalogue conflict"),
        "CLOCK_SKEW": _("Computer clock wrong"),
        "OUT_OF_SCOPE": _("Copies of other branches left unchanged"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class ExceptionView:
    uuid: str
    kind: str
    kind_label: str
    summary: str
    created_at: datetime
    resolved_at: datetime | None
    resolution: str | None  # the county staff's note, once resolved

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


RECENTLY_RESOLVED = timedelta(days=30)


def list_exceptions(
    session: Session,
    include_resolved: bool = False,
    resolved_since: datetime | None = None,
) -> list[ExceptionView]:
    """Open conflicts first (newest first), then resolved ones (latest resolution first).

    ``include_resolved``: every resolved one too; ``resolved_since``: only those resolved at or
    after that time (the Sync screen shows the last 30 days).
    """
    stmt = select(SyncException).order_by(
        SyncException.resolved_at.is_not(None),
        SyncException.resolved_at.desc(),
        SyncException.created_at.desc(),
        SyncException.id.desc(),
    )
    if resolved_since is not None:
        stmt = stmt.where(
            SyncException.resolved_at.is_(None) | (SyncException.resolved_at >= resolved_since)
        )
    elif not include_resolved:
        stmt = stmt.where(SyncException.resolved_at.is_(None))
    return [
        ExceptionView(
            e.uuid,
            e.kind,
            kind_label(e.kind),
            e.summary,
            e.created_at,
            e.resolved_at,
            (e.resolution or "").strip() or None,
        )
        for e in session.scalars(stmt)
    ]


def open_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(SyncException.resolved_at.is_(None))) or 0)


def add_screenshot_examples(session: Session, now: datetime) -> None:
    """For ``shuwu selftest --screenshots`` on its practice copy of the demo village only: one
    open conflict and one the county resolved with a note, so the Sync screen shows both."""
    from app.device import settings
    from app.models import Item

    if not settings.is_training(session):
        raise ValueError("examples are only written into a training profile")
    here = settings.get(session, settings.BRANCH_CODE) or ""
    barcodes = list(
        session.scalars(
            select(Item.barcode).where(Item.home_branch_code == here).order_by(Item.barcode)
        ).all()[:2]
    )
    if len(barcodes) < 2:
        return
    other = "LY01" if here != "LY01" else "CW01"
    session.add_all(
        [
            SyncException(
                uuid="00000000-0000-4000-8000-00000000e001",
                kind="ORPHAN_RETURN",
                summary=_(
                    "Copy {barcode} was returned at {branch} before its loan reached the "
                    "county; the return is kept"
                ).format(barcode=barcodes[0], branch=here),
                detail={"barcode": barcodes[0]},
                created_at=now - timedelta(hours=3),
            ),
            SyncException(
                uuid="00000000-0000-4000-8000-00000000e002",
                kind="DOUBLE_CHECKOUT",
                summary=_(
                    "Copy {barcode} was lent at {a} and at {b} while offline; "
                    "both loans are kept, the earlier one is closed"
                ).format(barcode=barcodes[1], a=here, b=other),
                detail={"barcode": barcodes[1]},
                created_at=now - timedelta(days=3),
                resolved_at=now - timedelta(days=2),
                resolution=_("Phoned both readers; the book is at {branch}.").format(branch=other),
            ),
        ]
    )
