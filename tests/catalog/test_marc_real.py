"""Real MARC files written by others (fixtures/real/README.md), judged by yaz-marcdump.

Each file is read by Shuwu and by ``yaz-marcdump`` (an independent MARC reader with its own
MARC-8 tables); the decoded fields must agree one by one. Then the records go through
import → export → import, and the stored records and the export are checked again with
yaz-marcdump and pymarc.
"""

from __future__ import annotations

import io
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pymarc
import pytest
from sqlalchemy import select

from app.models import BibRecord
from app.profile import Profile, open_profile
from app.services import catalog_marc
from app.services.catalog import apply_bib, bib_data
from shuwu_shared.bib import BibData
from shuwu_shared.marc.read import DecodedRecord, read_marc_bytes

REAL = Path(__file__).parent / "fixtures" / "real"

# file → (yaz-marcdump input charset or "marcxml", the encoding Shuwu must detect)
FIXTURES: dict[str, tuple[str, set[str]]] = {
    "pymarc-marc8.dat": ("marc8", {"marc8"}),
    "marc4j-brkrtest.mrc": ("marc8", {"marc8", "utf-8"}),  # ASCII-only records read as UTF-8
    "marc4j-cyrillic_capital_e.mrc": ("marc8", {"marc8"}),
    "marc4j-185258.mrc": ("marc8", {"marc8"}),
    "marc4j-u335.mrc": ("marc8", {"marc8"}),
    "yaz-marc6.marc": ("marc8", {"utf-8"}),  # ASCII only
    "pymarc-diacritic.dat": ("utf8", {"utf-8"}),
    "pymarc-testunimarc.dat": ("utf8", {"utf-8"}),
    "pymarc-utf8_with_leader_flag.dat": ("utf8", {"utf-8"}),
    "pymarc-utf8_without_leader_flag.dat": ("utf8", {"utf-8"}),
    "pymarc-test.dat": ("utf8", {"utf-8"}),
    "pymarc-multi_isbn.dat": ("utf8", {"utf-8"}),
    "marc4j-chabon.mrc": ("utf8", {"utf-8"}),
    "marc4j-summerland.mrc": ("utf8", {"utf-8"}),
    "marc4j-oclc_63111280_export_as_UTF8_from_connexion.mrc": ("utf8", {"utf-8"}),
    "marc4j-loongboonmee.mrc": ("utf8", {"utf-8"}),
    "yaz-marc5.marc": ("utf8", {"utf-8"}),
    "dp2-190-tianjin.iso": ("utf8", {"utf-8"}),
    "dp2-190-declares-0120.iso": ("utf8", {"utf-8"}),
    "dp2-645-gb2312.iso": ("gb18030", {"gb18030"}),
    "pymarc-batch.xml": ("marcxml", {"xml"}),
    "pymarc-utf8.xml": ("marcxml", {"xml"}),
    "marc4j-summerland.xml": ("marcxml", {"xml"}),
    "marc4j-chabon.xml": ("marcxml", {"xml"}),
}


# A byte 0x1F inside Cyrillic text (the damage this marc4j file was made to test): yaz goes back
# to Latin after it, Shuwu (like pymarc within a field) stays in the Cyrillic set.
KNOWN_DIFFERENCES = {"marc4j-cyrillic_capital_e.mrc": {"880"}}


def yaz_records(path: Path, charset: str) -> list[pymarc.Record]:
    """yaz-marcdump's reading of the file, as MARCXML parsed by pymarc."""
    if charset == "marcxml":
        args = ["-i", "marcxml", "-o", "marcxml"]
    else:
        args = ["-f", charset, "-t", "utf8", "-o", "marcxml"]
    done = subprocess.run(
        ["yaz-marcdump", *args, str(path)], capture_output=True, timeout=60, check=True
    )
    return pymarc.parse_xml_to_array(io.BytesIO(done.stdout))  # type: ignore[no-any-return]


