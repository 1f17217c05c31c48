"""`shuwu selftest --screenshots`: a PNG of every screen and a JSON list of what does not fit.

Runs the real command (a subprocess, offscreen) at 1024×768 and 1366×768 in both languages,
and at the largest font Settings offers, and fails on any misfit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget, QWidget

from app.ui.fit_check import find_misfits
from app.ui.sections import NAVIGATION
from app.ui.settings_pages.general import MAX_FONT_PT

ROOT = Path(__file__).resolve().parents[2]


def run_screenshots(out: Path, size: str, lang: str, font: int | None = None) -> dict:
    args = [sys.executable, "-m", "app", "selftest", "--screenshots", str(out), "--size", size]
    args += ["--lang", lang]
    if font is not None:
        args += ["--font-size", str(font)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=240, cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    data = json.loads(done.stdout)
    assert data["ok"] == (done.returncode == 0) == (data["misfits"] == 0)
    return data


@pytest.mark.parametrize(
    ("size", "lang", "font"),
    [
        ("1024x768", "zh_CN", None),
        ("1024x768", "en", None),
        ("1366x768", "zh_CN", None),
        ("1366x768", "en", None),
        ("1024x768", "en", MAX_FONT_PT),
    ],
)
def test_every_screen_fits(tmp_path: Path, size: str, lang: str, font: int | None) -> None:
    data = run_screenshots(tmp_path, size, lang, font)
    width, height = (int(n) for n in size.split("x"))
    names = [s["name"] for s in data["screens"]]
    for key, _title in NAVIGATION:  # every section, and each tab of the tabbed ones
        assert any(n == key or n.startswith(key + ".") for n in names), key
    tabs = [n for n in names if ".dialog-" not in n]
    assert sum(n.startswith("circulation.") for n in tabs) == 3
    assert sum(n.startswith("settings.") for n in tabs) >= 5
    assert {"circulation.dialog-override-reason", "readers.dialog-register-reader"} <= set(names)
    assert "print-dialog" in names
    failures = []
    for screen in data["screens"]:
        png = tmp_path / screen["png"]
        with Image.open(png) as image:
            assert image.format == "PNG"
            if screen["name"] != "print-dialog" and ".dialog-" not in screen["name"]:
                assert image.size == (width, height), screen["name"]
        failures.extend(f"{screen['name']}: {m}" for m in screen["misfits"])
    assert failures == [], "\n".join(failures)


def test_the_checker_finds_each_kind_of_misfit(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    clipped = QLabel("一段很长很长很长很长的说明文字", window)
    clipped.setGeometry(5, 5, 40, 20)
    fine = QLabel("OK", window)
    fine.setGeometry(5, 30, 80, 20)
    outside = QPushButton("保存", window)
    outside.setGeometry(260, 170, 100, 30)
    narrow = QLineEdit(window)
    narrow.setAccessibleName("中图法分类号")
    narrow.setGeometry(5, 60, 14, 24)
    table = QTableWidget(1, 2, window)
    table.setHorizontalHeaderLabels(["条码", "应还日期"])
    table.setGeometry(5, 90, 200, 100)
    table.horizontalHeader().resizeSection(1, 12)
    window.show()
    qtbot.waitExposed(window)
    found = {(m.kind, m.widget.split(" ")[0]) for m in find_misfits(window)}
    assert ("clipped_text", "QLabel") in found
    assert ("outside_window", "QPushButton") in found
    assert ("narrow_field", "QLineEdit") in found
    kinds = [m for m in find_misfits(window) if m.kind == "narrow_column"]
    assert len(kinds) == 1 and "应还日期" in kinds[0].widget
    assert not any("OK" in m.widget for m in find_misfits(window))


def test_bad_size_is_refused_with_exit_2(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "app", "selftest", "--screenshots", str(tmp_path), "--size", "big"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2 and "1024x768" in done.stderr
    assert "Traceback" not in done.stderr
