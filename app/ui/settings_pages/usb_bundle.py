"""USB sync (U盘同步): export unsent operations to a stick, import the county's reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import settings
from app.sync import usb
from app.ui import ops
from app.ui.a11y import name_buttons
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.settings_pages import SettingsPageSpec


class UsbBundlePage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        outer = QVBoxLayout(self)
        intro = QLabel(
            _(
                "No usable connection? 1. Export the unsent operations to a USB stick. "
                "2. Take it to the township or county library, where they import it and give "
                "you a reply file. 3. Import the reply here. Nothing is lost if a stick goes "
                "missing: operations stay unsent until a reply confirms them."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.export_button = QPushButton(_("&Export unsent operations to a USB stick…"))
        self.import_button = QPushButton(_("&Import the county's reply…"))
        name_buttons(self.export_button, self.import_button)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_reply)
        outer.addWidget(self.export_button)
        outer.addWidget(self.import_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("USB sync status"))
        outer.addWidget(self.message)
        outer.addStretch(1)

    def choose_export(self) -> None:
        branch = ops.query(self.ctx, lambda s: settings.get(s, settings.BRANCH_CODE)) or "shuwu"
        day = self.ctx.profile.clock.now().astimezone().strftime("%Y%m%d")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the bundle"), f"{branch}-{day}.shuwu", _("Shuwu bundles (*.shuwu)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        profile = self.ctx.profile

        def job(_control: Any) -> usb.ExportResult:
            return usb.export_bundle(profile, path)

        def done(result: usb.ExportResult) -> None:
            self.message.setText(
                _("{count} unsent operations written to {path}.").format(
                    count=result.ops, path=result.path
                )
            )

        self.ctx.tasks.run(job, on_done=done, on_error=lambda e: show_error(self, e))

    def choose_reply(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the reply bundle"), "", _("Shuwu bundles (*.shuwu)")
        )
        if name:
            self.import_reply(Path(name))

    def import_reply(self, path: Path) -> None:
        profile = self.ctx.profile

        def job(_control: Any) -> usb.ReplyResult:
            return usb.import_reply(profile, path)

        def done(result: usb.ReplyResult) -> None:
            self.message.setText(
                _(
                    "Reply imported: {acked} operations confirmed, {changes} changes received, "
                    "{pending} still unsent."
                ).format(acked=result.acked, changes=result.changes_applied, pending=result.pending)
            )
            self.ctx.data_changed.emit()

        self.ctx.tasks.run(job, on_done=done, on_error=lambda e: show_error(self, e))


PAGE = SettingsPageSpec(key="usb", title=lambda: _("USB sync"), factory=UsbBundlePage, order=25)