def nfc(value: str) -> str:
    # MARC-8 ligature halves: pymarc maps them to U+FE20/U+FE21, yaz to one U+0361; LC's tables
    # allow both, so compare them as the same.
    value = value.replace("\ufe20", "\u0361").replace("\ufe21", "")
    value = value.replace("\ufe22", "\u0360").replace("\ufe23", "")
    return unicodedata.normalize("NFC", value)


def field_list(record: pymarc.Record, skip: tuple[str, ...] = ()) -> list[Any]:
    out: list[Any] = []
    for f in record.fields:
        if f.tag in skip:
            continue
        if f.is_control_field():
            out.append((f.tag, nfc(f.data)))
        else:
            subs = [(s.code, nfc(s.value)) for s in f.subfields]
            # A damaged (non-ASCII) indicator is read as blank, and reported.
            ind = [i if " " <= i < "\x7f" else " " for i in (f.indicator1, f.indicator2)]
            out.append((f.tag, *ind, subs))
    return out


def ours(path: Path) -> list[DecodedRecord]:
    result = read_marc_bytes(path.read_bytes())
    decoded = [e for e in result.entries if isinstance(e, DecodedRecord)]
    assert len(decoded) == len(result.entries), [e for e in result.entries if e not in decoded]
    return decoded


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_decodes_like_yaz_marcdump(name: str) -> None:
    charset, encodings = FIXTURES[name]
    path = REAL / name
    decoded = ours(path)
    judged = yaz_records(path, charset)
    assert {d.encoding for d in decoded} <= encodings
    assert len(decoded) == len(judged)
    for mine, theirs in zip(decoded, judged, strict=True):
        # Fields Shuwu had to repair are named in the record's notes (shown to the user).
        repaired = tuple({note[:3] for note in mine.notes} | KNOWN_DIFFERENCES.get(name, set()))
        assert field_list(mine.record, repaired) == field_list(theirs, repaired), name


def test_marc8_diacritics_are_decoded_not_read_as_gb18030() -> None:
    from tests.catalog.marc_fixtures import _assemble, _df

    def ascii_field(ind: str, subs: list[tuple[str, bytes]]) -> bytes:
        return ind.encode() + b"".join(b"\x1f" + c.encode() + v for c, v in subs) + b"\x1e"

    fields = [
        ("001", b"hu-0001\x1e"),
        ("100", ascii_field("1 ", [("a", b"Bojtor Istv\xe2an")])),  # ANSEL acute before "a"
        ("245", ascii_field("10", [("a", b"A magyar k\xe8onyvt\xe2ar")])),  # umlaut before "o"
    ]
    raw = _assemble(fields, b"   4500", " ")
    assert _df  # the synthetic helpers are shared with test_marc.py
    for encoding in ("auto", "marc8"):
        [entry] = read_marc_bytes(raw, encoding).entries
        assert isinstance(entry, DecodedRecord) and entry.encoding == "marc8"
        assert entry.record["100"]["a"] == "Bojtor István"
        assert entry.record["245"]["a"] == "A magyar könyvtár"
    [as_gb] = read_marc_bytes(raw, "gb18030").entries
    assert isinstance(as_gb, DecodedRecord) and "鈇" in as_gb.record["100"]["a"]  # what auto avoids


def import_file(profile: Profile, path: Path) -> catalog_marc.ImportPreview:
    with profile.sessions() as s, s.begin():
        preview = catalog_marc.preview_import(s, path)
        catalog_marc.commit_import(s, profile.clock, preview, on_match="skip")
    return preview


