"""``shuwu catalog import`` at the profile/file boundary: any bytes are imported or refused
(exit 0 or 2, never 1), and a refusal leaves the profile's data unchanged (dump hash)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main as shuwu
from app.profile import open_profile
from tests.catalog.marc_fixtures import BOOKS, cnmarc, marc21
from tests.field import bundle_kit as kit

VALID = [cnmarc(b, "gb18030") for b in BOOKS] + [marc21(b) for b in BOOKS]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("marc") / "profile"
    open_profile(path).close()
    return path


def _mutate(record: bytes, edits: list[tuple[int, int]]) -> bytes:
    data = bytearray(record)
    for where, value in edits:
        data[where % len(data)] = value
    return bytes(data)


marc_files = st.one_of(
    st.binary(max_size=400),
    st.builds(
        _mutate,
        st.sampled_from(VALID),
        st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=6),
    ),
    st.tuples(st.sampled_from(VALID), st.integers(0, 2000)).map(lambda t: t[0][: t[1]]),
    st.lists(st.sampled_from(VALID), min_size=1, max_size=3).map(b"".join),
    st.sampled_from(VALID).map(lambda r: r.replace(b"\x1fd", b"\x1fd\x00", 1)),  # NUL in a field
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=marc_files, preview=st.booleans())
def test_catalog_import_exits_0_or_2_and_refusals_change_nothing(
    home, content, preview, capsys
) -> None:
    path = home.parent / "in.iso"
    path.write_bytes(content)
    before = kit.dump_hash(home / "shuwu.db")
    args = ["catalog", "import", str(path), "--home", str(home), "--json"]
    code = shuwu([*args, "--preview"] if preview else args)
    out = capsys.readouterr()
    assert code in (0, 2), out
    if code == 2 or preview:
        assert kit.dump_hash(home / "shuwu.db") == before
    if code == 2:
        assert json.loads(out.out.strip().splitlines()[-1])["message"]
