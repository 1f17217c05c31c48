"""``shuwu selftest``: check an installation end to end (used by the installer smoke test).

Opens a throwaway profile (migrations run), builds the main window offscreen and visits every
section, renders a small label PDF with the shipped Chinese font and a barcode, and exits 0.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from shuwu_shared.errors import ShuwuError, UserInputError
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers, "selftest", _("check that this installation works, then exit"), run
    )
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        default=None,
        help=_("write a PNG of every screen to DIR and list what does not fit (JSON)"),
    )
    parser.add_argument(
        "--size", default="1024x768", help=_("window size for --screenshots, e.g. 1366x768")
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), default=None, help=_("language for --screenshots")
    )
    parser.add_argument(
        "--font-size", type=int, default=None, help=_("font size in points for --screenshots")
    )


def render_test_label(target: Path) -> str:
    """One spine label through the real label pipeline (shipped template, CJK font, barcode).

    Returns the template used; falls back to a bare reportlab label if the labels package is
    missing from this build.
    """
    try:
        from app.printing.layout import LabelData
        from app.printing.templates import list_templates
        from app.services.labels import build_layouts, write_output
    except ImportError:
        _bare_label(target)
        return "reportlab"
    template = next(t for t in list_templates(None) if t.name.startswith("roll-50x30"))
    data = LabelData("T0000001", "I247.5/12", "书屋自检", title="平凡的世界")
    layouts = build_layouts([data], template.default_kind, template)
    write_output(layouts, template, target)
    return template.name


def _bare_label(target: Path) -> None:
    """A 50×30 mm label: Chinese title, call number and a Code 128 barcode."""
    from reportlab.graphics.barcode import code128
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from shuwu_shared.resources import cjk_font_path

    pdfmetrics.registerFont(TTFont("WQY", str(cjk_font_path()), subfontIndex=0))
    page = canvas.Canvas(str(target), pagesize=(50 * mm, 30 * mm))
    page.setFont("WQY", 9)
    page.drawString(3 * mm, 25 * mm, "书屋自检 I247.5/12")
    code128.Code128("T0000001", barHeight=10 * mm, barWidth=0.3 * mm).drawOn(page, 2 * mm, 8 * mm)
    page.drawString(3 * mm, 3 * mm, "T0000001")
    page.showPage()
    page.save()


def _open_window(home: Path) -> list[str]:
    from app.ui.selftest import open_every_section  # Qt only when the self-test runs

    return open_every_section(home)


def run_screenshots(ctx: CliContext) -> CommandResult:
    """Every screen as a PNG plus the widgets that do not fit; JSON on stdout."""
    from app.ui.screenshots import parse_size, screenshot_run

    size = parse_size(ctx.args.size)
    from app.ui.settings_pages.general import MAX_FONT_PT, MIN_FONT_PT

    font_pt = ctx.args.font_size
    if font_pt is not None and not MIN_FONT_PT <= font_pt <= MAX_FONT_PT:
        raise UserInputError(
            _(
                "The font size must be between {low} and {high} points (what Settings offers)."
            ).format(low=MIN_FONT_PT, high=MAX_FONT_PT),
            code="bad_font",
        )
    out_dir = Path(ctx.args.screenshots)
    with tempfile.TemporaryDirectory(prefix="shuwu-screens-") as tmp:
        screens = screenshot_run(out_dir, size, ctx.args.lang, font_pt, Path(tmp))
    misfits = sum(len(s.misfits) for s in screens)
    data = {
        "ok": misfits == 0,
        "size": f"{size[0]}x{size[1]}",
        "language": ctx.args.lang or "zh_CN",
        "font_size": font_pt,
        "directory": str(out_dir),
        "screens": [s.to_json() for s in screens],
        "misfits": misfits,
    }
    # The JSON is the point of this command, so it is printed with or without --json.
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return CommandResult(data=data, text=text, exit_code=0 if misfits == 0 else 1)


def run(ctx: CliContext) -> CommandResult:
    if ctx.args.screenshots:
        return run_screenshots(ctx)
    with tempfile.TemporaryDirectory(prefix="shuwu-selftest-") as tmp:
        folder = Path(tmp)
        try:
            sections = _open_window(folder / "profile")
            pdf = folder / "label.pdf"
            template = render_test_label(pdf)
            pdf_ok = pdf.read_bytes().startswith(b"%PDF")
        except ShuwuError:
            raise
        except Exception as exc:
            raise ShuwuError(
                _(
                    "Self-test failed: {error}. Reinstall Shuwu or send this message to the county."
                ).format(error=f"{type(exc).__name__}: {exc}")
            ) from exc
    data = {"ok": pdf_ok, "sections": sections, "label_pdf": pdf_ok, "template": template}
    text = _("Self-test passed: {count} sections opened, label PDF rendered.").format(
        count=len(sections)
    )
    return CommandResult(data=data, text=text, exit_code=0 if pdf_ok else 1)
