"""A mistyped ISBN is the user's input: shown as a message, never logged as a crash."""

from __future__ import annotations

import logging

import pytest

from app.ui.tasks import TaskRunner
from shuwu_shared.domain import isbn as domain_isbn
from shuwu_shared.errors import UserInputError


def test_user_input_error_in_a_task_is_not_an_error_with_traceback(qtbot, caplog) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def job(_control: object) -> None:
        code = "978702000220"  # one digit short: what a slip of the hand types
        if not domain_isbn.is_isbn_not_barcode(code):
            raise UserInputError("ISBN 978702000220 位数不对。", code="isbn_invalid")

    caplog.set_level(logging.INFO)
    runner.run(job, title="查找 ISBN", on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], UserInputError)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not any(r.exc_info for r in caplog.records)
    assert any("isbn_invalid" in r.getMessage() for r in caplog.records)


def test_a_real_bug_in_a_task_is_still_logged_with_its_traceback(qtbot, caplog) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def job(_control: object) -> None:
        raise ZeroDivisionError

    runner.run(job, title="bug", on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert record.exc_info is not None
    with pytest.raises(ZeroDivisionError):
        raise errors[0]
