"""A record copied from an external target keeps every field of the target's record, however
it was catalogued: scanned in the Catalogue screen and saved, or ``shuwu catalog add --isbn``.
The real county server process asks the real SimpleServer (GB18030 CNMARC); the export is read
back with pymarc and yaz-marcdump and compared with the source, field by field."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymarc
import pytest
from pymarc import Field, Record

from app.profile import open_profile
from app.ui.app import build_main_window
from app.ui.sections.catalog import CatalogPage
from shuwu_shared.domain.isbn import try_normalise_isbn
from tests import serverproc
from tests.copycat import peers
from tests.copycat.conftest import Peers
from tests.copycat.test_copycat_county import county, device, shuwu, village

__all__ = ["county"]  # the county server fixture (SQLite and PostgreSQL), with its targets

ISBN_94 = "9787503717444"  # '94中国发展报告: two 701, two 801, unknown tags (AVA, 988)
ISBN_96 = "9787503722912"  # '96 中国发展报告: 200$e and $f, 701, 801
ISBN_1999 = "9787801275554"  # 1999 年中国发展状况与趋势: three 701
# The export writes UTF-8 (100 carries the character set) and adds Shuwu's id in a 035.
REWRITTEN = {"100"}


def source_records() -> dict[str, Record]:
    """The target's records, read from the published MARCXML the peer serves."""
    found: dict[str, Record] = {}
    for record in pymarc.parse_xml_to_array(str(peers.CNMARC_XML)):  # type: ignore[no-untyped-call]
        isbn = try_normalise_isbn(record["010"]["a"] or "")
        if isbn:
            found.setdefault(isbn, record)
    return found


def exported(path: Path) -> dict[str, Record]:
    with path.open("rb") as fh:
        reader = pymarc.MARCReader(fh, to_unicode=True, force_utf8=True)
        records = [r for r in reader if r is not None]
    assert len(records) == sum(1 for _ in path.read_bytes().split(b"\x1d") if _)
    return {title: r for r in records for title in [r["200"]["a"] if r["200"] else ""] if title}


def as_bytes(field: Field) -> bytes:
    return bytes(field.as_marc("utf-8"))


def assert_kept(source: Record, out: Record, changed: set[str]) -> None:
    """Every source field not behind an edited column is in the export, byte for byte."""
    kept = [f for f in source.fields if f.tag not in REWRITTEN | changed]
    out_fields = [as_bytes(f) for f in out.fields]
    missing = [str(f) for f in kept if as_bytes(f) not in out_fields]
    assert missing == []
    assert [f.tag for f in out.get_fields("701")] == [f.tag for f in source.get_fields("701")]


