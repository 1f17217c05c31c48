"""同步 Sync: enrolment, "Sync now" with progress and cancel, sync health, county conflicts.

Everything shown comes from the Qt-free app.sync package (overview, exceptions); network work
runs through app/ui/tasks.py so the window never freezes on a slow link.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.device.enrol import EnrolResult, enrol
from app.sync.engine import SyncResult
from app.sync.exceptions import (
    RECENTLY_RESOLVED,
    ExceptionView,
    add_screenshot_examples,
    list_exceptions,
)
from app.sync.overview import (
    SyncOverview,
    clock_text,
    credential_note,
    sync_overview,
    waiting_text,
)
from app.sync.refused import list_refused
from app.ui import ops
from app.ui.auto_sync import sync_controller
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.sections import SectionSpec
from app.ui.tasks import TaskControl


def _local_time(iso: str | None) -> str:
    if not iso:
        return _("never")
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def resolution_text(row: ExceptionView) -> str:
    """The last column of the conflicts list: open, or when the county resolved it and its note."""
    if row.resolved_at is None:
        return _("Not resolved yet")
    text = _("Resolved {when}").format(when=row.resolved_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    if row.resolution:
        text += "\n" + row.resolution
    return text


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.controller = sync_controller(ctx)
        self.enrol_control: TaskControl | None = None
        layout = QVBoxLayout(self)

        # -- enrolment ---------------------------------------------------------------------
        server_box = QGroupBox(_("County server"))
        form = QFormLayout(server_box)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("http://192.168.1.10:8800")
        self.url_edit.setAccessibleName(_("Server address"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("K7MPX3QD")
        self.code_edit.setAccessibleName(_("Enrolment code"))
        self.code_edit.returnPressed.connect(self.start_enrol)
        self.enrol_button = QPushButton(_("Enrol this computer"))
        self.enrol_button.setAccessibleName(_("Enrol this computer"))
        self.enrol_button.clicked.connect(self.start_enrol)
        self.enrolled_label = QLabel()
        self.enrolled_label.setWordWrap(True)
        form.addRow(_("Server address"), self.url_edit)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.enrol_button)
        form.addRow(_("Enrolment code"), code_row)
        form.addRow(self.enrolled_label)
        layout.addWidget(server_box)

        # -- sync now and health -------------------------------------------------------------
        status_box = QGroupBox(_("Sync"))
        status = QVBoxLayout(status_box)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(_("Sync now"))
        self.sync_button.setAccessibleName(_("Sync now"))
        self.sync_button.setShortcut("F5")
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel sync"))
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Sync progress"))
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")  # nothing to show until a sync runs
        self.progress_text = QLabel()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        status.addLayout(buttons)
        status.addWidget(self.progress_text)
        facts = QFormLayout()
        self.last_sync_label = QLabel()
        self.pending_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        facts.addRow(_("Last successful sync"), self.last_sync_label)
        facts.addRow(_("Operations waiting to be sent"), self.pending_label)
        facts.addRow(_("Last result"), self.result_label)
        status.addLayout(facts)
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.clock_label.setStyleSheet("color: #c92a2a; font-weight: bold;")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c92a2a;")
        self.storage_label = QLabel()
        self.storage_label.setWordWrap(True)
        self.storage_label.setStyleSheet("color: #666;")
        self.waiting_label = QLabel()  # county changes not applied here yet (app/sync/apply.py)
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setStyleSheet("color: #b35c00;")
        for label in (self.clock_label, self.error_label, self.waiting_label, self.storage_label):
            status.addWidget(label)
        layout.addWidget(status_box)

        # -- conflicts ------------------------------------------------------------------------
        conflicts_box = QGroupBox(_("Conflicts to check (filed by the county)"))
        conflicts = QVBoxLayout(conflicts_box)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [_("Kind"), _("What happened"), _("Date"), _("Outcome")]
        )
        self.table.setAccessibleName(_("Conflicts to check"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Kind, what happened and the resolution share the width (and wrap); the date does not.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Whole sentences and the county's note, wrapped rather than cut short.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(_("No open conflicts."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.resolved_hint = QLabel(
            _("A conflict the county has resolved stays listed for 30 days with its note.")
        )
        self.resolved_hint.setWordWrap(True)
        self.resolved_hint.setStyleSheet("color: #666;")
        conflicts.addWidget(self.table)
        conflicts.addWidget(self.empty_label)
        conflicts.addWidget(self.resolved_hint)
        layout.addWidget(conflicts_box, 1)

        # -- operations the county refused (rare; hidden when there are none) -------------------
        self.refused_box = QGroupBox(_("Operations the county refused"))
        refused = QVBoxLayout(self.refused_box)
        note = QLabel(
            _(
                "These were kept on this computer but not applied by the county. Check each one"
                " and redo the work if it is still needed."
            )
        )
        note.setWordWrap(True)
        self.refused_table = QTableWidget(0, 4)
        self.refused_table.setHorizontalHeaderLabels(
            [_("Operation"), _("About"), _("Why"), _("Date")]
        )
        self.refused_table.setAccessibleName(_("Operations the county refused"))
        self.refused_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused_table.verticalHeader().setVisible(False)
        refused_header = self.refused_table.horizontalHeader()
        for column in (0, 1, 3):
            refused_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        refused_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        refused.addWidget(note)
        refused.addWidget(self.refused_table)
        layout.addWidget(self.refused_box)

        self.controller.started.connect(self._sync_started)
        self.controller.progress.connect(self._on_progress)
        self.controller.idle.connect(self._sync_idle)
        self.controller.failed.connect(self._sync_failed)
        ctx.sync_finished.connect(self._sync_done)
        ctx.data_changed.connect(self.refresh)
        self.refresh()
        if self.controller.running:
            self._sync_started()

    # -- state ---------------------------------------------------------------------------------
    def overview(self) -> SyncOverview:
        home = self.ctx.profile.home
        return ops.query(self.ctx, lambda s: sync_overview(s, home))

    def refresh(self) -> None:
        info = self.overview()
        if info.server_url and not self.url_edit.text():
            self.url_edit.setText(info.server_url)
        if info.enrolled:
            self.enrolled_label.setText(
                _("This computer is enrolled as {branch} ({code}).").format(
                    branch=info.branch_name or "", code=info.branch_code or ""
                )
            )
        else:
            self.enrolled_label.setText(
                _("Not enrolled: enter the server address and the code from the county library.")
            )
        self.sync_button.setEnabled(info.enrolled and not self.controller.running)
        self.last_sync_label.setText(_local_time(info.last_sync))
        self.pending_label.setText(str(info.pending))
        warning = clock_text(info.clock_offset_ms or 0) if info.clock_warning else ""
        self.clock_label.setText(warning)
        self.clock_label.setVisible(info.clock_warning)
        self.error_label.setText(
            _("The last attempt failed: {reason}").format(reason=info.last_error)
            if info.last_error
            else ""
        )
        self.error_label.setVisible(bool(info.last_error))
        waiting = waiting_text(info.waiting_changes)
        self.waiting_label.setText(waiting)
        self.waiting_label.setVisible(bool(waiting))
        note = credential_note(info.credential_storage)
        self.storage_label.setText(note)
        self.storage_label.setVisible(bool(note))
        self._fill_conflicts()

    def _fill_conflicts(self) -> None:
        since = self.ctx.profile.clock.now() - RECENTLY_RESOLVED
        rows = ops.query(self.ctx, lambda session: list_exceptions(session, resolved_since=since))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            when = row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = (row.kind_label, row.summary, when, resolution_text(row))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if row.resolved:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(index, column, item)
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not any(not r.resolved for r in rows))
        self.resolved_hint.setVisible(any(r.resolved for r in rows))
        self._fill_refused()

    def _fill_refused(self) -> None:
        rows = ops.query(self.ctx, list_refused)
        self.refused_table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            when = row.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
            for column, value in enumerate((row.kind_label, row.subject, row.reason, when)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.refused_table.setItem(index, column, item)
        self.refused_box.setVisible(bool(rows))

    def screenshot_scene(self) -> None:
        """For `shuwu selftest --screenshots` (a practice copy): an open and a resolved conflict."""
        now = self.ctx.profile.clock.now()
        ops.change(self.ctx, lambda session: add_screenshot_examples(session, now), announce=False)
        self.refresh()

    def activate(self) -> None:
        self.refresh()
        if self.sync_button.isEnabled():
            self.sync_button.setFocus()
        else:
            self.url_edit.setFocus()

    # -- enrol ---------------------------------------------------------------------------------
    def start_enrol(self) -> None:
        if self.enrol_control is not None:
            return
        url, code = self.url_edit.text(), self.code_edit.text()
        profile = self.ctx.profile
        self.enrol_button.setEnabled(False)
        self.progress_text.setText(_("Contacting the county server…"))

        def job(_control: TaskControl) -> EnrolResult:
            return enrol(profile, url, code)

        self.enrol_control = self.ctx.tasks.run(
            job, title="enrol", on_done=self._enrolled, on_error=self._enrol_failed
        )

    def _enrolled(self, result: EnrolResult) -> None:
        self.enrol_control = None
        self.enrol_button.setEnabled(True)
        self.code_edit.clear()
        self.progress_text.setText(
            _("Enrolled as {branch}. Receiving the branch's data…").format(
                branch=result.branch_name
            )
        )
        self.ctx.data_changed.emit()
        self.start_sync()

    def _enrol_failed(self, exc: BaseException) -> None:
        self.enrol_control = None
        self.enrol_button.setEnabled(True)
        self.progress_text.setText("")
        show_error(self, exc)

    # -- sync ----------------------------------------------------------------------------------
    def start_sync(self) -> None:
        self.controller.run(manual=True)

    def _sync_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first report with a total
        self.progress_text.setText(_("Syncing…"))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setFormat("%p%")
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        self.progress_text.setText(f"{text} ({done})" if done else text)

    def _sync_idle(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.refresh()

    def _sync_done(self, result: object) -> None:
        if not isinstance(result, SyncResult):
            return
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat("%p%")
        self.progress_text.setText(_("Sync finished."))
        self.result_label.setText(
            _(
                "Sent {pushed}, received {pulled}, new conflicts {conflicts}, refused {rejected}."
            ).format(
                pushed=result.pushed,
                pulled=result.pulled,
                conflicts=result.new_exceptions,
                rejected=result.rejected,
            )
        )
        self.refresh()

    def _sync_failed(self, exc: BaseException, manual: bool) -> None:
        self.progress_text.setText(_("Sync failed."))
        self.refresh()
        if manual:
            if isinstance(exc, Exception) and hasattr(exc, "message"):
                QMessageBox.warning(self, _("Sync failed"), str(exc.message))
            else:
                show_error(self, exc)


SECTION = SectionSpec(key="sync", factory=SyncPage)
