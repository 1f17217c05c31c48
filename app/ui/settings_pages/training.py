"""Training: the simulated date, one-click reset, and the exercises with their state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import training
from app.ui import ops
from app.ui.a11y import name_buttons
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.settings_pages import SettingsPageSpec
from app.ui.style import DANGER_BUTTON_CSS, font_css

# The "+month" button: one day past the due date of a 30-day loan made on the training date.
OVERDUE_STEP_DAYS = 31

DONE_COLOUR, PENDING_COLOUR = "#2b8a3e", "#c92a2a"


class TrainingPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        outer = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.intro)

        self.date_label = QLabel()
        self.date_label.setStyleSheet(f"{font_css(14)} font-weight: bold;")
        outer.addWidget(self.date_label)
        date_row = QHBoxLayout()
        self.plus_day = QPushButton(_("+1 day"))
        self.plus_week = QPushButton(_("+7 days"))
        # 31, not 30: a 30-day loan made today is then one day overdue, not due exactly today.
        self.plus_month = QPushButton(_("+31 days"))
        self.plus_month.setToolTip(_("One day past the due date of a 30-day loan made today"))
        self.today = QPushButton(_("Back to &today"))
        self.plus_day.setAccessibleName(_("Move the training date 1 day forward"))
        self.plus_week.setAccessibleName(_("Move the training date 7 days forward"))
        self.plus_month.setAccessibleName(_("Move the training date 31 days forward"))
        name_buttons(self.today)
        for button, days in (
            (self.plus_day, 1),
            (self.plus_week, 7),
            (self.plus_month, OVERDUE_STEP_DAYS),
            (self.today, 0),
        ):
            button.clicked.connect(lambda _checked=False, d=days: self.advance(d))
            date_row.addWidget(button)
        outer.addLayout(date_row)

        self.reset_button = QPushButton(_("&Reset to the demo data…"))
        name_buttons(self.reset_button)
        self.reset_button.setStyleSheet(DANGER_BUTTON_CSS)
        self.reset_button.clicked.connect(self.confirm_reset)
        outer.addWidget(self.reset_button)

        exercises_label = QLabel(_("&Exercises:"))
        self.exercises = QListWidget()
        self.exercises.setAccessibleName(_("Exercises"))
        self.exercises.setWordWrap(True)
        self.exercises.setStyleSheet(f"QListWidget {{ {font_css(13)} }}")
        exercises_label.setBuddy(self.exercises)
        outer.addWidget(exercises_label)
        outer.addWidget(self.exercises, 1)
        self.summary = QLabel()
        self.summary.setAccessibleName(_("Exercises done"))
        outer.addWidget(self.summary)
        ctx.data_changed.connect(self.activate)
        self.activate()

    def activate(self) -> None:

        def load(session: ops.DbSession) -> tuple[bool, list[training.Exercise], float]:
            active = training.is_training(session)
            items = training.exercises(session) if active else []
            return active, items, training.simulated_days(session) if active else 0.0

        active, items, days = ops.query(self.ctx, load)
        for widget in (self.plus_day, self.plus_week, self.plus_month, self.today):
            widget.setEnabled(active)
        self.reset_button.setEnabled(active)
        self.exercises.setEnabled(active)
        if not active:
            self.intro.setText(
                _(
                    "This computer holds a real branch's data. To practise, open "
                    "“书屋（培训模式）” from the Start menu, or run: shuwu training open. "
                    "Training uses its own demo data and never syncs to the county."
                )
            )
            self.date_label.setText("")
            self.exercises.clear()
            self.summary.setText("")
            return
        self.intro.setText(
            _(
                "Training mode: everything here is practice data. Move the date forward to "
                "show overdue books and credit deductions; reset to start the class again."
            )
        )
        date = self.ctx.profile.clock.now().astimezone().date().isoformat()
        self.date_label.setText(
            _("Training date: {date} ({days} days ahead)").format(date=date, days=f"{days:g}")
        )
        self.exercises.clear()
        for exercise in items:
            mark = "✔ " + _("done") if exercise.done else "✘ " + _("not yet")
            item = QListWidgetItem(f"{mark}   {exercise.title}\n      {exercise.how}")
            item.setForeground(Qt.GlobalColor.darkGreen if exercise.done else Qt.GlobalColor.red)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{exercise.title}: {mark}")
            item.setData(Qt.ItemDataRole.UserRole, exercise.key)
            self.exercises.addItem(item)
        done = sum(e.done for e in items)
        self.summary.setText(_("Done: {done} of {total}").format(done=done, total=len(items)))

    def advance(self, days: int) -> None:
        try:
            training.advance_days(self.ctx.profile, days if days else -1e9)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.data_changed.emit()

    def confirm_reset(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Reset the training data?"))
        box.setText(
            _(
                "All practice work on this computer (books, readers, loans, the moved date) is "
                "discarded and the demo data comes back. Real branch data is not affected."
            )
        )
        box.setAccessibleName(_("Confirm reset"))
        yes = box.addButton(_("Reset"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is yes:
            self.reset_now()

    def reset_now(self) -> None:
        try:
            training.reset(self.ctx.profile)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.data_changed.emit()


PAGE = SettingsPageSpec(key="training", title=lambda: _("Training"), factory=TrainingPage, order=30)