def stored_sources(profile: Profile) -> list[bytes]:
    with profile.sessions() as s:
        return sorted(bytes(b.marc) for b in s.scalars(select(BibRecord)) if b.marc)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_round_trip_keeps_every_field(tmp_path: Path, name: str) -> None:
    first = open_profile(tmp_path / "first")
    preview = import_file(first, REAL / name)
    fmt = "cnmarc" if preview.marc_format == "cnmarc" else "marc21"
    exported = tmp_path / "out.mrc"
    with first.sessions() as s:
        catalog_marc.export_marc(s, first.clock, exported, fmt)
    # yaz-marcdump reads the export as UTF-8 without complaint, with every source field kept.
    judged = yaz_records(exported, "utf8")
    originals = [e for e in preview.rows if e.converted]
    assert len(judged) == len(originals)
    source = yaz_records(REAL / name, FIXTURES[name][0])
    for original, back, row in zip(source, judged, originals, strict=True):
        # 100$a/26-29 now declares UTF-8; 035 carries Shuwu's id; repaired fields are reported.
        skip = ("100", "035", *{n[:3] for n in row.notes}, *KNOWN_DIFFERENCES.get(name, ()))
        assert field_list(back, skip) == field_list(original, skip)
        own = [f for f in back.get_fields("035") if (f.get("a") or "").startswith("(Shuwu)")]
        assert len(own) == 1
        if fmt == "cnmarc":
            assert str(back.leader)[9] == str(original.leader)[9]  # not forced to "a"
            assert str(back.leader)[20:24] == str(original.leader)[20:24]
    # Import of the export: the same stored records, byte for byte.
    second = open_profile(tmp_path / "second")
    import_file(second, exported)
    assert stored_sources(second) == stored_sources(first)
    # MARCXML export says the same as ISO 2709 export.
    xml_out = tmp_path / "out.xml"
    with first.sessions() as s:
        catalog_marc.export_marc(s, first.clock, xml_out, fmt, syntax="marcxml")
    from_xml = yaz_records(xml_out, "marcxml")
    assert [field_list(r) for r in from_xml] == [field_list(r) for r in judged]
    first.close()
    second.close()


def test_cnmarc_details_survive_and_flags(profile: Profile, tmp_path: Path) -> None:
    import_file(profile, REAL / "dp2-190-declares-0120.iso")
    preview = import_file(profile, REAL / "dp2-645-gb2312.iso")
    [row] = preview.rows
    assert row.status == "new" and row.converted is not None
    assert row.converted.other_class == "21.2 [690]" and row.data and row.data.clc_class is None
    assert any("中图法" in n for n in row.notes)
    with profile.sessions() as s:
        tree = s.scalar(select(BibRecord).where(BibRecord.isbn == "9787533918453"))
        assert tree is not None and tree.title == "少年小树之歌" and tree.clc_class == "I712.45"
        old = s.scalar(select(BibRecord).where(BibRecord.title.like("%读一点世界史")))
        assert old is not None and old.other_class == "21.2 [690]" and old.clc_class is None
    out = tmp_path / "out.iso"
    with profile.sessions() as s:
        catalog_marc.export_marc(s, profile.clock, out, "cnmarc")
    dump = subprocess.run(
        ["yaz-marcdump", "-f", "utf8", "-t", "utf8", str(out)], capture_output=True, check=True
    ).stdout.decode()
    for kept in (
        "$f [美]佛瑞斯特·卡特著",
        "$g 姚宏昌译",
        "701  0 $c (美) $a 卡特",
        "702  0 $a 姚宏昌",
        "101 1  $a chi $c eng",
        "102    $a CN $b 330000",
        "801  0 $a CN $b 天津图书馆",
        "606 0  $a 长篇小说 $y 美国 $z 现代",
        "001 012005030042",
        "001 0119940029138",
        "905    $a TSG $b D001669 $b D001705 $d 21.1",
        "690    $a 21.2",
    ):
        assert kept in dump, kept


