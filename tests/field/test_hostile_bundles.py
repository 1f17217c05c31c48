"""Hostile USB bundles: every file is imported or refused (exit 0 or 2, never 1), a refusal
changes nothing (dump hash), and bombs are read in bounded memory (measured in a fresh
process). Both ``shuwu bundle import`` and ``shuwu-server bundle import`` are covered."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main as shuwu
from shuwu_shared import bundle as fmt
from tests.field import bundle_kit as kit

ROOT = Path(__file__).resolve().parents[2]
PEAK_LIMIT_MB = 200


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    os.environ["SHUWU_CREDENTIALS"] = "file"
    base = tmp_path_factory.mktemp("hostile")
    county = base / "county.db"
    device_id = kit.make_county(county)
    home = base / "village"
    kit.make_village(home, device_id)
    return {"base": base, "county": county, "home": home, "device": device_id}


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
record_types = st.sampled_from(["head", "op", "result", "change", "other"])


GOOD_HEAD = json.dumps(
    {"head": {"epoch": 1, "cursor": 0, "next_cursor": 2, "training": False}}
).encode()


lines = st.one_of(
    st.builds(lambda t, v: json.dumps({t: v}).encode(), record_types, json_values),
    st.binary(max_size=40),
    st.integers(min_value=1, max_value=5000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(min_value=1, max_value=3000).map(lambda n: b'{"op":' * n + b"1" + b"}" * n),
    st.just(b'{"result": {"op_id": "x", "status": "applied"}}'),
    st.just(b'{"head": {"epoch": NaN}}'),
)


def _files(kind: str, device: int) -> st.SearchStrategy[bytes]:
    payloads = st.tuples(st.one_of(st.just(GOOD_HEAD), lines), st.lists(lines, max_size=5)).map(
        lambda t: b"\n".join([t[0], *t[1]]) + b"\n"
    )
    signed = payloads.map(lambda p: kit.signed(kind, gzip.compress(p), device))
    cut = st.tuples(signed, st.integers(min_value=0, max_value=400)).map(lambda t: t[0][: t[1]])
    flipped = st.tuples(
        signed, st.integers(min_value=0, max_value=10_000), st.integers(1, 255)
    ).map(lambda t: _flip(*t))
    raw_gzip = st.binary(max_size=200).map(gzip.compress)
    signed_junk = st.binary(max_size=200).map(lambda b: kit.signed(kind, b, device))
    return st.one_of(signed, cut, flipped, raw_gzip, signed_junk, st.binary(max_size=300))


def _flip(data: bytes, where: int, mask: int) -> bytes:
    where %= len(data)
    return data[:where] + bytes([data[where] ^ mask]) + data[where + 1 :]


SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(data=st.data())
def test_village_import_exits_0_or_2_and_refusals_change_nothing(world, data, capsys) -> None:
    content = data.draw(_files("reply", world["device"]))
    path = world["base"] / "reply.shuwu"
    path.write_bytes(content)
    before = kit.dump_hash(world["home"] / "shuwu.db")
    code = shuwu(["bundle", "import", str(path), "--home", str(world["home"]), "--json"])
    out = capsys.readouterr()
    assert code in (0, 2), out
    if code == 2:
        assert json.loads(out.out)["message"]
        assert kit.dump_hash(world["home"] / "shuwu.db") == before


@SETTINGS
@given(data=st.data())
def test_server_import_exits_0_or_2_and_refusals_change_nothing(world, data, capsys) -> None:
    from server.cli import main as server

    content = data.draw(_files("ops", world["device"]))
    path = world["base"] / "village.shuwu"
    reply = world["base"] / "village-reply.shuwu"
    reply.unlink(missing_ok=True)
    path.write_bytes(content)
    before = kit.dump_hash(world["county"])
    url = f"sqlite:///{world['county']}"
    code = server(["bundle", "import", str(path), "--reply", str(reply), "--db", url, "--json"])
    out = capsys.readouterr()
    assert code in (0, 2), out
    if code == 2:
        assert json.loads(out.out)["message"]
        assert kit.dump_hash(world["county"]) == before
        assert not reply.exists()


def test_deep_nesting_and_forged_files_are_refused_with_a_message(world, capsys) -> None:
    nested = b"[" * 100000 + b"]" * 100000
    cases = {
        "issue.shuwu": gzip.compress(nested),  # the file from the report, unsigned
        "signed-nested.shuwu": kit.signed("reply", gzip.compress(nested), world["device"]),
        "head-nested.shuwu": kit.signed(
            "reply", gzip.compress(b'{"head":' * 5000 + b"{}" + b"}" * 5000 + b"\n"), 1
        ),
        "other-key.shuwu": kit.signed(
            "reply", gzip.compress(b'{"head":{}}\n'), world["device"], key=b"k" * 32
        ),
    }
    before = kit.dump_hash(world["home"] / "shuwu.db")
    for name, content in cases.items():
        path = world["base"] / name
        path.write_bytes(content)
        code = shuwu(["bundle", "import", str(path), "--home", str(world["home"]), "--json"])
        message = json.loads(capsys.readouterr().out)["message"]
        assert code == 2 and message, name
    assert kit.dump_hash(world["home"] / "shuwu.db") == before


def test_inflated_size_has_a_hard_cap(world, monkeypatch) -> None:
    """A long stream of valid records stops at the cap (lowered here to keep the test fast)."""
    monkeypatch.setattr(fmt, "MAX_INFLATED_BYTES", 64 * 1024)
    lines = [b'{"head":{}}'] + [b'{"change":{"entity":"x"}}'] * 10000
    path = world["base"] / "long.shuwu"
    path.write_bytes(kit.signed("reply", gzip.compress(b"\n".join(lines) + b"\n")))
    fmt.verify(path, kit.KEY, fmt.KIND_REPLY)
    with pytest.raises(Exception) as caught:
        for _record in fmt.records(path, kit.KEY):
            pass
    assert "too large" in str(caught.value) or "太大" in str(caught.value)


def test_depth_counts_brackets_outside_strings_only() -> None:
    assert fmt.depth(b'{"a": "[[[[{{{{", "b": [1, [2]]}') == 3
    assert fmt.depth(b'"\\"[[["') == 0
    with pytest.raises(ValueError):
        fmt.parse_line(b"[" * 17 + b"]" * 17)
    with pytest.raises(ValueError):
        fmt.parse_line(b'{"x": Infinity}')


_PEAK_SCRIPT = """
import sys
from pathlib import Path
if sys.argv[1] == "village":
    from app.cli.main import main
