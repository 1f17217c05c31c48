"""The Z39.50 (YAZ ZOOM) and SRU clients against real peers on loopback, record by record."""

from __future__ import annotations

import contextlib
import subprocess
import time

import pymarc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.copycat import lookup, records, sru
from server.copycat.targets import Target, parse_url
from tests.copycat import peers
from tests.copycat.conftest import Peers

ISBN_96 = "9787503722912"  # '96 中国发展报告 (7-5037-2291-6)


def target(
    name: str, url: str, syntax: str = "unimarc", charset: str = "utf-8", timeout: float = 3
) -> Target:
    protocol, host, port, database = parse_url(url)
    return Target(
        name, url, protocol, host, port, database, syntax, charset, None, None, 1, timeout, True
    )


def yaz_fields(raw: bytes, charset: str) -> dict[str, str]:
    """yaz-marcdump's reading of one ISO 2709 record: the independent judge."""
    out = subprocess.run(
        ["yaz-marcdump", "-f", charset, "-t", "utf-8", "-o", "line", "/dev/stdin"],
        input=raw,
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout.decode("utf-8")
    return {line[:3]: line for line in out.splitlines() if line[:3].isdigit()}


@pytest.mark.parametrize(("database", "charset"), [("gb", "gb18030"), ("utf8", "utf-8")])
def test_cnmarc_by_isbn_in_both_charsets(live_peers: Peers, database: str, charset: str) -> None:
    t = target(database, f"z3950://127.0.0.1:{live_peers.cnmarc_port}/{database}", charset=charset)
    hits = lookup.query_target(t, "isbn", "7-5037-2291-6", 5)
    assert len(hits) == 1
    hit = hits[0]
    assert hit.syntax == "cnmarc" and ISBN_96 in hit.isbns
    assert hit.fields["title"] == "'96 中国发展报告"
    assert hit.fields["publisher"] == "中国统计出版社"
    assert hit.fields["clc_class"] == "F124"
    # The source record is kept byte for byte as the target sent it ...
    source = peers.records_of(live_peers.gb_file if database == "gb" else live_peers.utf8_file)
    assert hit.raw in source
    # ... and yaz-marcdump reads the same title from those bytes.
    assert "'96 中国发展报告" in yaz_fields(hit.raw, charset)["200"]


def test_chinese_title_search_reaches_a_gb18030_target(live_peers: Peers) -> None:
    # GB targets compare GB-encoded terms: YAZ converts the UTF-8 term (rpnCharset).
    t = target("gb", f"z3950://127.0.0.1:{live_peers.cnmarc_port}/gb", charset="gb18030")
    titles = {h.fields["title"] for h in lookup.query_target(t, "title", "中国发展报告", 20)}
    assert {"'94中国发展报告", "'95中国发展报告", "'96 中国发展报告"} <= titles


def test_isbn_not_held_is_an_empty_answer_not_a_failure(live_peers: Peers) -> None:
    t = target("u", f"z3950://127.0.0.1:{live_peers.cnmarc_port}/utf8")
    assert lookup.query_target(t, "isbn", "9787020002207", 5) == []


def test_yaz_ztest_z3950_and_sru(live_peers: Peers) -> None:
    for url in (
        f"z3950://127.0.0.1:{live_peers.ztest_port}/Default",
        f"http://127.0.0.1:{live_peers.ztest_port}/Default",
    ):
        hits = lookup.query_target(target("zt", url, "marc21"), "title", "computer", 2)
        assert len(hits) == 2, url
        assert all(h.syntax == "marc21" and h.fields["title"] for h in hits)
        assert hits[0].fields["author"] == "Jack Collins"


def test_sru_reads_a_real_chinese_cnmarc_answer() -> None:
    """dp2's sample: a real SRU answer of Beijing Normal University's Alma (CNMARC in the
    http://www.nlc.cn/ namespace, with 9XX/AVA local fields)."""
    body = peers.CNMARC_XML.read_bytes()
    with peers.static_sru(body) as url:
        t = target("bnu", url + "?recordSchema=cnmarcxml&shuwu.isbn=alma.isbn")
        hits = lookup.query_target(t, "isbn", "7-5037-1744-0", 10)
        seen = peers.static_sru.requests_seen  # type: ignore[attr-defined]
    assert "recordSchema=cnmarcxml" in seen[-1] and "alma.isbn" in seen[-1]
    assert "shuwu." not in seen[-1]
    assert len(hits) == 10 and hits[0].fields["title"] == "'94中国发展报告"
    assert lookup.best_for_isbn(hits, "9787503722912") is hits[2]
    again = records.decode_marcxml(hits[0].raw)
    assert again["200"]["f"] == "国家统计局编" and again.get_fields("AVA")


def test_down_slow_and_garbage_targets_fail_with_a_reason(live_peers: Peers) -> None:
    refused = peers.free_port()  # nothing listens there
    cases = {
        "down": target("down", f"z3950://127.0.0.1:{refused}/x"),
        "timeout": target("slow", f"z3950://127.0.0.1:{live_peers.cnmarc_port}/slow", timeout=1),
        "garbage": target("junk", f"z3950://127.0.0.1:{live_peers.junk_port}/x"),
    }
    for reason, t in cases.items():
        started = time.monotonic()
        with pytest.raises(lookup.TargetFailed) as failed:
            lookup.query_target(t, "isbn", ISBN_96, 5)
        assert failed.value.failure.reason == reason, failed.value.failure
        assert time.monotonic() - started < 4
    junk_records = target("g", f"z3950://127.0.0.1:{live_peers.cnmarc_port}/garbage")
    with pytest.raises(lookup.TargetFailed) as failed:
        lookup.query_target(junk_records, "isbn", ISBN_96, 5)
    assert failed.value.failure.reason == "garbage"


def test_a_wrong_charset_setting_is_never_garbled(live_peers: Peers) -> None:
    """GB18030 records from a target configured as UTF-8: refused as garbage, or (with the
    importer's content detection) read right; never stored as mojibake."""
    t = target("gb-as-utf8", f"z3950://127.0.0.1:{live_peers.cnmarc_port}/gb", charset="utf-8")
    try:
        hits = lookup.query_target(t, "isbn", ISBN_96, 5)
    except lookup.TargetFailed as failed:
        assert failed.failure.reason == "garbage"
        return
    assert [h.fields["title"] for h in hits] == ["'96 中国发展报告"]


def test_sru_diagnostics_and_non_sru_answers() -> None:
    diag = (
        b'<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2'
        b'</zs:version><zs:diagnostics><diagnostic xmlns="http://www.loc.gov/zing/srw/diagnostic/">'
        b"<uri>info:srw/diagnostic/1/16</uri><message>Unsupported index</message>"
        b"<details>alma.isbn</details></diagnostic></zs:diagnostics></zs:searchRetrieveResponse>"
    )
    with pytest.raises(sru.SruError) as err:
        sru.parse_response(diag, 5)
    assert err.value.kind == "diagnostic" and "alma.isbn" in str(err.value)
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    for body in (b"<html>Service Unavailable</html>", b"\xff\xfe junk", bomb):
        with pytest.raises(sru.SruError) as err:
            sru.parse_response(body, 5)
        assert err.value.kind == "garbage"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600))
