"""The Reports screen: computes in the background, shows charts and tables, records activities."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.models import Activity, OutboxOp
from app.ui.app import build_main_window
from tests.reports.dataset import build


def open_reports(qtbot, profile):
    window = build_main_window(profile)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    page = window.show_section("reports")
    return window, page


def test_compute_shows_charts_and_tables_then_exports(qtbot, profile, tmp_path):
    build(profile)
    window, page = open_reports(qtbot, profile)
    page.start.setDate(QDate(2020, 1, 1))
    page.end.setDate(QDate(2020, 12, 31))
    page.compute()
    qtbot.waitUntil(lambda: page.report is not None, timeout=20000)
    report = page.report
    assert page.charts[0].spec is not None and not page.charts[0].spec.empty
    assert page.table_list.count() >= 10
    page.table_list.setCurrentRow(1)  # loans by month
    assert page.table_view.item(0, 0).text() == "2020-01"
    assert page.table_view.item(0, 1).text() == str(report.circulation.months[0].loans)
    target = tmp_path / "screen.xlsx"
    page.export("xlsx", str(target))
    qtbot.waitUntil(target.exists, timeout=20000)
    assert load_workbook(target).worksheets[1]["B3"].value == report.circulation.months[0].loans
    window.grab().save(str(tmp_path / "reports.png"))


def test_bad_period_is_a_message_not_a_crash(qtbot, profile, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    _window, page = open_reports(qtbot, profile)
    page.start.setDate(QDate(2021, 5, 1))
    page.end.setDate(QDate(2021, 1, 1))
    page.compute()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "2021-05-01" in shown[0]
    assert page.compute_button.isEnabled()


def test_activity_form_saves_with_keyboard(qtbot, profile, monkeypatch):
    build(profile)
    _window, page = open_reports(qtbot, profile)
    page.tabs.setCurrentIndex(2)
    page.act_date.setDate(QDate(2021, 2, 3))
    page.act_kind.setCurrentIndex(page.act_kind.findData("children"))
    page.act_attendance.setValue(25)
    page.act_title.setText("七色花小课堂")  # keyClicks only types ASCII
    qtbot.keyClick(page.act_title, Qt.Key.Key_Return)
    with profile.sessions() as s:
        rows = s.query(Activity).filter(Activity.title == "七色花小课堂").all()
        assert len(rows) == 1 and rows[0].attendance == 25 and rows[0].on_date == date(2021, 2, 3)
        assert s.query(OutboxOp).filter(OutboxOp.kind == "activity").count() == 1
    assert page.act_title.text() == ""
    # An empty title is refused with a message and nothing is saved.
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    qtbot.keyClick(page.act_title, Qt.Key.Key_Return)
    assert shown
    with profile.sessions() as s:
        assert s.query(OutboxOp).filter(OutboxOp.kind == "activity").count() == 1
    QApplication.processEvents()
