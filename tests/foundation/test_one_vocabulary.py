"""One vocabulary: stored codes become words only in shuwu_shared/vocabulary.py.

Every table there (item status, gender, reader status, scan outcome, transfer status…) is read
from its source; no other module under app/ may keep its own dict from two or more of those
codes to translated words (a ``_("…")`` call or a lambda returning one).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "shuwu_shared" / "vocabulary.py"


def _translated(node: ast.expr) -> bool:
    if isinstance(node, ast.Lambda):
        node = node.body
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"


def word_tables(source: str) -> list[tuple[int, frozenset[str]]]:
    """(line, codes) of every dict literal mapping string codes to translated words."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict) or not node.keys:
            continue
        codes = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        if all(isinstance(c, str) for c in codes) and all(_translated(v) for v in node.values):
            found.append((node.lineno, frozenset(codes)))
    return found


def test_the_scanner_finds_a_table_of_words() -> None:
    source = (
        'A = {"draft": lambda: _("draft"), "sent": lambda: _("sent")}\n'
        'B = {"F": _("Female"), "M": _("Male")}\n'
        'C = {"F": "Female", "M": "Male"}\n'
    )
    assert [codes for _line, codes in word_tables(source)] == [
        frozenset({"draft", "sent"}),
        frozenset({"F", "M"}),
    ]


def test_no_module_under_app_keeps_its_own_table_of_stored_codes() -> None:
    vocabularies = [codes for _line, codes in word_tables(VOCABULARY.read_text("utf-8"))]
    assert frozenset({"draft", "sent", "received"}) in vocabularies
    assert len(vocabularies) >= 6
    files = sorted((ROOT / "app").rglob("*.py"))
    assert len(files) > 100
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in files
        for line, codes in word_tables(path.read_text("utf-8"))
        if any(len(codes & vocabulary) >= 2 for vocabulary in vocabularies)
    ]
    assert offenders == []
