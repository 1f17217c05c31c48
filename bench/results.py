"""A benchmark figure, its baseline, its ratio and its target, and how they are reported."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    workload: str
    metric: str
    value: float
    unit: str
    baseline_name: str
    baseline_value: float
    target: str
    target_met: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline_value:
            return None
        return self.value / self.baseline_value


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def write_results(
    figures: list[Figure], scale: str, path: Path, raw_baselines: dict[str, float]
) -> None:
    """Each figure with its ratio, plus this machine's raw baselines, so runs on different
    machines can be compared by ratio and the raw numbers explain the difference."""
    data = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "scale": scale,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu": _cpu_model(),
            "cores": os.cpu_count(),
        },
        "raw_baselines": raw_baselines,
        "figures": [{**asdict(f), "ratio": f.ratio} for f in figures],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _fmt(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def table(figures: list[Figure]) -> str:
    rows = [
        "| workload | metric | value | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        ratio = f"{f.ratio:.3g}" if f.ratio is not None else "–"
        met = {True: "yes", False: "**NO**", None: "–"}[f.target_met]
        rows.append(
            f"| {f.workload} | {f.metric} | {_fmt(f.value)} {f.unit} | "
            f"{f.baseline_name}: {_fmt(f.baseline_value)} | {ratio} | {f.target} | {met} |"
        )
    return "\n".join(rows)
