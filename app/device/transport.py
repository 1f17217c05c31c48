"""HTTP to the county server: timeouts, a whole-request deadline, gzip, bounded retries.

The one HTTP client of the device: sync, enrolment and cataloguing's
union-catalogue calls (app.services.catalog_union) all go through ``Transport``, so a status
means the same everywhere: 401 → ``DeviceRevoked``, other 4xx → ``ServerRefused``, no answer or
5xx → ``ServerUnreachable``, an answer without our header → ``NotShuwuServer``.

Village links are slow mobile data that stall and drop. Every request has explicit
(connect, read) timeouts plus an overall deadline (checked while the body streams in), so a
stalled link never hangs the app. Connection errors, timeouts and 5xx are retried with
exponential backoff and full jitter, a bounded number of times; only requests that are safe to
repeat are retried after the request may have reached the server (pushes are: the server keeps
a receipt per op).
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests

from app.device.errors import DeviceRevoked, NotShuwuServer, ServerRefused
from shuwu_shared.errors import ServerUnreachable, UserInputError
from shuwu_shared.i18n import _

log = logging.getLogger(__name__)

__all__ = [
    "SERVER_HEADER",
    "DeviceRevoked",
    "NotShuwuServer",
    "ServerRefused",
    "Transport",
    "TransportConfig",
]

SERVER_HEADER = "X-Shuwu-Server"


@dataclass(frozen=True)
class TransportConfig:
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    deadline: float = 120.0  # whole request, body included
    retries: int = 4
    backoff_base: float = 0.5
    backoff_cap: float = 8.0


def normalise_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise UserInputError(_("Enter the county server address."), code="bad_url")
    if "://" not in url:
        url = "http://" + url
    if not url.lower().startswith(("http://", "https://")):
        raise UserInputError(
            _("{url} is not a web address (it must start with http:// or https://).").format(
                url=url
            ),
            code="bad_url",
        )
    return url.rstrip("/")


def _json_or_none(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def unreachable() -> ServerUnreachable:
    return ServerUnreachable(
        _("The county server cannot be reached. Work continues offline; sync later."),
        code="unreachable",
    )


# Smaller answers say little about the link's speed (one packet or two).
MEASURE_MIN_BYTES = 64 * 1024


class _DeadlineExceeded(requests.Timeout):
    pass


class Transport:
    """One ``requests.Session`` to one server. Not thread-safe: one per sync run."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        config: TransportConfig | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = normalise_url(base_url)
        self.token = token
        self.config = config or TransportConfig()
        self.sleep = sleep
        self.session = requests.Session()
        self.session.headers["Accept-Encoding"] = "gzip"
        self.session.headers["User-Agent"] = "shuwu-client"
        # We do our own retries; urllib3's would not respect our deadline.
        self.session.trust_env = False
        # The link's speed as last measured: bytes per second of a large answer's body
        # (headers to last byte, so the server's own work is left out); None until measured.
        self.link_rate: float | None = None

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one attempt ----------------------------------------------------------------------
    def _attempt(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, Mapping[str, str], bytes]:
        cfg = self.config
        started = time.monotonic()
        response = self.session.request(
            method,
            self.base_url + path,
            data=body,
            headers=headers,
            timeout=(cfg.connect_timeout, cfg.read_timeout),
            stream=True,
        )
        try:
            chunks: list[bytes] = []
            headers_at = time.monotonic()
            for chunk in response.iter_content(chunk_size=16384):
                chunks.append(chunk)
                if time.monotonic() - started > cfg.deadline:
                    raise _DeadlineExceeded("whole-request deadline exceeded")
            raw = b"".join(chunks)
            self._measure(response, time.monotonic() - headers_at)
        finally:
            response.close()
        return response.status_code, response.headers, raw

    def _measure(self, response: requests.Response, seconds: float) -> None:
        try:
            wire = int(response.raw.tell())  # bytes as they came (before gzip decoding)
        except (AttributeError, TypeError, ValueError):
            return
        if wire >= MEASURE_MIN_BYTES:
            self.link_rate = wire / max(seconds, 1e-4)

    # -- public ---------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        auth: bool = True,
        retry_after_send: bool = True,
        gzip_body: bool = True,
    ) -> tuple[dict[str, Any], float, float]:
        """Send, retrying transient failures; returns (json, sent_wall_s, received_wall_s)."""
        status, headers, raw, sent, received = self._send(
            method, path, body, auth=auth, retry_after_send=retry_after_send, gzip_body=gzip_body
        )
        return self._check(status, headers, _json_or_none(raw)), sent, received

    def request_bytes(self, path: str) -> tuple[bytes, Mapping[str, str]]:
        """GET a binary answer (a desk index page): its bytes as sent, and its headers.

        Errors are the server's JSON envelopes, raised as for ``request``.
        """
        status, headers, raw, _sent, _received = self._send("GET", path, None)
        if status >= 300 or headers.get(SERVER_HEADER) is None:
            self._check(status, headers, _json_or_none(raw))
        return raw, headers

    def _send(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        auth: bool = True,
        retry_after_send: bool = True,
        gzip_body: bool = True,
    ) -> tuple[int, Mapping[str, str], bytes, float, float]:
        """Send, retrying transient failures: (status, headers, body bytes, sent, received).

        ``retry_after_send=False`` (enrolment: a one-time code) retries only failures that
        certainly happened before the request reached the server (connect errors).
        """
        headers: dict[str, str] = {}
        data: bytes | None = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
            if gzip_body:
                data = gzip.compress(data, compresslevel=6)
                headers["Content-Encoding"] = "gzip"
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        cfg = self.config
        attempt = 0
        while True:
            sent = time.time()
            try:
                status, resp_headers, payload = self._attempt(method, path, data, headers)
            except requests.ConnectionError as exc:
                before_send = isinstance(exc, requests.ConnectTimeout) or _is_connect_refused(exc)
                if attempt >= cfg.retries or not (retry_after_send or before_send):
                    raise unreachable() from exc
            except (requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
                if attempt >= cfg.retries or not retry_after_send:
                    raise unreachable() from exc
            except requests.RequestException as exc:
                raise unreachable() from exc
            else:
                received = time.time()
                if status >= 500 and attempt < cfg.retries and retry_after_send:
                    log.info("server error %s on %s; retrying", status, path)
                elif status >= 500:
                    if resp_headers.get(SERVER_HEADER) is None:
                        raise not_shuwu(self.base_url)
                    raise unreachable()
                else:
                    return status, resp_headers, payload, sent, received
            attempt += 1
            delay = min(cfg.backoff_cap, cfg.backoff_base * (2**attempt))
            self.sleep(random.uniform(0, delay))  # full jitter: 300 villages must not stampede

    def _check(self, status: int, headers: Mapping[str, str], payload: Any) -> dict[str, Any]:
        if headers.get(SERVER_HEADER) is None:
            raise not_shuwu(self.base_url)
        body: dict[str, Any] = payload if isinstance(payload, dict) else {}
        if status == 401:
            raise DeviceRevoked(
                _(
                    "The county server no longer accepts this computer (its access was revoked"
                    " or it is not enrolled). Ask the county library for a new enrolment code."
                ),
                code=str(body.get("error") or "unauthorized"),
            )
        if status >= 400:
            message = body.get("message") or body.get("detail") or ""
            if not isinstance(message, str):
                message = json.dumps(message, ensure_ascii=False)[:300]
            op_index = body.get("op_index")
            raise ServerRefused(
                _("The county server refused the request: {message}").format(
                    message=message or status
                ),
                code=str(body.get("error") or f"http_{status}"),
                status=status,
                op_index=op_index
                if isinstance(op_index, int) and not isinstance(op_index, bool)
                else None,
                detail=message[:500],
                body=body,
            )
        if payload is None or not isinstance(payload, dict):
            raise not_shuwu(self.base_url)
        return body


def not_shuwu(url: str) -> NotShuwuServer:
    return NotShuwuServer(
        _(
            "{url} answers, but it is not a Shuwu county server. Check the address with the"
            " county library."
        ).format(url=url),
        code="not_shuwu",
    )


def _is_connect_refused(exc: BaseException) -> bool:
    text = repr(exc)
    return any(
        marker in text
        for marker in ("Connection refused", "NewConnectionError", "Name or service not known")
    )
