"""The Labels screen, in the normal test process: queue, re-print search, choosing copies by
range/class/date/shelf, 补缺打印, the designer, a background batch of 1,000, Qt printing."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QThread
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from app.models import Item
from app.printing.templates import copy_template, load_template, user_dir
from app.profile import Profile
from app.services import catalog, labels
from app.services.catalog import CopyInput
from app.ui.app import build_main_window
from app.ui.label_printing import print_pdf, printer_for
from app.ui.labels.page import LabelsPage
from shuwu_shared.bib import BibData
from tests.labels.conftest import BARCODES, page_size_pts, rasterise, zbar

SHOTS = Path(os.environ.get("SHUWU_SHOTS", "/tmp/shuwu-shots"))


def _page(profile: Profile, qtbot) -> tuple[object, LabelsPage]:  # type: ignore[no-untyped-def]
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    page = window.show_section("labels")
    assert isinstance(page, LabelsPage)
    return window, page


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def test_queue_search_and_preview(library: Profile, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, page = _page(library, qtbot)
    queue = page.queue
    assert queue.table.rowCount() == len(BARCODES)
    assert queue.table.item(0, 0).text() == BARCODES[0]
    pix = queue.preview.pixmap()
    assert pix is not None and not pix.isNull()
    t = page.template()
    assert pix.width() / pix.height() == pytest.approx(
        t.label_width_mm / t.label_height_mm, rel=0.03
    )
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("combined"))
    _shot(window, "labels-queue.png")
    # With no row chosen the preview is an example, and it says so.
    queue.table.clearSelection()
    assert queue.preview_note.text().startswith("示例标签")
    queue.table.selectRow(0)
    assert not queue.preview_note.text().startswith("示例标签")

    qtbot.keyClicks(queue.search_box, "V0010005")
    qtbot.keyClick(queue.search_box, Qt.Key.Key_Return)
    assert queue.table.rowCount() == 1 and queue.table.item(0, 0).text() == "V0010005"
    queue.table.selectRow(0)
    queue.mark_printed()  # re-printing a copy that was queued closes its queue row
    with library.sessions() as s:
        assert "V0010005" not in [e.barcode for e in labels.list_queue(s)]
    assert queue.table.rowCount() == len(BARCODES) - 1


def test_choose_copies_by_range_class_date_and_shelf(library: Profile, qtbot) -> None:  # type: ignore[no-untyped-def]
    with library.sessions() as s, s.begin():
        item = s.scalar(select(Item).where(Item.barcode == "V0010010"))
        assert item is not None
        item.shelf_location = "书架2"
        old = s.scalar(select(Item).where(Item.barcode == "V0010001"))
        assert old is not None
        old.acquired_on = date.today() - timedelta(days=400)
    _window, page = _page(library, qtbot)
    queue = page.queue
    qtbot.mouseClick(queue.choose_button, Qt.MouseButton.LeftButton)
    assert queue.criteria.isVisible()

    def shown() -> list[str]:
        return [queue.table.item(r, 0).text() for r in range(queue.table.rowCount())]

    # A barcode range, typed like a scanner: first code, Enter, last code, Enter.
    qtbot.keyClicks(queue.range_from, "V0010003")
    qtbot.keyClick(queue.range_from, Qt.Key.Key_Return)
    qtbot.keyClicks(queue.range_to, "V0010006")
    qtbot.keyClick(queue.range_to, Qt.Key.Key_Return)
    assert sorted(shown()) == ["V0010003", "V0010004", "V0010005", "V0010006"]

    queue.range_from.clear()
    queue.range_to.clear()
    qtbot.keyClicks(queue.class_edit, "s8")
    qtbot.keyClick(queue.class_edit, Qt.Key.Key_Return)
    assert sorted(shown()) == ["V0010010", "V0010011", "V0010012"]  # S828

    queue.class_edit.clear()
    queue.shelf_combo.setCurrentIndex(queue.shelf_combo.findData("书架2"))
    queue.select_copies()
    assert shown() == ["V0010010"]

    queue.shelf_combo.setCurrentIndex(0)
    queue.date_check.setChecked(True)
    queue.date_from.setDate(QDate.currentDate().addDays(-500))
    queue.date_to.setDate(QDate.currentDate().addDays(-300))
    queue.select_copies()
    assert shown() == ["V0010001"]

    queue.date_check.setChecked(False)
    queue.select_copies()  # nothing chosen: a message, the list unchanged
    assert "条码" in page.message.text() or "barcode" in page.message.text().lower()
    queue.range_from.setText("V0010009")
    queue.range_to.setText("V0010002")
    queue.select_copies()
    assert shown() == ["V0010001"] and page.message.text()


def test_print_then_reprint_the_failed_ones(library: Profile, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, page = _page(library, qtbot)
    queue = page.queue
    printed: list[Path] = []

    def fake_dialog(pdf: Path, _template: object) -> bool:  # the system dialog, accepted
        printed.append(pdf)
        return True

    queue.run_print_dialog = fake_dialog  # type: ignore[method-assign]
    assert not queue.failed_button.isEnabled()
    with qtbot.waitSignal(page.output_ready, timeout=60000):
        queue.print_labels(False)
    qtbot.waitUntil(lambda: queue.outcome_dialog is not None and queue.outcome_dialog.isVisible())
    outcome = queue.outcome_dialog
    assert outcome is not None and outcome.list.count() == len(BARCODES)
    # The labels of V0010002 and V0010007 came out smudged: scan them to tick them.
    for code in ("V0010002", "V0010007"):
        qtbot.keyClicks(outcome.scan_box, code)
        qtbot.keyClick(outcome.scan_box, Qt.Key.Key_Return)
    _shot(outcome, "labels-print-outcome.png")
    qtbot.mouseClick(outcome.done_button, Qt.MouseButton.LeftButton)
    assert printed and printed[0].exists()
    with library.sessions() as s:
        waiting = [e.barcode for e in labels.list_queue(s)]
        failed = [e.barcode for e in labels.failed_queue(s)]
    assert waiting == failed == ["V0010002", "V0010007"]
    assert queue.failed_button.isEnabled() and "2" in queue.failed_button.text()

    qtbot.mouseClick(queue.failed_button, Qt.MouseButton.LeftButton)
    assert [queue.table.item(r, 0).text() for r in range(queue.table.rowCount())] == failed
    _shot(window, "labels-reprint.png")
    queue.table.selectAll()
    with qtbot.waitSignal(page.output_ready, timeout=60000):
        queue.print_labels(False)
    qtbot.waitUntil(
        lambda: queue.outcome_dialog is not outcome and queue.outcome_dialog.isVisible()
    )
    qtbot.mouseClick(queue.outcome_dialog.done_button, Qt.MouseButton.LeftButton)
    with library.sessions() as s:
        assert labels.list_queue(s) == []
    assert not queue.failed_button.isEnabled()


def test_designer_refuses_impossible_geometry_and_saves_copy(library: Profile, qtbot) -> None:  # type: ignore[no-untyped-def]
    copy_template(load_template("a4-5x10-40x29.5", None), "my-sheet", library.home)
    window, page = _page(library, qtbot)
    designer = page.designer
    page.tabs.setCurrentIndex(1)
    row = [t.name for t in page.templates].index("my-sheet")
    designer.template_list.setCurrentRow(row)
    assert designer.save_template_button.isEnabled()
    designer.fields["cols"].setValue(6)
    assert "210" in designer.designer_message.text()  # 6 × 40 mm does not fit
    designer.fields["cols"].setValue(5)
    designer.fields["margin_top_mm"].setValue(1.2)
    assert designer.designer_preview.pixmap() is not None
    _shot(window, "labels-designer.png")
    designer.save()
    assert load_template("my-sheet", library.home).margin_top_mm == pytest.approx(1.2)
    shipped = [t.name for t in page.templates].index("roll-40x30")
    designer.template_list.setCurrentRow(shipped)
    assert not designer.save_template_button.isEnabled()  # shipped templates are read-only


def test_thousand_labels_in_background_then_qt_print(
    library: Profile, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    codes = [f"V001{n:04d}" for n in range(1000, 2000)]
    with library.sessions() as s, s.begin():
        bib = catalog.save_bib(s, library.clock, BibData(title="农村实用技术", clc_class="S3"))
        catalog.add_copies(s, library.clock, bib.uuid, [CopyInput(c, "A1") for c in codes])
    window, page = _page(library, qtbot)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("barcode"))
    assert page.queue.table.rowCount() == len(BARCODES) + 1000
    out = tmp_path / "batch.pdf"
    entries = [e for e in page.queue.entries if e.barcode in set(codes)]
    steps: list[int] = []
    gui_thread = QThread.currentThread()
    threads: set[bool] = set()  # was each progress-bar change made on the GUI thread?

    def step(value: int) -> None:
        steps.append(value)
        threads.add(QThread.currentThread() is gui_thread)

    page.progress.valueChanged.connect(step, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(page.output_ready, timeout=300_000) as blocker:
        page.generate(entries, out, lambda _r: None)
        assert page.progress.isVisible()  # the window shows progress while the job runs
        _shot(window, "labels-progress.png")
    result = blocker.args[0]
    assert result.labels == 1000 and result.pages == 20
    assert not page.progress.isVisible()  # hidden again when the job is done
    assert len(steps) > 2  # progress arrived through the task runner's signal
    assert threads == {True}  # and the worker never touched the widget itself
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


def test_an_invalid_user_template_is_named_on_the_screen(library: Profile, qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = user_dir(library.home)
    folder.mkdir(parents=True, exist_ok=True)
    good = load_template("roll-40x30", None).to_json()
    (folder / "broken.json").write_text(
        json.dumps(good | {"name": "broken", "page_width_mm": 1e12, "page_height_mm": 1e12}),
        encoding="utf-8",
    )
    _window, page = _page(library, qtbot)
    assert "broken.json" in page.message.text()
    assert "broken" not in [t.name for t in page.templates]
