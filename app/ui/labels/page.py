"""The Labels screen: template, kind and printer on top, one tab per task, progress below.

Generation runs through the task runner (app.ui.tasks): a worker thread reports progress
through its TaskControl and can be cancelled, so a batch of 1,000 labels never freezes the
window. Output is the same PDF/TSPL/ZPL the CLI writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from app.printing import calibration as cal_store
from app.printing.calibration import Calibration
from app.printing.templates import LabelTemplate, list_templates, refused_templates
from app.services import labels
from app.services.labels import OutputResult, QueueEntry
from app.ui import ops
from app.ui.catalog.common import scrolling_body
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.labels.calibration_tab import CalibrationTab
from app.ui.labels.designer_tab import DesignerTab
from app.ui.labels.queue_tab import QueueTab
from app.ui.labels.shared import DEFAULT_TEMPLATE, kind_names
from app.ui.tasks import TaskControl


class LabelsPage(QWidget):
    output_ready = Signal(object)  # OutputResult, after a background generation

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.profile = ctx.profile
        self.templates: list[LabelTemplate] = []
        self.control: TaskControl | None = None
        layout = scrolling_body(self)

        top = QGridLayout()
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(_("Label template"))
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(16)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(_("Label kind"))
        for key, name in kind_names().items():
            self.kind_combo.addItem(name, key)
        self.printer_combo = QComboBox()
        self.printer_combo.setEditable(True)
        self.printer_combo.setAccessibleName(_("Printer (for its calibration)"))
        self.printer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.printer_combo.setMinimumContentsLength(10)
        self.start_spin = QSpinBox()
        self.start_spin.setRange(1, 1)
        self.start_spin.setAccessibleName(_("Start at label position"))
        # Two rows, so the bar fits 1024 px in English at large fonts too.
        top.addWidget(QLabel(_("Template")), 0, 0)
        top.addWidget(self.template_combo, 0, 1, 1, 3)
        top.addWidget(QLabel(_("Start at position")), 0, 4)
        top.addWidget(self.start_spin, 0, 5)
        top.addWidget(QLabel(_("Kind")), 1, 0)
        top.addWidget(self.kind_combo, 1, 1)
        top.addWidget(QLabel(_("Printer")), 1, 2)
        top.addWidget(self.printer_combo, 1, 3, 1, 3)
        top.setColumnStretch(1, 1)
        top.setColumnStretch(3, 1)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Label tasks"))
        self.designer = DesignerTab(self)
        self.calibration_tab = CalibrationTab(self)
        self.queue = QueueTab(self)
        self.tabs.addTab(self.queue, _("Print queue"))
        self.tabs.addTab(self.designer, _("Template designer"))
        self.tabs.addTab(self.calibration_tab, _("Printer calibration"))
        layout.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Message"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._cancel)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)

        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.kind_combo.currentIndexChanged.connect(self.queue.refresh_checks)
        self.kind_combo.currentIndexChanged.connect(self.queue.update_preview)
        self.printer_combo.currentTextChanged.connect(self.calibration_tab.show_printer)
        self.reload_templates()
        self.load_printers()
        self.queue.show_queue()

    # --- shared state ---------------------------------------------------------------------

    def reload_templates(self, select: str | None = None) -> None:
        current = select or self.template_combo.currentData() or DEFAULT_TEMPLATE
        self.templates = list_templates(self.profile.home)
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for t in self.templates:
            mark = _(" (my copy)") if t.user else ""
            # The name fits the bar at any font size; the sheet and label sizes are the tooltip.
            self.template_combo.addItem(f"{t.name}{mark}", t.name)
            self.template_combo.setItemData(
                self.template_combo.count() - 1,
                f"{t.name}{mark} — {t.describe()}",
                Qt.ItemDataRole.ToolTipRole,
            )
        index = max(0, self.template_combo.findData(current))
        self.template_combo.setCurrentIndex(index)
        self.template_combo.blockSignals(False)
        self.designer.show_templates(self.templates)
        self._template_changed()
        self._say_refused_templates()

    def _say_refused_templates(self) -> None:
        """A user template that fails validation is not offered; say which and why."""
        refused = refused_templates(self.profile.home)
        if refused:
            self.message.setText("\n".join(r.reason for r in refused))

    def template(self) -> LabelTemplate:
        name = self.template_combo.currentData()
        return next(t for t in self.templates if t.name == name)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def calibration(self) -> Calibration:
        name = self.printer_combo.currentText().strip()
        return cal_store.load_calibration(self.profile.home, name) if name else cal_store.NONE

    def library_name(self) -> str:
        return ops.query(self.profile, labels.library_name)

    def _template_changed(self) -> None:
        t = self.template()
        self.template_combo.setToolTip(self.template_combo.currentText())
        self.start_spin.setRange(1, t.per_page)
        self.start_spin.setEnabled(t.media == "sheet")
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(t.default_kind)))
        self.kind_combo.blockSignals(False)
        if hasattr(self, "queue"):
            self.queue.refresh_checks()

    def load_printers(self) -> None:
        self.printer_combo.clear()
        self.printer_combo.addItems(["", *cal_store.printers_with_calibration(self.profile.home)])

    def say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet("" if ok else "color: #c92a2a;")
        self.message.setText(text)

    # --- generation -----------------------------------------------------------------------

    def generate(
        self,
        entries: list[QueueEntry],
        out: Path,
        on_done: Callable[[OutputResult], None],
        *,
        skip: int | None = None,
    ) -> TaskControl:
        """Lay out and write the labels in the background; ``on_done(OutputResult)``."""
        template, kind, cal = self.template(), self.kind(), self.calibration()
        skip = self.start_spin.value() - 1 if skip is None else skip
        profile = self.profile

        def job(control: TaskControl) -> OutputResult:
            # A session of the job's own, on the worker thread, closed before the slow part.
            data = ops.query(profile, lambda s: labels.label_data(s, entries))
            layouts = labels.build_layouts(data, kind, template, control)
            return labels.write_output(
                layouts, template, out, calibration=cal, skip=skip, progress=control
            )

        def done(result: OutputResult) -> None:
            self._busy(False)
            self.say(
                _("{n} labels ready ({pages} pages).").format(n=result.labels, pages=result.pages)
            )
            self.output_ready.emit(result)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            self.say("")
            show_error(self, exc)

        def cancelled() -> None:
            self._busy(False)
            self.say(_("Cancelled; nothing was marked printed."))

        self._busy(True)
        self.control = self.ctx.tasks.run(
            job,
            title=_("Labels"),
            on_done=done,
            on_error=failed,
            on_progress=self._progress,
            on_cancelled=cancelled,
        )
        return self.control

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.say(_("Preparing labels…"))
        else:
            self.control = None

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.say(
            _("{text} {done} of {total}").format(text=text or _("Writing"), done=done, total=total)
        )

    def _cancel(self) -> None:
        if self.control is not None:
            self.control.cancel()

    def activate(self) -> None:
        self.queue.refresh_shelves()
        self.queue.show_queue()
        QTimer.singleShot(0, self.queue.search_box.setFocus)
