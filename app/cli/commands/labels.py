"""``shuwu labels``: spine, barcode and combined labels (and reader cards) to PDF/TSPL/ZPL.

shuwu labels V0010001 V0010002 --out labels.pdf
shuwu labels --queue --template roll-40x30 --kind barcode --out labels.tspl --mark-printed
shuwu labels --from V0010001 --to V0010050 --out run.pdf       (also --class, --shelf, dates)
shuwu labels --failed V0010002 V0010007                         (these came out wrong)
shuwu labels --reprint-failed --out again.pdf --mark-printed     (补缺打印)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.printing.calibration import NONE, load_calibration
from app.printing.pdf import write_test_page
from app.printing.raw import send_raw
from app.printing.templates import KINDS, list_templates, load_template, refused_templates
from app.services import labels
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

DEFAULT_TEMPLATE = "a4-5x10-40x29.5"


def register(subparsers: Any) -> None:
    p = add_command(
        subparsers, "labels", _("print spine and barcode labels (PDF, TSPL or ZPL)"), run
    )
    p.add_argument("barcodes", nargs="*", metavar="BARCODE", help=_("item barcodes"))
    p.add_argument("--queue", action="store_true", help=_("every copy waiting in the queue"))
    p.add_argument("--template", default=DEFAULT_TEMPLATE, help=_("template name"))
    p.add_argument("--kind", choices=KINDS, help=_("label kind (default: the template's)"))
    p.add_argument("--out", help=_("output file: .pdf, .tspl or .zpl"))
    p.add_argument("--printer", default="", help=_("printer name: its calibration is used"))
    p.add_argument("--send", action="store_true", help=_("send the file to --printer"))
    p.add_argument(
        "--start", type=int, default=1, help=_("first free position on a part-used sheet")
    )
    p.add_argument("--mark-printed", action="store_true", help=_("mark the queued labels printed"))
    p.add_argument("--from", dest="barcode_from", help=_("choose copies: first barcode"))
    p.add_argument("--to", dest="barcode_to", help=_("choose copies: last barcode"))
    p.add_argument("--class", dest="class_prefix", help=_("choose copies: call number prefix"))
    p.add_argument("--shelf", help=_("choose copies: shelf code"))
    p.add_argument(
        "--catalogued-from",
        type=date.fromisoformat,
        help=_("choose copies: from date (YYYY-MM-DD)"),
    )
    p.add_argument(
        "--catalogued-to", type=date.fromisoformat, help=_("choose copies: to date (YYYY-MM-DD)")
    )
    p.add_argument(
        "--failed", action="store_true", help=_("record these barcodes' labels as badly printed")
    )
    p.add_argument(
        "--reprint-failed", action="store_true", help=_("the badly printed labels (补缺打印)")
    )
    p.add_argument("--list-templates", action="store_true", help=_("list the templates"))
    p.add_argument("--test-page", action="store_true", help=_("write a calibration test page"))


def _templates(ctx: CliContext) -> CommandResult:
    found = list_templates(ctx.profile.home)
    refused = refused_templates(ctx.profile.home)
    lines = [f"{t.name}\t{t.describe()}" for t in found]
    lines += [r.reason for r in refused]
    return CommandResult(
        {
            "templates": [t.to_json() | {"user": t.user} for t in found],
            "refused": [{"file": r.file, "reason": r.reason} for r in refused],
        },
        "\n".join(lines),
        exit_code=2 if refused else 0,
    )


def _selection(args: Any) -> labels.LabelSelection:
    return labels.LabelSelection(
        barcode_from=args.barcode_from,
        barcode_to=args.barcode_to,
        class_prefix=args.class_prefix,
        catalogued_from=args.catalogued_from,
        catalogued_to=args.catalogued_to,
        shelf=args.shelf,
    )


def _record_failed(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        entries = labels.items_by_barcode(s, ctx.args.barcodes)
        n = labels.record_failed(s, ctx.profile.clock, [e.item_uuid for e in entries])
    return CommandResult(
        {"failed": n, "barcodes": [e.barcode for e in entries]},
        _("{n} labels wait to be printed again (补缺打印).").format(n=n),
    )


def run(ctx: CliContext) -> CommandResult:
    args = ctx.args
    if args.list_templates:
        return _templates(ctx)
    if args.failed:
        if not args.barcodes:
            raise UserInputError(_("Give the barcodes whose labels came out wrong."))
        return _record_failed(ctx)
    if not args.out:
        raise UserInputError(_("Say where to save the labels with --out FILE.pdf|.tspl|.zpl."))
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():  # a mistyped path never creates folders
        raise UserInputError(
            _("The folder {path} does not exist. Choose an existing folder.").format(
                path=out.parent
            ),
            code="no_folder",
        )
    home = ctx.profile.home
    template = load_template(args.template, home)
    cal = load_calibration(home, args.printer) if args.printer else NONE
    if args.test_page:
        if out.suffix.lower() != ".pdf":
            raise UserInputError(_("The test page is a PDF: use --out FILE.pdf."))
        write_test_page(template, out, cal)
        return CommandResult({"path": str(out)}, _("Test page written to {path}.").format(path=out))
    selection = _selection(args)
    sources = [bool(args.queue), bool(args.barcodes), not selection.is_empty(), args.reprint_failed]
    if sum(sources) != 1:
        raise UserInputError(
            _(
                "Give item barcodes, --queue, --reprint-failed or a choice (--from/--to, --class, "
                "--shelf, --catalogued-from/--catalogued-to): one of them."
            )
        )
    labels.output_format(out)  # refuse a wrong extension before any work
    kind = args.kind or template.default_kind
    with ctx.profile.sessions() as s:
        if kind == "reader":
            if not args.barcodes:
                raise UserInputError(_("Reader cards are printed by card number, not the queue."))
            data = labels.reader_card_data(s, args.barcodes)
            entries = []
        else:
            if args.queue:
                entries = labels.list_queue(s)
            elif args.reprint_failed:
                entries = labels.failed_queue(s)
            elif args.barcodes:
                entries = labels.items_by_barcode(s, args.barcodes)
            else:
                entries = labels.select_copies(s, selection)
            data = labels.label_data(s, entries)
    if not data:
        raise UserInputError(_("There are no labels to print."))
    layouts = labels.build_layouts(data, kind, template)
    result = labels.write_output(layouts, template, out, calibration=cal, skip=args.start - 1)
    marked = 0
    if args.mark_printed and entries:
        with ctx.profile.sessions() as s, s.begin():
            marked = labels.mark_printed(s, ctx.profile.clock, [e.item_uuid for e in entries])
    text = _("{n} labels written to {path} ({pages} pages).").format(
        n=result.labels, path=out, pages=result.pages
    )
    if args.send:
        if not args.printer:
            raise UserInputError(_("Say which printer with --printer NAME."))
        send_raw(out, args.printer)
        text += "\n" + _("Sent to printer {printer}.").format(printer=args.printer)
    if marked:
        text += "\n" + _("{n} queued labels marked printed.").format(n=marked)
    data_out = {
        "path": result.path,
        "format": result.format,
        "labels": result.labels,
        "pages": result.pages,
        "marked_printed": marked,
        "template": template.name,
        "kind": kind,
    }
    return CommandResult(data_out, text)
