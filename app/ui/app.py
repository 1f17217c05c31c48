"""GUI start-up: QApplication, fonts, translations, crash handler, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, APP_ORG
from app.profile import Profile, open_profile
from app.services import settings
from app.ui import ops
from app.ui.context import AppContext
from app.ui.errors import install_crash_handler
from app.ui.i18n import _, install_translators
from app.ui.main_window import MainWindow
from app.ui.recovery_dialog import offer_recovery
from app.ui.settings_pages.general import MAX_FONT_PT, MIN_FONT_PT
from shuwu_shared.errors import EXIT_BAD_INPUT, DatabaseDamaged, ProfileError
from shuwu_shared.i18n import DEFAULT_LANGUAGE
from shuwu_shared.resources import cjk_font_path
from shuwu_shared.version import __version__

DEFAULT_FONT_PT = 11


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ORG)
    app.setApplicationVersion(__version__)
    return app


def load_cjk_font() -> str | None:
    """Register the shipped CJK font so Chinese renders on machines without one."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def apply_preferences(app: QApplication, profile: Profile) -> None:
    language, size = ops.query(
        profile,
        lambda s: (
            settings.get(s, settings.LANGUAGE) or DEFAULT_LANGUAGE,
            int(settings.get_float(s, settings.FONT_SIZE, DEFAULT_FONT_PT)),
        ),
    )
    # A size saved by an older version may be larger than the screens are laid out for.
    size = min(max(size, MIN_FONT_PT), MAX_FONT_PT)
    install_translators(app, language)
    family = load_cjk_font()
    font = QFont(family) if family else app.font()
    font.setPointSize(size)
    app.setFont(font)


def build_main_window(profile: Profile) -> MainWindow:
    app = application()
    apply_preferences(app, profile)
    return MainWindow(AppContext(profile))


def run_gui(home: str | Path | None) -> int:
    app = application()
    try:
        profile = open_profile(home)
    except DatabaseDamaged as exc:
        install_translators(app, DEFAULT_LANGUAGE)
        load_cjk_font()
        if not offer_recovery(home, exc):
            return EXIT_BAD_INPUT
        return run_gui(home)
    except ProfileError as exc:
        install_translators(app, DEFAULT_LANGUAGE)
        load_cjk_font()
        QMessageBox.critical(None, _("Cannot open the profile"), exc.message)
        return EXIT_BAD_INPUT
    app.setProperty("shuwu_home", str(profile.home))  # for the damaged-database message
    install_crash_handler(profile.log_dir)
    window = build_main_window(profile)
    from app.ui.auto_backup import start_auto_backup

    window.auto_backup = start_auto_backup(window.ctx)  # type: ignore[attr-defined]
    from app.ui.auto_sync import start_auto_sync

    window.auto_sync = start_auto_sync(window.ctx)  # type: ignore[attr-defined]
    window.place_on_screen()
    window.show()
    code = app.exec()
    window.ctx.tasks.wait(10000)
    profile.close()
    return int(code)
