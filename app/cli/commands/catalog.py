"""``shuwu catalog …``: search, ISBN lookup, add copies, MARC import/export, shelf locations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.cli.commands import catalog_routine
from app.i18n import _
from app.services import catalog, catalog_marc
from app.services.catalog import BibData, CopyInput
from app.services.catalog_search import reindex_all, search
from app.services.catalog_union import union_catalog_for


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "catalog", _("cataloguing: search, add copies, MARC"))
    p = add_command(group, "search", _("search the catalogue"), run_search)
    p.add_argument("query", help=_("title, author, ISBN, barcode, call number or pinyin"))
    p.add_argument("--limit", type=int, default=50)
    p = add_command(
        group, "lookup", _("look up an ISBN (county, then local, else empty)"), run_lookup
    )
    p.add_argument("isbn")
    p = add_command(group, "add", _("catalogue a book and add copies"), run_add)
    p.add_argument("--isbn")
    p.add_argument("--title")
    p.add_argument("--author")
    p.add_argument("--publisher")
    p.add_argument("--year")
    p.add_argument("--clc", help=_("中图法 class number, e.g. I247.5"))
    p.add_argument("--barcode", action="append", default=[], help=_("copy barcode (repeat)"))
    p.add_argument("--shelf", help=_("shelf location code"))
    p.add_argument("--aux", help=_("辅助区分号 (volume/copy), e.g. 2"))
    p = add_command(group, "import", _("import MARC records (ISO 2709)"), run_import)
    p.add_argument("file")
    p.add_argument("--encoding", default="auto", choices=catalog_marc.ENCODINGS)
    p.add_argument("--on-match", default="skip", choices=("skip", "merge"))
    p.add_argument("--preview", action="store_true", help=_("only show what would happen"))
    p = add_command(group, "export", _("export all records as MARC (UTF-8)"), run_export)
    p.add_argument("file")
    p.add_argument("--format", default="cnmarc", choices=("cnmarc", "marc21"))
    add_command(group, "shelves", _("list this branch's shelf locations"), run_shelves)
    p = add_command(group, "add-shelf", _("add a shelf location"), run_add_shelf)
    p.add_argument("code")
    p.add_argument("name")
    p = add_command(group, "status", _("set a copy's status (missing, lost, …)"), run_status)
    p.add_argument("barcode")
    p.add_argument("status", choices=(*catalog.MANUAL_STATUSES, "found"))
    p.add_argument("--reason", default="")
    add_command(group, "reindex", _("rebuild the search indexes"), run_reindex)
    catalog_routine.register(group)


def run_search(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s:
        result = search(s, ctx.args.query, ctx.args.limit)
    lines = []
    for hit in result.hits:
        status = ", ".join(f"{c.barcode} {c.status}" for c in hit.copies) or _("no copies")
        lines.append(f"{hit.call_number or '-':<16} {hit.title}  {hit.author or ''}  [{status}]")
    if not lines:
        lines.append(_("Nothing found."))
    return CommandResult(result.to_json(), "\n".join(lines))


def run_lookup(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s:
        found = catalog.lookup_isbn(s, ctx.args.isbn, union_catalog_for(s))
    data = {
        "isbn": found.isbn,
        "source": found.source,
        "bib_uuid": found.bib_uuid,
        "offline": found.offline,
        **{k: v for k, v in vars(found.data).items() if k != "isbn"},
        "items": [vars(i) for i in found.items],
    }
    text = _("{isbn}: {source} {title}").format(
        isbn=found.isbn, source=found.source, title=found.data.title
    )
    return CommandResult(data, text)


def run_add(ctx: CliContext) -> CommandResult:
    a = ctx.args
    with ctx.profile.sessions() as s, s.begin():
        union = union_catalog_for(s)
        base = catalog.lookup_isbn(s, a.isbn, union) if a.isbn else None
        data = base.data if base else BibData()
        overrides = {
            "title": a.title,
            "author": a.author,
            "publisher": a.publisher,
            "pub_year": a.year,
            "clc_class": a.clc,
        }
        merged = BibData.from_mapping({**vars(data), **{k: v for k, v in overrides.items() if v}})
        bib = catalog.save_bib(
            s,
            ctx.profile.clock,
            merged,
            base.bib_uuid if base else None,
            "union" if base and base.source == "union" else "manual",
        )
        copies = [CopyInput(b, a.shelf, a.aux) for b in a.barcode]
        added = (
            catalog.add_copies(s, ctx.profile.clock, bib.uuid, copies, union) if copies else None
        )
    items = [vars(i) for i in added.items] if added else []
    text = "\n".join([bib.data.title] + [f"  {i['barcode']}  {i['call_number']}" for i in items])
    return CommandResult({**bib.to_json(), "added": items}, text)


def run_import(ctx: CliContext) -> CommandResult:
    a = ctx.args
    with ctx.profile.sessions() as s, s.begin():
        preview = catalog_marc.preview_import(s, Path(a.file), a.encoding)
        outcome = None
        if not a.preview:
            outcome = catalog_marc.commit_import(s, ctx.profile.clock, preview, a.on_match)
    data = preview.to_json()
    data["committed"] = outcome is not None
    if outcome is not None:
        data.update(outcome.to_json())
    lines = [
        _("{file}: {encoding}, {fmt}").format(
            file=a.file, encoding=preview.encoding, fmt=preview.marc_format
        ),
        _("New: {new}  Matched by ISBN: {matched}  Rejected: {rejected}").format(
            new=preview.count("new"),
            matched=preview.count("matched"),
            rejected=preview.count("rejected"),
        ),
    ]
    lines += [
        _("  record {number} rejected: {reason}").format(number=r.number, reason=r.reason)
        for r in preview.rows
        if r.status == "rejected"
    ]
    if outcome is not None:
        lines.append(
            _("Imported: {created} new, {merged} merged, {skipped} skipped.").format(
                created=outcome.created, merged=outcome.merged, skipped=outcome.skipped
            )
        )
    else:
        lines.append(_("Preview only: nothing was saved."))
    return CommandResult(data, "\n".join(lines))


def run_export(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s:
        count = catalog_marc.export_marc(s, ctx.profile.clock, Path(ctx.args.file), ctx.args.format)
    return CommandResult(
        {"file": ctx.args.file, "format": ctx.args.format, "records": count},
        _("Wrote {count} records to {file}.").format(count=count, file=ctx.args.file),
    )


def run_shelves(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s:
        rows = catalog.list_shelf_locations(s)
    return CommandResult(
        {"shelves": [vars(r) for r in rows]},
        "\n".join(f"{r.code:<8} {r.name}  ({r.items})" for r in rows) or _("No shelf locations."),
    )


def run_add_shelf(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        row = catalog.add_shelf_location(s, ctx.profile.clock, ctx.args.code, ctx.args.name)
    return CommandResult(vars(row), f"{row.code} {row.name}")


def run_status(ctx: CliContext) -> CommandResult:
    a = ctx.args
    with ctx.profile.sessions() as s, s.begin():
        status = "available" if a.status == "found" else a.status
        item = catalog.set_item_status(s, ctx.profile.clock, a.barcode, status, a.reason)
    return CommandResult(vars(item), f"{item.barcode} {item.status}")


def run_reindex(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        count = reindex_all(s)
    return CommandResult({"records": count}, _("Indexed {count} records.").format(count=count))
