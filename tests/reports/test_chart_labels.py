"""Chart text a person reads: class names in the pie legend, whole months, no empty series."""

from __future__ import annotations

from app.ui.report_chart import ChartWidget
from shuwu_shared.reports.tables import (
    ChartSeries,
    ChartSpec,
    _without_empty_series,
    _without_empty_slices,
    class_label,
    month_label,
)


def test_month_labels_are_whole_in_chinese() -> None:
    assert month_label("2026-01") == "2026年1月"
    assert month_label("2025-12") == "2025年12月"
    assert month_label("garbage") == "garbage"


def test_pie_legend_names_the_class() -> None:
    spec = ChartSpec(
        "holdings",
        "馆藏",
        "pie",
        (class_label("S"), class_label("I")),
        (ChartSeries("册数", (23.0, 59.0)),),
    )
    assert ChartWidget.legend_labels(spec) == ["S 农业科学 23 (28%)", "I 文学 59 (72%)"]


def test_empty_series_and_slices_are_left_out() -> None:
    bars = ChartSpec(
        "visits",
        "到馆",
        "bar",
        ("2026年1月", "2026年2月"),
        (ChartSeries("人工计数", (0.0, 0.0)), ChartSeries("由借还推算", (3.0, 4.0))),
    )
    assert [s.name for s in _without_empty_series(bars).series] == ["由借还推算"]
    pie = ChartSpec("h", "馆藏", "pie", ("A", "S"), (ChartSeries("册数", (0.0, 5.0)),))
    assert _without_empty_slices(pie).categories == ("S",)
    nothing = ChartSpec("v", "到馆", "bar", ("x",), (ChartSeries("a", (0.0,)),))
    assert _without_empty_series(nothing) == nothing  # all empty: the chart says "no data"
