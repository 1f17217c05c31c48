"""Shared helpers for workloads: percentiles and the run context."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from bench.dataset import Dataset


@dataclass
class BenchContext:
    dataset: Dataset
    workdir: Path
    quick: bool
    baselines: dict[str, float] = field(default_factory=dict)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


def median(samples: list[float]) -> float:
    return statistics.median(samples)