else:
    from server.cli import main
code = main(sys.argv[2:])
peak = [l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM")]
print("PEAK", code, int(peak[0].split()[1]) // 1024, file=sys.stderr)
"""


def _peak(side: str, *args: str) -> tuple[int, int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SHUWU_CREDENTIALS="file", SHUWU_LANG="en")
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, side, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    marker = [line for line in proc.stderr.splitlines() if line.startswith("PEAK ")]
    assert marker, proc.stderr
    _word, code, peak_mb = marker[-1].split()
    return int(code), int(peak_mb)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux)")
def test_bombs_are_refused_in_bounded_memory(world) -> None:
    base = world["base"]
    device = world["device"]
    bombs = {}
    bombs["nested"] = base / "nested.shuwu"
    bombs["nested"].write_bytes(gzip.compress(b"[" * 100000 + b"]" * 100000))
    bombs["plain-600m"] = base / "plain-600m.shuwu"
    kit.write_plain_bomb(bombs["plain-600m"], 600)
    for kind in ("reply", "ops"):
        bombs[f"{kind}-600m"] = base / f"{kind}-600m.shuwu"
        kit.write_signed_stream(bombs[f"{kind}-600m"], kind, kit.bomb_members(600), device)
        bombs[f"{kind}-2g"] = base / f"{kind}-2g.shuwu"
        kit.write_signed_stream(bombs[f"{kind}-2g"], kind, kit.bomb_members(2048, b"["), device)
    before_home = kit.dump_hash(world["home"] / "shuwu.db")
    before_county = kit.dump_hash(world["county"])
    url = f"sqlite:///{world['county']}"
    for name, path in bombs.items():
        assert path.stat().st_size < 8 * kit.MIB, name  # the test itself stays small
        if not name.startswith("ops"):
            code, peak = _peak(
                "village", "bundle", "import", str(path), "--home", str(world["home"])
            )
            assert code == 2 and peak < PEAK_LIMIT_MB, (name, code, peak)
        if not name.startswith("reply"):
            code, peak = _peak(
                "server",
                "bundle",
                "import",
                str(path),
                "--reply",
                str(base / "r.shuwu"),
                "--db",
                url,
            )
            assert code == 2 and peak < PEAK_LIMIT_MB, (name, code, peak)
    assert kit.dump_hash(world["home"] / "shuwu.db") == before_home
    assert kit.dump_hash(world["county"]) == before_county
