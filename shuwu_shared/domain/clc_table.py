"""The shipped 中图法 class table (resources/clc/clc_table.tsv) and the class picker's search.

The table holds about 30,000 classes, down to eight levels below the basic classes (the
source and what was left out are in the file's header). Search matches a class number prefix
(``S83``, ``ts976.3``), a caption fragment (``养鸡``) or pinyin, full or initials (``yangji``,
``yj``), and ranks number matches first, then shallower classes.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from shuwu_shared.domain import clc
from shuwu_shared.domain.pinyin import char_readings
from shuwu_shared.resources import resources_dir

TABLE_FILE = "clc_table.tsv"
DEFAULT_LIMIT = 200


@dataclass(frozen=True, slots=True)
class ClcEntry:
    code: str
    name: str
    depth: int  # 0 for the 22 basic classes
    path: tuple[str, ...]  # captions of the broader classes, basic class first


@dataclass(frozen=True, slots=True)
class _Row:
    entry: ClcEntry
    key: str  # the code without dots, upper case
    initials: str
    full: str


def table_path() -> Path:
    return resources_dir() / "clc" / TABLE_FILE


def _pinyin(name: str) -> tuple[str, str]:
    initials: list[str] = []
    full: list[str] = []
    for ch in name:
        readings = char_readings(ch) if "\u3400" <= ch <= "\u9fff" else ()
        if readings:
            initials.append(readings[0][0])
            full.append(readings[0])
        elif ch.isascii() and ch.isalnum():
            initials.append(ch.lower())
            full.append(ch.lower())
    return "".join(initials), "".join(full)


def _code_key(code: str) -> str:
    return unicodedata.normalize("NFKC", code).replace(".", "").replace(" ", "").upper()


_LOCK = threading.Lock()


def _rows() -> tuple[_Row, ...]:
    with _LOCK:  # the GUI warms it on a thread while a search may already ask
        return _load()


@cache
def _load() -> tuple[_Row, ...]:
    out: list[_Row] = []
    trail: list[str] = []
    path = table_path()
    if path.exists():
        lines = path.read_text(encoding="utf-8").splitlines()
    else:  # a build without the table: the basic classes and the T subclasses only
        lines = [f"{c.code}\t0\t{c.name}" for c in clc.TOP_CLASSES]
        at = next(n for n, line in enumerate(lines) if line.startswith("T\t")) + 1
        lines[at:at] = [f"{c.code}\t1\t{c.name}" for c in clc.T_SUBCLASSES]
    for line in lines:
        if not line or line.startswith("#"):
            continue
        code, depth_text, name = line.split("\t")
        depth = int(depth_text)
        del trail[depth:]
        entry = ClcEntry(code, name, depth, tuple(trail))
        trail.extend([""] * (depth - len(trail)))  # a left-out parent keeps the levels aligned
        trail.append(name)
        initials, full = _pinyin(name)
        out.append(_Row(entry, _code_key(code), initials, full))
    return tuple(out)


def entries() -> tuple[ClcEntry, ...]:
    return tuple(row.entry for row in _rows())


def lookup(code: str) -> ClcEntry | None:
    key = _code_key(code)
    return next((row.entry for row in _rows() if row.key == key), None)


def warm() -> None:
    """Load the table (about a second on a slow PC): call it off the GUI thread first."""
    _rows()


_CODE_QUERY = re.compile(r"^[A-Za-z]{1,2}[\d.\-]*$")


def search(query: str, limit: int = DEFAULT_LIMIT) -> tuple[ClcEntry, ...]:
    """Classes matching ``query`` by number prefix, caption or pinyin; best first."""
    text = unicodedata.normalize("NFKC", query).strip()
    if not text:
        return ()
    code_key = _code_key(text) if _CODE_QUERY.match(text) else ""
    latin = text.lower().replace(" ", "") if text.isascii() else ""
    scored: list[tuple[int, int, int, ClcEntry]] = []
    for index, row in enumerate(_rows()):
        if code_key and row.key.startswith(code_key):
            rank = 0
        elif text in row.entry.name:
            rank = 1
        elif latin and (row.initials.startswith(latin) or row.full.startswith(latin)):
            rank = 2
        elif latin and len(latin) >= 2 and (latin in row.full or latin in row.initials):
            rank = 3
        else:
            continue
        scored.append((rank, row.entry.depth, index, row.entry))
    if len(scored) < FEW and not latin:
        scored += _by_characters(text, {index for *_r, index, _e in scored})
    scored.sort(key=lambda t: (t[0], t[1] if t[0] else 0, t[2]))
    return tuple(entry for *_k, entry in scored[:limit])


FEW = 10


def _by_characters(text: str, seen: set[int]) -> list[tuple[int, int, int, ClcEntry]]:
    """Words the captions do not use as typed (养鸡 → 鸡 › 饲养管理, 养猪 → 猪): every character
    of the query in the caption or its broader classes ranks 4, half of them in the caption 5."""
    wanted = {ch for ch in text if "\u3400" <= ch <= "\u9fff"}
    if len(wanted) < 2:
        return []
    out: list[tuple[int, int, int, ClcEntry]] = []
    for index, row in enumerate(_rows()):
        if index in seen:
            continue
        in_name = wanted & set(row.entry.name)
        if not in_name:
            continue
        # Captions mostly made of the query's characters first (猪 before 个人修养).
        share = -round(1000 * len(in_name) / max(1, len(row.entry.name)))
        if wanted <= in_name | set("".join(row.entry.path)):
            out.append((4, share, index, row.entry))
        elif 2 * len(in_name) >= len(wanted):
            out.append((5, share, index, row.entry))
    return out
