"""What every screen gets: the profile, the task runner and app-wide signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.profile import Profile
from app.ui.tasks import TaskRunner


class AppContext(QObject):
    """Signals:
    data_changed: something was saved; screens and the status bar refresh.
    online_changed(object): True online, False offline, None not enrolled/unknown.
    sync_finished(object): the sync engine finished a run (its result dataclass).
    """

    data_changed = Signal()
    online_changed = Signal(object)
    sync_finished = Signal(object)

    def __init__(self, profile: Profile, tasks: TaskRunner | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.tasks = tasks or TaskRunner()
        self.online: bool | None = None

    def set_online(self, online: bool | None) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)
