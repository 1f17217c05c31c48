"""Write docs/ops.md from the protocol models: ``python tools/gen_ops_doc.py`` (``--check``
exits 1 when the committed file is stale)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shuwu_shared.protocol.docs import render  # noqa: E402

TARGET = ROOT / "docs" / "ops.md"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/ops.md is stale: run python tools/gen_ops_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
