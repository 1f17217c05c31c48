"""The desktop shell: navigation, honest placeholders, status bar, Chinese font, crash dialog."""

from __future__ import annotations

import logging
import sys
import uuid

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.profile import Profile
from app.services import settings
from app.services.outbox import record_op
from app.ui.app import build_main_window
from app.ui.errors import install_crash_handler
from app.ui.sections import NAVIGATION


def test_navigation_lists_every_section(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["编目", "借还", "读者", "标签打印", "同步", "统计报表", "设置"]
    assert len(NAVIGATION) == 7


def test_status_bar_counts_unsent_operations(qtbot, profile: Profile) -> None:
    with profile.sessions() as session, session.begin():
        settings.put(session, settings.BRANCH_NAME, "城关镇小河村农家书屋")
        for code in ("A1", "A2"):  # two real ops: the outbox refuses kinds the county lacks
            shelf = {"location_uuid": str(uuid.uuid4()), "code": code, "name": f"书架{code}"}
            record_op(session, profile.clock, "shelf_location_upsert", shelf)
    window = build_main_window(profile)
    qtbot.addWidget(window)
    assert "2" in window.pending_label.text()
    assert "小河村" in window.branch_label.text()
    assert window.online_label.text() == "未连接"
    window.ctx.set_online(False)
    assert window.online_label.text() == "离线"


def test_training_banner_shows_only_in_training_mode(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.show()
    assert not window.training_banner.isVisible()
    with profile.sessions() as session, session.begin():
        settings.put(session, settings.TRAINING_MODE, True)
    window.ctx.data_changed.emit()
    assert window.training_banner.isVisible()
    assert "培训模式" in window.training_banner.text()


def test_cjk_font_is_registered(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    assert "WenQuanYi" in QApplication.instance().font().family()


def test_uncaught_exception_shows_dialog_and_logs(qtbot, profile: Profile) -> None:
    install_crash_handler(profile.log_dir)
    shown: list[str] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.detailedText())
            box.accept()
        else:
            QTimer.singleShot(50, close_dialog)

    try:
        raise RuntimeError("boom for the test")
    except RuntimeError:
        QTimer.singleShot(50, close_dialog)
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "boom for the test" in shown[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "boom for the test" in (profile.log_dir / "crash.log").read_text(encoding="utf-8")
    sys.excepthook = sys.__excepthook__


def test_task_runner_reports_progress_and_result(qtbot) -> None:
    from app.ui.tasks import TaskRunner

    runner = TaskRunner()
    seen: list[tuple[int, int]] = []
    results: list[int] = []

    def job(control) -> int:
        for i in range(3):
            control.report(i + 1, 3, "step")
        return 42

    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda n: n == 0):
        runner.run(job, on_done=results.append, on_progress=lambda d, t, _x: seen.append((d, t)))
    assert results == [42]
    assert seen[-1] == (3, 3)


def test_every_section_fits_a_1280_pixel_screen(qtbot, profile: Profile) -> None:
    """Village PCs often have 1366×768 or 1280×800 screens: no section may force it wider."""
    window = build_main_window(profile)
    qtbot.addWidget(window)
    for key, _label in NAVIGATION:
        window.show_section(key)
        assert window.minimumSizeHint().width() <= 1280, key
