"""The one way widgets reach the database: ask a service, in a session of its own.

Modelled on the idea of Anki's ``QueryOp``/``CollectionOp``: a widget never opens a session,
never holds one across a dialog and never shares one between threads. It hands a service call
to one of these helpers, which opens a session for that call alone and closes it before the
widget goes on. ``tests/foundation/test_ops_only.py`` fails if any other module under
``app/ui`` opens a session.

The rule for choosing (docs/architecture.md, "Widgets only ask"):

- ``query(ctx, fn)``: a fast read (a few milliseconds of local SQLite: a barcode check, a
  reader's panel, a list of at most a few hundred rows). Runs on the GUI thread, in its own
  session, and never commits. Returns what the service returns (frozen dataclasses).
- ``change(ctx, fn)``: a fast write for one user action (a checkout, a return, a setting).
  Runs on the GUI thread in its own session and ONE transaction, committed when ``fn``
  returns, then emits ``ctx.data_changed`` (``announce``). Nothing slow and no network call
  may run inside: a service that needs the network reserves what it needs first, outside any
  transaction (``app.services.catalog_save.save_title``).
- ``confirmed_change(ctx, parent, fn)``: a change whose service may raise
  ``NeedsConfirmation``. The question is asked after the transaction was rolled back, and
  ``fn(session, True)`` runs in a new one only after a "Yes".
- ``in_background(ctx, fn, ...)``: anything that may be slow (files, PDFs, reports over the
  whole collection, the network). ``fn(session, control)`` runs on a TaskRunner worker in a
  session opened on that thread (a transaction when ``write=True``); the result or the error
  comes back on the GUI thread. ``job(ctx, fn, ...)`` is the same for services that open their
  own sessions from the profile (sync, saving a title with its call-number reservation).

Errors: ``query``/``change`` raise, so a widget can turn a refusal into its banner and beep;
``report(parent, exc)`` is the standard dialog (app/ui/errors.py ``show_error``: a
``ShuwuError``'s message, a database failure in words, anything else as a crash report), and is
what the background helpers call when no ``on_error`` is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from app.profile import Profile
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.tasks import TaskControl
from shuwu_shared.errors import NeedsConfirmation

T = TypeVar("T")
# A database session (sqlalchemy.orm.Session): widgets only pass it on to a service, so the UI
# never needs its type (app/ui imports no sqlalchemy: tests/foundation/test_layers_ui.py).
DbSession = Any
Source = AppContext | Profile
Announce = bool | Callable[[Any], bool]


def _profile(source: Source) -> Profile:
    return source.profile if isinstance(source, AppContext) else source


def _announce(source: Source, announce: Announce, result: Any) -> None:
    if not isinstance(source, AppContext):
        return
    if announce is True or (callable(announce) and announce(result)):
        source.data_changed.emit()


def query(source: Source, fn: Callable[[DbSession], T]) -> T:
    """A fast read on the calling thread, in its own session; nothing is committed."""
    with _profile(source).sessions() as session:
        return fn(session)


def change(source: Source, fn: Callable[[DbSession], T], *, announce: Announce = True) -> T:
    """A fast write in its own session and one transaction (committed when ``fn`` returns,
    rolled back if it raises). ``announce``: emit ``ctx.data_changed`` after the commit
    (``True``), never (``False``), or when ``announce(result)`` is true."""
    with _profile(source).sessions() as session, session.begin():
        result = fn(session)
    _announce(source, announce, result)
    return result


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    """The standard yes/no question (No is the default: Enter never agrees by accident)."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirmed_change(
    source: Source,
    parent: QWidget | None,
    fn: Callable[[DbSession, bool], T],
    *,
    title: str = "",
    confirm: Callable[[str], bool] | None = None,
    announce: Announce = True,
) -> T | None:
    """``fn(session, confirmed)``: first with ``False``. A ``NeedsConfirmation`` rolls that
    transaction back; its question is asked (``confirm``, else the standard dialog) with no
    session open, and after a "Yes" ``fn(session, True)`` runs in a new transaction.
    Returns None when the answer was "No"; other errors are raised."""
    try:
        return change(source, lambda s: fn(s, False), announce=announce)
    except NeedsConfirmation as needed:
        asked = confirm or (lambda text: ask(parent, title or _("Please confirm"), text))
        if not asked(needed.question):
            return None
    return change(source, lambda s: fn(s, True), announce=announce)


def report(parent: QWidget | None, exc: BaseException) -> None:
    """The standard way to show a failure (app/ui/errors.py)."""
    show_error(parent, exc)


def in_background(
    ctx: AppContext,
    fn: Callable[[DbSession, TaskControl], T],
    *,
    write: bool = False,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QWidget | None = None,
    title: str = "",
    announce: Announce | None = None,
) -> TaskControl:
    """``fn(session, control)`` on a worker thread, in a session opened there (and one
    transaction when ``write``). Results and errors arrive on the GUI thread; a write that
    succeeded emits ``ctx.data_changed`` (``announce`` defaults to ``write``)."""
    profile = ctx.profile

    def run(control: TaskControl) -> T:
        with profile.sessions() as session:
            if not write:
                return fn(session, control)
            with session.begin():
                return fn(session, control)

    return job(
        ctx,
        lambda _profile, control: run(control),
        on_done=on_done,
        on_error=on_error,
        on_progress=on_progress,
        on_cancelled=on_cancelled,
        parent=parent,
        title=title,
        announce=write if announce is None else announce,
    )


def job(
    ctx: AppContext,
    fn: Callable[[Profile, TaskControl], T],
    *,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QWidget | None = None,
    title: str = "",
    announce: Announce = False,
) -> TaskControl:
    """``fn(profile, control)`` on a worker thread, for a service that opens its own sessions
    (one per step, none held across a network call). Errors default to ``report``."""
    profile = ctx.profile

    def done(result: T) -> None:
        _announce(ctx, announce, result)
        if on_done is not None:
            on_done(result)

    return ctx.tasks.run(
        lambda control: fn(profile, control),
        title=title,
        on_done=done,
        on_error=on_error or (lambda exc: report(parent, exc)),
        on_progress=on_progress,
        on_cancelled=on_cancelled,
    )
