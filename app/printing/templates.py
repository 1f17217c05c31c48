"""Label templates: page and label geometry plus content settings, stored as JSON data files.

Shipped templates live in ``resources/labels/*.json``; a user's copies live in the profile
folder (``<home>/labels/templates/*.json``) and may be edited. ``validate`` refuses geometry
that cannot be printed (labels overflowing the page, negative sizes, ...) with a clear message.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app.errors import NotFound, UserInputError
from app.i18n import _
from app.paths import resources_dir

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


def validate(t: LabelTemplate) -> LabelTemplate:
    """Return the template if printable, else raise UserInputError saying what is wrong."""
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
            f.name: float(getattr(template, f.name))
            for f in fields(LabelTemplate)
            if f.type == "float"
        }
        numbers.update(rows=int(template.rows), cols=int(template.cols))
        template = replace(template, **numbers)
    except (TypeError, ValueError) as exc:
        raise UserInputError(_("The template file is incomplete or has a wrong value.")) from exc
    return validate(template)


def shipped_dir() -> Path:
    return resources_dir() / "labels"


def user_dir(home: Path) -> Path:
    return home / "labels" / "templates"


def _read(path: Path, user: bool) -> LabelTemplate:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UserInputError(
            _("Cannot read the template file {file}.").format(file=path.name)
        ) from exc
    if not isinstance(data, dict):
        raise UserInputError(_("The template file is incomplete or has a wrong value."))
    return from_json(data, user=user)


def list_templates(home: Path | None) -> list[LabelTemplate]:
    """Shipped templates first, then the user's; a broken user file is skipped, not fatal."""
    found = [_read(p, False) for p in sorted(shipped_dir().glob("*.json"))]
    if home is not None and user_dir(home).is_dir():
        for path in sorted(user_dir(home).glob("*.json")):
            try:
                found.append(_read(path, True))
            except UserInputError:
                continue
    return found


def load_template(name: str, home: Path | None) -> LabelTemplate:
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
