"""Text for the catalogue's short-query index (fts_bib_bigram), computed in Python.

Cataloguing (app.services.catalog_search) and sync's apply (app.sync.apply) both index records
with it, so one rule makes the tokens wherever a bib_record row is written.
"""

from __future__ import annotations

import re


def bigram_text(*values: str | None) -> str:
    """Tokens for the 1–2 character index: every Han unigram and bigram, plus latin words."""
    tokens: list[str] = []
    for value in values:
        if not value:
            continue
        for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]+", value):
            tokens.extend(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        tokens.extend(w.lower() for w in re.findall(r"[A-Za-z0-9]+", value))
    return " ".join(dict.fromkeys(tokens))