def test_local_edit_changes_only_its_field(profile: Profile, tmp_path: Path) -> None:
    import_file(profile, REAL / "dp2-190-tianjin.iso")
    before = tmp_path / "before.iso"
    after = tmp_path / "after.iso"
    with profile.sessions() as s:
        catalog_marc.export_marc(s, profile.clock, before, "cnmarc")
    with profile.sessions() as s, s.begin():
        bib = s.scalars(select(BibRecord)).one()
        data = bib_data(bib)
        edited = BibData(**{**vars(data), "title": "少年小树之歌（新版）", "pages": "210页"})
        apply_bib(s, profile.clock, edited, bib, bib.source)
    with profile.sessions() as s:
        catalog_marc.export_marc(s, profile.clock, after, "cnmarc")
    [old] = yaz_records(before, "utf8")
    [new] = yaz_records(after, "utf8")
    pairs = zip(old.fields, new.fields, strict=True)
    changed = {f.tag for f, g in pairs if field_list_one(f) != field_list_one(g)}
    assert changed == {"200", "215"}
    assert new["200"]["a"] == "少年小树之歌（新版）" and new["200"]["f"] == "[美]佛瑞斯特·卡特著"
    assert new["215"]["a"] == "210页" and new["215"]["d"] == "21cm"


def field_list_one(f: pymarc.Field) -> Any:
    if f.is_control_field():
        return (f.tag, f.data)
    return (f.tag, f.indicator1, f.indicator2, [(s.code, s.value) for s in f.subfields])


def test_nsb_nse_kept_in_source_stripped_for_display(profile: Profile, tmp_path: Path) -> None:
    import_file(profile, REAL / "pymarc-testunimarc.dat")
    with profile.sessions() as s:
        bib = s.scalars(select(BibRecord)).one()
        assert bib.title == "L'altra faccia della spirale"
        assert "\x88L'\x89altra".encode() in bytes(bib.marc or b"")
    out = tmp_path / "out.iso"
    with profile.sessions() as s:
        catalog_marc.export_marc(s, profile.clock, out, "cnmarc")
    assert "\x88L'\x89altra".encode() in out.read_bytes()


def test_880_vernacular_preferred(profile: Profile) -> None:
    preview = import_file(profile, REAL / "yaz-marc12.marc")
    [row] = preview.rows
    assert row.title == "车票去哪儿了"
    assert row.data is not None and row.data.author == "刘旭恭"
    assert row.data.publisher == "长江少年儿童出版社"


# --- hostile bytes through the real command ------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from app.cli.main import main as shuwu_main  # noqa: E402

SEEDS = [
    (REAL / n).read_bytes()
    for n in ("dp2-645-gb2312.iso", "pymarc-marc8.dat", "pymarc-testunimarc.dat", "pymarc-utf8.xml")
]


