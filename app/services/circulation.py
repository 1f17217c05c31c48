"""The desk: checkout, return, renew, overrides and undo — all offline, each one transaction.

Every scan that changes something writes its outbox op (docs/ops.md) in the same transaction,
so a loan is never saved without its op, nor an op without its loan. Refusals raise
``Refused`` (a UserInputError with a Chinese message) before anything is written; the ones real
desks need to get past (``OVERRIDABLE``) can be overridden with a reason, which is written to
the audit log and sent to the county as an ``override`` op.

通借通还: an item of another branch can be lent and returned here; on return it is marked
in transit to its home branch. A return whose loan this database does not know is still
accepted and sent with ``loan_uuid`` null for the server to reconcile.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.device.branch import branch_code
from app.models import (
    BibRecord,
    Branch,
    CirculationPolicy,
    CountyCopy,
    DeskUndo,
    Item,
    Loan,
    OutboxOp,
    Reader,
)
from app.services import audit, credit
from app.services.outbox import RecordedOp, record_op
from app.services.readers import open_loan_count, reader_by_card
from shuwu_shared import vocabulary
from shuwu_shared.clock import Clock
from shuwu_shared.domain import isbn as domain_isbn
from shuwu_shared.domain.masking import mask_name
from shuwu_shared.errors import NotFound, UserInputError
from shuwu_shared.i18n import _

# Refusals staff may override (with a reason), because real desks meet them: a blocked or
# frozen reader who settled up in person, one book over the limit for a school project, an item
# whose status is stale (found on the shelf while marked missing).
OVERRIDABLE = frozenset({"blocked", "frozen", "limit", "credit", "item_status", "renew_limit"})


class Refused(UserInputError):
    """A desk refusal. ``rule`` names it; ``overridable`` says whether staff may override."""

    def __init__(self, message: str, rule: str) -> None:
        super().__init__(message, code=f"refused_{rule}")
        self.rule = rule
        self.overridable = rule in OVERRIDABLE


@dataclass(frozen=True)
class Policy:
    reader_type: str
    loan_days: int = 30
    max_items: int = 5
    max_renewals: int = 1
    renew_days: int = 30


def policy_for(session: Session, reader_type: str) -> Policy:
    row = session.scalar(
        select(CirculationPolicy).where(CirculationPolicy.reader_type == reader_type)
    )
    if row is None:
        return Policy(reader_type=reader_type)
    return Policy(
        reader_type=row.reader_type,
        loan_days=row.loan_days,
        max_items=row.max_items,
        max_renewals=row.max_renewals,
        renew_days=row.renew_days,
    )


@dataclass(frozen=True)
class LoanView:
    loan_uuid: str
    item_uuid: str
    barcode: str
    title: str
    call_number: str | None
    reader_uuid: str
    card: str
    reader_name_masked: str
    branch: str
    checkout_at: datetime
    due_at: datetime
    returned_at: datetime | None
    renewals: int
    overdue_days: int
    override_reason: str | None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("checkout_at", "due_at", "returned_at"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        data["due_date"] = credit.local_date(self.due_at).isoformat()
        return data


@dataclass(frozen=True)
class ScanResult:
    """What one desk scan did: shown in the banner, printed by the CLI."""

    kind: str  # checkout / return / renew / undo / not_on_loan (a return that changed nothing)
    op_id: str
    message: str
    loan: LoanView | None
    barcode: str
    title: str = ""
    in_transit_to: str | None = None
    credit_delta: int = 0
    overrides: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "op_id": self.op_id,
            "message": self.message,
            "barcode": self.barcode,
            "title": self.title,
            "loan": self.loan.to_json() if self.loan else None,
            "in_transit_to": self.in_transit_to,
            "credit_delta": self.credit_delta,
            "overrides": list(self.overrides),
        }


def loan_view(session: Session, clock: Clock, loan: Loan) -> LoanView:
    item = session.get(Item, loan.item_id)
    reader = session.get(Reader, loan.reader_id)
    assert item is not None and reader is not None
    bib = session.get(BibRecord, item.bib_id)
    until = loan.returned_at or clock.now()
    return LoanView(
        loan_uuid=loan.uuid,
        item_uuid=item.uuid,
        barcode=item.barcode,
        title=bib.title if bib else "",
        call_number=item.call_number,
        reader_uuid=reader.uuid,
        card=reader.card,
        reader_name_masked=mask_name(reader.name),
        branch=loan.branch_code,
        checkout_at=loan.checkout_at,
        due_at=loan.due_at,
        returned_at=loan.returned_at,
        renewals=loan.renewals,
        overdue_days=credit.overdue_days(loan.due_at, until),
        override_reason=loan.override_reason,
    )


# --- scanning --------------------------------------------------------------------------------


def looks_like_isbn(code: str) -> bool:
    """An ISBN (the cover's EAN-13 or ISBN-10) rather than the library's item barcode."""
    return domain_isbn.is_isbn_not_barcode(code)


class CopyArriving(UserInputError):
    """A county copy known here only by its barcode: its full row is still on the way."""

    def __init__(self, message: str, copy: CountyCopy) -> None:
        super().__init__(message, code="copy_arriving")
        self.copy = copy


def item_by_barcode(session: Session, barcode: str) -> Item:
    code = barcode.strip()
    if not code:
        raise UserInputError(_("Scan or type the book's barcode."), code="barcode_required")
    item = session.scalar(select(Item).where(Item.barcode == code))
    if item is not None:
        return item
    copy = session.get(CountyCopy, code)
    if copy is not None:
        raise CopyArriving(
            _(
                "{code} belongs to {branch}. Its details are still arriving from the county "
                "library; it can be lent here once they are in (a few minutes)."
            ).format(code=code, branch=branch_name(session, copy.home_branch_code)),
            copy,
        )
    if looks_like_isbn(code):
        raise UserInputError(
            _(
                "{code} is the book's ISBN (the barcode printed on the cover), not the library's "
                "barcode. Scan the library's barcode label instead."
            ).format(code=code),
            code="isbn_not_barcode",
        )
    if session.scalar(select(Reader.id).where(Reader.card == code)) is not None:
        raise UserInputError(
            _("{code} is a reader card, not a book. Scan the book's barcode.").format(code=code),
            code="card_not_item",
        )
    raise NotFound(
        _("No book has the barcode {code}. Check the label or catalogue the book first.").format(
            code=code
        ),
        code="barcode_unknown",
    )


def _open_loan(session: Session, item_id: int) -> Loan | None:
    return session.scalar(select(Loan).where(Loan.item_id == item_id, Loan.returned_at.is_(None)))


def _check_override(reason: str | None) -> str | None:
    if reason is None:
        return None
    text = reason.strip()
    if not text:
        raise UserInputError(_("An override needs a reason."), code="override_reason")
    return text


def _record_override(
    session: Session, clock: Clock, reader: Reader, item: Item, rule: str, reason: str, staff: str
) -> None:
    payload = {
        "reader_uuid": reader.uuid,
        "item_uuid": item.uuid,
        "rule": rule,
        "reason": reason,
        "staff": staff,
    }
    audit.log(
        session,
        clock,
        "override",
        entity="loan",
        entity_uuid=item.uuid,
        detail={"rule": rule, "reason": reason, "reader_uuid": reader.uuid},
        actor=staff,
    )
    record_op(session, clock, "override", payload)


def checkout_refusals(
    session: Session,
    clock: Clock,
    reader: Reader,
    item: Item,
    *,
    rules: credit.Rules | None = None,
    policy: Policy | None = None,
) -> list[Refused]:
    """Every reason this loan would be refused, in the order staff should read them.

    Read-only: an ended freeze counts as settled (credit.summary); ``checkout`` settles it."""
    found: list[Refused] = []
    open_loan = _open_loan(session, item.id)
    if open_loan is not None:
        if open_loan.reader_id == reader.id:
            # The desk offers to renew it instead (a reader who brings a book back to keep it).
            msg = _("{code} is already on loan to this reader.").format(code=item.barcode)
            return [Refused(msg, "already_lent_to_reader")]
        else:
            msg = _(
                "{code} is still on loan to another reader here. Return it first, then lend it."
            ).format(code=item.barcode)
        return [Refused(msg, "on_loan_here")]
    if item.status == "withdrawn":
        return [
            Refused(
                _("{code} has been withdrawn and cannot be lent.").format(code=item.barcode),
                "withdrawn",
            )
        ]
    if item.status not in ("available", "in_transit") or (
        item.status == "in_transit"
        and item.current_branch_code != branch_code(session, required=False)
    ):
        found.append(
            Refused(
                _("{code} is marked “{status}” in the catalogue.").format(
                    code=item.barcode, status=vocabulary.item_status(item.status)
                ),
                "item_status",
            )
        )
    if reader.status == "blocked":
        found.append(Refused(_("This reader's card is blocked."), "blocked"))
    summary = credit.summary(session, clock, reader, rules)
    if summary.frozen_until is not None:
        found.append(
            Refused(
                _("Borrowing is frozen until {date} (credit points reached the floor).").format(
                    date=summary.frozen_until.isoformat()
                ),
                "frozen",
            )
        )
    elif summary.balance < summary.threshold:
        found.append(
            Refused(
                _("Credit points {points} are below {threshold}: borrowing is refused.").format(
                    points=summary.balance, threshold=summary.threshold
                ),
                "credit",
            )
        )
    policy = policy or policy_for(session, reader.reader_type)
    if open_loan_count(session, reader.id) >= policy.max_items:
        found.append(
            Refused(
                _("This reader already has {n} books, the most allowed.").format(
                    n=policy.max_items
                ),
                "limit",
            )
        )
    return found


def checkout(
    session: Session,
    clock: Clock,
    card: str,
    barcode: str,
    *,
    override_reason: str | None = None,
    staff: str = "staff",
) -> ScanResult:
    """Lend ``barcode`` to the reader with ``card``: loan + checkout op in this transaction."""
    reader = reader_by_card(session, card)
    item = item_by_barcode(session, barcode)
    reason = _check_override(override_reason)
    # Loaded once for the whole operation (refusals, settling, earning).
    rules = credit.load_rules(session)
    policy = policy_for(session, reader.reader_type)
    credit.settle(session, clock, reader, rules)  # an ended freeze resets before lending
    refusals = checkout_refusals(session, clock, reader, item, rules=rules, policy=policy)
    blocking = [r for r in refusals if not r.overridable or reason is None]
    if blocking:
        raise blocking[0]
    branch = branch_code(session, required=False)
    now = clock.now()
    due_at = credit.end_of_local_day(credit.local_date(now) + timedelta(days=policy.loan_days))
    loan = Loan(
        item_id=item.id,
        reader_id=reader.id,
        branch_code=branch,
        checkout_at=now,
        due_at=due_at,
        renewals=0,
        override_reason=reason if refusals else None,
    )
    session.add(loan)
    try:
        session.flush()
    except IntegrityError as exc:  # another window lent it a moment ago
        raise Refused(
            _("{code} is already on loan here.").format(code=item.barcode), "on_loan_here"
        ) from exc
    item.status = "on_loan"
    item.current_branch_code = branch
    item.updated_at = now
    for refusal in refusals:
        assert reason is not None
        _record_override(session, clock, reader, item, refusal.rule, reason, staff)
    op = record_op(
        session,
        clock,
        "checkout",
        {
            "loan_uuid": loan.uuid,
            "item_uuid": item.uuid,
            "barcode": item.barcode,
            "reader_uuid": reader.uuid,
            "card": reader.card,
            "branch": branch,
            "checkout_at": now.isoformat(),
            "due_at": due_at.isoformat(),
            "override_reason": loan.override_reason,
        },
    )
    earned = credit.on_checkout(session, clock, reader, loan, rules)
    view = loan_view(session, clock, loan)
    message = _("Lent: {title} — due {date}").format(
        title=view.title or item.barcode, date=credit.local_date(due_at).isoformat()
    )
    return ScanResult(
        kind="checkout",
        op_id=op.op_id,
        message=message,
        loan=view,
        barcode=item.barcode,
        title=view.title,
        credit_delta=earned,
        overrides=tuple(r.rule for r in refusals),
    )


def branch_name(session: Session, code: str | None) -> str:
    """The name people know a branch by; the code only when this PC has not heard of it."""
    if not code:
        return ""
    name = session.scalar(select(Branch.name).where(Branch.code == code))
    return name or code


def return_item(session: Session, clock: Clock, barcode: str) -> ScanResult:
    """Check an item in here, wherever it was lent (通借通还).

    A book this PC knows is on its own shelf (available here, no open loan) is not "returned":
    nothing is written and no op is sent, so the county never files a return that came before
    any loan (还书先于借书到达). The desk shows it in amber.
    """
    try:
        item = item_by_barcode(session, barcode)
    except CopyArriving as arriving:
        return _return_county_copy(session, clock, arriving.copy)
    branch = branch_code(session, required=False)
    now = clock.now()
    loan = _open_loan(session, item.id)
    if loan is None and item.status == "available" and item.current_branch_code == branch:
        title = _title(session, item)
        return ScanResult(
            kind="not_on_loan",
            op_id="",
            message=_("Not on loan: {title} is already on the shelf here. Nothing changed.").format(
                title=title
            ),
            loan=None,
            barcode=item.barcode,
            title=title,
        )
    in_transit_to = item.home_branch_code if item.home_branch_code != branch else None
    delta = 0
    if loan is not None:
        loan.returned_at = now
        loan.return_branch_code = branch
        reader = session.get(Reader, loan.reader_id)
        assert reader is not None
        rules = credit.load_rules(session)
        credit.settle(session, clock, reader, rules)  # an ended freeze resets first
        delta = credit.on_return(session, clock, reader, loan, now, rules)
    item.status = "in_transit" if in_transit_to else "available"
    item.current_branch_code = branch
    item.updated_at = now
    session.flush()
    op = _return_op(
        session, clock, loan.uuid if loan else None, item.uuid, item.barcode, branch, now,
        in_transit_to,
    )  # fmt: skip
    title = _title(session, item)
    return ScanResult(
        kind="return",
        op_id=op.op_id,
        message=_return_message(session, title, loan is not None, in_transit_to, delta),
        loan=loan_view(session, clock, loan) if loan else None,
        barcode=item.barcode,
        title=title,
        in_transit_to=in_transit_to,
        credit_delta=delta,
    )


def _return_county_copy(session: Session, clock: Clock, copy: CountyCopy) -> ScanResult:
    """Take back a county copy whose full row has not arrived (its loan is elsewhere): the op
    names it by barcode, and the county matches the loan."""
    branch = branch_code(session, required=False)
    now = clock.now()
    in_transit_to = copy.home_branch_code if copy.home_branch_code != branch else None
    copy.status = "in_transit" if in_transit_to else "available"
    copy.current_branch_code = branch or copy.current_branch_code
    copy.touched = True
    session.flush()
    op = _return_op(session, clock, None, None, copy.barcode, branch, now, in_transit_to)
    return ScanResult(
        kind="return",
        op_id=op.op_id,
        message=_return_message(session, copy.barcode, False, in_transit_to, 0),
        loan=None,
        barcode=copy.barcode,
        title=copy.barcode,
        in_transit_to=in_transit_to,
    )


def _return_op(
    session: Session,
    clock: Clock,
    loan_uuid: str | None,
    item_uuid: str | None,
    barcode: str,
    branch: str | None,
    now: datetime,
    in_transit_to: str | None,
) -> RecordedOp:
    payload = {
        "loan_uuid": loan_uuid,
        "item_uuid": item_uuid,
        "barcode": barcode,
        "branch": branch,
        "returned_at": now.isoformat(),
        "in_transit_to": in_transit_to,
    }
    return record_op(session, clock, "return", payload)


def _return_message(
    session: Session, title: str, loan_known: bool, in_transit_to: str | None, delta: int
) -> str:
    if loan_known:
        message = _("Returned: {title}")
    else:
        message = _("Returned: {title}. Its loan is not known here; the county will match it.")
    message = message.format(title=title)
    if in_transit_to:
        message += " " + _("Put it aside for {branch} (in transit).").format(
            branch=branch_name(session, in_transit_to)
        )
    if delta < 0:
        message += " " + _("Overdue: {points} credit points deducted.").format(points=-delta)
    return message


def _title(session: Session, item: Item) -> str:
    bib = session.get(BibRecord, item.bib_id)
    return bib.title if bib and bib.title else item.barcode


def renew(
    session: Session,
    clock: Clock,
    barcode: str,
    *,
    override_reason: str | None = None,
    staff: str = "staff",
) -> ScanResult:
    item = item_by_barcode(session, barcode)
    loan = _open_loan(session, item.id)
    if loan is None:
        raise Refused(
            _("{code} is not on loan here, so it cannot be renewed.").format(code=item.barcode),
            "not_on_loan",
        )
    reader = session.get(Reader, loan.reader_id)
    assert reader is not None
    now = clock.now()
    if credit.overdue_days(loan.due_at, now) > 0:
        raise Refused(
            _("{code} is overdue: return it (points are deducted), then lend it again.").format(
                code=item.barcode
            ),
            "renew_overdue",
        )
    reason = _check_override(override_reason)
    policy = policy_for(session, reader.reader_type)
    overridden = False
    if loan.renewals >= policy.max_renewals:
        if reason is None:
            raise Refused(
                _("{code} has been renewed {n} times, the most allowed.").format(
                    code=item.barcode, n=loan.renewals
                ),
                "renew_limit",
            )
        overridden = True
        _record_override(session, clock, reader, item, "renew_limit", reason, staff)
    # A renewal extends the current due day (续借延长), so renewing early never loses days.
    loan.due_at = credit.end_of_local_day(
        credit.local_date(loan.due_at) + timedelta(days=policy.renew_days)
    )
    loan.renewals += 1
    if overridden:
        loan.override_reason = reason
    session.flush()
    op = record_op(
        session,
        clock,
        "renew",
        {
            "loan_uuid": loan.uuid,
            "barcode": item.barcode,
            "renewed_at": now.isoformat(),
            "due_at": loan.due_at.isoformat(),
            "renewals": loan.renewals,
            "override_reason": reason if overridden else None,
        },
    )
    view = loan_view(session, clock, loan)
    return ScanResult(
        kind="renew",
        op_id=op.op_id,
        message=_("Renewed: {title} — now due {date}").format(
            title=view.title or item.barcode, date=credit.local_date(loan.due_at).isoformat()
        ),
        loan=view,
        barcode=item.barcode,
        title=view.title,
        overrides=("renew_limit",) if overridden else (),
    )


# --- undo ------------------------------------------------------------------------------------


def undo(session: Session, clock: Clock, op_id: str, reason: str) -> ScanResult:
    """Take back a desk scan with a compensating ``undo`` op; nothing is deleted."""
    text = reason.strip()
    if not text:
        raise UserInputError(_("Say why the scan is undone."), code="undo_reason")
    op = session.scalar(select(OutboxOp).where(OutboxOp.op_id == op_id))
    if op is None or op.kind not in ("checkout", "return", "renew"):
        raise UserInputError(_("There is no desk scan to undo."), code="undo_none")
    if session.scalar(select(DeskUndo.id).where(DeskUndo.undone_op_id == op_id)) is not None:
        raise UserInputError(_("That scan was already undone."), code="undo_twice")
    payload = op.payload
    loan_uuid = payload.get("loan_uuid")
    loan = (
        session.scalar(select(Loan).where(Loan.uuid == loan_uuid))
        if isinstance(loan_uuid, str)
        else None
    )
    barcode = str(payload.get("barcode"))
    item = session.scalar(select(Item).where(Item.barcode == barcode))
    copy = session.get(CountyCopy, barcode) if item is None else None
    if item is None and (copy is None or op.kind != "return"):
        raise UserInputError(_("There is no desk scan to undo."), code="undo_none")
    now = clock.now()
    if copy is not None:
        copy.status = "on_loan"  # as the county knew it before the return here
    elif item is not None and op.kind == "checkout":
        _undo_checkout(session, clock, loan, item, now)
    elif item is not None and op.kind == "return":
        _undo_return(session, clock, loan, item, payload, now)
    else:
        _undo_renew(session, op, loan)
    session.add(
        DeskUndo(undone_op_id=op_id, kind=op.kind, loan_uuid=loan_uuid, reason=text, at=now)
    )
    recorded = record_op(
        session, clock, "undo", {"undone_op_id": op_id, "kind": op.kind, "reason": text}
    )
    audit.log(
        session,
        clock,
        "undo",
        entity="loan",
        entity_uuid=loan.uuid if loan else None,
        detail={"kind": op.kind, "undone_op_id": op_id},
    )
    session.flush()
    return ScanResult(
        kind="undo",
        op_id=recorded.op_id,
        message=_("Undone: the last scan of {code}.").format(code=barcode),
        loan=loan_view(session, clock, loan) if loan else None,
        barcode=barcode,
        title=_title(session, item) if item is not None else barcode,
    )


def _undo_renew(session: Session, op: OutboxOp, loan: Loan | None) -> None:
    """Put the due day and renewal count back to what they were before this renewal."""
    payload = op.payload
    if loan is None or loan.returned_at is not None or loan.renewals != payload.get("renewals"):
        raise UserInputError(
            _("The loan has changed since that renewal; it cannot be undone."), code="undo_stale"
        )
    earlier = session.scalar(
        select(OutboxOp)
        .where(
            OutboxOp.kind.in_(("checkout", "renew")),
            OutboxOp.device_seq < op.device_seq,
            OutboxOp.payload["loan_uuid"].as_string() == loan.uuid,
        )
        .order_by(OutboxOp.device_seq.desc())
        .limit(1)
    )
    if earlier is not None:
        loan.due_at = datetime.fromisoformat(str(earlier.payload["due_at"]))
    else:  # a loan made elsewhere: step back by one renewal period
        reader = session.get(Reader, loan.reader_id)
        assert reader is not None
        days = policy_for(session, reader.reader_type).renew_days
        loan.due_at = loan.due_at - timedelta(days=days)
    loan.renewals = max(0, loan.renewals - 1)


def _undo_checkout(
    session: Session, clock: Clock, loan: Loan | None, item: Item, now: datetime
) -> None:
    if loan is None or loan.returned_at is not None:
        raise UserInputError(
            _("That loan has already been returned; return scans cannot be undone this way."),
            code="undo_stale",
        )
    loan.returned_at = now  # closed and marked void by the DeskUndo row
    loan.return_branch_code = loan.branch_code
    item.status = "available" if item.home_branch_code == loan.branch_code else "in_transit"
    item.updated_at = now
    reader = session.get(Reader, loan.reader_id)
    assert reader is not None
    credit.reverse_loan_entries(session, clock, reader, loan.uuid)


def _undo_return(
    session: Session,
    clock: Clock,
    loan: Loan | None,
    item: Item,
    payload: dict[str, Any],
    now: datetime,
) -> None:
    if loan is None:
        # The loan was unknown here: the item goes back to "on loan" as the county knows it.
        item.status = "on_loan"
        item.updated_at = now
        return
    if _open_loan(session, item.id) is not None:
        raise UserInputError(
            _("The book has been lent again since; the return cannot be undone."),
            code="undo_stale",
        )
    loan.returned_at = None
    loan.return_branch_code = None
    item.status = "on_loan"
    item.current_branch_code = loan.branch_code
    item.updated_at = now
    reader = session.get(Reader, loan.reader_id)
    assert reader is not None
    credit.reverse_loan_entries(session, clock, reader, loan.uuid)


# --- reader at the desk ----------------------------------------------------------------------


@dataclass(frozen=True)
class DeskReader:
    """The reader panel of the desk: masked name, points, limits and loans."""

    uuid: str
    card: str
    card_provisional: bool
    name_masked: str
    reader_type: str
    status: str
    points: int
    threshold: int
    frozen_until: str | None
    max_items: int
    loans: tuple[LoanView, ...]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["loans"] = [loan.to_json() for loan in self.loans]
        return data


def desk_reader(session: Session, clock: Clock, card: str) -> DeskReader:
    reader = reader_by_card(session, card)
    return desk_reader_for(session, clock, reader)


def desk_reader_for(session: Session, clock: Clock, reader: Reader) -> DeskReader:
    """What the desk shows for a reader. Read-only: it never settles or writes anything."""
    summary = credit.summary(session, clock, reader)
    loans = session.scalars(
        select(Loan)
        .where(Loan.reader_id == reader.id, Loan.returned_at.is_(None))
        .order_by(Loan.due_at)
    ).all()
    return DeskReader(
        uuid=reader.uuid,
        card=reader.card,
        card_provisional=reader.card_provisional,
        name_masked=mask_name(reader.name),
        reader_type=reader.reader_type,
        status=reader.status,
        points=summary.balance,
        threshold=summary.threshold,
        frozen_until=summary.frozen_until.isoformat() if summary.frozen_until else None,
        max_items=policy_for(session, reader.reader_type).max_items,
        loans=tuple(loan_view(session, clock, loan) for loan in loans),
    )
