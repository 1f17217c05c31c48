"""SRU 1.2 searchRetrieve over HTTP (requests); records come back as MARCXML.

Hostile answers are expected: the body is capped, DTDs/entities are refused before parsing,
and SRU diagnostics become errors.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import requests

MAX_BODY = 8 * 1024 * 1024


class SruError(RuntimeError):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # down / timeout / garbage / diagnostic


@dataclass(frozen=True)
class SruResult:
    hits: int
    records: tuple[bytes, ...]  # one standalone MARCXML <record> each, UTF-8


INDEX_PREFIX = "shuwu."


def index_overrides(url: str) -> dict[str, str]:
    """CQL index names a target wants instead of the standard ones, given in its URL as
    ``shuwu.isbn=alma.isbn`` (and title/author/any); never sent to the target."""
    return {
        k[len(INDEX_PREFIX) :]: v
        for k, v in parse_qsl(urlsplit(url).query)
        if k.startswith(INDEX_PREFIX) and v
    }


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def search(
    url: str,
    cql: str,
    *,
    schema: str,
    count: int,
    timeout: float,
    user: str | None = None,
    password: str | None = None,
) -> SruResult:
    """``url`` may carry extra parameters (e.g. ``recordSchema=cnmarcxml``); they win."""
    parts = urlsplit(url)
    params = {
        "version": "1.2",
        "operation": "searchRetrieve",
        "query": cql,
        "maximumRecords": str(max(0, count)),
        "recordSchema": schema,
        "recordPacking": "xml",
    }
    extra = dict(parse_qsl(parts.query))
    params.update(
        {
            k: v
            for k, v in extra.items()
            if k not in ("query", "maximumRecords") and not k.startswith(INDEX_PREFIX)
        }
    )
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    deadline = time.monotonic() + timeout
    try:
        with requests.get(
            base,
            params=params,
            timeout=(timeout, timeout),
            stream=True,
            auth=(user, password or "") if user else None,
            headers={"Accept": "text/xml, application/xml"},
        ) as response:
            if response.status_code >= 400:
                raise SruError("down", f"HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > MAX_BODY:
                    raise SruError("garbage", "answer larger than 8 MiB")
                if time.monotonic() > deadline:
                    raise SruError("timeout", "Timeout")
                chunks.append(chunk)
    except requests.Timeout as exc:
        raise SruError("timeout", "Timeout") from exc
    except requests.RequestException as exc:
        raise SruError("down", "Connect failed") from exc
    return parse_response(b"".join(chunks), count)


def parse_response(body: bytes, count: int) -> SruResult:
    head = body[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in body.upper():
        raise SruError("garbage", "the answer declares a DTD or entities")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise SruError("garbage", "the answer is not XML") from exc
    if _local(root.tag) != "searchRetrieveResponse":
        raise SruError("garbage", "the answer is not an SRU searchRetrieveResponse")
    for element in root.iter():
        if _local(element.tag) == "diagnostic":
            texts = {_local(c.tag): (c.text or "").strip() for c in element}
            message = texts.get("message") or texts.get("uri") or "diagnostic"
            details = texts.get("details")
            raise SruError("diagnostic", f"{message} ({details})" if details else message)
    hits = 0
    for child in root:
        if _local(child.tag) == "numberOfRecords":
            try:
                hits = int((child.text or "0").strip())
            except ValueError as exc:
                raise SruError("garbage", "numberOfRecords is not a number") from exc
    records: list[bytes] = []
    for data in root.iter():
        if _local(data.tag) != "recordData" or len(records) >= count:
            continue
        inner = [c for c in data if _local(c.tag) == "record"]
        if inner:
            records.append(ET.tostring(inner[0], encoding="utf-8"))
        elif data.text and "<record" in data.text:  # recordPacking=string
            records.append(data.text.strip().encode("utf-8"))
    return SruResult(hits, tuple(records))
