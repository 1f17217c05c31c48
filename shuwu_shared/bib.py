"""The editable fields of a bibliographic record, as the client, the server and MARC agree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BIB_FIELDS = (
    "isbn",
    "title",
    "author",
    "publisher",
    "pub_place",
    "pub_year",
    "edition",
    "pages",
    "price",
    "clc_class",
    "subjects",
    "summary",
)


@dataclass(frozen=True)
class BibData:
    """The editable fields of a bibliographic record."""

    title: str = ""
    isbn: str | None = None
    author: str | None = None
    publisher: str | None = None
    pub_place: str | None = None
    pub_year: str | None = None
    edition: str | None = None
    pages: str | None = None
    price: str | None = None
    clc_class: str | None = None
    subjects: str | None = None
    summary: str | None = None

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> BibData:
        values: dict[str, Any] = {
            k: (str(data[k]).strip() or None) for k in BIB_FIELDS if data.get(k)
        }
        values["title"] = values.get("title") or ""
        return cls(**values)
