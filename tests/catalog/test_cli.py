"""The CLI through a real subprocess: JSON output, exit codes, messages in Chinese."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.profile import Profile
from tests.catalog.marc_fixtures import BOOKS, cnmarc


def shuwu(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args, "--home", str(home), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_catalog_cli_round_trip(branch_profile: Profile, tmp_path: Path) -> None:
    home = branch_profile.home
    branch_profile.close()
    gbk = tmp_path / "gbk.iso"
    gbk.write_bytes(b"\r\n".join(cnmarc(b, "gb18030") for b in BOOKS))
    preview = shuwu(home, "catalog", "import", str(gbk), "--preview")
    assert preview.returncode == 0, preview.stderr
    data = json.loads(preview.stdout)
    assert (data["new"], data["committed"], data["encoding"]) == (3, False, "gb18030")
    done = json.loads(shuwu(home, "catalog", "import", str(gbk)).stdout)
    assert done["created"] == 3
    added = shuwu(
        home,
        "catalog",
        "add",
        "--isbn",
        "9787020002207",
        "--barcode",
        "V0010001",
        "--barcode",
        "V0010002",
        "--shelf",
        "A1",
    )
    assert added.returncode == 0, added.stderr
    assert [i["call_number"] for i in json.loads(added.stdout)["added"]] == ["I242.47/1"] * 2
    found = json.loads(shuwu(home, "catalog", "search", "hlm").stdout)
    assert found["hits"][0]["title"] == "红楼梦"
    assert [c["status"] for c in found["hits"][0]["copies"]] == ["available", "available"]
    dup = shuwu(home, "catalog", "add", "--isbn", "9787020002207", "--barcode", "V0010001")
    assert dup.returncode == 2 and "已被其他复本使用" in json.loads(dup.stdout)["message"]
    bad = shuwu(home, "catalog", "lookup", "9787020002201")
    assert bad.returncode == 2 and "ISBN" in json.loads(bad.stdout)["message"]
    out = tmp_path / "out.mrc"
    exported = shuwu(home, "catalog", "export", str(out), "--format", "marc21")
    assert json.loads(exported.stdout)["records"] == 3
    garbage = tmp_path / "junk.iso"
    garbage.write_bytes(bytes(range(256)) * 10)
    refused = shuwu(home, "catalog", "import", str(garbage))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert shuwu(home, "stocktake", "start").returncode == 0
    scan = json.loads(shuwu(home, "stocktake", "scan", "V0010001").stdout)
    assert scan["scans"][0]["status"] == "ok"
    finished = json.loads(
        shuwu(home, "stocktake", "finish", "--csv", str(tmp_path / "s.csv")).stdout
    )
    assert [m["barcode"] for m in finished["missing"]] == ["V0010002"]
    sent = shuwu(home, "transfer", "send", "T01", "V0010001")
    assert json.loads(sent.stdout)["status"] == "sent", sent.stdout
    listed = json.loads(shuwu(home, "transfer", "list").stdout)
    assert listed["transfers"][0]["barcodes"] == ["V0010001"]
