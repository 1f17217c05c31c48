"""Every UI string is extracted and translated into zh_CN; English stays selectable."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from shuwu_shared import i18n

ROOT = Path(__file__).resolve().parents[2]


def test_translation_files_are_current_and_complete(tmp_path: Path) -> None:
    ts_dir = ROOT / "resources" / "translations" / "zh_CN"
    before = {p.name: p.read_bytes() for p in ts_dir.glob("*.ts")}
    backup = tmp_path / "ts"
    shutil.copytree(ts_dir, backup)
    try:
        subprocess.run([sys.executable, "tools/i18n.py", "extract"], cwd=ROOT, check=True)
        after = {p.name: p.read_bytes() for p in ts_dir.glob("*.ts")}
        missing = subprocess.run(
            [sys.executable, "tools/i18n.py", "missing"], cwd=ROOT, capture_output=True, text=True
        )
    finally:
        shutil.rmtree(ts_dir)
        shutil.copytree(backup, ts_dir)
    assert after == before, "run `python tools/i18n.py extract` and commit the .ts files"
    assert missing.returncode == 0, "untranslated strings:\n" + missing.stdout


def test_qt_free_translation_follows_language() -> None:
    try:
        i18n.set_language("zh_CN")
        assert i18n._("Catalogue") == "编目"
        i18n.set_language("en")
        assert i18n._("Catalogue") == "Catalogue"
    finally:
        i18n.set_language("zh_CN")


def test_template_strings_are_found_in_either_quote(tmp_path: Path) -> None:
    """A template's _('...') inside a double-quoted attribute is extracted like _("...")."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    page = tmp_path / "page.html"
    page.write_text(
        '<h1>{{ _("Title") }}</h1><input placeholder="{{ _(\'new type\') }}">'
        '<p>{{ _("it\'s") }} {{ _(\'say "hi"\') }}</p>',
        encoding="utf-8",
    )
    assert tool.strings_in(page) == ["Title", "new type", "it's", 'say "hi"']
