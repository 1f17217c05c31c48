"""打印催还单 / 打印读者证: the system print dialog, then the pages on the chosen printer.

The printer is a real QPrinter writing PDF (PdfFormat), so the test reads what was printed.
The dialog is real too; only its exec() is replaced, as a user clicking 打印 would answer it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from app.profile import Profile
from app.services import overdues
from app.ui.pdf_printing import print_pdf_pages
from tests.circulation.conftest import later
from tests.circulation.test_desk_ui import make_reader, open_desk, scan


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def inked(path: Path, tmp: Path) -> bool:
    """The first printed page is not blank (rendered by poppler, an outside judge)."""
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(path), str(tmp / "page")],
        check=True,
    )
    image = Image.open(next(tmp.glob("page*.png"))).convert("L")
    return image.getextrema()[0] < 128


def lend_overdue(qtbot, branch: Profile) -> Profile:
    card = make_reader(branch)
    page = open_desk(qtbot, branch)
    scan(qtbot, page.checkout_tab.card_input, card)
    scan(qtbot, page.checkout_tab.item_input, "C01000000")
    page.window().close()
    return later(branch, 45)


def pdf_printer(target: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def test_pdf_pages_reach_the_printer(qtbot, branch: Profile, tmp_path: Path) -> None:
    late = lend_overdue(qtbot, branch)
    slips = tmp_path / "slips.pdf"
    with late.sessions() as s, s.begin():
        assert overdues.write_reminder_slips(s, late.clock, slips) == 1
    printed = tmp_path / "printed.pdf"
    pages = print_pdf_pages(slips, pdf_printer(printed))
    assert pages == pdf_pages(slips) == pdf_pages(printed)
    assert inked(printed, tmp_path)


def test_print_button_opens_the_print_dialog_and_prints(
    qtbot, branch: Profile, tmp_path: Path, monkeypatch
) -> None:
    late = lend_overdue(qtbot, branch)
    printed = tmp_path / "printed.pdf"
    dialogs: list[QPrintDialog] = []

    def click_print(dialog: QPrintDialog) -> int:
        dialogs.append(dialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", click_print)
    page = open_desk(qtbot, late)
    page.show_tab(2)
    tab = page.overdues_tab
    assert tab.table.rowCount() == 1
    tab.slips_button.click()
    qtbot.waitUntil(lambda: "打印机" in tab.status.text(), timeout=20000)
    assert len(dialogs) == 1 and dialogs[0].windowTitle() == "打印催还单"
    assert pdf_pages(printed) == 1 and inked(printed, tmp_path)
    # "Save as PDF" is a separate button that never opens the print dialog.
    saved = tmp_path / "saved.pdf"
    tab.write_slips(saved)
    qtbot.waitUntil(saved.exists, timeout=20000)
    assert len(dialogs) == 1


def test_cancelled_print_dialog_prints_nothing(
    qtbot, branch: Profile, tmp_path: Path, monkeypatch
) -> None:
    late = lend_overdue(qtbot, branch)
    dialogs: list[QPrintDialog] = []

    def click_cancel(dialog: QPrintDialog) -> int:
        dialogs.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", click_cancel)
    page = open_desk(qtbot, late)
    page.show_tab(2)
    page.overdues_tab.slips_button.click()
    qtbot.wait(200)
    assert len(dialogs) == 1
    assert "打印机" not in page.overdues_tab.status.text()


def test_reader_card_print_button_uses_the_print_dialog(
    qtbot, branch: Profile, tmp_path: Path, monkeypatch
) -> None:
    card = make_reader(branch)
    printed = tmp_path / "card.pdf"
    dialogs: list[QPrintDialog] = []

    def click_print(dialog: QPrintDialog) -> int:
        dialogs.append(dialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", click_print)
    desk = open_desk(qtbot, branch)
    page = desk.window().show_section("readers")
    page.search.setText(card)
    page.table.selectRow(0)
    assert page.card_button.isEnabled()
    page.card_button.click()
    qtbot.waitUntil(lambda: "打印机" in page.count_label.text(), timeout=20000)
    assert len(dialogs) == 1 and dialogs[0].windowTitle() == "打印读者证"
    assert pdf_pages(printed) >= 1 and inked(printed, tmp_path)


def test_nothing_overdue_means_no_print_dialog(qtbot, branch: Profile, monkeypatch) -> None:
    dialogs: list[QPrintDialog] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)
    page = open_desk(qtbot, branch)
    page.show_tab(2)
    page.overdues_tab.slips_button.click()
    assert dialogs == [] and "无需打印" in page.overdues_tab.status.text()
