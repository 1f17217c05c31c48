"""The enrolment slip: the code and server address as text (pdftotext) and as a QR code that
zbarimg reads back, on A4 and A5."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from server.console.i18n import translator
from server.console.slip import enrolment_slip

TOOLS = ("pdftoppm", "pdftotext", "zbarimg")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="poppler-utils/zbar-tools not installed"
)


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_slip_text_and_qr_code(size: str, tmp_path: Path) -> None:
    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(
        enrolment_slip(
            server_url="http://192.168.1.20:8340",
            code="ABCD2345",
            expires="2026-12-07 16:00",
            branch="CW01 城关镇一村书屋",
            device_id=17,
            size=size,
            t=translator("zh_CN"),
        )
    )
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "ABCD 2345" in text and "http://192.168.1.20:8340" in text
    assert "书屋设备注册单" in text and "城关镇一村书屋" in text
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "p")], check=True)
    page = sorted(tmp_path.glob("p*.png"))[0]
    read = subprocess.run(
        ["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert json.loads(read) == {
        "shuwu": "enrol",
        "server": "http://192.168.1.20:8340",
        "code": "ABCD2345",
    }
