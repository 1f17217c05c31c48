"""Label templates: page and label geometry plus content settings, stored as JSON data files.

Shipped templates live in ``resources/labels/*.json``; a user's copies live in the profile
folder (``<home>/labels/templates/*.json``) and may be edited. ``validate`` refuses geometry
that cannot be printed (labels overflowing the page, negative sizes, ...) with a clear message.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from shuwu_shared.errors import NotFound, UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.resources import resources_dir

KINDS = ("spine", "barcode", "combined", "reader")
SYMBOLOGIES = ("code128", "code39")
MEDIA = ("sheet", "roll")
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class LabelTemplate:
    name: str
    media: str  # "sheet" (many labels per page) or "roll" (one page per label)
    page_width_mm: float
    page_height_mm: float
    margin_left_mm: float
    margin_top_mm: float
    rows: int
    cols: int
    gap_x_mm: float
    gap_y_mm: float
    label_width_mm: float
    label_height_mm: float
    padding_mm: float = 1.5
    symbology: str = "code128"
    code39_check: bool = False  # Code 39 check character only when the template asks for it
    show_library_name: bool = True
    call_font_pt: float = 16.0  # starting size of the call-number lines; shrunk to fit
    min_font_pt: float = 7.0  # below this a call number is flagged instead of printed
    name_font_pt: float = 7.0
    number_font_pt: float = 8.0
    barcode_height_mm: float = 11.0
    default_kind: str = "spine"
    title: str = ""
    user: bool = False  # a user's copy (editable), not a shipped file

    @property
    def per_page(self) -> int:
        return self.rows * self.cols

    def label_origin(self, index_on_page: int) -> tuple[float, float, int]:
        """Top-left corner (mm from the page's top-left) and row of the n-th label on a page."""
        row, col = divmod(index_on_page, self.cols)
        x = self.margin_left_mm + col * (self.label_width_mm + self.gap_x_mm)
        y = self.margin_top_mm + row * (self.label_height_mm + self.gap_y_mm)
        return x, y, row

    def describe(self) -> str:
        size = _("{w}×{h} mm").format(w=_num(self.label_width_mm), h=_num(self.label_height_mm))
        if self.media == "roll":
            return _("Thermal roll, {size}").format(size=size)
        return _("Sheet {pw}×{ph} mm, {cols}×{rows} labels of {size}").format(
            pw=_num(self.page_width_mm),
            ph=_num(self.page_height_mm),
            cols=self.cols,
            rows=self.rows,
            size=size,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("user")
        return data


def _num(value: float) -> str:
    return f"{value:g}"


_EPS = 0.01  # mm; rounding in JSON must not refuse a template that fits exactly
# The largest sheet Shuwu prints on is A3 (either way round); the smallest label a spine or a
# barcode fits on is a few millimetres. Anything outside is a typing slip, not a label.
A3_SHORT_MM, A3_LONG_MM = 297.0, 420.0
MIN_LABEL_MM = 5.0
MAX_FONT_PT = 96.0
MAX_PER_SIDE = 50  # rows or columns on one sheet


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text)


def _check_numbers(t: LabelTemplate) -> None:
    for f in fields(LabelTemplate):
        value = getattr(t, f.name)
        if f.type == "float" and (isinstance(value, bool) or not math.isfinite(value)):
            raise UserInputError(
                _("The template value {field} must be a finite number (it is {value}).").format(
                    field=f.name, value=value
                )
            )
        if f.type == "bool" and not isinstance(value, bool):
            raise UserInputError(
                _("The template value {field} must be true or false.").format(field=f.name)
            )
        if f.type == "str" and (not isinstance(value, str) or _has_control(value)):
            raise UserInputError(
                _("The template text {field} contains control characters or is not text.").format(
                    field=f.name
                )
            )


def _check_size(t: LabelTemplate) -> None:
    short, long = sorted((t.page_width_mm, t.page_height_mm))
    if short > A3_SHORT_MM + _EPS or long > A3_LONG_MM + _EPS:
        raise UserInputError(
            _(
                "The page is {w}×{h} mm; Shuwu prints on sheets and rolls up to A3 (297×420 mm)."
            ).format(w=_num(t.page_width_mm), h=_num(t.page_height_mm))
        )
    if min(t.label_width_mm, t.label_height_mm) < MIN_LABEL_MM:
        raise UserInputError(
            _("A label must be at least {n} mm wide and high (it is {w}×{h} mm).").format(
                n=_num(MIN_LABEL_MM), w=_num(t.label_width_mm), h=_num(t.label_height_mm)
            )
        )
    fonts = (t.call_font_pt, t.min_font_pt, t.name_font_pt, t.number_font_pt)
    if any(not 0 < size <= MAX_FONT_PT for size in fonts):
        raise UserInputError(
            _("Font sizes must be between 0 and {n} pt.").format(n=_num(MAX_FONT_PT))
        )
    if t.rows > MAX_PER_SIDE or t.cols > MAX_PER_SIDE:
        raise UserInputError(
            _("A sheet holds at most {n} rows and {n} columns of labels.").format(n=MAX_PER_SIDE)
        )


def validate(t: LabelTemplate) -> LabelTemplate:
    """Return the template if printable, else raise UserInputError saying what is wrong."""
    _check_numbers(t)
    if not _NAME_RE.match(t.name):
        raise UserInputError(
            _("A template name uses letters, digits, dots, dashes or underscores only.")
        )
    if t.media not in MEDIA:
        raise UserInputError(_("Media must be a sheet or a roll."))
    if t.symbology not in SYMBOLOGIES:
        raise UserInputError(_("Unknown barcode type {kind}.").format(kind=t.symbology))
    if t.default_kind not in KINDS:
        raise UserInputError(_("Unknown label kind {kind}.").format(kind=t.default_kind))
    positive = {
        _("page width"): t.page_width_mm,
        _("page height"): t.page_height_mm,
        _("label width"): t.label_width_mm,
        _("label height"): t.label_height_mm,
        _("font size"): t.call_font_pt,
        _("smallest font size"): t.min_font_pt,
        _("barcode height"): t.barcode_height_mm,
    }
    for what, value in positive.items():
        if not value > 0:
            raise UserInputError(
                _("The {what} must be more than 0 (it is {value}).").format(what=what, value=value)
            )
    not_negative = {
        _("left margin"): t.margin_left_mm,
        _("top margin"): t.margin_top_mm,
        _("horizontal gap"): t.gap_x_mm,
        _("vertical gap"): t.gap_y_mm,
        _("padding"): t.padding_mm,
    }
    for what, value in not_negative.items():
        if value < 0:
            raise UserInputError(
                _("The {what} cannot be negative (it is {value}).").format(what=what, value=value)
            )
    if t.rows < 1 or t.cols < 1:
        raise UserInputError(_("A template needs at least one row and one column."))
    if t.media == "roll" and (t.rows, t.cols) != (1, 1):
        raise UserInputError(_("A roll template prints one label per page (1 row, 1 column)."))
    if t.min_font_pt > t.call_font_pt:
        raise UserInputError(_("The smallest font size cannot be larger than the font size."))
    used_w = t.margin_left_mm + t.cols * t.label_width_mm + (t.cols - 1) * t.gap_x_mm
    used_h = t.margin_top_mm + t.rows * t.label_height_mm + (t.rows - 1) * t.gap_y_mm
    if used_w > t.page_width_mm + _EPS:
        raise UserInputError(
            _(
                "The labels do not fit across the page: margin, {cols} labels and gaps need "
                "{used} mm but the page is {page} mm wide."
            ).format(cols=t.cols, used=f"{used_w:.1f}", page=_num(t.page_width_mm))
        )
    if used_h > t.page_height_mm + _EPS:
        raise UserInputError(
            _(
                "The labels do not fit down the page: margin, {rows} rows and gaps need "
                "{used} mm but the page is {page} mm high."
            ).format(rows=t.rows, used=f"{used_h:.1f}", page=_num(t.page_height_mm))
        )
    if 2 * t.padding_mm >= min(t.label_width_mm, t.label_height_mm):
        raise UserInputError(_("The padding leaves no room on the label."))
    _check_size(t)
    return t


def from_json(data: dict[str, Any], *, user: bool = False) -> LabelTemplate:
    known = {f.name for f in fields(LabelTemplate)} - {"user"}
    unknown = set(data) - known
    if unknown:
        raise UserInputError(
            _("Unknown template fields: {names}.").format(names=", ".join(sorted(unknown)))
        )
    try:
        template = LabelTemplate(**data, user=user)
        # Coerce numbers from hand-edited files ("29.5" or 29) and reject non-numbers clearly.
        numbers: dict[str, Any] = {
            f.name: _number(getattr(template, f.name))
            for f in fields(LabelTemplate)
            if f.type == "float"
        }
        numbers.update(rows=_whole(template.rows), cols=_whole(template.cols))
        template = replace(template, **numbers)
    except (TypeError, ValueError) as exc:
        raise UserInputError(_("The template file is incomplete or has a wrong value.")) from exc
    return validate(template)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(value)
    number = float(value)
    if not math.isfinite(number):  # "Infinity" and "nan" as text too
        raise ValueError(value)
    return number


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(value)
    number = float(value)
    if not math.isfinite(number) or number != int(number):
        raise ValueError(value)
    return int(number)


def _no_constants(name: str) -> Any:
    raise ValueError(name)  # NaN / Infinity are not JSON


def shipped_dir() -> Path:
    return resources_dir() / "labels"


def user_dir(home: Path) -> Path:
    return home / "labels" / "templates"


MAX_TEMPLATE_BYTES = 64 * 1024


def _read(path: Path, user: bool) -> LabelTemplate:
    """One template file, or UserInputError naming the file and what is wrong with it."""
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constants)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return from_json(data, user=user)
    except UserInputError as exc:
        raise UserInputError(
            _("The label template {file} was refused: {reason}").format(
                file=path.name, reason=exc.message
            ),
            code="bad_template",
        ) from exc
    except (OSError, ValueError, RecursionError) as exc:
        raise UserInputError(
            _("The label template {file} was refused: it is not a readable template file.").format(
                file=path.name
            ),
            code="bad_template",
        ) from exc


