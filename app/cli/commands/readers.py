"""``shuwu readers …``: register, edit and list readers (lists are masked)."""

from __future__ import annotations

from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.services import readers
from app.services.readers import ReaderInput
from shuwu_shared import vocabulary as values
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "readers", _("register, edit and find readers"))
    p = add_command(group, "add", _("register a reader"), run_add)
    _reader_options(p, required=True)
    p = add_command(group, "edit", _("change a reader (by card)"), run_edit)
    p.add_argument("card", help=_("reader card number"))
    _reader_options(p, required=False)
    p.add_argument("--status", choices=readers.READER_STATUSES, help=_("active or blocked"))
    p = add_command(group, "list", _("list or search readers (masked)"), run_list)
    p.add_argument("query", nargs="?", default="", help=_("card, name, pinyin or phone"))


def _reader_options(p: Any, *, required: bool) -> None:
    p.add_argument("--name", required=required, help=_("full name"))
    p.add_argument("--gender", choices=readers.GENDERS, default=None, help=_("F, M or U"))
    p.add_argument("--birth-year", type=int, default=None, help=_("year of birth"))
    p.add_argument("--age-band", choices=readers.AGE_BANDS, default=None, help=_("age band"))
    p.add_argument("--phone", default=None, help=_("phone number"))
    p.add_argument("--type", dest="reader_type", default=None, help=_("reader type"))
    p.add_argument("--card", dest="new_card", default=None, help=_("pre-printed card number"))
    p.add_argument("--home-branch", default=None, help=_("home branch code"))


def run_add(ctx: CliContext) -> CommandResult:
    a = ctx.args
    data = ReaderInput(
        name=a.name,
        gender=a.gender or "U",
        birth_year=a.birth_year,
        age_band=a.age_band,
        phone=a.phone,
        reader_type=a.reader_type or readers.DEFAULT_READER_TYPE,
        card=a.new_card,
        home_branch=a.home_branch,
    )
    profile = ctx.profile
    with profile.sessions() as session, session.begin():
        view = readers.save_reader(session, profile.clock, data)
    text = _("Registered {name}, card {card}").format(name=view.name_masked, card=view.card)
    if view.card_provisional:
        text += " " + _("(provisional until the next sync)")
    return CommandResult(data=view.to_json(masked=False), text=text)


def run_edit(ctx: CliContext) -> CommandResult:
    a = ctx.args
    profile = ctx.profile
    with profile.sessions() as session, session.begin():
        reader = readers.reader_by_card(session, a.card)
        current = readers.to_view(reader)
        data = ReaderInput(
            name=a.name if a.name is not None else current.name,
            gender=a.gender or current.gender,
            birth_year=a.birth_year if a.birth_year is not None else current.birth_year,
            age_band=a.age_band if a.age_band is not None else current.age_band,
            phone=a.phone if a.phone is not None else current.phone,
            reader_type=a.reader_type or current.reader_type,
            card=a.new_card,
            home_branch=a.home_branch,
            status=a.status or current.status,
        )
        view = readers.save_reader(session, profile.clock, data, current.uuid)
    return CommandResult(
        data=view.to_json(masked=False),
        text=_("Saved {name}, card {card}").format(name=view.name_masked, card=view.card),
    )


def run_list(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as session:
        found = readers.find_readers(session, ctx.args.query)
        types = readers.reader_type_labels(session)
    lines = [
        f"{r.card}  {r.name_masked}  {values.gender(r.gender)}  {r.phone_masked}  "
        f"{values.reader_type(r.reader_type, types)}  {values.reader_status(r.status)}"
        for r in found
    ] or [_("No readers found.")]
    return CommandResult(data={"readers": [r.to_json() for r in found]}, text="\n".join(lines))
