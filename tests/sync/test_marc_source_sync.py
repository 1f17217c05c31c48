"""The source MARC record travels with the bib: PC A imports real published MARC files, the
county (a real server process, SQLite and PostgreSQL) stores the source records, and PC B
(through the feed) and a new PC C (through the snapshot) export them field for field.

Judges: yaz-marcdump reads the original fixture and B's and C's exports; pymarc reads the exports
too. Fixtures: tests/catalog/fixtures/real/README.md (origins and licences).
"""

from __future__ import annotations

from pathlib import Path

import pymarc
from sqlalchemy import create_engine, select, text

from app.models import BibRecord
from app.profile import Profile
from app.services import catalog_marc
from shuwu_shared.marc.convert import SHUWU_035_PREFIX
from tests.catalog.test_marc_real import REAL, field_list, yaz_records
from tests.sync.conftest import ServerProcess, needs_server, village_codes
from tests.sync.helpers import sync_until_done

# name → (yaz-marcdump charset of the original, export format)
FILES = {
    "dp2-190-tianjin.iso": ("utf8", "cnmarc"),  # 天津图书馆 CNMARC: 200$f, 701/702, 801 …
    "dp2-645-gb2312.iso": ("gb18030", "cnmarc"),  # GB18030, 690 21.2 (not 中图法), no ISBN
    "marc4j-chabon.mrc": ("utf8", "marc21"),  # Library of Congress MARC 21 records
}


def import_into(profile: Profile, name: str) -> list[str]:
    """Import the file on this PC; the uuids of its records, in file order."""
    with profile.sessions() as s, s.begin():
        preview = catalog_marc.preview_import(s, REAL / name)
        outcome = catalog_marc.commit_import(s, profile.clock, preview, on_match="merge")
    assert outcome.rejected == 0
    with profile.sessions() as s:
        found = {bytes(b.marc): b.uuid for b in s.scalars(select(BibRecord)) if b.marc}
    return [found[r.converted.source] for r in preview.rows if r.converted]


def sources_of(
    profile: Profile, uuids: list[str]
) -> dict[str, tuple[bytes, str | None, str | None]]:
    with profile.sessions() as s:
        rows = s.scalars(select(BibRecord).where(BibRecord.uuid.in_(uuids)))
        return {b.uuid: (bytes(b.marc or b""), b.bad_isbn, b.other_class) for b in rows}


def exported(profile: Profile, out: Path, fmt: str, uuids: set[str]) -> dict[str, pymarc.Record]:
    """yaz-marcdump's reading of this PC's export, by Shuwu uuid (035), and pymarc agreeing."""
    with profile.sessions() as s:
        catalog_marc.export_marc(s, profile.clock, out, fmt)
    by_yaz = yaz_records(out, "utf8")
    with out.open("rb") as fh:
        by_pymarc = list(pymarc.MARCReader(fh, to_unicode=True, force_utf8=True))
    assert len(by_pymarc) == len(by_yaz)
    picked: dict[str, pymarc.Record] = {}
    for judged, read in zip(by_yaz, by_pymarc, strict=True):
        assert read is not None
        assert field_list(read) == field_list(judged)  # two independent readers agree
        ids = [f.get("a") or "" for f in judged.get_fields("035")]
        own = [i[len(SHUWU_035_PREFIX) :] for i in ids if i.startswith(SHUWU_035_PREFIX)]
        if own and own[0] in uuids:
            picked[own[0]] = judged
    return picked


def server_marc(db: str, uuid: str) -> bytes | None:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            value = conn.execute(text("SELECT marc FROM bib WHERE uuid = :u"), {"u": uuid}).scalar()
    finally:
        engine.dispose()
    return bytes(value) if value is not None else None


@needs_server
def test_another_branch_exports_the_original_record(
    county: ServerProcess, make_device, tmp_path: Path
) -> None:
    first, second = village_codes(county)[:2]
    a = make_device(first, name="a")
    b = make_device(second, name="b")
    assert sync_until_done(a).pending == 0
    assert sync_until_done(b).pending == 0
    imported = {name: import_into(a, name) for name in FILES}
    every = [u for uuids in imported.values() for u in uuids]
    result = sync_until_done(a)
    assert result.pending == 0 and result.rejected == 0
    a_sources = sources_of(a, every)
    for uuid in every:  # the county keeps each source record byte for byte
        assert server_marc(county.db, uuid) == a_sources[uuid][0]
    sync_until_done(b)  # B learns the records through the change feed
    c = make_device(second, name="c")  # C starts with the snapshot
    sync_until_done(c)
    for pc in (b, c):
        assert sources_of(pc, every) == a_sources
    gb = sources_of(b, imported["dp2-645-gb2312.iso"])
    assert [flags[2] for flags in gb.values()] == ["21.2 [690]"]
    for pc_name, pc in (("b", b), ("c", c)):
        for name, (charset, fmt) in FILES.items():
            uuids = imported[name]
            out = exported(pc, tmp_path / f"{pc_name}-{name}.mrc", fmt, set(uuids))
            originals = yaz_records(REAL / name, charset)
            assert len(out) == len(originals) == len(uuids)
            for uuid, original in zip(uuids, originals, strict=True):
                # 100$a/26-29 now declares UTF-8 and 035 carries Shuwu's id; the rest as it came.
                skip = ("100", "035")
                assert field_list(out[uuid], skip) == field_list(original, skip), (pc_name, name)
                if fmt == "cnmarc":
                    assert str(out[uuid].leader)[9] == str(original.leader)[9]
