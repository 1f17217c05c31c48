"""Backup settings: back up now, back up to a USB stick, restore (with a plain confirmation)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import backup, settings
from app.ui import ops
from app.ui.a11y import name_buttons
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.recovery_dialog import confirm_other_branch
from app.ui.settings_pages import SettingsPageSpec


class BackupPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        outer = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Shuwu backs up this computer's data once a day into the profile's backups "
                "folder. Also copy a backup to a USB stick now and then, and keep it elsewhere."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)

        form = QFormLayout()
        self.keep = QSpinBox()
        self.keep.setRange(1, 90)
        self.keep.setAccessibleName(_("Number of daily backups to keep"))
        keep_label = QLabel(_("&Keep the last (days):"))
        keep_label.setBuddy(self.keep)
        form.addRow(keep_label, self.keep)
        outer.addLayout(form)
        self.keep.valueChanged.connect(self._save_keep)

        buttons = QHBoxLayout()
        self.backup_now = QPushButton(_("&Back up now"))
        self.backup_usb = QPushButton(_("Back up to a &USB stick or folder…"))
        self.restore_button = QPushButton(_("&Restore from a backup…"))
        name_buttons(self.backup_now, self.backup_usb, self.restore_button)
        for button in (self.backup_now, self.backup_usb, self.restore_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.backup_now.clicked.connect(self.run_backup_now)
        self.backup_usb.clicked.connect(self.choose_usb_folder)
        self.restore_button.clicked.connect(self.choose_restore_file)

        list_label = QLabel(_("Backups on this &computer:"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Backups on this computer"))
        list_label.setBuddy(self.list)
        outer.addWidget(list_label)
        outer.addWidget(self.list, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Backup status"))
        outer.addWidget(self.message)
        self.activate()

    def activate(self) -> None:
        keep = ops.query(self.ctx, backup.keep_count)
        self.keep.blockSignals(True)
        self.keep.setValue(keep)
        self.keep.blockSignals(False)
        self.list.clear()
        for path in backup.list_backups(self.ctx.profile.home):
            self.list.addItem(path.name)

    def _save_keep(self, value: int) -> None:
        # A backup setting: no screen shows it elsewhere, nothing to announce (as before).
        ops.change(self.ctx, lambda s: settings.put(s, backup.KEEP_SETTING, value), announce=False)

    def _done(self, info: backup.BackupInfo) -> None:
        self.message.setText(
            _("Backup written to {path} ({counts}).").format(
                path=info.path, counts=info.counts.describe()
            )
        )
        self.activate()

    def run_backup_now(self) -> None:
        profile = self.ctx.profile
        keep = self.keep.value()

        def job(_control: Any) -> backup.BackupInfo | None:
            return backup.daily_backup(profile.home, profile.clock, keep, force=True)

        self.ctx.tasks.run(job, on_done=self._done, on_error=lambda e: show_error(self, e))

    def backup_to_folder(self, folder: Path) -> None:
        profile = self.ctx.profile

        def job(_control: Any) -> backup.BackupInfo:
            return backup.backup_to(profile.db_path, folder, profile.clock)

        self.ctx.tasks.run(job, on_done=self._done, on_error=lambda e: show_error(self, e))

    def choose_usb_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Choose the USB stick or folder"))
        if folder:
            self.backup_to_folder(Path(folder))

    def choose_restore_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a backup file"),
            str(backup.backups_dir(self.ctx.profile.home)),
            _("Shuwu backups (*.db)"),
        )
        if name:
            self.restore_from(Path(name))

    def restore_from(self, path: Path) -> None:
        """Check the file, say exactly what will be replaced, and restore only if confirmed."""
        try:
            plan = backup.plan_restore(self.ctx.profile.home, path)
        except Exception as exc:
            show_error(self, exc)
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Restore from a backup?"))
        box.setText(plan.describe())
        box.setAccessibleName(_("Confirm restore"))
        yes = box.addButton(_("Replace with the backup"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is not yes:
            self.message.setText(_("Restore cancelled; nothing was changed."))
            return
        confirmed = confirm_other_branch(self, plan)
        if plan.other_branch and confirmed is None:
            self.message.setText(_("Restore cancelled; nothing was changed."))
            return
        profile = self.ctx.profile

        def job(_control: Any) -> backup.RestoreResult:
            result = backup.restore_backup(
                profile.home, path, profile.clock, confirm_branch=confirmed
            )
            profile.engine.dispose()  # pooled connections reopen on the restored file
            return result

        def done(result: backup.RestoreResult) -> None:
            self.message.setText(
                _("Restored: {counts}. The previous data was saved in the backups folder.").format(
                    counts=result.counts.describe()
                )
            )
            self.activate()
            self.ctx.data_changed.emit()

        self.ctx.tasks.run(job, on_done=done, on_error=lambda e: show_error(self, e))


PAGE = SettingsPageSpec(key="backup", title=lambda: _("Backups"), factory=BackupPage, order=20)
