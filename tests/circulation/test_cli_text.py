"""CLI text output: Chinese words for stored codes, and a quiet end when a pipe closes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.profile import Profile, open_profile
from app.services import readers
from app.services.readers import ReaderInput
from tests.labels.conftest import BOOKS, catalogue_books, enrol


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SHUWU_LANG="zh_CN")
    return subprocess.run(
        [sys.executable, "-m", "app", *args, "--home", str(home)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def add_readers(profile: Profile, count: int) -> None:
    with profile.sessions() as s, s.begin():
        for n in range(count):
            readers.register_reader(
                s,
                profile.clock,
                ReaderInput(name=f"读者{n}", gender="F", birth_year=1990, reader_type="child"),
            )


def test_readers_list_prints_chinese_words_not_codes(branch: Profile) -> None:
    add_readers(branch, 2)
    done = run(branch.home, "readers", "list")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert "少儿" in first and "女" in first and "正常" in first  # the county's label "少儿"
    for code in ("child", "active", " F "):
        assert code not in done.stdout


def test_item_status_words_in_catalogue_search(tmp_path: Path) -> None:
    library = open_profile(tmp_path / "library")
    try:
        enrol(library)
        catalogue_books(library)
    finally:
        library.close()
    done = run(tmp_path / "library", "catalog", "search", BOOKS[0][0])
    assert done.returncode == 0, done.stderr
    assert "在架" in done.stdout and "available" not in done.stdout


def test_return_of_a_shelved_book_on_the_cli_changes_nothing(branch: Profile) -> None:
    done = run(branch.home, "circ", "return", "C01000003")
    assert done.returncode == 0, done.stderr
    assert "不在借" in done.stdout and "[op" not in done.stdout


def test_readers_list_into_a_closed_pipe_ends_quietly(branch: Profile) -> None:
    add_readers(branch, 3)
    env = dict(os.environ, SHUWU_LANG="zh_CN")
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "readers", "list", "--home", str(branch.home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    with proc:  # closes the stderr pipe too
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # like `| head -0`: nobody reads what is printed
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert proc.returncode == 0
