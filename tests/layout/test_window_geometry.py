"""The main window: not fixed in size, remembers where it was, maximised on small screens."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from app.profile import Profile
from app.ui.app import build_main_window
from app.ui.main_window import DEFAULT_SIZE, default_geometry, starts_maximised


def test_small_screens_start_maximised_large_ones_centred() -> None:
    assert starts_maximised(QRect(0, 0, 1024, 768))
    assert starts_maximised(QRect(0, 0, 1366, 768))
    assert starts_maximised(QRect(0, 0, 1024, 698))
    assert not starts_maximised(QRect(0, 0, 1920, 1080))
    big = default_geometry(QRect(0, 0, 1920, 1040))
    assert big.size() == DEFAULT_SIZE and big.center() == QRect(0, 0, 1920, 1040).center()
    small = default_geometry(QRect(0, 0, 1024, 698))
    assert small.width() <= 1024 and small.height() <= 698


def test_window_shrinks_to_a_maximised_1024x698(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.resize(1024, 698)
    window.show()
    for key in ("circulation", "readers", "reports", "settings", "sync"):
        window.show_section(key)
        qtbot.wait(10)
        assert window.width() <= 1024 and window.height() <= 698, key
    window.resize(900, 600)  # smaller still: the sections scroll, the window obeys
    qtbot.wait(10)
    assert window.width() == 900 and window.height() == 600


def test_first_start_on_a_small_screen_is_maximised(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.place_on_screen()  # the offscreen test screen is 800x800: a small screen
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_size_and_position_are_remembered(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(40, 50, 720, 540)
    qtbot.wait(20)
    window.close()  # saves the geometry into the profile
    again = build_main_window(profile)
    qtbot.addWidget(again)
    again.place_on_screen()
    again.show()
    qtbot.wait(20)
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    assert (again.width(), again.height()) == (720, 540)
    assert (again.geometry().x(), again.geometry().y()) == (40, 50)
