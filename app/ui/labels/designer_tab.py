"""The template designer: copy a shipped template, change its geometry, see it live."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.printing.layout import layout_label
from app.printing.templates import LabelTemplate, copy_template, save_user_template, validate
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.label_printing import preview_pixmap
from app.ui.labels.shared import PREVIEW_PX_PER_MM, SAMPLE, show_pixmap
from shuwu_shared.errors import ShuwuError

if TYPE_CHECKING:
    from app.ui.labels.page import LabelsPage


class DesignerTab(QWidget):
    def __init__(self, page: LabelsPage) -> None:
        super().__init__()
        self.page = page
        self._source: LabelTemplate | None = None
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        split = QSplitter()
        outer.addWidget(split)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.template_list = QListWidget()
        self.template_list.setAccessibleName(_("Templates"))
        self.template_list.currentRowChanged.connect(self.load_row)
        left_layout.addWidget(self.template_list, 1)
        copy_button = QPushButton(_("Copy as my template…"))
        copy_button.setAccessibleName(_("Copy as my template"))
        copy_button.clicked.connect(self.copy_current)
        left_layout.addWidget(copy_button)
        split.addWidget(left)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, Any] = {}

        def number(key: str, label: str, low: float, high: float, step: float = 0.5) -> None:
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setDecimals(2)
            spin.setSingleStep(step)
            spin.setAccessibleName(label)
            spin.valueChanged.connect(self.changed)
            self.fields[key] = spin
            form.addRow(label, spin)

        def integer(key: str, label: str) -> None:
            spin = QSpinBox()
            spin.setRange(-5, 50)  # let a wrong value be typed; validation explains it
            spin.setAccessibleName(label)
            spin.valueChanged.connect(self.changed)
            self.fields[key] = spin
            form.addRow(label, spin)

        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        form.addRow(_("Template"), self.name_label)
        number("page_width_mm", _("Page width (mm)"), -10, 500)
        number("page_height_mm", _("Page height (mm)"), -10, 500)
        number("margin_left_mm", _("Left margin (mm)"), -10, 100, 0.1)
        number("margin_top_mm", _("Top margin (mm)"), -10, 100, 0.1)
        integer("rows", _("Rows"))
        integer("cols", _("Columns"))
        number("gap_x_mm", _("Gap between columns (mm)"), -10, 50, 0.1)
        number("gap_y_mm", _("Gap between rows (mm)"), -10, 50, 0.1)
        number("label_width_mm", _("Label width (mm)"), -10, 300)
        number("label_height_mm", _("Label height (mm)"), -10, 300)
        number("padding_mm", _("Padding (mm)"), -5, 20, 0.1)
        number("call_font_pt", _("Call number font (pt)"), 1, 72)
        number("min_font_pt", _("Smallest font (pt)"), 1, 72)
        number("name_font_pt", _("Library name font (pt)"), 1, 72)
        number("barcode_height_mm", _("Barcode height (mm)"), 1, 100)
        self.show_name_check = QCheckBox(_("Print the library name"))
        self.show_name_check.setAccessibleName(_("Print the library name"))
        self.show_name_check.toggled.connect(self.changed)
        form.addRow("", self.show_name_check)
        self.symbology_combo = QComboBox()
        self.symbology_combo.addItem(_("Code 128 (recommended)"), "code128")
        self.symbology_combo.addItem(_("Code 39 (old scanners)"), "code39")
        self.symbology_combo.setAccessibleName(_("Barcode type"))
        self.symbology_combo.currentIndexChanged.connect(self.changed)
        form.addRow(_("Barcode type"), self.symbology_combo)
        self.check_char = QCheckBox(_("Add a Code 39 check character"))
        self.check_char.setAccessibleName(_("Add a Code 39 check character"))
        self.check_char.toggled.connect(self.changed)
        form.addRow("", self.check_char)
        self.save_template_button = QPushButton(_("Save template"))
        self.save_template_button.setAccessibleName(_("Save template"))
        self.save_template_button.clicked.connect(self.save)
        form.addRow("", self.save_template_button)
        scroll = QScrollArea()
        scroll.setWidget(form_widget)
        scroll.setWidgetResizable(True)
        split.addWidget(scroll)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel(_("Live preview")))
        self.designer_preview = QLabel()
        self.designer_preview.setAccessibleName(_("Template preview"))
        self.designer_preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.designer_message = QLabel()
        self.designer_message.setWordWrap(True)
        self.designer_message.setAccessibleName(_("Template check"))
        preview_scroll = QScrollArea()
        preview_scroll.setWidget(self.designer_preview)
        preview_scroll.setWidgetResizable(True)
        right_layout.addWidget(preview_scroll, 1)
        right_layout.addWidget(self.designer_message)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)

    def show_templates(self, templates: list[LabelTemplate]) -> None:
        self.template_list.clear()
        for t in templates:
            self.template_list.addItem(t.name + (_(" (my copy)") if t.user else ""))

    def load_row(self, row: int) -> None:
        templates = self.page.templates
        if not 0 <= row < len(templates):
            return
        t = templates[row]
        self._source = t
        self._loading = True
        for key, widget in self.fields.items():
            widget.setValue(getattr(t, key))
        self.show_name_check.setChecked(t.show_library_name)
        self.symbology_combo.setCurrentIndex(self.symbology_combo.findData(t.symbology))
        self.check_char.setChecked(t.code39_check)
        self._loading = False
        editable = t.user
        self.name_label.setText(
            t.name if editable else _("{name} (shipped; copy it to edit)").format(name=t.name)
        )
        for widget in (*self.fields.values(), self.show_name_check, self.symbology_combo):
            widget.setEnabled(editable)
        self.check_char.setEnabled(editable)
        self.save_template_button.setEnabled(editable)
        self.changed()

    def designer_template(self) -> LabelTemplate | None:
        if self._source is None:
            return None
        values: dict[str, Any] = {key: w.value() for key, w in self.fields.items()}
        return replace(
            self._source,
            **values,
            show_library_name=self.show_name_check.isChecked(),
            symbology=str(self.symbology_combo.currentData()),
            code39_check=self.check_char.isChecked(),
        )

    def changed(self) -> None:
        if self._loading:
            return
        t = self.designer_template()
        if t is None:
            return
        try:
            validate(t)
        except ShuwuError as exc:
            self.designer_message.setText(exc.message)
            self.designer_message.setStyleSheet("color: #b00020;")
            self.designer_preview.clear()
            return
        kind = "reader" if t.default_kind == "reader" else "combined"
        lay = layout_label(kind, SAMPLE, t)
        show_pixmap(self.designer_preview, preview_pixmap(lay, PREVIEW_PX_PER_MM))
        self.designer_message.setStyleSheet("")
        self.designer_message.setText("\n".join(lay.problems) or _("The template fits."))

    def copy_current(self) -> None:
        source = self._source or self.page.template()
        name, ok = QInputDialog.getText(
            self,
            _("Copy template"),
            _("Name of your copy (letters, digits, dashes):"),
            text=f"{source.name}-copy",
        )
        if ok:
            self.copy_as(source, name.strip())

    def copy_as(self, source: LabelTemplate, name: str) -> None:
        try:
            made = copy_template(source, name, self.page.profile.home)
        except ShuwuError as exc:
            show_error(self, exc)
            return
        self.page.reload_templates(select=made.name)
        self.template_list.setCurrentRow([t.name for t in self.page.templates].index(made.name))

    def save(self) -> None:
        t = self.designer_template()
        if t is None:
            return
        try:
            saved = save_user_template(t, self.page.profile.home)
        except ShuwuError as exc:
            show_error(self, exc)  # the saved file is unchanged
            return
        row = self.template_list.currentRow()
        self.page.reload_templates(select=saved.name)
        self.template_list.setCurrentRow(row)
        self.designer_message.setText(_("Template {name} saved.").format(name=saved.name))
