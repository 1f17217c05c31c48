"""The 导入 MARC dialog: preview with decoded titles and flags, then import (real fixtures)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models import BibRecord
from app.profile import Profile
from app.ui.context import AppContext
from app.ui.i18n import install_translators
from app.ui.marc_import import MarcImportDialog

REAL = Path(__file__).parent / "fixtures" / "real"


def test_preview_then_import(qtbot, branch_profile: Profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_translators(QApplication.instance(), "zh_CN")  # the default language
    dialog = MarcImportDialog(AppContext(branch_profile))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.open_file(REAL / "dp2-645-gb2312.iso")
    assert "读一点世界史" in dialog.summary.text()
    assert "gb18030" in dialog.summary.text()
    notes = dialog.table.item(0, 4).text()
    assert "21.2" in notes and "中图法" in notes
    assert dialog.import_button.isEnabled()
    shots = os.environ.get("SHUWU_SCREENSHOTS")
    for width in (1024, 1366):
        dialog.resize(width, 768)
        qtbot.wait(50)
        image = dialog.grab()
        assert image.width() == width
        if shots:
            image.save(str(Path(shots) / f"marc-import-{width}.png"))
    with qtbot.waitSignal(dialog.import_done, timeout=20000):
        dialog.import_button.click()
    with branch_profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(BibRecord)) == 1
        bib = s.scalars(select(BibRecord)).one()
        assert bib.other_class == "21.2 [690]" and bib.marc
