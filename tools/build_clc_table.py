"""Rebuild resources/clc/clc_table.tsv from php_clc_parser's data.json.

    git clone https://github.com/coooold/php_clc_parser /tmp/clc
    python tools/build_clc_table.py /tmp/clc/src/data.json

Keeps every class number shuwu_shared.domain.clc accepts, with its depth below the basic class; the
header of the TSV says what was left out and why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from shuwu_shared.domain.clc import is_valid_class_number

OUT = Path(__file__).resolve().parent.parent / "resources" / "clc" / "clc_table.tsv"
# Second-level captions the 5th edition renamed (the source keeps the 4th edition's wording).
FIFTH_EDITION = {"TN": "电子技术、通信技术", "TS": "轻工业、手工业、生活服务业"}
HEADER = """\
# 中国图书馆分类法 class table: code<TAB>depth<TAB>caption (depth 0 = the 22 basic classes).
# Source: github.com/coooold/php_clc_parser, src/data.json (commit 6f761a6, MIT licence,
# (c) 2015 zhangyue), converted by tools/build_clc_table.py. The source follows the 4th edition's
# wording; the two captions the 5th edition renamed at the second level are given in their
# 5th edition form (TN 电子技术、通信技术; TS 轻工业、手工业、生活服务业).
# Entries the tables say not to use ([..] alternatives, {..} discontinued), spans (I3/7) and
# the source's "+" sub-divisions are left out: a copy can only be classed with a number
# shuwu_shared.domain.clc accepts.
"""


def rows(node: dict[str, Any], depth: int) -> list[tuple[str, int, str]]:
    code = str(node["code"]).strip()
    name = " ".join(str(node["name"]).split())
    out = [(code, depth, FIFTH_EDITION.get(code, name))] if is_valid_class_number(code) else []
    for child in node.get("children") or []:
        out += rows(child, depth + 1)
    return out


def main(source: str) -> None:
    tree = json.loads(Path(source).read_text(encoding="utf-8"))
    lines = [f"{c}\t{d}\t{n}\n" for top in tree for c, d, n in rows(top, 0)]
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} classes written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
