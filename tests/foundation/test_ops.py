"""app/ui/ops.py, the one way widgets reach the database (issue 19), on a real profile.

query never commits; change commits one transaction and announces it; a NeedsConfirmation is
asked with no transaction open and the call runs again only after a yes; the background
variant runs in a session of its own on a worker thread and reports errors the standard way.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app.profile import Profile
from app.services import settings
from app.ui import ops
from app.ui.context import AppContext
from shuwu_shared.errors import NeedsConfirmation, UserInputError

KEY = "ops_test"


def stored(profile: Profile) -> str | None:
    with profile.sessions() as s:
        return settings.get(s, KEY)


@pytest.fixture
def ctx(qtbot, profile: Profile) -> AppContext:  # type: ignore[no-untyped-def]
    context = AppContext(profile)
    yield context
    context.tasks.wait()


def announced(ctx: AppContext) -> list[int]:
    seen: list[int] = []
    ctx.data_changed.connect(lambda: seen.append(1))
    return seen


def test_query_reads_and_never_commits(ctx: AppContext) -> None:
    ops.change(ctx, lambda s: settings.put(s, KEY, "kept"))
    seen = announced(ctx)

    def read_then_scribble(s: Any) -> str | None:
        value = settings.get(s, KEY)
        settings.put(s, KEY, "scribbled")  # a read that writes: never committed
        s.flush()
        return value

    assert ops.query(ctx, read_then_scribble) == "kept"
    assert stored(ctx.profile) == "kept" and seen == []


def test_change_commits_once_and_announces(ctx: AppContext) -> None:
    seen = announced(ctx)
    assert ops.change(ctx, lambda s: settings.put(s, KEY, "one")) is None
    assert stored(ctx.profile) == "one" and seen == [1]
    ops.change(ctx, lambda s: settings.put(s, KEY, "two"), announce=False)
    assert stored(ctx.profile) == "two" and seen == [1]
    ops.change(ctx, lambda s: settings.put(s, KEY, "three") or 0, announce=bool)
    assert stored(ctx.profile) == "three" and seen == [1]  # announce(result) was false


def test_a_failed_change_rolls_back_and_announces_nothing(ctx: AppContext) -> None:
    ops.change(ctx, lambda s: settings.put(s, KEY, "before"))
    seen = announced(ctx)

    def half_then_refuse(s: Any) -> None:
        settings.put(s, KEY, "half")
        s.flush()
        raise UserInputError("refused")

    with pytest.raises(UserInputError):
        ops.change(ctx, half_then_refuse)
    assert stored(ctx.profile) == "before" and seen == []


@pytest.mark.parametrize("yes", [True, False])
def test_confirmation_is_asked_outside_the_transaction(ctx: AppContext, yes: bool) -> None:
    calls: list[bool] = []
    asked: list[str] = []

    def receive(s: Any, confirmed: bool) -> str:
        calls.append(confirmed)
        settings.put(s, KEY, f"confirmed={confirmed}")
        s.flush()
        if not confirmed:
            raise NeedsConfirmation("Receive it anyway?")
        return "received"

    def confirm(question: str) -> bool:
        asked.append(question)
        # The first attempt was rolled back before the question: nothing of it is stored,
        # and another connection can write while the person thinks.
        assert stored(ctx.profile) is None
        with ctx.profile.sessions() as s, s.begin():
            settings.put(s, "ops_meanwhile", "1")
        return yes

    result = ops.confirmed_change(ctx, None, receive, confirm=confirm)
    assert asked == ["Receive it anyway?"]
    if yes:
        assert result == "received" and calls == [False, True]
        assert stored(ctx.profile) == "confirmed=True"
    else:
        assert result is None and calls == [False]
        assert stored(ctx.profile) is None


def test_the_standard_question_says_no_by_default(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[Any, ...]] = []

    def question(*args: Any) -> QMessageBox.StandardButton:
        shown.append(args)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)

    def needs_yes(s: Any, confirmed: bool) -> None:
        if not confirmed:
            raise NeedsConfirmation("Really?")

    assert ops.confirmed_change(ctx, None, needs_yes, title="Check") is None
    (_parent, title, text, _buttons, default) = shown[0]
    assert (title, text, default) == ("Check", "Really?", QMessageBox.StandardButton.No)


def test_in_background_uses_its_own_session_on_a_worker(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    seen = announced(ctx)
    results: list[Any] = []
    threads: list[threading.Thread] = []

    def job(s: Any, _control: Any) -> str:
        threads.append(threading.current_thread())
        settings.put(s, KEY, "from the worker")
        return "done"

    ops.in_background(ctx, job, write=True, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["done"] and seen == [1]
    assert threads[0] is not threading.main_thread()
    assert stored(ctx.profile) == "from the worker"


def test_background_errors_reach_on_error_and_roll_back(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    seen = announced(ctx)

    def job(s: Any, _control: Any) -> None:
        settings.put(s, KEY, "half")
        s.flush()
        raise UserInputError("no")

    ops.in_background(ctx, job, write=True, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], UserInputError)
    assert stored(ctx.profile) is None and seen == []


def test_background_errors_default_to_the_standard_dialog(
    qtbot, ctx: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))

    def job(_profile: Profile, _control: Any) -> None:
        raise UserInputError("这个条码不对。")

    ops.job(ctx, job)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert warnings == ["这个条码不对。"]
