"""Central cataloguing in the console: a real MARC file uploaded, previewed with the client's
rules, confirmed into the union catalogue and published to every device (SQLite, PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from server import models as m
from server.console.models import AuditEntry
from server.db import make_engine, session_factory

from .conftest import Staff
from .test_console_admin import read

REAL = Path(__file__).parents[1] / "catalog" / "fixtures" / "real"
TITLE = "少年小树之歌"


def upload(member: Staff, data: bytes, name: str = "county.iso", csrf: bool = True):  # type: ignore[no-untyped-def]
    fields = {"encoding": "auto", **({"csrf_token": member.csrf} if csrf else {})}
    return member.http.post(
        "/console/catalogue-import/preview", data=fields, files={"file": (name, data)}
    )


def test_preview_then_confirm_adds_records_to_the_union_catalogue(console_server, staff_as) -> None:
    admin: Staff = staff_as("admin")
    assert "/console/catalogue-import" in admin.get("/console/catalogue").text
    assert admin.get("/console/catalogue-import").status_code == 200
    data = (REAL / "dp2-190-tianjin.iso").read_bytes() + (REAL / "dp2-645-gb2312.iso").read_bytes()
    shown = upload(admin, data)
    assert shown.status_code == 200, shown.text[:500]
    samples = re.search(r'<ul id="samples">(.*?)</ul>', shown.text, re.S)
    assert samples and TITLE in samples.group(1) and "读一点世界史" in samples.group(1)
    with read(console_server.db_url) as s:
        assert s.scalar(select(m.Bib).where(m.Bib.title == TITLE)) is None  # preview writes nothing
    token = re.search(r'name="token" value="([^"]+)"', shown.text)
    assert token
    done = admin.post(
        "/console/catalogue-import/confirm", {"token": token.group(1), "encoding": "auto"}
    )
    assert done.status_code == 200 and 'id="imported"' in done.text, done.text[:500]
    found = admin.get("/console/catalogue", params={"q": "9787533918453"})
    assert TITLE in found.text
    assert TITLE in admin.get("/console/catalogue", params={"q": "少年"}).text
    with read(console_server.db_url) as s:
        bib = s.scalar(select(m.Bib).where(m.Bib.title == TITLE))
        assert bib is not None and bib.search_keys and bib.version > 0
        feed = s.scalars(
            select(m.ChangeLog.branch_code).where(
                m.ChangeLog.entity == "bib", m.ChangeLog.uuid == bib.uuid
            )
        ).all()
        assert list(feed) == [None]  # every device, at its next sync
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "catalogue.import"))
    # The token is spent; the same file again is matched by ISBN + title, not added twice.
    again = admin.post(
        "/console/catalogue-import/confirm", {"token": token.group(1), "encoding": "auto"}
    )
    assert again.status_code == 400
    second = upload(admin, (REAL / "dp2-190-tianjin.iso").read_bytes())
    assert second.status_code == 200
    assert f"/console/catalogue/{bib.uuid}" in second.text
    # Nothing new to add: no "add N records" button, only the choice for the matched record
    # (skip by default).
    assert not re.search(r"Add \d+ records|\d+ 条记录加入", second.text)
    assert re.search(r'name="on_match" value="skip" checked', second.text)


def test_hostile_files_give_a_message(console_server, staff_as) -> None:
    admin: Staff = staff_as("admin")
    for data in (b"garbage, not MARC at all", b"\x00" * 5000, b"", b"<?xml version='1.0'?><x>"):
        answer = upload(admin, data)
        assert answer.status_code == 400, (data[:20], answer.status_code)
        assert 'class="bad"' in answer.text
    big = upload(admin, b"0" * (20 * 1024 * 1024 + 10))
    assert big.status_code == 400 and "20 MB" in big.text
    damaged = (REAL / "pymarc-bad_records.mrc").read_bytes()
    assert upload(admin, damaged).status_code in (200, 400)
    forged = admin.post("/console/catalogue-import/confirm", {"token": "../../etc/passwd"})
    assert forged.status_code == 400


def test_only_admins_import_and_csrf_is_required(console_server, staff_as) -> None:
    data = (REAL / "dp2-190-tianjin.iso").read_bytes()
    for name in ("readonly", "supervisor"):
        member: Staff = staff_as(name)
        assert member.get("/console/catalogue-import").status_code == 403
        assert upload(member, data).status_code == 403
        assert "/console/catalogue-import" not in member.get("/console/catalogue").text
    admin: Staff = staff_as("admin")
    assert upload(admin, data, csrf=False).status_code == 403


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.builds(
            lambda head, tail: head + tail,
            st.sampled_from([b"00120nam", b"<?xml version='1.0'?>", b"\x1d\x1e\x1f", b""]),
            st.binary(max_size=2000),
        ),
    )
)
def test_any_bytes_give_a_preview_or_a_message(data: bytes) -> None:
    from server.console import marc_import
    from shuwu_shared.errors import UserInputError

    with _memory_db()() as s:
        try:
            result = marc_import.preview(s, data)
        except UserInputError as exc:
            assert exc.message
        else:
            assert all(r.status in ("new", "matched", "skipped") for r in result.rows)
            assert all(r.reason for r in result.rows if r.status == "skipped")


_memory: list[Any] = []


def _memory_db():  # type: ignore[no-untyped-def]
    if not _memory:
        engine = make_engine("sqlite://")
        m.Base.metadata.create_all(engine)
        _memory.append(session_factory(engine))
    return _memory[0]


def _confirm(member: Staff, preview_page: str, **choice: str):  # type: ignore[no-untyped-def]
    token = re.search(r'name="token" value="([^"]+)"', preview_page)
    assert token, preview_page[:500]
    fields = {"token": token.group(1), "encoding": "auto", **choice}
    return member.post("/console/catalogue-import/confirm", fields)


def _bibs(db_url: str, isbn: str) -> list[m.Bib]:
    with read(db_url) as s:
        return list(s.scalars(select(m.Bib).where(m.Bib.isbn == isbn).order_by(m.Bib.id)))


def _file_sources(name: str) -> list[bytes]:
    from shuwu_shared.marc.convert import convert_record
    from shuwu_shared.marc.read import DecodedRecord, read_marc_bytes

    entries = read_marc_bytes((REAL / name).read_bytes()).entries
    return [
        convert_record(e.record, e.marc_format).source
        for e in entries
        if isinstance(e, DecodedRecord)
    ]


def test_source_record_kept_and_duplicates_skipped_merged_or_added(
    console_server, staff_as
) -> None:
    """Library of Congress records (marc4j's chabon.mrc: Kavalier & Clay, Summerland; and
    summerland.mrc): the source record is stored with the bib; a record already there is
    skipped by default (and counted), merged on request, or added as a separate record."""
    import pymarc

    from shuwu_shared.protocol.marcwire import marc_problem

    admin: Staff = staff_as("admin")
    summerland, kavalier = "9780786808779", "9780679450047"
    db = console_server.db_url
    first = _confirm(admin, upload(admin, (REAL / "marc4j-summerland.mrc").read_bytes()).text)
    assert first.status_code == 200 and 'id="imported"' in first.text
    [bib] = _bibs(db, summerland)
    [source] = _file_sources("marc4j-summerland.mrc")
    assert bib.marc == source and marc_problem(bib.marc) is None
    [again] = list(pymarc.MARCReader(bib.marc, to_unicode=True, force_utf8=True))
    assert again is not None and again["245"]["a"].startswith("Summerland")
    # Kavalier is new, Summerland matched: the preview offers the three choices, skip chosen.
    shown = upload(admin, (REAL / "marc4j-chabon.mrc").read_bytes())
    assert shown.status_code == 200
    choices = re.search(r'<fieldset id="on-match">(.*?)</fieldset>', shown.text, re.S)
    assert choices, shown.text[:2000]
    assert re.findall(r'value="(\w+)"( checked)?', choices.group(1)) == [
        ("skip", " checked"),
        ("merge", ""),
        ("new", ""),
    ]
    done = _confirm(admin, shown.text)  # the default
    summary = re.search(r'<p class="summary">(.*?)</p>', done.text, re.S)
    assert summary and re.findall(r"\d+", summary.group(1)) == ["1", "1", "0"], summary.group(1)
    assert len(_bibs(db, summerland)) == 1 and len(_bibs(db, kavalier)) == 1
    # Merge: the existing record takes the file's fields and source record, and is published.
    with read(db) as s, s.begin():
        s.get(m.Bib, bib.id).pages = None  # type: ignore[union-attr]
        s.get(m.Bib, bib.id).marc = None  # type: ignore[union-attr]
    before = _bibs(db, summerland)[0].version
    merged = _confirm(
        admin, upload(admin, (REAL / "marc4j-chabon.mrc").read_bytes()).text, on_match="merge"
    )
    summary = re.search(r'<p class="summary">(.*?)</p>', merged.text, re.S)
    assert summary and re.findall(r"\d+", summary.group(1)) == ["0", "2", "0", "0"]
    [after] = _bibs(db, summerland)
    chabon_sources = _file_sources("marc4j-chabon.mrc")
    assert after.uuid == bib.uuid and after.pages and after.version > before
    assert after.marc == chabon_sources[1]
    assert _bibs(db, kavalier)[0].marc == chabon_sources[0]
    # Add as new: separate records sharing the ISBN, each with its own source record.
    added = _confirm(
        admin, upload(admin, (REAL / "marc4j-chabon.mrc").read_bytes()).text, on_match="new"
    )
    summary = re.search(r'<p class="summary">(.*?)</p>', added.text, re.S)
    assert summary and re.findall(r"\d+", summary.group(1))[0] == "2"
    assert [b.marc for b in _bibs(db, summerland)] == [chabon_sources[1]] * 2
    assert len({b.uuid for b in _bibs(db, kavalier)}) == 2
    # A forged choice is the default, never an error page.
    forged = _confirm(
        admin, upload(admin, (REAL / "marc4j-chabon.mrc").read_bytes()).text, on_match="drop"
    )
    assert forged.status_code == 200 and len(_bibs(db, kavalier)) == 2
