"""``shuwu catalog …``: search, ISBN lookup, add copies, MARC import/export, shelf locations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.cli.commands import catalog_routine
from app.services import catalog, catalog_marc, catalog_save
from app.services.catalog import CopyInput
from app.services.catalog_search import reindex_all, search
from app.services.catalog_union import (
    SEARCH_FIELDS,
    external_search,
    origin_text,
)
from shuwu_shared import vocabulary as values
from shuwu_shared.bib import BibData
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "catalog", _("cataloguing: search, add copies, MARC"))
    p = add_command(group, "search", _("search the catalogue"), run_search)
    p.add_argument("query", help=_("title, author, ISBN, barcode, call number or pinyin"))
    p.add_argument("--limit", type=int, default=50)
    p = add_command(
        group, "lookup", _("look up an ISBN (county, then local, else empty)"), run_lookup
    )
    p.add_argument("isbn")
    p = add_command(
        group,
        "external-search",
        _("search the county's external Z39.50/SRU targets (NLC, CALIS, …)"),
        run_external_search,
    )
    p.add_argument("query", help=_("title, author or ISBN"))
    p.add_argument("--field", default="any", choices=SEARCH_FIELDS)
    p.add_argument("--limit", type=int, default=10, help=_("records per target (at most 20)"))
    p.add_argument(
        "--pick", type=int, metavar="N", help=_("catalogue record N of the answer in this branch")
    )
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
    p = add_command(group, "import", _("import MARC records (ISO 2709 or MARCXML)"), run_import)
    p.add_argument("file")
    p.add_argument(
        "--encoding",
        default="auto",
        choices=catalog_marc.ENCODINGS,
        help=_("character set: auto (by content, per record), utf-8, gb18030 or marc8"),
    )
    p.add_argument("--on-match", default="skip", choices=("skip", "merge"))
    p.add_argument(
        "--preview",
        "--dry-run",
        action="store_true",
        help=_("only show what would happen (nothing is saved)"),
    )
    p.add_argument(
        "--all-or-nothing",
        action="store_true",
        help=_("import nothing if any record is damaged or refused"),
    )
    p = add_command(group, "export", _("export all records as MARC (UTF-8)"), run_export)
    p.add_argument("file")
    p.add_argument("--format", default="cnmarc", choices=catalog_marc.FORMATS)
    p.add_argument(
        "--syntax",
        default="iso2709",
        choices=catalog_marc.SYNTAXES,
        help=_("ISO 2709 (.iso/.mrc) or MARCXML"),
    )
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
        copies = [f"{c.barcode} {values.item_status(c.status)}" for c in hit.copies]
        status = ", ".join(copies) or _("no copies")
        lines.append(f"{hit.call_number or '-':<16} {hit.title}  {hit.author or ''}  [{status}]")
    if not lines:
        lines.append(_("Nothing found."))
    if result.receiving_text:  # a new device: the county's records are still arriving
        lines.insert(0, result.receiving_text)
    return CommandResult(result.to_json(), "\n".join(lines))


def run_lookup(ctx: CliContext) -> CommandResult:
    found = catalog_save.lookup_title(ctx.profile, ctx.args.isbn)
    data = {
        "isbn": found.isbn,
        "source": found.source,
        "bib_uuid": found.bib_uuid,
        "offline": found.offline,
        **{k: v for k, v in vars(found.data).items() if k != "isbn"},
        "items": [vars(i) for i in found.items],
    }
    data["origin"] = found.origin
    data["failed"] = [vars(f) for f in found.failed]
    text = _("{isbn}: {source} {title}").format(
        isbn=found.isbn, source=found.source, title=found.data.title
    )
    lines = [text] + ([origin_text(found.origin)] if found.origin else [])
    lines += [_failure_line(f) for f in found.failed]
    return CommandResult(data, "\n".join(lines))


def _failure_line(failure: Any) -> str:
    return _("  target {target} did not answer ({reason}): {message}").format(
        target=failure.target, reason=failure.reason, message=failure.message
    )


def run_external_search(ctx: CliContext) -> CommandResult:
    a = ctx.args
    with ctx.profile.sessions() as s:
        found = external_search(s, a.query, a.field, a.limit)
    data: dict[str, Any] = {
        "query": found.query,
        "field": found.field,
        "targets": list(found.targets),
        "records": [r.to_json() for r in found.records],
        "failed": [vars(f) for f in found.failed],
    }
    lines = [
        f"{r.number:>3}. [{r.target}] {r.fields.get('title') or ''}  {r.fields.get('author') or ''}"
        f"  {r.fields.get('publisher') or ''} {r.fields.get('pub_year') or ''}  "
        f"ISBN {r.fields.get('isbn') or '-'}"
        for r in found.records
    ]
    if not found.targets:
        lines.append(_("The county server has no external targets configured."))
    elif not found.records:
        lines.append(_("Nothing found."))
    lines += [_failure_line(f) for f in found.failed]
    if a.pick is not None:
        chosen = next((r for r in found.records if r.number == a.pick), None)
        if chosen is None:
            raise UserInputError(
                _("There is no record {number} in this answer.").format(number=a.pick)
            )
        with ctx.profile.sessions() as s, s.begin():
            bib = catalog.save_bib(
                s,
                ctx.profile.clock,
                BibData.from_mapping(chosen.fields),
                None,
                "union",
                source_record=chosen,
            )
            kept = catalog.has_source_record(s, bib.uuid)
        data["picked"] = {**bib.to_json(), "origin": chosen.target, "source_kept": kept}
        lines.append(
            _("Catalogued record {number} from {target}: {title}").format(
                number=chosen.number, target=chosen.target, title=bib.data.title
            )
        )
    return CommandResult(data, "\n".join(lines))


def run_add(ctx: CliContext) -> CommandResult:
    a = ctx.args
    base = catalog_save.lookup_title(ctx.profile, a.isbn) if a.isbn else None
    data = base.data if base else BibData()
    overrides = {
        "title": a.title,
        "author": a.author,
        "publisher": a.publisher,
        "pub_year": a.year,
        "clc_class": a.clc,
    }
    merged = BibData.from_mapping({**vars(data), **{k: v for k, v in overrides.items() if v}})
    copies = [CopyInput(b, a.shelf, a.aux) for b in a.barcode]
    # The call number is reserved before the save's transaction (no network call inside it).
    bib, added = catalog_save.save_title(
        ctx.profile,
        merged,
        base.bib_uuid if base else None,
        "union" if base and base.source == "union" else "manual",
        base.source_record if base else None,
        copies,
    )
    items = [vars(i) for i in added.items] if added else []
    text = "\n".join([bib.data.title] + [f"  {i['barcode']}  {i['call_number']}" for i in items])
    return CommandResult({**bib.to_json(), "added": items}, text)


def run_import(ctx: CliContext) -> CommandResult:
    a = ctx.args
    outcome: catalog_marc.ImportOutcome | None = None
    with ctx.profile.sessions() as s, s.begin():
        if a.preview:
            preview = catalog_marc.preview_import(s, Path(a.file), a.encoding)
        else:
            result = catalog_marc.import_file(
                s,
                ctx.profile.clock,
                Path(a.file),
                a.encoding,
                a.on_match,
                all_or_nothing=a.all_or_nothing,
            )
            preview, outcome = result.preview, result.outcome
    data = preview.to_json()
    data["committed"] = outcome is not None
    if outcome is not None:
        data.update(outcome.to_json())
    return CommandResult(data, "\n".join(import_report(a.file, preview, outcome)))


def import_report(
    file: str, preview: catalog_marc.ImportPreview, outcome: catalog_marc.ImportOutcome | None
) -> list[str]:
    encodings = ", ".join(f"{k} {v}" for k, v in sorted(preview.encodings.items()))
    lines = [
        _("{file}: {syntax}, {fmt}, encoding {encoding}").format(
            file=file, syntax=preview.syntax, fmt=preview.marc_format, encoding=encodings or "-"
        ),
        _("Sample of decoded titles (check that they read correctly):"),
        *[f"  {title}" for title in preview.sample_titles],
        _("New: {new}  Matched (ISBN + title + volume): {matched}  Rejected: {rejected}").format(
            new=preview.count("new"),
            matched=preview.count("matched"),
            rejected=preview.count("rejected"),
        ),
    ]
    for r in preview.rows:
        if r.status == "rejected":
            lines.append(
                _("  record {number} skipped: {reason}").format(number=r.number, reason=r.reason)
            )
        elif r.status == "matched":
            target = (
                _("record {other} of this file").format(other=r.matched_row)
                if r.matched_row
                else r.matched_uuid
            )
            lines.append(
                _("  record {number} matches {target} ({title})").format(
                    number=r.number, target=target, title=r.matched_title
                )
            )
    for r in preview.noted_rows:
        lines.append(
            _("  record {number} ({title}): {notes}").format(
                number=r.number, title=r.title, notes="; ".join(r.notes)
            )
        )
    if outcome is not None:
        lines.append(
            _("Imported: {created} new, {merged} merged, {skipped} skipped.").format(
                created=outcome.created, merged=outcome.merged, skipped=outcome.skipped
            )
        )
        if outcome.rejected or outcome.cleaned:
            lines.append(
                _(
                    "Attention: {rejected} record(s) were not imported and {cleaned} record(s) "
                    "had fields cleaned (listed above)."
                ).format(rejected=outcome.rejected, cleaned=outcome.cleaned)
            )
    else:
        lines.append(_("Preview only: nothing was saved."))
    return lines


def run_export(ctx: CliContext) -> CommandResult:
    a = ctx.args
    with ctx.profile.sessions() as s:
        count = catalog_marc.export_marc(
            s, ctx.profile.clock, Path(a.file), a.format, syntax=a.syntax
        )
    return CommandResult(
        {"file": a.file, "format": a.format, "syntax": a.syntax, "records": count},
        _("Wrote {count} records to {file}.").format(count=count, file=a.file),
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
    return CommandResult(vars(item), f"{item.barcode} {values.item_status(item.status)}")


def run_reindex(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        count = reindex_all(s)
    return CommandResult({"records": count}, _("Indexed {count} records.").format(count=count))
