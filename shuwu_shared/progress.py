"""The Qt-free face of background work: services report progress and poll for cancel."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised by a service when the user cancelled; the task runner reports it quietly."""


class Progress(Protocol):
    def report(self, done: int, total: int, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...


class NoProgress:
    """For the CLI and tests: reports nowhere, never cancelled."""

    cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        return None


def check_cancel(progress: Progress) -> None:
    if progress.cancelled:
        raise Cancelled()