@st.composite
def mutated_marc(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "nul"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[pos : pos + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        else:
            data[pos:pos] = b"\x00"
    return bytes(data)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=mutated_marc())
def test_import_command_exits_0_or_2_never_1(
    tmp_path_factory: pytest.TempPathFactory, payload: bytes
) -> None:
    home = tmp_path_factory.mktemp("home")
    path = home / "in.mrc"
    path.write_bytes(payload)
    code = shuwu_main(["catalog", "import", str(path), "--home", str(home / "p"), "--json"])
    assert code in (0, 2)


def test_control_characters_are_cleaned_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.catalog.marc_fixtures import BOOKS, cnmarc

    raw = cnmarc(BOOKS[0], "utf-8").replace(b"CNY59.70", b"CNY59\x0070")  # NUL in the price
    path = tmp_path / "nul.iso"
    path.write_bytes(raw)
    home = tmp_path / "p"
    assert shuwu_main(["catalog", "import", str(path), "--home", str(home)]) == 0
    out = capsys.readouterr().out
    assert "010$d" in out
    profile = open_profile(home)
    with profile.sessions() as s:
        bib = s.scalars(select(BibRecord)).one()
        assert bib.price == "5970" and b"\x00" not in bytes(bib.marc or b"")
    profile.close()


def test_explicit_encoding_is_obeyed_and_a_likely_wrong_choice_is_said() -> None:
    marc8 = (REAL / "pymarc-marc8.dat").read_bytes()
    [as_gb] = read_marc_bytes(marc8, "gb18030").entries
    assert isinstance(as_gb, DecodedRecord) and as_gb.encoding == "gb18030"
    assert any("marc8" in note for note in as_gb.notes)
    [as_utf8] = read_marc_bytes(marc8, "utf-8").entries
    assert not isinstance(as_utf8, DecodedRecord) and "utf-8" in as_utf8.reason
    [as_marc8] = read_marc_bytes((REAL / "dp2-645-gb2312.iso").read_bytes(), "marc8").entries
    assert not isinstance(as_marc8, DecodedRecord)
    [auto] = read_marc_bytes((REAL / "dp2-645-gb2312.iso").read_bytes(), "auto").entries
    assert isinstance(auto, DecodedRecord) and auto.record["200"]["f"] == "史军"


@pytest.mark.parametrize(
    "title", ["朱镕基答记者问", "红楼梦", "苹果栽培技术", "活着", "堃", "越南语 Tiếng Việt 教程"]
)
def test_gbk_marc21_is_not_mistaken_for_marc8(title: str) -> None:
    """GBK MARC 21 with a blank leader/09 (common in China): 镕 is a GBK character whose second
    byte is an ASCII letter, like a MARC-8 diacritic before its letter."""
    from tests.catalog.marc_fixtures import _assemble, _df

    fields = [
        ("001", b"gbk-0001\x1e"),
        ("100", _df("1 ", [("a", "朱镕基")], "gb18030")),
        ("245", _df("10", [("a", title), ("c", "人民出版社编")], "gb18030")),
    ]
    [entry] = read_marc_bytes(_assemble(fields, b"   4500", " ")).entries
    assert isinstance(entry, DecodedRecord) and entry.encoding == "gb18030"
    assert entry.record["245"]["a"] == title and entry.record["100"]["a"] == "朱镕基"


def _iso5426_record() -> bytes:
    """A French UNIMARC record in ISO 5426 (100$a/26-29 ``0103``): 0xC1 = grave, 0xC2 = acute,
    written before the letter; 0x88/0x89 = non-sorting begin/end around the article."""
    from tests.catalog.marc_fixtures import _assemble

    def latin(ind: str, subs: list[tuple[str, bytes]]) -> bytes:
        return ind.encode() + b"".join(b"\x1f" + c.encode() + v for c, v in subs) + b"\x1e"

    fields = [
        ("001", b"fr-0001\x1e"),
        ("100", latin("  ", [("a", b"19961119d1996    m  y0frey0103    ba")])),
        ("200", latin("1 ", [("a", b"\x88L'\x89\xc2ecole des femmes"), ("f", b"Moli\xc1ere")])),
        ("700", latin(" 1", [("a", b"Moli\xc1ere"), ("b", b"Jean-Baptiste Poquelin dit")])),
    ]
    return _assemble(fields, b"   450 ", " ")


def test_unimarc_in_iso5426_is_decoded_with_yaz_iconv(tmp_path: Path) -> None:
    """ISO 5426 diacritics (0xC2 = acute, before the letter) would read as GBK characters; they
    are decoded by yaz-iconv, agree with yaz-marcdump's reading, and import and export as
    UTF-8 with the non-sorting markers kept in the source record."""
    raw = _iso5426_record()
    path = tmp_path / "iso5426.mrc"
    path.write_bytes(raw)
    done = subprocess.run(
        ["yaz-marcdump", "-f", "iso5426", "-t", "utf8", "-o", "marcxml", str(path)],
        capture_output=True,
        check=True,
    )
    [judged] = pymarc.parse_xml_to_array(io.BytesIO(done.stdout))
    [entry] = read_marc_bytes(raw).entries
    assert isinstance(entry, DecodedRecord) and entry.encoding == "iso5426"
    assert entry.record["200"]["a"] == "\x88L'\x89école des femmes"  # by the ISO 5426 table
    assert entry.record["200"]["f"] == "Molière" == entry.record["700"]["a"]
    # YAZ writes the non-sorting markers as U+0098/U+009C; Shuwu keeps UNIMARC's U+0088/U+0089.
    for fld in judged.fields:
        if not fld.is_control_field():
            fld.subfields = [
                pymarc.Subfield(sub.code, sub.value.replace("\x98", "\x88").replace("\x9c", "\x89"))
                for sub in fld.subfields
            ]
    assert field_list(entry.record) == field_list(judged)
    profile = open_profile(tmp_path / "profile")
    preview = import_file(profile, path)
    assert preview.count("new") == 1 and preview.encoding == "iso5426"
    with profile.sessions() as s:
        bib = s.scalars(select(BibRecord)).one()
        assert bib.title == "L'école des femmes" and bib.marc is not None
        assert "\x88L'\x89école".encode() in bytes(bib.marc)
    out = tmp_path / "out.mrc"
    with profile.sessions() as s:
        catalog_marc.export_marc(s, profile.clock, out, "cnmarc")
    [back] = yaz_records(out, "utf8")
    assert back["700"]["a"] == "Molière" and back["100"]["a"][26:30] == "50  "
    profile.close()


def test_iso5426_without_yaz_is_refused_with_its_reason_not_garbled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # no yaz-iconv on this computer
    [entry] = read_marc_bytes(_iso5426_record()).entries
    assert not isinstance(entry, DecodedRecord) and "ISO 5426" in entry.reason
    assert "yaz" in entry.reason


@pytest.mark.parametrize(
    "payload",
    [
        b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b"<collection><record><leader>&b;</leader></record></collection>",
        b"<collection><record><datafield tag='245'><subfield code='a'>x</subfield>",
        b"<collection>" + b"<x>" * 5000 + b"</x>" * 5000 + b"</collection>",
        b"<collection></collection>",
    ],
)
def test_hostile_marcxml_is_refused_with_exit_2(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "in.xml"
    path.write_bytes(payload)
    home = tmp_path / "p"
    assert shuwu_main(["catalog", "import", str(path), "--home", str(home), "--json"]) == 2


WILD_FILES = sorted(p.name for p in REAL.iterdir() if p.name.startswith(("pymarc-", "marc4j-")))


@pytest.mark.parametrize("name", WILD_FILES)
def test_every_pymarc_and_marc4j_file_imports_or_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """pymarc's and marc4j's own test files (good, damaged and odd): each is imported (exit 0)
    or refused (exit 2) with a sentence, never an internal error (exit 1) or a traceback."""
    code = shuwu_main(["catalog", "import", str(REAL / name), "--home", str(tmp_path / "p")])
    err = capsys.readouterr().err
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("错误：") and len(err.strip()) > len("错误：")


def test_marcxml_with_a_short_leader_imports_and_exports_a_valid_leader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pymarc's bad_tag.xml: a 17-character leader failed the whole file inside pymarc."""
    home = str(tmp_path / "p")
    assert shuwu_main(["catalog", "import", str(REAL / "pymarc-bad_tag.xml"), "--home", home]) == 0
    out = tmp_path / "out.mrc"
    assert shuwu_main(["catalog", "export", str(out), "--format", "marc21", "--home", home]) == 0
    capsys.readouterr()
    dump = subprocess.run(["yaz-marcdump", str(out)], capture_output=True, text=True, check=True)
    assert "should hold a number" not in dump.stderr + dump.stdout
    (record,) = list(pymarc.MARCReader(out.read_bytes()))
    assert record is not None and record.title and record.title.startswith("The Untamed")
    assert str(record.leader)[20:24] == "4500"


def test_marcxml_without_a_tag_is_refused_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    path = REAL / "marc4j-chabon-missing-datafield-tag.xml"
    assert shuwu_main(["catalog", "import", str(path), "--preview"]) == 2
    assert "有元素缺少“tag”属性" in capsys.readouterr().err
