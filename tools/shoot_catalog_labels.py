"""Screenshots of the Catalogue and Labels screens and their dialogs, with a fit check.

    QT_QPA_PLATFORM=offscreen python tools/shoot_catalog_labels.py PROFILE OUTDIR \
        [--size 1024x768] [--lang zh_CN|en] [--font 11]

Writes one PNG per screen and prints JSON: each screen and the widgets that do not fit
(outside the window, or narrower than the text they must show). Issue 16's own
``shuwu selftest --screenshots`` covers every section; this one drives the catalogue and
labels screens into their working states (a book being catalogued, a record open, ...).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def misfits(window: Any) -> list[str]:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

    problems: list[str] = []
    bounds = QRect(QPoint(0, 0), window.size())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        # Inside a scroll area the widget may be scrolled away: that is fine.
        parent, scrolled = widget.parentWidget(), False
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                scrolled = True
                break
            parent = parent.parentWidget()
        if scrolled:
            continue
        name = widget.accessibleName() or widget.objectName() or type(widget).__name__
        top_left = widget.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        if not bounds.contains(rect):
            problems.append(f"outside the window: {name} {rect.getRect()}")
        if isinstance(widget, (QAbstractButton, QLabel)) and not (
            isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap() is not None)
        ):
            text = widget.text()
            if text and widget.width() + 2 < widget.minimumSizeHint().width():
                problems.append(f"clipped: {name} “{text[:30]}”")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("profile")
    parser.add_argument("out")
    parser.add_argument("--size", default="1024x768")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--font", type=int, default=11)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from app.profile import open_profile
    from app.services import settings
    from app.ui.app import build_main_window

    profile = open_profile(args.profile)
    with profile.sessions() as s, s.begin():
        settings.put(s, settings.LANGUAGE, args.lang)
        settings.put(s, settings.FONT_SIZE, str(args.font))
    window = build_main_window(profile)
    window.resize(width, height)
    window.show()
    app = QApplication.instance()
    assert app is not None
    report: dict[str, list[str]] = {}
    tag = f"{args.size}-{args.lang}-{args.font}pt"

    def settle() -> None:
        for _n in range(5):
            app.processEvents()
        window.ctx.tasks.wait(20000)
        for _n in range(5):
            app.processEvents()

    def shot(name: str, widget: Any = None) -> None:
        settle()
        target = widget or window
        target.grab().save(str(out / f"{name}-{tag}.png"))
        report[name] = misfits(target)
        page = window.stack.currentWidget() if widget is None else widget
        hint = page.minimumSizeHint()
        report[name].append(f"minimum size {hint.width()}x{hint.height()}")

    catalog = window.show_section("catalog")
    catalog.run_search("s")
    shot("catalogue-search")
    catalog.start_lookup("9787020002207")
    settle()
    form = catalog.form
    if not form.fields["title"].text():
        form.fields["title"].setText("养鸡实用技术")
    form.fields["clc_class"].setText("S831.4")
    with profile.sessions() as s:  # two free barcodes of this branch's range
        from app.models import Branch
        from app.services import catalog as catalog_service

        code = catalog_service.branch_code(s)
        branch = s.query(Branch).filter(Branch.code == code).one_or_none()
        start = int(branch.barcode_range_start) if branch and branch.barcode_range_start else 0
        free = [
            c
            for c in (str(start + 900 + n).zfill(len(str(start))) for n in range(50))
            if catalog_service.check_new_barcode(s, c).ok
        ]
    for code in free[:2]:
        form.add_pending(code)
    shot("catalogue-form")
    catalog.tabs.setCurrentIndex(2)
    shot("catalogue-stocktake")
    if catalog.hits:
        catalog.tabs.setCurrentIndex(0)
        catalog.open_record_at(0)
        settle()
        dialog = catalog.record_dialog
        dialog.resize(min(width - 40, dialog.width()), min(height - 60, dialog.height()))
        shot("dialog-record", dialog)
        dialog.copies.selectRow(0)
        dialog.change_status()
        shot("dialog-copy-status", dialog.status_dialog)
        dialog.status_dialog.close()
        dialog.close()
    catalog.open_shelves()
    shot("dialog-shelves", catalog.shelves_dialog)
    catalog.shelves_dialog.close()
    catalog.tabs.setCurrentIndex(1)
    form.open_picker()
    form.picker.search_box.setText("jiaqin")
    shot("dialog-class-picker", form.picker)
    form.picker.close()

    labels = window.show_section("labels")
    shot("labels-queue")
    labels.queue.choose_button.setChecked(True)
    labels.queue.class_edit.setText("S")
    labels.queue.select_copies()
    shot("labels-choose")
    labels.tabs.setCurrentIndex(1)
    labels.designer.template_list.setCurrentRow(0)
    shot("labels-designer")
    labels.tabs.setCurrentIndex(2)
    shot("labels-calibration")
    labels.tabs.setCurrentIndex(0)
    labels.queue.ask_outcome(labels.queue.entries[:8])
    shot("dialog-print-outcome", labels.queue.outcome_dialog)
    labels.queue.outcome_dialog.close()

    window.timer.stop()
    window.close()
    window.ctx.tasks.wait(10000)
    profile.close()
    print(
        json.dumps(
            {"size": args.size, "lang": args.lang, "font": args.font, "screens": report},
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
