"""Session-wide peers: one SimpleServer (CNMARC in UTF-8 and GB18030, slow, garbage), one
yaz-ztest, one junk TCP server. Missing tools fail the run under SHUWU_REQUIRE_PEERS=1."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.copycat import peers


@dataclass(frozen=True)
class Peers:
    cnmarc_port: int
    ztest_port: int
    junk_port: int
    utf8_file: Path
    gb_file: Path


@pytest.fixture(scope="session")
def live_peers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peers]:
    missing = peers.have_peers()
    if missing:
        if os.environ.get("SHUWU_REQUIRE_PEERS") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    directory = tmp_path_factory.mktemp("copycat")
    utf8, gb = peers.build_cnmarc_files(directory)
    databases: dict[str, Path | None] = {"utf8": utf8, "gb": gb, "slow": utf8, "garbage": None}
    with (
        peers.cnmarc_server(databases) as cnmarc_port,
        peers.yaz_ztest() as ztest_port,
        peers.junk_server() as junk_port,
    ):
        yield Peers(cnmarc_port, ztest_port, junk_port, utf8, gb)
