"""The training banner and page, on screen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.profile import open_profile
from app.services import training
from app.ui.app import build_main_window
from app.ui.sections import NAVIGATION


def test_banner_on_every_section_and_exercise_page(qtbot, tmp_path) -> None:
    home = tmp_path / "training"
    training.create_training_profile(home)
    profile = open_profile(home)
    try:
        window = build_main_window(profile)
        qtbot.addWidget(window)
        window.show()
        for key, _title in NAVIGATION:
            window.show_section(key)
            assert window.training_banner.isVisible(), key
        assert "培训模式" in window.training_banner.text()
        assert window.windowTitle().startswith("【培训】")
        page = window.show_section("settings").show_page("training")
        assert page.exercises.count() == 6
        assert all("未完成" in page.exercises.item(i).text() for i in range(6))

        with qtbot.waitSignal(window.ctx.data_changed):
            page.plus_week.click()
        assert "7 天" in page.date_label.text()
        when = profile.clock.now().astimezone().date().isoformat()
        assert when in window.training_banner.text()

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                next(b for b in box.buttons() if b.text() == "重置").click()
            else:
                QTimer.singleShot(20, answer)

        QTimer.singleShot(20, answer)
        with qtbot.waitSignal(window.ctx.data_changed):
            page.reset_button.click()
        assert "0 天" in page.date_label.text()
        window.timer.stop()
    finally:
        profile.close()
