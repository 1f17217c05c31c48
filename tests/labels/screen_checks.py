"""The Labels screen: queue, re-print search, designer, background batch of 1,000, Qt printing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.printing.templates import copy_template, load_template
from app.profile import Profile
from app.services import catalog, labels
from app.services.catalog import BibData, CopyInput
from app.ui.app import build_main_window
from app.ui.label_printing import print_pdf, printer_for
from tests.labels.conftest import BARCODES, page_size_pts, rasterise, zbar

SHOTS = Path(os.environ.get("SHUWU_SHOTS", "/tmp/shuwu-shots"))


def _page(profile: Profile, qtbot: object) -> object:
    window = build_main_window(profile)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(1280, 800)
    window.show()
    page = window.show_section("labels")
    return window, page


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def test_queue_search_and_preview(library: Profile, qtbot: object) -> None:
    window, page = _page(library, qtbot)
    assert page.table.rowCount() == len(BARCODES)
    assert page.table.item(0, 0).text() == BARCODES[0]
    assert page.preview.pixmap() is not None
    pix = page.preview.pixmap()
    t = page.template()
    assert pix.width() / pix.height() == pytest.approx(
        t.label_width_mm / t.label_height_mm, rel=0.03
    )
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("combined"))
    _shot(window, "labels-queue.png")
    # With no row chosen the preview is an example, and it says so.
    page.table.clearSelection()
    assert page.preview_note.text().startswith("示例标签")
    page.table.selectRow(0)
    assert not page.preview_note.text().startswith("示例标签")

    qtbot.keyClicks(page.search_box, "V0010005")  # type: ignore[attr-defined]
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "V0010005"
    page.table.selectRow(0)
    page.mark_printed()  # re-printing a copy that was queued closes its queue row
    with library.sessions() as s:
        assert "V0010005" not in [e.barcode for e in labels.list_queue(s)]
    assert page.table.rowCount() == len(BARCODES) - 1


def test_designer_refuses_impossible_geometry_and_saves_copy(
    library: Profile, qtbot: object
) -> None:
    copy_template(load_template("a4-5x10-40x29.5", None), "my-sheet", library.home)
    window, page = _page(library, qtbot)
    page.tabs.setCurrentIndex(1)
    row = [t.name for t in page.templates].index("my-sheet")
    page.template_list.setCurrentRow(row)
    assert page.save_template_button.isEnabled()
    page.fields["cols"].setValue(6)
    assert "210" in page.designer_message.text()  # 6 × 40 mm does not fit
    page.fields["cols"].setValue(5)
    page.fields["margin_top_mm"].setValue(1.2)
    assert page.designer_preview.pixmap() is not None
    _shot(window, "labels-designer.png")
    page.save_designer()
    assert load_template("my-sheet", library.home).margin_top_mm == pytest.approx(1.2)
    shipped = [t.name for t in page.templates].index("roll-40x30")
    page.template_list.setCurrentRow(shipped)
    assert not page.save_template_button.isEnabled()  # shipped templates are read-only


def test_thousand_labels_in_background_then_qt_print(
    library: Profile, qtbot: object, tmp_path: Path
) -> None:
    codes = [f"V001{n:04d}" for n in range(1000, 2000)]
    with library.sessions() as s, s.begin():
        bib = catalog.save_bib(s, library.clock, BibData(title="农村实用技术", clc_class="S3"))
        catalog.add_copies(s, library.clock, bib.uuid, [CopyInput(c, "A1") for c in codes])
    window, page = _page(library, qtbot)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("barcode"))
    assert page.table.rowCount() == len(BARCODES) + 1000
    out = tmp_path / "batch.pdf"
    entries = [e for e in page.entries if e.barcode in set(codes)]
    with qtbot.waitSignal(page.output_ready, timeout=300_000) as blocker:  # type: ignore[attr-defined]
        page.generate(entries, out, lambda _r: None)
        assert page.progress.isVisible()  # the window shows progress while the job runs
        _shot(window, "labels-progress.png")
    result = blocker.args[0]
    assert result.labels == 1000 and result.pages == 20
    assert not page.progress.isVisible()  # hidden again when the job is done
    decoded: list[str] = []
    for png in rasterise(out):
        decoded += zbar(png)
    assert sorted(decoded) == codes

    # The Qt print path: the same PDF rendered onto a printer at the template's exact size.
    template = load_template("roll-50x30", None)
    with library.sessions() as s:
        layouts = labels.build_layouts(
            labels.label_data(s, labels.items_by_barcode(s, BARCODES[:3])), "combined", template
        )
    roll_pdf = tmp_path / "roll.pdf"
    labels.write_output(layouts, template, roll_pdf)
    printer = printer_for(template, QPrinter(QPrinter.PrinterMode.HighResolution))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert print_pdf(roll_pdf, template, printer) == 3
    for width, height in page_size_pts(printed):
        assert width == pytest.approx(50 * 72 / 25.4, abs=0.5)
        assert height == pytest.approx(30 * 72 / 25.4, abs=0.5)
    decoded = []
    for png in rasterise(printed):
        decoded += zbar(png)
    assert decoded == BARCODES[:3]
