"""The Labels section: the page and its tabs live in app/ui/labels/ (one module per tab)."""

from __future__ import annotations

from app.ui.labels.page import LabelsPage
from app.ui.sections import SectionSpec

__all__ = ["SECTION", "LabelsPage"]

SECTION = SectionSpec(key="labels", factory=LabelsPage)
