"""Client-side SQLAlchemy models (Qt-free)."""

from app.models.base import Base
from app.models.catalog import (
    CallSeqCounter,
    LabelQueue,
    StocktakeScan,
    StocktakeSession,
    Transfer,
    TransferItem,
)
from app.models.circulation import DeskUndo
from app.models.core import (
    AppSetting,
    AuditLog,
    BibRecord,
    Branch,
    CirculationPolicy,
    CountyCopy,
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
from app.models.reports import Activity, VisitCount

__all__ = [
    "Activity",
    "AppSetting",
    "AuditLog",
    "Base",
    "BibRecord",
    "Branch",
    "CallSeqCounter",
    "CirculationPolicy",
    "CountyCopy",
    "CreditEntry",
    "CreditRules",
    "DeskUndo",
    "Item",
    "LabelQueue",
    "Loan",
    "OutboxOp",
    "Reader",
    "ShelfLocation",
    "StocktakeScan",
    "StocktakeSession",
    "SyncException",
    "SyncState",
    "Transfer",
    "TransferItem",
    "VisitCount",
]
