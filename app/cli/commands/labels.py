"""``shuwu labels``: spine, barcode and combined labels (and reader cards) to PDF/TSPL/ZPL.

shuwu labels V0010001 V0010002 --out labels.pdf
shuwu labels --queue --template roll-40x30 --kind barcode --out labels.tspl --mark-printed
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.errors import UserInputError
from app.i18n import _
from app.printing.calibration import NONE, load_calibration
from app.printing.pdf import write_test_page
from app.printing.raw import send_raw
from app.printing.templates import KINDS, list_templates, load_template, refused_templates
from app.services import labels

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


def run(ctx: CliContext) -> CommandResult:
    args = ctx.args
    if args.list_templates:
        return _templates(ctx)
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
    if bool(args.queue) == bool(args.barcodes):
        raise UserInputError(_("Give item barcodes or --queue (one of the two)."))
    labels.output_format(out)  # refuse a wrong extension before any work
    kind = args.kind or template.default_kind
    with ctx.profile.sessions() as s:
        if kind == "reader":
            if args.queue:
                raise UserInputError(_("Reader cards are printed by card number, not the queue."))
            data = labels.reader_card_data(s, args.barcodes)
            entries = []
        else:
            entries = (
                labels.list_queue(s) if args.queue else labels.items_by_barcode(s, args.barcodes)
            )
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
