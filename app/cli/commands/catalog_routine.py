"""``shuwu catalog`` routine jobs: shelves (rename, retire), moving a copy, editing a record,
the 中图法 class table. The same services as the Catalogue screen's dialogs."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.services import catalog, catalog_shelves
from shuwu_shared.bib import BibData
from shuwu_shared.domain import clc_table
from shuwu_shared.i18n import _

EDITABLE = ("title", "author", "publisher", "pub_place", "pub_year", "isbn", "clc_class")


def register(group: Any) -> None:
    p = add_command(group, "rename-shelf", _("rename a shelf location"), run_rename_shelf)
    p.add_argument("code")
    p.add_argument("name")
    p = add_command(group, "retire-shelf", _("retire an empty shelf location"), run_retire_shelf)
    p.add_argument("code")
    p = add_command(group, "move", _("move copies to another shelf"), run_move)
    p.add_argument("barcodes", nargs="+", metavar="BARCODE")
    p.add_argument("--shelf", required=True, help=_('shelf code; "" for no shelf'))
    p = add_command(group, "edit", _("edit a record (by a copy's barcode or the ISBN)"), run_edit)
    p.add_argument("which", help=_("a copy barcode or the record's ISBN"))
    for key in EDITABLE:
        p.add_argument(f"--{key.replace('_', '-')}", dest=key)
    p = add_command(group, "classes", _("search the 中图法 class table"), run_classes)
    p.add_argument("query", help=_("class number, caption words or pinyin"))
    p.add_argument("--limit", type=int, default=20)


def run_rename_shelf(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        view = catalog_shelves.rename_shelf(s, ctx.profile.clock, ctx.args.code, ctx.args.name)
    return CommandResult(asdict(view), f"{view.code} {view.name}")


def run_retire_shelf(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        view = catalog_shelves.retire_shelf(s, ctx.profile.clock, ctx.args.code)
    return CommandResult(asdict(view), _("Shelf {code} retired.").format(code=view.code))


def run_move(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        moved = catalog_shelves.move_copies(
            s, ctx.profile.clock, ctx.args.barcodes, ctx.args.shelf or None
        )
    return CommandResult(
        {"moved": [asdict(v) for v in moved]},
        "\n".join(f"{v.barcode} → {v.shelf_location or '-'}" for v in moved),
    )


def run_edit(ctx: CliContext) -> CommandResult:
    a = ctx.args
    with ctx.profile.sessions() as s, s.begin():
        bib_uuid = catalog.bib_uuid_for(s, a.which)
        current = catalog.get_record(s, bib_uuid)
        changes = {k: getattr(a, k) for k in EDITABLE if getattr(a, k) is not None}
        data = BibData.from_mapping({**asdict(current.data), **changes})
        saved = catalog.save_bib(s, ctx.profile.clock, data, bib_uuid)
    return CommandResult(saved.to_json(), f"{saved.data.title}  {saved.data.clc_class or ''}")


def run_classes(ctx: CliContext) -> CommandResult:
    found = clc_table.search(ctx.args.query, limit=max(1, min(ctx.args.limit, 500)))
    return CommandResult(
        {"classes": [asdict(e) for e in found]},
        "\n".join(f"{e.code:<12} {e.name}" for e in found) or _("No class matches."),
    )
