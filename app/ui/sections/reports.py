"""统计报表: the branch's figures over a date range, charts, export, and the activities log."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import settings
from app.services.circulation import branch_name
from app.services.reports import branch_report
from app.services.reports.activities import (
    ACTIVITY_KINDS,
    MAX_ATTENDANCE,
    list_activities,
    record_activity,
    set_visit_count,
)
from app.ui import ops
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.report_chart import ChartWidget
from app.ui.sections import SectionSpec
from app.ui.tables import fit_columns
from app.ui.tasks import TaskControl
from shuwu_shared.reports.export import export_report
from shuwu_shared.reports.model import Report
from shuwu_shared.reports.source import LOCAL_TZ
from shuwu_shared.reports.tables import (
    ReportTable,
    activity_kind_label,
    report_charts,
    report_tables,
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


class TableView(QTableWidget):
    def show_table(self, table: ReportTable) -> None:
        self.clear()
        self.setColumnCount(len(table.headers))
        self.setRowCount(len(table.rows))
        self.setHorizontalHeaderLabels(list(table.headers))
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int | float):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        self.setAccessibleName(table.title)


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.report: Report | None = None
        self.control: TaskControl | None = None
        self.tables: tuple[ReportTable, ...] = ()
        layout = QVBoxLayout(self)

        # Date range and actions.
        bar = QHBoxLayout()
        today = ctx.profile.clock.now().astimezone(LOCAL_TZ).date()
        self.start = _date_edit(_("From"))
        self.end = _date_edit(_("To"))
        self.start.setDate(_qdate(date(today.year, 1, 1)))
        self.end.setDate(_qdate(today))
        self.preset = QComboBox()
        self.preset.setAccessibleName(_("Period"))
        self.preset.addItem(_("This year"), "year")
        self.preset.addItem(_("Last year"), "last_year")
        self.preset.addItem(_("This month"), "month")
        self.preset.addItem(_("Last month"), "last_month")
        self.preset.addItem(_("Custom dates"), "custom")
        self.preset.activated.connect(self.apply_preset)
        self.scope = QComboBox()
        self.scope.setAccessibleName(_("Branch"))
        self.scope.addItem(_("This branch"), "")
        self.scope.addItem(_("All branches in this database"), None)
        self.compute_button = QPushButton(_("Compute"))
        self.compute_button.setAccessibleName(_("Compute the report"))
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel the computation"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        # The long "all branches" entry must not set the box's width (the list shows it whole).
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope.setMinimumContentsLength(12)
        # Three short rows rather than one long one: the screen fits 1024 pixels at large fonts.
        second = QHBoxLayout()
        for row, label, widget in (
            (bar, _("Period"), self.preset),
            (bar, _("From"), self.start),
            (bar, _("To"), self.end),
            (second, _("Branch"), self.scope),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        second.addWidget(self.compute_button)
        second.addWidget(self.cancel_button)
        second.addStretch(1)
        layout.addLayout(second)
        actions = QHBoxLayout()
        self.status = QLabel(_("Choose the dates and press Compute."))
        self.status.setAccessibleName(_("Report status"))
        self.status.setWordWrap(True)
        actions.addWidget(self.status, 1)
        self.export_buttons: list[QPushButton] = []
        for ext, text in (
            ("xlsx", _("Save as Excel")),
            ("pdf", _("Save as PDF")),
            ("csv", _("Save as CSV")),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, e=ext: self.export(e))
            actions.addWidget(button)
            self.export_buttons.append(button)
        layout.addLayout(actions)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Report views"))
        layout.addWidget(self.tabs, 1)

        # Charts.
        charts = QWidget()
        grid = QGridLayout(charts)
        self.charts = [ChartWidget() for _i in range(4)]
        for i, chart in enumerate(self.charts):
            grid.addWidget(chart, i // 2, i % 2)
        scroll = QScrollArea()
        scroll.setObjectName("charts")
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        self.tabs.addTab(scroll, _("Charts"))

        # Tables: a list of the report's tables and the chosen one.
        split = QSplitter()
        split.setObjectName("tables")
        self.table_list = QListWidget()
        self.table_list.setAccessibleName(_("Report tables"))
        self.table_list.setMaximumWidth(240)
        self.table_list.currentRowChanged.connect(self.show_table)
        self.table_view = TableView()
        self.table_view.setAccessibleName(_("Report table"))
        self.table_view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        split.addWidget(self.table_list)
        split.addWidget(self.table_view)
        split.setStretchFactor(1, 1)
        self.tabs.addTab(split, _("Tables"))

        self.tabs.addTab(self._activities_tab(), _("Activities and visits"))
        ctx.data_changed.connect(self.refresh_activities)

    def screenshot_scene(self) -> None:
        """For `shuwu selftest --screenshots`: this year's figures, computed."""
        self.compute()

    # --- activities tab ----------------------------------------------------------------

    def _activities_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("activities")
        outer = QHBoxLayout(page)
        forms = QVBoxLayout()
        box = QGroupBox(_("Record an activity"))
        form = QFormLayout(box)
        today = self.ctx.profile.clock.now().astimezone(LOCAL_TZ).date()
        self.act_date = _date_edit(_("Activity date"))
        self.act_date.setDate(_qdate(today))
        self.act_kind = QComboBox()
        self.act_kind.setAccessibleName(_("Activity kind"))
        for kind in ACTIVITY_KINDS:
            self.act_kind.addItem(activity_kind_label(kind), kind)
        self.act_title = QLineEdit()
        self.act_title.setAccessibleName(_("Activity title"))
        self.act_title.setPlaceholderText(_("e.g. 送书下乡 to 小河村"))
        self.act_attendance = QSpinBox()
        self.act_attendance.setRange(0, MAX_ATTENDANCE)
        self.act_attendance.setAccessibleName(_("Attendance"))
        self.act_note = QLineEdit()
        self.act_note.setAccessibleName(_("Note"))
        self.act_save = QPushButton(_("Save activity"))
        self.act_save.setAccessibleName(_("Save activity"))
        self.act_save.clicked.connect(self.save_activity)
        self.act_title.returnPressed.connect(self.save_activity)
        self.act_note.returnPressed.connect(self.save_activity)
        form.addRow(_("Date"), self.act_date)
        form.addRow(_("Kind"), self.act_kind)
        form.addRow(_("Title"), self.act_title)
        form.addRow(_("Attendance"), self.act_attendance)
        form.addRow(_("Note"), self.act_note)
        form.addRow(self.act_save)
        forms.addWidget(box)

        box = QGroupBox(_("Daily head count (到馆人次)"))
        form = QFormLayout(box)
        self.visit_date = _date_edit(_("Head count date"))
        self.visit_date.setDate(_qdate(today))
        self.visit_count = QSpinBox()
        self.visit_count.setRange(0, MAX_ATTENDANCE)
        self.visit_count.setAccessibleName(_("Number of visitors"))
        self.visit_save = QPushButton(_("Save head count"))
        self.visit_save.setAccessibleName(_("Save head count"))
        self.visit_save.clicked.connect(self.save_visits)
        hint = QLabel(_("Days without a head count use the number of readers served at the desk."))
        hint.setWordWrap(True)
        form.addRow(_("Date"), self.visit_date)
        form.addRow(_("Visitors"), self.visit_count)
        form.addRow(self.visit_save)
        form.addRow(hint)
        forms.addWidget(box)
        forms.addStretch(1)
        outer.addLayout(forms)
        self.act_table = QTableWidget()
        self.act_table.setAccessibleName(_("Recent activities"))
        self.act_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        outer.addWidget(self.act_table, 1)
        self.refresh_activities()
        return page

    def refresh_activities(self) -> None:
        end = self.ctx.profile.clock.now().astimezone(LOCAL_TZ).date()

        def load(session: ops.DbSession) -> tuple[list[Any], dict[str, str]]:
            rows = list_activities(session, date(1900, 1, 1), end, limit=200)
            return rows, {
                code: branch_name(session, code) for code in {r.branch_code for r in rows}
            }

        rows, names = ops.query(self.ctx, load)
        headers = [_("Date"), _("Branch"), _("Kind"), _("Title"), _("Attendance")]
        self.act_table.setColumnCount(len(headers))
        self.act_table.setHorizontalHeaderLabels(headers)
        self.act_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                row.on_date.isoformat(),
                names.get(row.branch_code, row.branch_code),
                activity_kind_label(row.kind),
                row.title,
                str(row.attendance),
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.act_table.setItem(r, c, cell)
        fit_columns(self.act_table, stretch=3)

    def save_activity(self) -> None:
        try:
            clock = self.ctx.profile.clock
            fields: dict[str, Any] = {
                "on_date": _pydate(self.act_date.date()),
                "kind": str(self.act_kind.currentData()),
                "title": self.act_title.text(),
                "attendance": self.act_attendance.value(),
                "note": self.act_note.text(),
            }
            view = ops.change(self.ctx, lambda s: record_activity(s, clock, **fields))
        except Exception as exc:  # shown as a message; nothing was saved
            show_error(self, exc)
            return
        self.act_title.clear()
        self.act_note.clear()
        self.act_attendance.setValue(0)
        self.status.setText(_("Activity saved: {title}").format(title=view.title))
        self.act_title.setFocus()

    def save_visits(self) -> None:
        try:
            clock, day = self.ctx.profile.clock, _pydate(self.visit_date.date())
            count = self.visit_count.value()
            view = ops.change(
                self.ctx, lambda s: set_visit_count(s, clock, on_date=day, count=count)
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.status.setText(
            _("Head count of {day} saved: {count}").format(
                day=view.on_date.isoformat(), count=view.count
            )
        )

    # --- computing -----------------------------------------------------------------------

    def apply_preset(self) -> None:
        today = self.ctx.profile.clock.now().astimezone(LOCAL_TZ).date()
        key = self.preset.currentData()
        if key == "year":
            start, end = date(today.year, 1, 1), today
        elif key == "last_year":
            start, end = date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        elif key == "month":
            start, end = today.replace(day=1), today
        elif key == "last_month":
            last = date.fromordinal(today.replace(day=1).toordinal() - 1)
            start, end = last.replace(day=1), last
        else:
            return
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))

    def compute(self) -> None:
        if self.control is not None:
            return
        clock = self.ctx.profile.clock
        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        branch = self.scope.currentData()

        def job(session: ops.DbSession, control: TaskControl) -> Report:
            return branch_report(session, clock, start, end, branch=branch, progress=control)

        self.compute_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(_("Computing…"))
        self.control = ops.in_background(
            self.ctx,
            job,
            title=_("Statistics report"),
            on_done=self.show_report,
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )

    def cancel(self) -> None:
        if self.control is not None:
            self.control.cancel()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.status.setText(
            _("Computing… {step} ({done}/{total})").format(step=text, done=done, total=total)
        )

    def _finish(self) -> None:
        self.control = None
        self.compute_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.status.setText(_("The report could not be computed."))
        show_error(self, exc)

    def _cancelled(self) -> None:
        self._finish()
        self.status.setText(_("Cancelled."))

    def show_report(self, report: Report) -> None:
        self._finish()
        self.report = report
        for chart, spec in zip(self.charts, report_charts(report), strict=True):
            chart.set_spec(spec)
        self.tables = report_tables(report)
        self.table_list.clear()
        self.table_list.addItems([t.title for t in self.tables])
        self.table_list.setCurrentRow(0)
        for button in self.export_buttons:
            button.setEnabled(True)
        self.status.setText(
            _(
                "{branch}, {start} to {end}: {loans} loans, {visits} visits, {readers} new readers."
            ).format(
                branch=report.branch_name,
                start=report.period.start.isoformat(),
                end=report.period.end.isoformat(),
                loans=report.circulation.loans,
                visits=report.visits.total,
                readers=report.readers.new.totals.total,
            )
        )

    def show_table(self, row: int) -> None:
        if 0 <= row < len(self.tables):
            self.table_view.show_table(self.tables[row])

    # --- export --------------------------------------------------------------------------

    def export(self, ext: str, target: str | None = None) -> None:
        report = self.report
        if report is None:
            return
        if target is None:
            suggested = str(
                Path.home()
                / f"shuwu-{report.period.start.isoformat()}-{report.period.end.isoformat()}.{ext}"
            )
            filters = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)"}
            target, _selected = QFileDialog.getSaveFileName(
                self, _("Save the report"), suggested, filters[ext]
            )
            if not target:
                return
            if not target.lower().endswith("." + ext):
                target += "." + ext

        def job(_control: TaskControl) -> Path:
            return export_report(report, target)

        self.status.setText(_("Saving…"))
        self.ctx.tasks.run(
            job, title=_("Saving the report"), on_done=self._saved, on_error=self._failed_export
        )

    def _saved(self, path: Any) -> None:
        self.status.setText(_("Saved to {path}").format(path=path))

    def _failed_export(self, exc: BaseException) -> None:
        self.status.setText(_("The report was not saved."))
        show_error(self, exc)

    def activate(self) -> None:
        self.refresh_activities()
        self.compute_button.setFocus()
        has_branch = bool(ops.query(self.ctx, lambda s: settings.get(s, settings.BRANCH_CODE)))
        self.scope.setCurrentIndex(0 if has_branch else 1)


def _make(ctx: AppContext) -> QWidget:
    return ReportsPage(ctx)


SECTION = SectionSpec(key="reports", factory=_make)
