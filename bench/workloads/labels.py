"""Workload 5: 1,000 spine plus 1,000 barcode labels to one A4 PDF; also the PDF size."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing.templates import load_template
from app.profile import open_profile
from app.services.labels import build_layouts, items_by_barcode, label_data, write_output
from bench.results import Figure
from bench.workloads.common import BenchContext

LABELS = 1000
TEMPLATE = "a4-5x10-40x29.5"


def _raw_reportlab(path: Path, pages: int, per_page: int) -> float:
    """The floor: reportlab drawing one string and one box per label, same page count."""
    start = time.perf_counter()
    c = Canvas(str(path), pagesize=(210 * mm, 297 * mm))
    for _page in range(pages):
        for n in range(per_page):
            c.rect(10 * mm, (10 + n % 10 * 28) * mm, 38 * mm, 27 * mm)
            c.drawString(12 * mm, (20 + n % 10 * 28) * mm, f"I247.5/{n}")
        c.showPage()
    c.save()
    return time.perf_counter() - start


def run(ctx: BenchContext) -> list[Figure]:
    conn = sqlite3.connect(ctx.dataset.db_path)
    barcodes = [r[0] for r in conn.execute("SELECT barcode FROM item LIMIT ?", (LABELS,))]
    conn.close()
    profile = open_profile(ctx.dataset.home)
    template = load_template(TEMPLATE, None)
    out = ctx.workdir / "labels.pdf"
    start = time.perf_counter()
    with profile.sessions() as session:
        data = label_data(session, items_by_barcode(session, barcodes))
    layouts = build_layouts(data, "spine", template) + build_layouts(data, "barcode", template)
    result = write_output(layouts, template, out)
    seconds = time.perf_counter() - start
    profile.close()
    size_kb = out.stat().st_size / 1024
    raw = _raw_reportlab(ctx.workdir / "raw.pdf", result.pages, template.per_page)
    raw_kb = (ctx.workdir / "raw.pdf").stat().st_size / 1024
    note = f"{len(layouts)} labels on {result.pages} pages, CJK font embedded (subset)"
    return [
        Figure("labels to PDF", "time", seconds, "s", "bare reportlab pages", raw,
               "< 3 s", seconds < 3.0, note),
        Figure("labels to PDF", "PDF size", size_kb, "KB", "bare reportlab pages", raw_kb,
               "—", None, note),
    ]  # fmt: skip
