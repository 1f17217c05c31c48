"""The two places the GUI meets a damaged database or a foreign backup (kept apart from the
pages so they stay small): the recovery offer at start, and the branch confirmation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.paths import resolve_home
from app.services import backup, recovery
from app.ui.i18n import _
from shuwu_shared.clock import clock_from_env
from shuwu_shared.errors import DatabaseDamaged, ShuwuError


def offer_recovery(home: str | Path | None, exc: DatabaseDamaged) -> bool:
    """Say the database is damaged and offer the recovery path; True once it was recovered."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("The database is damaged"))
    box.setText(exc.message)
    box.setAccessibleName(_("The database is damaged"))
    recover = box.addButton(_("&Recover now"), QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.exec()
    if box.clickedButton() is not recover:
        return False
    folder = resolve_home(home)
    try:
        plan = recovery.plan_recovery(folder)
        confirm = QMessageBox.question(None, _("Recover now?"), plan)
        if confirm != QMessageBox.StandardButton.Yes:
            return False
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            result = recovery.recover(folder, clock_from_env())
        finally:
            QApplication.restoreOverrideCursor()
    except ShuwuError as error:
        QMessageBox.warning(None, _("Cannot do that"), error.message)
        return False
    QMessageBox.information(
        None,
        _("Recovered"),
        _(
            "Restored from {path}: {counts}. {count} unsent operations were kept. The next "
            "sync receives the county catalogue again."
        ).format(
            path=result.restored_from.name,
            counts=result.counts.describe(),
            count=result.carried_ops,
        ),
    )
    return True


def confirm_other_branch(parent: QWidget | None, plan: backup.RestorePlan) -> str | None:
    """A second, explicit question naming both branches; the confirmed code, or None."""
    if not plan.other_branch or plan.backup.branch is None:
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("A backup of another branch"))
    box.setText(plan.other_branch_warning())
    box.setAccessibleName(_("A backup of another branch"))
    yes = box.addButton(
        _("Make this computer {branch}").format(branch=plan.backup.branch.describe()),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return plan.backup.branch.code if box.clickedButton() is yes else None
