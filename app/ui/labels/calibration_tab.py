"""Printer calibration: shift and creep per printer, and a test page with rulers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.printing import calibration as cal_store
from app.printing.calibration import Calibration
from app.printing.pdf import write_test_page
from app.ui.errors import show_error
from app.ui.i18n import _
from shuwu_shared.errors import ShuwuError

if TYPE_CHECKING:
    from app.ui.labels.page import LabelsPage


class CalibrationTab(QWidget):
    def __init__(self, page: LabelsPage) -> None:
        super().__init__()
        self.page = page
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        help_text = QLabel(
            _(
                "Print the test page on plain paper and hold it against a label sheet. If the "
                "boxes sit too far right, enter a negative horizontal shift; if the lower rows "
                "drift down, enter a negative creep per row."
            )
        )
        help_text.setWordWrap(True)
        form.addRow(help_text)
        self.cal_printer = QLineEdit()
        self.cal_printer.setAccessibleName(_("Printer name"))
        form.addRow(_("Printer name"), self.cal_printer)
        self.cal_spins: dict[str, QDoubleSpinBox] = {}
        for key, label, limit in (
            ("dx_mm", _("Horizontal shift (mm, + moves right)"), cal_store.MAX_SHIFT_MM),
            ("dy_mm", _("Vertical shift (mm, + moves down)"), cal_store.MAX_SHIFT_MM),
            ("creep_mm_per_row", _("Creep per row (mm)"), cal_store.MAX_CREEP_MM),
        ):
            spin = QDoubleSpinBox()
            spin.setRange(-limit, limit)
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setAccessibleName(label)
            self.cal_spins[key] = spin
            form.addRow(label, spin)
        row = QHBoxLayout()
        for text, slot in (
            (_("Save calibration"), self.save_calibration),
            (_("Test page with rulers…"), self.test_page),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        form.addRow(row)

    def show_printer(self, name: str) -> None:
        cal = cal_store.load_calibration(self.page.profile.home, name) if name else cal_store.NONE
        self.cal_printer.setText(name)
        for key, spin in self.cal_spins.items():
            spin.setValue(getattr(cal, key))

    def current_calibration_input(self) -> Calibration:
        return Calibration(
            self.cal_printer.text().strip(),
            self.cal_spins["dx_mm"].value(),
            self.cal_spins["dy_mm"].value(),
            self.cal_spins["creep_mm_per_row"].value(),
        )

    def save_calibration(self) -> None:
        try:
            cal = cal_store.save_calibration(
                self.page.profile.home, self.current_calibration_input()
            )
        except ShuwuError as exc:
            show_error(self, exc)
            return
        self.page.load_printers()
        self.page.printer_combo.setCurrentText(cal.printer)
        self.page.say(_("Calibration for {printer} saved.").format(printer=cal.printer))

    def test_page(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the test page"), str(Path.home() / "test-page.pdf"), "PDF (*.pdf)"
        )
        if path:
            write_test_page(self.page.template(), Path(path), self.current_calibration_input())
            self.page.say(_("Test page written to {path}.").format(path=path))
