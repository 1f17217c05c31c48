"""Settings: pages discovered, font size applied app-wide, backup/restore from the GUI."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.device import state
from app.profile import Profile
from app.services import backup, settings
from app.ui.app import build_main_window
from shuwu_shared.clock import Clock
from tests.field.conftest import add_reader


def test_settings_pages_are_discovered(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    section = window.show_section("settings")
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert titles[:4] == ["常规", "备份", "U盘同步", "培训"]


def test_font_size_is_saved_and_applied(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    page = window.show_section("settings").show_page("general")
    page.font_size.setValue(16)
    page.save_button.click()
    assert QApplication.instance().font().pointSize() == 16
    with profile.sessions() as session:
        assert settings.get_float(session, settings.FONT_SIZE, 0) == 16
    # The navigation grows with it (laid out for 11 pt: 13 pt text, 170 px wide).
    assert "font-size: 19pt;" in window.nav.styleSheet()
    assert window.nav.width() == round(170 * 16 / 11)
    page.font_size.setValue(11)
    page.save_button.click()
    assert "font-size: 13pt;" in window.nav.styleSheet() and window.nav.width() == 170


def _answer_next_box(button_text: str, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            for button in box.buttons():
                if button.text() == button_text:
                    button.click()
                    return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def test_restore_from_gui_asks_first(qtbot, profile: Profile, tmp_path) -> None:
    add_reader(profile, "G1")
    saved = backup.backup_to(profile.db_path, tmp_path / "b.db", Clock()).path
    add_reader(profile, "G2")
    window = build_main_window(profile)
    qtbot.addWidget(window)
    page = window.show_section("settings").show_page("backup")

    seen: list[str] = []
    _answer_next_box("取消", seen)
    page.restore_from(saved)
    assert "1 位读者" in seen[0] and "2 位读者" in seen[0]
    assert "没有做任何更改" in page.message.text()

    _answer_next_box("用备份替换", seen)
    with qtbot.waitSignal(window.ctx.data_changed, timeout=10000):
        page.restore_from(saved)
    with profile.sessions() as session:
        assert state.epoch_renewal_pending(session)
    assert "1 位读者" in page.message.text()
    assert page.list.count() == 0  # before-restore copies are not listed as daily backups
