"""Report settings: the age bands of the reader statistics, the population the branch serves
and the new-books-per-person target of the evaluation indicators."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.reports.preferences import (
    MAX_POPULATION,
    load_preferences,
    save_preferences,
)
from app.ui import ops
from app.ui.context import AppContext
from app.ui.i18n import _
from app.ui.settings_pages import SettingsPageSpec, add_save_row
from shuwu_shared.errors import UserInputError


class ReportSettingsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)

        self.age_bands = QLineEdit()
        self.age_bands.setPlaceholderText("0-6,7-14,15-17,18-59,60+")
        self.age_bands.setAccessibleName(_("Age bands"))
        bands_label = QLabel(_("&Age bands:"))
        bands_label.setBuddy(self.age_bands)
        form.addRow(bands_label, self.age_bands)

        self.population = QSpinBox()
        self.population.setRange(0, MAX_POPULATION)
        self.population.setGroupSeparatorShown(True)
        self.population.setSpecialValueText(_("not set"))
        self.population.setAccessibleName(_("Population served"))
        population_label = QLabel(_("&Population served:"))
        population_label.setBuddy(self.population)
        form.addRow(population_label, self.population)

        self.target = QDoubleSpinBox()
        self.target.setRange(0, 100)
        self.target.setDecimals(2)
        self.target.setSingleStep(0.01)
        self.target.setSpecialValueText(_("not set"))
        self.target.setAccessibleName(_("New books per person per year"))
        target_label = QLabel(_("&New books per person per year:"))
        target_label.setBuddy(self.target)
        form.addRow(target_label, self.target)

        hint = QLabel(
            _(
                "The age bands group readers in the statistics; the population and the target"
                " give the evaluation indicators (new books per person, loans per reader)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        outer.addWidget(hint)
        self.save_button, self.message = add_save_row(
            outer, _("&Save settings"), _("Save report settings"), self.save
        )
        self.load()

    def load(self) -> None:
        prefs = ops.query(self.ctx, load_preferences)
        self.age_bands.setText(prefs.age_bands)
        self.population.setValue(prefs.population or 0)
        self.target.setValue(prefs.new_books_target or 0.0)

    def activate(self) -> None:
        self.load()

    def save(self) -> None:
        try:
            bands, population = self.age_bands.text(), self.population.value() or None
            target = self.target.value() or None
            prefs = ops.change(
                self.ctx,
                lambda s: save_preferences(s, bands, population, target),
                announce=False,  # announced once the page shows the saved values
            )
        except UserInputError as exc:
            self.message.setStyleSheet("color: #c92a2a;")
            self.message.setText(exc.message)
            self.age_bands.setFocus()
            return
        self.age_bands.setText(prefs.age_bands)
        self.message.setStyleSheet("")
        self.message.setText(_("Saved. The next report uses these settings."))
        self.ctx.data_changed.emit()


PAGE = SettingsPageSpec(
    key="reports", title=lambda: _("Reports"), factory=ReportSettingsPage, order=40
)
