"""Client-side SQLAlchemy models (Qt-free)."""

from app.models.base import Base
from app.models.core import (
    AppSetting,
    AuditLog,
    BibRecord,
    Branch,
    CirculationPolicy,
    CreditEntry,
    CreditRules,
    Item,
    Loan,
    OutboxOp,
    Reader,
    ShelfLocation,
    SyncException,
    SyncState,
)
from app.models.circulation import DeskUndo

__all__ = [
    "AppSetting",
    "AuditLog",
    "Base",
    "BibRecord",
    "Branch",
    "CirculationPolicy",
    "CreditEntry",
    "CreditRules",
    "DeskUndo",
    "Item",
    "Loan",
    "OutboxOp",
    "Reader",
    "ShelfLocation",
    "SyncException",
    "SyncState",
]
