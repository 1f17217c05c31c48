"""``shuwu catalog`` routine jobs: the services of the screen's dialogs, JSON, exit codes."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main
from app.profile import Profile
from app.services import catalog
from tests.catalog.test_catalog_service import catalogue


def run(profile: Profile, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["catalog", *args, "--home", str(profile.home), "--json"])
    out = capsys.readouterr().out
    return code, (json.loads(out) if code == 0 else {})


def test_shelves_move_edit_status_and_classes(
    branch_profile: Profile, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue(branch_profile, "红楼梦", "I242.47", ["V0010001", "V0010002"], isbn="9787020002207")
    assert run(branch_profile, capsys, "add-shelf", "书架5", "儿童")[0] == 0
    code, data = run(branch_profile, capsys, "move", "V0010001", "V0010002", "--shelf", "书架5")
    assert code == 0 and {m["shelf_location"] for m in data["moved"]} == {"书架5"}
    assert run(branch_profile, capsys, "retire-shelf", "A1")[0] == 0  # now empty
    assert run(branch_profile, capsys, "retire-shelf", "书架5")[0] == 2  # two copies on it
    code, data = run(branch_profile, capsys, "rename-shelf", "书架5", "少儿读物")
    assert code == 0 and data["name"] == "少儿读物"
    code, data = run(branch_profile, capsys, "shelves")
    assert [s["code"] for s in data["shelves"]] == ["B1", "书架5"]
    code, data = run(branch_profile, capsys, "edit", "V0010001", "--author", "曹雪芹")
    assert code == 0 and data["author"] == "曹雪芹" and data["title"] == "红楼梦"
    assert run(branch_profile, capsys, "edit", "9787020002207", "--clc-class", "M1")[0] == 2
    assert run(branch_profile, capsys, "edit", "NOPE999")[0] == 2
    code, data = run(branch_profile, capsys, "status", "V0010002", "damaged", "--reason", "水浸")
    assert code == 0 and data["status"] == "damaged"
    code, data = run(branch_profile, capsys, "status", "V0010002", "found", "--reason", "修好")
    assert code == 0 and data["status"] == "available"
    code, data = run(branch_profile, capsys, "classes", "养猪", "--limit", "5")
    assert code == 0 and data["classes"][0]["code"] == "S828"  # 猪: the caption has no 养
    with branch_profile.sessions() as s:
        view = catalog.get_record(s, catalog.bib_uuid_for(s, "V0010001"))
    assert view.data.author == "曹雪芹"
