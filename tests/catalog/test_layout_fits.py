"""The catalogue and labels pages and their dialogs fit a 1024-pixel-wide screen at every font
size the settings offer (the pages scroll rather than grow; dialogs stay narrower than it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from app.profile import Profile
from app.ui.catalog.class_picker import ClassPickerDialog
from app.ui.catalog.shelves import ShelvesDialog
from app.ui.labels.print_outcome import PrintOutcomeDialog
from app.ui.settings_pages.general import MAX_FONT_PT, MIN_FONT_PT, apply_font_size
from tests.catalog.test_catalog_screen import open_page
from tests.catalog.test_catalog_service import catalogue

SIDEBAR_AND_MARGINS = 300  # the navigation list at the largest font, and window frames
SCREEN = 1024


@pytest.mark.parametrize("points", [MIN_FONT_PT, 11, 16, MAX_FONT_PT])
def test_pages_and_dialogs_fit_1024(qtbot, branch_profile: Profile, points: int) -> None:  # type: ignore[no-untyped-def]
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001"])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSize()
    try:
        page = open_page(qtbot, branch_profile)
        apply_font_size(points)
        labels = page.window().show_section("labels")
        labels.queue.choose_button.setChecked(True)
        for widget in (page, labels):
            assert widget.minimumSizeHint().width() <= SCREEN - SIDEBAR_AND_MARGINS
            assert widget.minimumSizeHint().height() <= 698 - 150
        page.run_search("hlm")
        page.open_record_at(0)
        dialogs: list[QWidget] = [
            page.record_dialog,
            ShelvesDialog(page.ctx, page),
            ClassPickerDialog(page, "S8"),
            PrintOutcomeDialog(labels.queue.entries[:3], labels),
        ]
        for dialog in dialogs:
            assert dialog is not None
            hint = dialog.minimumSizeHint()
            assert hint.width() <= SCREEN - 40, type(dialog).__name__
            assert hint.height() <= 698 - 60, type(dialog).__name__
            dialog.close()
    finally:
        apply_font_size(before)
