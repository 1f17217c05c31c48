"""Qt-free translation: the same .ts files the GUI loads through QTranslator.

Source strings are English. Wrap every user-facing string in ``_("...")`` (the GUI has its own
``app.ui.i18n._`` that goes through Qt). ``tools/i18n.py`` extracts the strings into
``resources/translations/zh_CN/<module>.ts``; ``make`` compiles them to ``.qm`` for Qt.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from shuwu_shared.resources import resources_dir

DEFAULT_LANGUAGE = "zh_CN"
SUPPORTED_LANGUAGES = ("zh_CN", "en")
CONTEXT = "shuwu"

_language = os.environ.get("SHUWU_LANG", DEFAULT_LANGUAGE)


def set_language(language: str) -> None:
    global _language
    _language = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def language() -> str:
    return _language


def translations_dir(lang: str = DEFAULT_LANGUAGE) -> Path:
    return resources_dir() / "translations" / lang


@cache
def _catalog(lang: str) -> dict[str, str]:
    catalog: dict[str, str] = {}
    folder = translations_dir(lang)
    if not folder.is_dir():
        return catalog
    for ts_file in sorted(folder.glob("*.ts")):
        root = ET.parse(ts_file).getroot()
        for message in root.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or not node.text:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            catalog[source] = node.text
    return catalog


def _(text: str) -> str:
    """Translate ``text`` into the current language (English is the source)."""
    if _language == "en":
        return text
    return _catalog(_language).get(text, text)
