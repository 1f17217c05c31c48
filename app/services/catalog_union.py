"""The county union catalogue as seen by cataloguing: ISBN lookup and county-wide 种次号.

Cataloguing must work fully offline, so the service only talks to this small interface and
falls back to the local cache / local counters whenever it raises ``ServerUnreachable``.
Wire format: ``GET /v1/catalog/isbn/{isbn13}`` (404 = unknown) and
``POST /v1/catalog/call-seq {class_no}`` → ``{seq}`` (see docs/sync-protocol.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import requests
from sqlalchemy.orm import Session

from app.errors import ServerUnreachable
from app.i18n import _
from app.models import SyncState

# Where the sync engine keeps the enrolment (read only here).
SERVER_URL_KEY = "server_url"
TOKEN_KEY = "device_token"

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


class UnionCatalog(Protocol):
    def lookup_isbn(self, isbn13: str) -> dict[str, Any] | None:
        """The union record's fields (BIB_FIELDS), None if the county has none.
        Raises ServerUnreachable when offline."""

    def next_call_seq(self, class_no: str) -> int:
        """Reserve the next county-wide 种次号 for ``class_no``. Raises ServerUnreachable."""


@dataclass(frozen=True)
class HttpUnionCatalog:
    base_url: str
    token: str | None = None
    timeout: float = 4.0

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            response = requests.request(
                method,
                self.base_url.rstrip("/") + path,
                headers=self._headers(),
                timeout=self.timeout,
                **kwargs,
            )
        except requests.RequestException as exc:
            raise ServerUnreachable(_("The county server cannot be reached.")) from exc
        if response.headers.get("X-Shuwu-Server") != "1" or response.status_code >= 500:
            raise ServerUnreachable(_("The county server cannot be reached."))
        return response

    def lookup_isbn(self, isbn13: str) -> dict[str, Any] | None:
        response = self._call("GET", f"/v1/catalog/isbn/{isbn13}")
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ServerUnreachable(_("The county server cannot be reached."))
        body = response.json()
        record = body.get("record", body) if isinstance(body, dict) else {}
        return {key: record.get(key) for key in BIB_FIELDS if record.get(key) is not None}

    def next_call_seq(self, class_no: str) -> int:
        response = self._call("POST", "/v1/catalog/call-seq", json={"class_no": class_no})
        if response.status_code != 200:
            raise ServerUnreachable(_("The county server cannot be reached."))
        return int(response.json()["seq"])


def union_catalog_for(session: Session) -> UnionCatalog | None:
    """The enrolled server, or None when this device was never enrolled (offline-only)."""
    url = session.get(SyncState, SERVER_URL_KEY)
    if url is None or not url.value:
        return None
    # The device token lives in the keychain or an owner-only file (app.sync.credentials).
    from app.sync.credentials import load_token_for_session

    token = load_token_for_session(session)
    if token is None:
        row = session.get(SyncState, TOKEN_KEY)
        token = row.value if row else None
    return HttpUnionCatalog(url.value, token)