def test_hostile_bytes_never_escape_as_anything_but_bad_record(data: bytes) -> None:
    for charset in ("utf-8", "gb18030", "marc-8"):
        with contextlib.suppress(records.BadRecord):
            records.convert(records.decode_iso2709(data, charset))
    with contextlib.suppress(records.BadRecord):
        records.convert(records.decode_marcxml(data))
    with contextlib.suppress(sru.SruError):
        sru.parse_response(data, 5)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300), st.sampled_from(lookup.KINDS))
def test_queries_are_one_quoted_term_whatever_the_input(term: str, kind: str) -> None:
    pqf = lookup.pqf_query(kind, term)
    cql = lookup.cql_query(kind, term, {})
    for query in (pqf, cql):
        assert not any(ord(c) < 32 for c in query)
        assert "\\" not in query
    # Every quote opens or closes a term: an even count, and never one inside a term.
    assert pqf.count('"') % 2 == 0 and cql.count('"') % 2 == 0
    assert pqf.startswith(("@attr", "@or"))


def test_marcxml_of_the_loc_sample_reads_as_marc21() -> None:
    record = records.decode_marcxml(
        pymarc.record_to_xml(pymarc.parse_xml_to_array(str(peers.MARC21_XML))[0])
    )
    assert records.convert(record).syntax == "marc21"


def test_marc8_records_of_older_marc21_targets_decode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    record = pymarc.Record(force_utf8=True)
    record.leader = pymarc.Leader("     nam a22        4500")
    record.add_field(
        pymarc.Field("245", pymarc.Indicators("1", "0"), [pymarc.Subfield("a", "Bojtor István")])
    )
    utf8 = tmp_path / "utf8.mrc"
    utf8.write_bytes(record.as_marc())
    marc8 = subprocess.run(
        ["yaz-marcdump", "-f", "utf-8", "-t", "marc8", "-i", "marc", "-o", "marc", str(utf8)],
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout
    assert b"Istv" in marc8 and "István".encode() not in marc8  # really MARC-8 bytes
    assert records.convert(records.decode_iso2709(marc8, "marc-8")).fields["title"] == (
        "Bojtor István"
    )
