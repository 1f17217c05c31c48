"""Qt-side translation: QTranslator with the compiled .qm, plus Qt's own zh_CN strings."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shuwu_shared import i18n
from shuwu_shared.resources import resources_dir

log = logging.getLogger(__name__)
CONTEXT = i18n.CONTEXT
_installed: list[QTranslator] = []  # keep references alive, or Qt drops them


def _(text: str) -> str:
    """Translate a UI string through Qt (English source, zh_CN by default)."""
    return QCoreApplication.translate(CONTEXT, text)


def _qm_path(language: str) -> Path | None:
    shipped = resources_dir() / "translations" / f"shuwu_{language}.qm"
    if shipped.exists():
        return shipped
    ts_files = sorted((resources_dir() / "translations" / language).glob("*.ts"))
    if not ts_files:
        return None
    # A source checkout that was never built: compile on the fly so Chinese still shows. Qt maps
    # the .qm into memory, so another process's file is never rewritten in place (that is a bus
    # error there): each compiles to its own name and renames it over the shared one.
    # Named after the sources (path, size, mtime): a later start of the same checkout reuses
    # it instead of running lrelease again (a second or more of every cold start).
    stamp = hashlib.sha256(
        repr([(str(ts), ts.stat().st_size, ts.stat().st_mtime_ns) for ts in ts_files]).encode()
    ).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"shuwu_{language}_{stamp}.qm"
    if target.exists():
        return target
    own = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    try:
        subprocess.run(
            [str(lrelease), "-silent", *map(str, ts_files), "-qm", str(own)],
            check=True,
            capture_output=True,
        )
        os.replace(own, target)
    except (OSError, subprocess.CalledProcessError):
        log.warning("could not compile translations")
        own.unlink(missing_ok=True)
        return None
    return target


def _load_qt_translations(translator: QTranslator, language: str) -> bool:
    """Qt's own strings (file and print dialogs): our shipped copy first, then PySide6's.

    resources/translations/qt/ holds qtbase_zh_CN.qm copied from PySide6's translations folder,
    so a bundle that leaves out Qt's translations still shows Chinese dialogs.
    """
    for folder in (
        resources_dir() / "translations" / "qt",
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        if translator.load(f"qtbase_{language}", str(folder)):
            return True
    return False


def install_translators(app: QCoreApplication, language: str) -> None:
    i18n.set_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return
    QLocale.setDefault(QLocale(language))
    qt_translator = QTranslator()
    if _load_qt_translations(qt_translator, language):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    qm = _qm_path(language)
    translator = QTranslator()
    if qm is not None and translator.load(str(qm)):
        app.installTranslator(translator)
        _installed.append(translator)
