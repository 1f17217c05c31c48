"""Drawing a report ChartSpec with QPainter (the PDF draws the same spec with reportlab)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.i18n import _
from shuwu_shared.reports.tables import PALETTE, ChartSpec

LEGEND_MIN = 120
LEGEND_MAX_SHARE = 0.45  # the legend never takes more than this share of the chart's width
PIE_LEGEND_MAX_SHARE = 0.55  # a pie's legend carries the class names, so it may take more


def _nice_step(value: float) -> int:
    """A whole-number grid step so that four steps cover ``value`` (counts are integers)."""
    raw = max(value / 4, 1)
    exp = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 5, 10):
        if raw <= step * exp:
            return int(step * exp)
    return int(10 * exp)


class ChartWidget(QWidget):
    def __init__(self, spec: ChartSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.legend_width = LEGEND_MIN
        self.setMinimumSize(300, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._describe()

    def set_spec(self, spec: ChartSpec) -> None:
        self.spec = spec
        self._describe()
        self.update()

    def _describe(self) -> None:
        # Screen readers get the figures as text.
        if self.spec is None:
            self.setAccessibleName(_("Chart"))
            return
        parts = [self.spec.title]
        for series in self.spec.series:
            values = ", ".join(
                f"{c} {int(v)}" for c, v in zip(self.spec.categories, series.values, strict=True)
            )
            parts.append(f"{series.name}: {values}")
        self.setAccessibleName(self.spec.title)
        self.setAccessibleDescription("; ".join(parts))
        # The whole legend on hover, for entries the chart had to shorten.
        self.setToolTip("\n".join([self.spec.title, *self.legend_labels(self.spec)]))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        spec = self.spec
        if spec is None:
            return
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222"))
        painter.drawText(
            QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, spec.title
        )
        painter.setFont(self.font())
        self.legend_width = self._legend_width(painter, spec)
        line = painter.fontMetrics().height()
        # Room under the bars for two rows of labels (staggered when they do not fit in one).
        bottom = 2 * line + 6 if spec.kind == "bar" else 10
        area = QRectF(
            44, 32, self.width() - 44 - self.legend_width - 10, self.height() - 32 - bottom
        )
        if spec.empty:
            painter.setPen(QColor("#888"))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, _("No data"))
            return
        if spec.kind == "pie":
            self._pie(painter, spec, area)
        else:
            self._bars(painter, spec, area)
        painter.end()

    @staticmethod
    def legend_labels(spec: ChartSpec) -> list[str]:
        if spec.kind != "pie":
            return [s.name for s in spec.series]
        values = spec.series[0].values
        total = sum(values) or 1
        return [
            f"{c} {int(v)} ({v / total:.0%})" for c, v in zip(spec.categories, values, strict=True)
        ]

    def _legend_width(self, painter: QPainter, spec: ChartSpec) -> int:
        """As wide as the longest legend entry, up to a share of the chart."""
        metrics = painter.fontMetrics()
        widest = max((metrics.horizontalAdvance(t) for t in self.legend_labels(spec)), default=0)
        share = PIE_LEGEND_MAX_SHARE if spec.kind == "pie" else LEGEND_MAX_SHARE
        return int(min(max(widest + 30, LEGEND_MIN), self.width() * share))

    def _legend(self, painter: QPainter, labels: list[str]) -> None:
        width = self.legend_width
        x = self.width() - width + 5
        y = 34.0
        metrics = painter.fontMetrics()
        line = max(20, metrics.height() + 4)
        for i, label in enumerate(labels):
            painter.fillRect(QRectF(x, y + 3, 12, 12), QColor(PALETTE[i % len(PALETTE)]))
            painter.setPen(QColor("#222"))
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 28)
            painter.drawText(
                QRectF(x + 18, y, width - 25, line), Qt.AlignmentFlag.AlignVCenter, text
            )
            y += line

    def _bars(self, painter: QPainter, spec: ChartSpec, area: QRectF) -> None:
        step = _nice_step(max(v for s in spec.series for v in s.values))
        top = step * 4
        painter.setPen(QPen(QColor("#ccc"), 1))
        for k in range(5):
            y = area.bottom() - area.height() * k / 4
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(0, y - 9, area.left() - 4, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(step * k),
            )
            painter.setPen(QPen(QColor("#ccc"), 1))
        groups = len(spec.categories)
        group_w = area.width() / max(groups, 1)
        metrics = painter.fontMetrics()
        widest = max(metrics.horizontalAdvance(c) for c in spec.categories) + 6
        line = metrics.height()
        # Labels are never cut short. Few categories (age bands): every label, on two staggered
        # rows when they do not fit side by side; many (months): every n-th label, whole.
        stagger = groups <= 8 and widest > group_w
        every = 1 if groups <= 8 else max(1, math.ceil(widest / group_w))
        span = group_w * (2 if stagger else every)
        bar_w = group_w * 0.8 / len(spec.series)
        for g, category in enumerate(spec.categories):
            x0 = area.left() + g * group_w + group_w * 0.1
            for i, series in enumerate(spec.series):
                h = area.height() * series.values[g] / top
                painter.fillRect(
                    QRectF(x0 + i * bar_w, area.bottom() - h, bar_w - 1, h),
                    QColor(PALETTE[i % len(PALETTE)]),
                )
            if g % every:
                continue
            painter.setPen(QColor("#333"))
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(span))
            row = 1 if stagger and g % 2 else 0
            painter.drawText(
                QRectF(
                    area.left() + g * group_w + (group_w - span) / 2,
                    area.bottom() + 2 + row * line,
                    span,
                    line + 2,
                ),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        self._legend(painter, self.legend_labels(spec))

    def _pie(self, painter: QPainter, spec: ChartSpec, area: QRectF) -> None:
        values = spec.series[0].values
        total = sum(values)
        side = min(area.width(), area.height())
        box = QRectF(area.left(), area.top(), side, side)
        start = 90 * 16
        for i, value in enumerate(values):
            span = -round(360 * 16 * value / total)
            painter.setBrush(QColor(PALETTE[i % len(PALETTE)]))
            painter.setPen(QPen(QColor("white"), 1))
            painter.drawPie(box, start, span)
            start += span
        self._legend(painter, self.legend_labels(spec))
