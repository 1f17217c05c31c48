"""Per-printer calibration, kept in the profile folder (``<home>/labels/calibration.json``).

Cheap printers feed sheets a little off and drift down the page. ``dx_mm``/``dy_mm`` shift
every label; ``creep_mm_per_row`` adds a shift per row so the tenth row lands where the first
does. Positive values move labels right / down.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

MAX_SHIFT_MM = 20.0
MAX_CREEP_MM = 3.0


@dataclass(frozen=True)
class Calibration:
    printer: str = ""
    dx_mm: float = 0.0
    dy_mm: float = 0.0
    creep_mm_per_row: float = 0.0

    def shift(self, row: int) -> tuple[float, float]:
        return self.dx_mm, self.dy_mm + row * self.creep_mm_per_row


NONE = Calibration()


def _path(home: Path) -> Path:
    return home / "labels" / "calibration.json"


def _load_all(home: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads(_path(home).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def load_calibration(home: Path, printer: str) -> Calibration:
    raw = _load_all(home).get(printer)
    if not isinstance(raw, dict):
        return Calibration(printer)
    try:
        return Calibration(
            printer,
            float(raw.get("dx_mm", 0)),
            float(raw.get("dy_mm", 0)),
            float(raw.get("creep_mm_per_row", 0)),
        )
    except (TypeError, ValueError):
        return Calibration(printer)


def printers_with_calibration(home: Path) -> list[str]:
    return sorted(_load_all(home))


def save_calibration(home: Path, cal: Calibration) -> Calibration:
    if not cal.printer.strip():
        raise UserInputError(_("Name the printer this calibration is for."))
    if abs(cal.dx_mm) > MAX_SHIFT_MM or abs(cal.dy_mm) > MAX_SHIFT_MM:
        raise UserInputError(
            _("A shift of more than {max} mm is not a calibration; check the template.").format(
                max=f"{MAX_SHIFT_MM:g}"
            )
        )
    if abs(cal.creep_mm_per_row) > MAX_CREEP_MM:
        raise UserInputError(
            _("The creep per row must be between -{max} and {max} mm.").format(
                max=f"{MAX_CREEP_MM:g}"
            )
        )
    data = _load_all(home)
    entry = asdict(cal)
    entry.pop("printer")
    data[cal.printer] = entry
    path = _path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return cal
