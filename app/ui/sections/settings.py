"""设置 Settings: one tab per page discovered in app/ui/settings_pages/."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.context import AppContext
from app.ui.i18n import _
from app.ui.sections import SectionSpec
from app.ui.settings_pages import discover_pages


class SettingsSection(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Settings pages"))
        self.pages: dict[str, QWidget] = {}
        for spec in discover_pages():
            page = spec.factory(ctx)
            self.pages[spec.key] = page
            self.tabs.addTab(page, spec.title())
        self.tabs.currentChanged.connect(self._activate_current)
        layout.addWidget(self.tabs)

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        return page

    def _activate_current(self, _index: int = 0) -> None:
        activate = getattr(self.tabs.currentWidget(), "activate", None)
        if callable(activate):
            activate()

    def activate(self) -> None:
        self._activate_current()


SECTION = SectionSpec(key="settings", factory=SettingsSection)
