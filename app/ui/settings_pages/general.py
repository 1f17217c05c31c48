"""General settings: language and font size (applied app-wide at once)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import settings
from app.ui import ops
from app.ui.context import AppContext
from app.ui.i18n import _
from app.ui.settings_pages import SettingsPageSpec, add_save_row
from shuwu_shared.i18n import DEFAULT_LANGUAGE

# Up to 16 pt every screen still fits a 1024×768 screen (checked by
# `shuwu selftest --screenshots --font-size 16`); larger text would need sideways scrolling.
MIN_FONT_PT, MAX_FONT_PT, DEFAULT_FONT_PT = 9, 16, 11
LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


def apply_font_size(points: int) -> None:
    """Every widget follows the application font, so one call resizes the whole app."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setPointSize(points)
        app.setFont(font)


class GeneralPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)

        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setAccessibleName(_("Language"))
        language_label = QLabel(_("&Language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)

        self.font_size = QSpinBox()
        self.font_size.setRange(MIN_FONT_PT, MAX_FONT_PT)
        self.font_size.setSuffix(" pt")
        self.font_size.setAccessibleName(_("Font size"))
        font_label = QLabel(_("&Font size:"))
        font_label.setBuddy(self.font_size)
        form.addRow(font_label, self.font_size)

        self.save_button, self.message = add_save_row(
            outer, _("&Save settings"), _("Save settings"), self.save
        )
        self.load()

    def load(self) -> None:
        language, size = ops.query(
            self.ctx,
            lambda s: (
                settings.get(s, settings.LANGUAGE) or DEFAULT_LANGUAGE,
                int(settings.get_float(s, settings.FONT_SIZE, DEFAULT_FONT_PT)),
            ),
        )
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(0, index))
        self.font_size.setValue(size)

    def activate(self) -> None:
        self.load()

    def save(self) -> None:
        language = str(self.language.currentData())
        size = self.font_size.value()

        def store(session: ops.DbSession) -> str:
            old = settings.get(session, settings.LANGUAGE) or DEFAULT_LANGUAGE
            settings.put(session, settings.LANGUAGE, language)
            settings.put(session, settings.FONT_SIZE, size)
            return old

        old_language = ops.change(self.ctx, store, announce=False)  # announced once shown
        apply_font_size(size)
        window = self.window()
        if hasattr(window, "apply_font_styles"):
            window.apply_font_styles()
        text = _(
            "Saved. The font size is applied now; the large scanner boxes follow when Shuwu is"
            " next opened."
        )
        if language != old_language:
            text += " " + _("Close and reopen Shuwu to see the new language everywhere.")
        self.message.setText(text)
        self.ctx.data_changed.emit()


PAGE = SettingsPageSpec(key="general", title=lambda: _("General"), factory=GeneralPage, order=10)
