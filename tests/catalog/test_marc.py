from __future__ import annotations

import subprocess
from pathlib import Path

import pymarc
import pytest
from sqlalchemy import func, select

from app.models import BibRecord, OutboxOp
from app.profile import Profile
from app.services import catalog_marc
from app.services.catalog import save_bib
from app.services.catalog_search import search
from shuwu_shared.bib import BibData
from shuwu_shared.errors import UserInputError
from shuwu_shared.progress import Cancelled
from tests.catalog.marc_fixtures import BOOKS, cnmarc, marc21


def db_state(profile: Profile) -> tuple[int, int]:
    with profile.sessions() as s:
        return (
            s.scalar(select(func.count()).select_from(BibRecord)) or 0,
            s.scalar(select(func.count()).select_from(OutboxOp)) or 0,
        )


def run_import(profile: Profile, path: Path, encoding: str = "auto", on_match: str = "skip"):
    with profile.sessions() as s, s.begin():
        result = catalog_marc.import_file(s, profile.clock, path, encoding, on_match)
    return result.preview, result.outcome


@pytest.mark.parametrize(
    ("name", "payload", "encoding"),
    [
        ("gbk.iso", b"".join(cnmarc(b, "gb18030") for b in BOOKS), "gb18030"),
        ("gbk_leader_a.iso", b"".join(cnmarc(b, "gb18030", "a") for b in BOOKS), "gb18030"),
        ("utf8.iso", b"".join(cnmarc(b, "utf-8", "a") for b in BOOKS), "utf-8"),
        ("utf8_noa.iso", b"".join(cnmarc(b, "utf-8") for b in BOOKS), "utf-8"),
        ("crlf.iso", b"\r\n".join(cnmarc(b, "gb18030") for b in BOOKS) + b"\r\n", "gb18030"),
        ("marc21.mrc", b"".join(marc21(b) for b in BOOKS), "utf-8"),
    ],
)
def test_import_variants(
    profile: Profile, tmp_path: Path, name: str, payload: bytes, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    preview, outcome = run_import(profile, path)
    assert preview.encoding == encoding
    assert [r.status for r in preview.rows] == ["new", "new", "new"]
    assert outcome.created == 3
    with profile.sessions() as s:
        hit = search(s, "hlm").hits[0]
        assert hit.title == "红楼梦" and hit.clc_class == "I242.47"
        bib = s.scalar(select(BibRecord).where(BibRecord.isbn == "9787109123458"))
        assert bib is not None and bib.publisher == "中国农业出版社" and bib.author == "李明"
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 3


def test_matched_records_skip_or_merge_and_rejects_have_reasons(
    profile: Profile, tmp_path: Path
) -> None:
    with profile.sessions() as s, s.begin():
        save_bib(s, profile.clock, BibData(title="红楼梦（旧）", isbn="9787020002207"))
        save_bib(s, profile.clock, BibData(title="活着 第二版", isbn="9787506365437"))
    bad_isbn = ("9787020002201", "坏书号", "某人", "某社", "I247")
    no_title = ("9787506365437", "", "某人", "某社", "I247")
    path = tmp_path / "mixed.iso"
    path.write_bytes(b"".join(cnmarc(b, "utf-8") for b in [*BOOKS, bad_isbn, no_title]))
    preview, outcome = run_import(profile, path, on_match="skip")
    # Same ISBN but another title: separate records (volumes of a set, print/e-book pairs).
    assert [r.status for r in preview.rows] == ["new", "new", "new", "new", "rejected"]
    assert any("kept separate" in n or "单独" in n for n in preview.rows[0].notes)
    assert preview.rows[3].converted is not None
    assert preview.rows[3].converted.bad_isbn == "9787020002201"
    assert preview.rows[3].isbn is None
    assert any("9787020002201" in n for n in preview.rows[3].notes)
    assert "200$a" in preview.rows[4].reason
    assert (outcome.created, outcome.skipped, outcome.rejected) == (4, 0, 1)
    with profile.sessions() as s:
        kept = s.scalar(select(BibRecord).where(BibRecord.title == "坏书号"))
        assert kept is not None and kept.bad_isbn == "9787020002201" and kept.isbn is None
        assert s.scalar(select(func.count()).where(BibRecord.isbn == "9787020002207")) == 2
    path2 = tmp_path / "again.iso"
    path2.write_bytes(cnmarc(BOOKS[0], "utf-8"))
    _preview, outcome = run_import(profile, path2, on_match="merge")
    assert outcome.merged == 1 and outcome.created == 0
    with profile.sessions() as s:
        titles = s.scalars(select(BibRecord.title).where(BibRecord.isbn == "9787020002207"))
        assert sorted(titles) == ["红楼梦", "红楼梦（旧）"]


def test_import_file_matches_against_the_catalogue_as_it_is_when_it_writes(
    profile: Profile, tmp_path: Path
) -> None:
    path = tmp_path / "one.iso"
    path.write_bytes(cnmarc(BOOKS[0], "utf-8"))
    with profile.sessions() as s:
        shown = catalog_marc.preview_import(s, path)  # what the dialog showed
    assert [r.status for r in shown.rows] == ["new"]
    with profile.sessions() as s, s.begin():  # meanwhile the same title is catalogued
        save_bib(s, profile.clock, BibData(title="红楼梦", isbn="9787020002207"))
    before = db_state(profile)
    # Committing the stale preview would add a second 红楼梦 (tried, then rolled back)...
    with profile.sessions() as s, s.begin():
        stale = catalog_marc.commit_import(s, profile.clock, shown, "skip")
        assert (stale.created, stale.skipped) == (1, 0)
        s.rollback()
    assert db_state(profile) == before
    # ...import_file reads and matches again in the transaction that writes.
    with profile.sessions() as s, s.begin():
        result = catalog_marc.import_file(s, profile.clock, path, on_match="skip")
    assert [r.status for r in result.preview.rows] == ["matched"]
    assert (result.outcome.created, result.outcome.skipped) == (0, 1)
    assert db_state(profile) == before


def test_import_file_refuses_a_bad_choice_before_writing(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "three.iso"
    path.write_bytes(b"".join(cnmarc(b, "utf-8") for b in BOOKS))
    before = db_state(profile)
    with pytest.raises(UserInputError), profile.sessions() as s, s.begin():
        catalog_marc.import_file(s, profile.clock, path, on_match="overwrite")
    assert db_state(profile) == before


def _broken_files() -> dict[str, tuple[bytes, str]]:
    good = b"".join(cnmarc(b, "gb18030") for b in BOOKS)
    utf8 = b"".join(cnmarc(b, "utf-8") for b in BOOKS)
    return {
        "garbage": (bytes(range(256)) * 40, "auto"),
        "text": ("这不是MARC文件\n".encode() * 20, "auto"),
        "empty": (b"", "auto"),
        "gbk_as_utf8": (good, "utf-8"),
        "utf8_as_gb18030": (utf8, "gb18030"),
    }


@pytest.mark.parametrize("case", sorted(_broken_files()))
def test_broken_files_are_refused_and_nothing_changes(
    profile: Profile, tmp_path: Path, case: str
) -> None:
    with profile.sessions() as s, s.begin():
        save_bib(s, profile.clock, BibData(title="已有的书"))
    before = db_state(profile)
    payload, encoding = _broken_files()[case]
    path = tmp_path / f"{case}.iso"
    path.write_bytes(payload)
    with pytest.raises(UserInputError) as err:
        run_import(profile, path, encoding)
    assert "Nothing was imported" in err.value.message or "没有导入任何记录" in err.value.message
    assert db_state(profile) == before


@pytest.mark.parametrize(
    ("case", "damaged"),
    [("truncated", [3]), ("extra_terminator", [1]), ("bad_length_in_middle", [2])],
)
def test_damaged_records_are_skipped_and_neighbours_import(
    profile: Profile, tmp_path: Path, case: str, damaged: list[int]
) -> None:
    good = b"".join(cnmarc(b, "gb18030") for b in BOOKS)
    payload = {
        "truncated": good[: len(good) - 150],
        "extra_terminator": good[:200] + b"\x1e" + good[200:],
        "bad_length_in_middle": good[: len(cnmarc(BOOKS[0], "gb18030")) + 40] + b"\x1d" + good,
    }[case]
    path = tmp_path / f"{case}.iso"
    path.write_bytes(payload)
    before = db_state(profile)
    with pytest.raises(UserInputError) as err, profile.sessions() as s, s.begin():
        preview = catalog_marc.preview_import(s, path)
        catalog_marc.commit_import(s, profile.clock, preview, all_or_nothing=True)
    assert "Nothing was imported" in err.value.message or "没有导入任何记录" in err.value.message
    assert db_state(profile) == before
    preview, outcome = run_import(profile, path)
    rejected = [r.number for r in preview.rows if r.status == "rejected"]
    assert rejected == damaged
    assert all(r.reason for r in preview.rows if r.status == "rejected")
    assert outcome.created + outcome.skipped == len(preview.rows) - len(damaged)
    assert outcome.created >= 2
    assert outcome.rejected == len(damaged)


def test_wrong_directory_lengths_are_read_by_terminators_and_said(
    profile: Profile, tmp_path: Path
) -> None:
    """Some exporters count lengths in characters, not bytes: the fields are still clear."""
    good = cnmarc(BOOKS[0], "utf-8")
    chars = good.decode("utf-8")
    lengths_in_characters = b"%05d" % len(chars) + good[5:]
    damaged_directory = good[:30] + b"XX" + good[32:]
    path = tmp_path / "lengths.iso"
    path.write_bytes(lengths_in_characters + damaged_directory + cnmarc(BOOKS[1], "utf-8"))
    preview, outcome = run_import(profile, path)
    assert [r.status for r in preview.rows] == ["new", "matched", "new"]
    assert preview.rows[0].title == "红楼梦" and preview.rows[0].notes
    assert preview.rows[1].notes and preview.rows[1].matched_row == 1
    assert not preview.rows[2].notes
    assert outcome.created == 2


class CancelAfter:
    def __init__(self, after: int) -> None:
        self.after = after
        self.seen = 0

    def report(self, done: int, total: int, text: str = "") -> None:
        self.seen = done

    @property
    def cancelled(self) -> bool:
        return self.seen >= self.after


def test_half_read_import_leaves_database_as_it_was(profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "three.iso"
    path.write_bytes(b"".join(cnmarc(b, "utf-8") for b in BOOKS))
    before = db_state(profile)
    with profile.sessions() as s:
        preview = catalog_marc.preview_import(s, path)
    with pytest.raises(Cancelled), profile.sessions() as s, s.begin():
        catalog_marc.commit_import(s, profile.clock, preview, progress=CancelAfter(2))
    assert db_state(profile) == before


@pytest.mark.parametrize("fmt", ["cnmarc", "marc21"])
def test_export_is_read_back_by_yaz_and_pymarc(profile: Profile, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "in.iso"
    source.write_bytes(b"".join(cnmarc(b, "gb18030") for b in BOOKS))
    run_import(profile, source)
    out = tmp_path / f"out-{fmt}.mrc"
    with profile.sessions() as s:
        assert catalog_marc.export_marc(s, profile.clock, out, fmt) == 3
    dump = subprocess.run(
        ["yaz-marcdump", "-f", "utf-8", "-t", "utf-8", "-o", "line", str(out)],
        capture_output=True,
        timeout=30,
    )
    assert dump.returncode == 0, dump.stderr
    text = dump.stdout.decode("utf-8")
    assert "红楼梦" in text and "苹果栽培技术" in text and "I242.47" in text
    assert b"error" not in dump.stderr.lower()
    with out.open("rb") as fh:
        records = list(pymarc.MARCReader(fh, force_utf8=True))
    assert len(records) == 3 and all(r is not None for r in records)
    # Re-import of our own export gives the same records (matched by ISBN, nothing lost).
    with profile.sessions() as s:
        preview = catalog_marc.preview_import(s, out)
        assert [r.status for r in preview.rows] == ["matched"] * 3
        originals = {b.isbn: b for b in s.scalars(select(BibRecord))}
        for row in preview.rows:
            assert row.data is not None and row.isbn is not None
            original = originals[row.isbn]
            assert row.data.title == original.title
            assert row.data.author == original.author
            assert row.data.publisher == original.publisher
            assert row.data.clc_class == original.clc_class
            assert row.data.pub_year == original.pub_year
    # pymarc writes back exactly the bytes it read (except that it forces leader/09 to "a",
    # which is wrong for CNMARC: there it is undefined and stays blank).
    rewritten = [r.as_marc() for r in records]
    if fmt == "cnmarc":
        rewritten = [raw[:9] + b" " + raw[10:] for raw in rewritten]
        assert all(raw[9:10] == b" " for raw in out.read_bytes().split(b"\x1d")[:-1])
    assert b"".join(rewritten) == out.read_bytes()