@dataclass(frozen=True)
class RefusedTemplate:
    file: str
    reason: str


def refused_templates(home: Path | None) -> list[RefusedTemplate]:
    """The user's template files that cannot be used, each with its reason (shown to staff)."""
    refused: list[RefusedTemplate] = []
    if home is not None and user_dir(home).is_dir():
        for path in sorted(user_dir(home).glob("*.json")):
            try:
                _read(path, True)
            except UserInputError as exc:
                refused.append(RefusedTemplate(file=path.name, reason=exc.message))
    return refused


def list_templates(home: Path | None) -> list[LabelTemplate]:
    """Shipped templates first, then the user's valid ones; ``refused_templates`` says why the
    others cannot be used (the labels screen and ``--list-templates`` show it)."""
    found = [_read(p, False) for p in sorted(shipped_dir().glob("*.json"))]
    if home is not None and user_dir(home).is_dir():
        for path in sorted(user_dir(home).glob("*.json")):
            try:
                found.append(_read(path, True))
            except UserInputError:
                continue  # reported by refused_templates
    return found


def load_template(name: str, home: Path | None) -> LabelTemplate:
    """The named template; a user file of that name that is invalid is refused with its reason."""
    if home is not None and _NAME_RE.match(name):
        path = user_dir(home) / f"{name}.json"
        if path.is_file() and not (shipped_dir() / f"{name}.json").exists():
            return _read(path, True)
    for template in list_templates(home):
        if template.name == name:
            return template
    raise NotFound(_("There is no label template called {name}.").format(name=name))


def save_user_template(template: LabelTemplate, home: Path) -> LabelTemplate:
    """Validate and save a user template; shipped names cannot be overwritten."""
    template = validate(replace(template, user=True))
    if (shipped_dir() / f"{template.name}.json").exists():
        raise UserInputError(
            _("{name} is a shipped template; save your copy under another name.").format(
                name=template.name
            )
        )
    folder = user_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{template.name}.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(template.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(target)  # atomic: a crash never leaves half a template
    return template


def copy_template(source: LabelTemplate, new_name: str, home: Path) -> LabelTemplate:
    names = {t.name for t in list_templates(home)}
    if new_name in names:
        raise UserInputError(_("A template called {name} already exists.").format(name=new_name))
    return save_user_template(replace(source, name=new_name, user=True), home)


def delete_user_template(name: str, home: Path) -> None:
    path = user_dir(home) / f"{name}.json"
    if not path.exists():
        raise NotFound(_("There is no label template called {name}.").format(name=name))
    path.unlink()
