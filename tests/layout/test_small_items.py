"""Small issue-16 items: Qt's own dialogs in Chinese, a disabled red button that looks
disabled, and the training "+31 days" step that lands past a 30-day due date."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication

from app.profile import Profile, open_profile
from app.services import training
from app.ui.app import build_main_window
from app.ui.i18n import install_translators
from shuwu_shared.resources import resources_dir


def test_qt_dialogs_speak_chinese_from_the_shipped_translation(qapp) -> None:
    assert (resources_dir() / "translations" / "qt" / "qtbase_zh_CN.qm").is_file()
    install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    assert QCoreApplication.translate("QPrintDialog", "Print") == "打印"


def red_pixels(path: Path) -> int:
    data = Image.open(path).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 150 and g < 90 and b < 90)


def test_disabled_reset_button_is_not_red(qtbot, profile: Profile, tmp_path: Path) -> None:
    window = build_main_window(profile)  # a real branch profile: training reset is disabled
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("settings").show_page("training")
    button = page.reset_button
    assert not button.isEnabled()
    button.grab().save(str(tmp_path / "disabled.png"))
    assert red_pixels(tmp_path / "disabled.png") == 0
    button.setEnabled(True)
    button.grab().save(str(tmp_path / "enabled.png"))
    assert red_pixels(tmp_path / "enabled.png") > 0  # the same button, pressable, is red


def test_plus_month_moves_the_training_date_31_days(qtbot, tmp_path: Path) -> None:
    home = tmp_path / "training"
    training.create_training_profile(home)
    opened = open_profile(home)
    try:
        window = build_main_window(opened)
        qtbot.addWidget(window)
        window.show()
        page = window.show_section("settings").show_page("training")
        with qtbot.waitSignal(window.ctx.data_changed):
            page.plus_month.click()
        with opened.sessions() as s:
            assert training.simulated_days(s) == 31
        assert "31" in page.plus_month.text()
        window.timer.stop()
    finally:
        opened.close()
