"""The main window: navigation, one page per section, status bar, training banner."""

from __future__ import annotations

import base64
import logging

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import settings
from app.services.status import ProfileStatus, profile_status
from app.ui import ops
from app.ui.context import AppContext
from app.ui.i18n import _
from app.ui.sections import NAVIGATION, load
from app.ui.style import font_css, scaled_px
from shuwu_shared.version import __version__

log = logging.getLogger(__name__)
STATUS_REFRESH_MS = 5000
GEOMETRY_KEY = "window_geometry"
# The size a new window opens at on a roomy screen; smaller screens start maximised.
DEFAULT_SIZE = QSize(1200, 760)
SMALL_SCREEN = QSize(1280, 800)


def starts_maximised(available: QRect) -> bool:
    """Village PCs with 1024×768 or 1366×768 screens get the whole screen at once."""
    return available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height()


def default_geometry(available: QRect) -> QRect:
    """DEFAULT_SIZE centred on the screen, never larger than it."""
    size = DEFAULT_SIZE.boundedTo(available.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def scrolling(page: QWidget) -> QScrollArea:
    """A page in a scroll area, so a screen smaller than the page scrolls instead of clipping."""
    area = QScrollArea()
    area.setObjectName("sectionScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def not_built_page(title: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel(
        _("The {section} section is not built yet in this version.").format(section=title)
    )
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setAccessibleName(label.text())
    layout.addWidget(label)
    return page


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.pages: dict[str, QWidget] = {}
        self.setWindowTitle(_("Shuwu Library") + f" {__version__}")
        self.resize(DEFAULT_SIZE)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.training_banner = QLabel(
            _("TRAINING MODE — practice data, never synced to the county")
        )
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setWordWrap(True)  # large fonts and English: two lines, not wider
        self.training_banner.setVisible(False)
        outer.addWidget(self.training_banner)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.nav = QListWidget()
        self.nav.setAccessibleName(_("Sections"))
        self.apply_font_styles()
        self.stack = QStackedWidget()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        for index, (key, title) in enumerate(NAVIGATION):
            item = QListWidgetItem(f"{title()}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Ctrl+{index + 1}")
            self.nav.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
            QShortcut(
                QKeySequence(f"Ctrl+{index + 1}"), self, lambda i=index: self.show_section_at(i)
            )
        self.nav.currentRowChanged.connect(self.show_section_at)
        self.setCentralWidget(central)

        self.branch_label = QLabel()
        self.online_label = QLabel()
        self.pending_label = QLabel()
        for label in (self.branch_label, self.online_label, self.pending_label):
            self.statusBar().addPermanentWidget(label)
        ctx.data_changed.connect(self.refresh_status)
        ctx.online_changed.connect(lambda _online: self.refresh_status())
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh_status)
        self.timer.start(STATUS_REFRESH_MS)
        self.nav.setCurrentRow(0)
        self.refresh_status()

    def section_key_at(self, index: int) -> str:
        return NAVIGATION[index][0]

    def apply_font_styles(self) -> None:
        """The banner and navigation follow the font size chosen in Settings."""
        self.training_banner.setStyleSheet(
            "#trainingBanner { background: #d9480f; color: white; font-weight: bold;"
            f" {font_css(16)} padding: 6px; }}"
        )
        self.nav.setFixedWidth(scaled_px(170))
        self.nav.setStyleSheet(
            f"QListWidget {{ {font_css(13)} }} QListWidget::item {{ padding: 10px; }}"
        )

    def show_section(self, key: str) -> QWidget:
        index = [k for k, _title in NAVIGATION].index(key)
        self.show_section_at(index)
        return self.pages[key]

    def show_section_at(self, index: int) -> None:
        if index < 0:
            return
        key, title = NAVIGATION[index]
        if key not in self.pages:
            spec = load(key)
            page = spec.factory(self.ctx) if spec else not_built_page(title())
            old = self.stack.widget(index)
            self.stack.insertWidget(index, scrolling(page))
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.pages[key] = page
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        self.stack.setCurrentIndex(index)
        page = self.pages[key]
        activate = getattr(page, "activate", None)
        if callable(activate):
            activate()

    # -- size and position ----------------------------------------------------------------

    def place_on_screen(self) -> None:
        """Reopen where the user left the window; small screens start maximised."""
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)
        saved = ops.query(self.ctx, lambda s: settings.get(s, GEOMETRY_KEY))
        restored = False
        if saved:
            try:
                restored = self.restoreGeometry(QByteArray(base64.b64decode(saved)))
            except ValueError:
                restored = False
        if restored and available.intersects(self.frameGeometry()):
            return
        self.setGeometry(default_geometry(available))
        if starts_maximised(available):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_geometry(self) -> None:
        data = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        # A window setting, not library data: nothing to announce.
        ops.change(self.ctx, lambda s: settings.put(s, GEOMETRY_KEY, data), announce=False)

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.save_geometry()
        except Exception:  # a full disk must not stop the window closing
            log.warning("could not save the window geometry", exc_info=True)
        super().closeEvent(event)

    def current_status(self) -> ProfileStatus:
        return ops.query(self.ctx, profile_status)

    def refresh_status(self) -> None:
        status = self.current_status()
        training = ops.query(self.ctx, lambda s: settings.get_bool(s, settings.TRAINING_MODE))
        self.training_banner.setVisible(training)
        if training:
            # The simulated date on every screen: trainees must never mistake it for today.
            when = self.ctx.profile.clock.now().astimezone().date().isoformat()
            self.training_banner.setText(
                _("TRAINING MODE — practice data, never synced to the county")
                + "   ·   "
                + _("Training date: {date}").format(date=when)
            )
        title = _("Shuwu Library") + f" {__version__}"
        self.setWindowTitle(("【" + _("Training") + "】" + title) if training else title)
        self.branch_label.setText(
            _("Branch: {name}").format(
                name=status.branch_name or status.branch_code or _("not enrolled")
            )
        )
        online = self.ctx.online
        if online is None:
            text, colour = _("Not connected"), "#666"
        elif online:
            text, colour = _("Online"), "#2b8a3e"
        else:
            text, colour = _("Offline"), "#c92a2a"
        self.online_label.setText(text)
        self.online_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.pending_label.setText(
            _("Unsent operations: {count}").format(count=status.outbox_pending)
        )