def yaz_lines(path: Path) -> str:
    proc = subprocess.run(
        ["yaz-marcdump", "-i", "marc", "-o", "line", "-f", "utf-8", "-t", "utf-8", str(path)],
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert b"error" not in proc.stderr.lower(), proc.stderr
    return proc.stdout.decode("utf-8")


@pytest.mark.skipif(shutil.which("yaz-marcdump") is None, reason="yaz-marcdump (Debian yaz)")
def test_scan_and_save_in_the_screen_keeps_the_target_record(  # type: ignore[no-untyped-def]
    qtbot, county: serverproc.ServerProcess, live_peers: Peers, tmp_path: Path
) -> None:
    home = device(county, tmp_path / "a", village(county, 0))
    profile = open_profile(home)
    try:
        window = build_main_window(profile)
        qtbot.addWidget(window)
        page = window.show_section("catalog")
        assert isinstance(page, CatalogPage)
        form = page.form
        for isbn, title in ((ISBN_94, None), (ISBN_96, "九六中国发展报告")):
            with qtbot.waitSignal(page.lookup_done, timeout=120_000):
                page.isbn_scanned(isbn)
            qtbot.waitUntil(lambda i=isbn: form.current is not None and form.current.isbn == i)
            assert form.current is not None and form.current.origin == "gb"
            if title:  # the librarian corrects the title before saving
                form.fields["title"].setText(title)
            with qtbot.waitSignal(form.saved, timeout=60_000):
                form.save()
        window.close()
    finally:
        profile.close()

    rc, _answer = shuwu(home, "catalog", "export", str(tmp_path / "out.mrc"))
    assert rc == 0, _answer
    out = exported(tmp_path / "out.mrc")
    sources = source_records()

    unedited = out["'94中国发展报告"]
    assert_kept(sources[ISBN_94], unedited, set())
    assert [f["b"] for f in unedited.get_fields("801")] == ["BNU", "BSD"]
    assert unedited["200"]["f"] == "国家统计局编"
    assert {"AVA", "988", "905", "906"} <= {f.tag for f in unedited.fields}
    assert any(
        f["a"] and f["a"].startswith("(") and len(f["a"]) > 30 for f in unedited.get_fields("035")
    )  # Shuwu's own id, beside the target's 035

    # Only 200$a changed: the other subfields of 200 and every other field are the target's.
    edited = out["九六中国发展报告"]
    assert_kept(sources[ISBN_96], edited, {"200"})
    source_200, out_200 = sources[ISBN_96]["200"], edited["200"]
    assert [(s.code, s.value) for s in out_200.subfields if s.code != "a"] == [
        (s.code, s.value) for s in source_200.subfields if s.code != "a"
    ]
    assert out_200.get_subfields("a") == ["九六中国发展报告"]
    assert out_200.indicators == source_200.indicators

    lines = yaz_lines(tmp_path / "out.mrc")
    assert "$f 国家统计局编" in lines and "$a 九六中国发展报告" in lines
    assert lines.count("\n701 ") == 3 and "$a 叶震" in lines and "$a 张塞" in lines
    assert "\nAVA " in lines and "\n801  2 $a CN $b BSD $c 19951009\n" in lines
    assert "\n001 990002180740203961\n" in lines  # the target's control number, kept


@pytest.mark.skipif(shutil.which("yaz-marcdump") is None, reason="yaz-marcdump (Debian yaz)")
def test_catalog_add_keeps_the_target_record(
    county: serverproc.ServerProcess, live_peers: Peers, tmp_path: Path
) -> None:
    home = device(county, tmp_path / "a", village(county, 0))
    rc, added = shuwu(home, "catalog", "add", "--isbn", "7-80127-555-1")
    assert rc == 0 and added["title"] == "1999 年中国发展状况与趋势", added
    rc, _answer = shuwu(home, "catalog", "export", str(tmp_path / "out.mrc"))
    assert rc == 0, _answer
    out = exported(tmp_path / "out.mrc")["1999 年中国发展状况与趋势"]
    source = source_records()[ISBN_1999]
    assert_kept(source, out, set())
    assert [f["a"] for f in out.get_fields("701")] == ["季野", "张西明", "曲克敏"]
    assert out["200"]["f"] == source["200"]["f"]
    lines = yaz_lines(tmp_path / "out.mrc")
    assert lines.count("\n701 ") == 3 and "\nOWN " in lines


def test_an_oversized_source_record_is_not_carried() -> None:
    from app.services.catalog_union import MAX_SOURCE_BYTES, _external_record
    from server.copycat.lookup import MAX_SOURCE_BYTES as SERVER_MAX
    from server.copycat.lookup import Hit

    big = b"x" * (SERVER_MAX + 1)
    hit = Hit("t", "z3950", "cnmarc", "iso2709", "utf-8", big, {"title": "T"}, ())
    assert hit.to_json()["marc"]["data"] == ""
    small = Hit("t", "z3950", "cnmarc", "iso2709", "utf-8", b"rec", {"title": "T"}, ())
    assert _external_record(1, small.to_json()).marc == b"rec"  # type: ignore[union-attr]
    row = {"record": {"title": "T"}, "marc": {"data": "QUFB" * (MAX_SOURCE_BYTES // 3 + 2)}}
    found = _external_record(1, row)
    assert found is not None and found.marc == b"" and found.fields == {"title": "T"}
