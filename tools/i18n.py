"""Translation workflow without Qt Linguist.

  python tools/i18n.py extract   # collect _("...") strings into translations/zh_CN/*.ts
  python tools/i18n.py fill [FILE.json] # set translations from {"English": "中文", ...}
                                      # (default: every resources/translations/glossary/*.json)
  python tools/i18n.py missing        # list strings without a zh_CN translation (exit 1 if any)
  python tools/i18n.py compile        # build resources/translations/shuwu_zh_CN.qm with lrelease

One .ts per source module (resources/translations/zh_CN/app.ui.catalog.ts ...), so parallel
work never edits the same file. All strings share the Qt context "shuwu".
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations" / "zh_CN"
GLOSSARY_DIR = ROOT / "resources" / "translations" / "glossary"
QM_FILE = ROOT / "resources" / "translations" / "shuwu_zh_CN.qm"
SOURCES = ("app", "server", "shuwu_shared")
CONTEXT = "shuwu"


# _("...") or _('...') in a template (an attribute value is often written with the other quote).
TEMPLATE_STRING = re.compile(r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")


def strings_in(path: Path) -> list[str]:
    if path.suffix == ".html":  # Jinja2 templates (server/console/templates): _("...") calls
        found_html = TEMPLATE_STRING.findall(path.read_text(encoding="utf-8"))
        return list(dict.fromkeys(double or single for double, single in found_html))
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            text = node.args[0].value
            if text not in found:
                found.append(text)
    return found


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    result: dict[str, str] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        text = node.text if node is not None and node.get("type") != "unfinished" else ""
        result[source] = text or ""
    return result


def write_ts(path: Path, entries: dict[str, str]) -> None:
    ts = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, translation in entries.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        node = ET.SubElement(message, "translation")
        if translation:
            node.text = translation
        else:
            node.set("type", "unfinished")
    ET.indent(ts)
    body = ET.tostring(ts, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def module_sources() -> dict[str, Path]:
    modules: dict[str, Path] = {}
    for top in SOURCES:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            modules[".".join(path.relative_to(ROOT).with_suffix("").parts)] = path
        for path in sorted((ROOT / top).rglob("templates/*.html")):
            modules[".".join(path.relative_to(ROOT).with_suffix("").parts)] = path
    return modules


def extract() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    wanted: set[Path] = set()
    for module, path in module_sources().items():
        strings = strings_in(path)
        if not strings:
            continue
        ts_path = TS_DIR / f"{module}.ts"
        wanted.add(ts_path)
        old = read_ts(ts_path)
        write_ts(ts_path, {s: old.get(s, "") for s in strings})
    for stale in TS_DIR.glob("*.ts"):
        if stale not in wanted:
            stale.unlink()


def fill(mapping_file: Path) -> None:
    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    for ts_path in sorted(TS_DIR.glob("*.ts")):
        entries = read_ts(ts_path)
        changed = {s: mapping.get(s, t) or t for s, t in entries.items()}
        if changed != entries:
            write_ts(ts_path, changed)


def missing() -> list[tuple[str, str]]:
    return [
        (ts_path.name, source)
        for ts_path in sorted(TS_DIR.glob("*.ts"))
        for source, text in read_ts(ts_path).items()
        if not text
    ]


def compile_qm() -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    files = [str(p) for p in sorted(TS_DIR.glob("*.ts"))]
    if not files:
        return
    subprocess.run([lrelease, "-silent", *files, "-qm", str(QM_FILE)], check=True)


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "extract":
        extract()
    elif command == "fill":
        files = sys.argv[2:] or sorted(str(p) for p in GLOSSARY_DIR.glob("*.json"))
        for name in files:
            fill(Path(name))
    elif command == "missing":
        rows = missing()
        for name, source in rows:
            print(f"{name}: {source}")
        return 1 if rows else 0
    elif command == "compile":
        compile_qm()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
