"""Per-request translation for the console: zh_CN by default, English on request.

Reads the same ``resources/translations/zh_CN/*.ts`` catalogues as the rest of Shuwu, but per
request (``shuwu_shared.i18n`` holds one process-wide language). Template strings are written
``_("...")`` so tools/i18n.py extracts them like Python ones.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from pathlib import Path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


@cache
def catalog(lang: str) -> dict[str, str]:
    found: dict[str, str] = {}
    folder = resources_dir() / "translations" / lang
    if not folder.is_dir():
        return found
    for ts_file in sorted(folder.glob("*.ts")):
        for message in ET.parse(ts_file).getroot().iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or not node.text:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            found[source] = node.text
    return found


def translator(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return lambda text: text
    table = catalog(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return lambda text: table.get(text, text)


def pick_language(cookie: str | None, accept: str | None) -> str:
    """The language cookie wins; otherwise Chinese (the county's staff default)."""
    if cookie in LANGUAGES:
        return str(cookie)
    return DEFAULT_LANGUAGE
