"""The catalogue's steps that need the county: no session is open during a network call.

Looking up an ISBN (``lookup_title``): this computer's record in a read session, closed; else
the county union catalogue with no session open.

Saving a title with its new copies (``save_title``): reserve the call number first, then one
transaction.

No network call runs inside a database transaction. A new 种 (title) takes the next 种次号
of its class from the county (``POST /v1/catalog/call-seq``, the union client's timeout), so
``save_title`` works in three steps, each with its own session or none:

1. a read session: the enrolment (``union_catalog_for``) and the checks of the record and the
   copies (``catalog.seq_to_reserve``), so a form that will be refused reserves nothing;
2. no session open: ``catalog.reserve_call_seq`` asks the county (None offline);
3. one write transaction: ``save_bib`` and ``add_copies`` with the reserved number, or the
   device's next number when offline (as before: the server files a clash).

The Catalogue screen runs both off the GUI thread (``app.ui.ops.job``); ``shuwu catalog add``
calls it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.services import catalog
from app.services.catalog import AddedCopies, BibView, CopyInput, LookupResult
from app.services.catalog_union import ExternalRecord, union_catalog_for
from shuwu_shared.bib import BibData

if TYPE_CHECKING:
    from app.profile import Profile


def lookup_title(profile: Profile, raw: str) -> LookupResult:
    """Local record → county union catalogue → empty form (``catalog.lookup_isbn``'s order),
    with the read session closed before the county is asked."""
    isbn = catalog.require_isbn(raw)
    with profile.sessions() as session:
        found = catalog.lookup_local(session, isbn)
        union = union_catalog_for(session) if found is None else None
    return found or catalog.lookup_county(union, isbn)


def save_title(
    profile: Profile,
    data: BibData,
    bib_uuid: str | None,
    source: str,
    source_record: ExternalRecord | None,
    copies: Sequence[CopyInput],
) -> tuple[BibView, AddedCopies | None]:
    """Save the record and add ``copies`` (all or nothing); see the module's steps."""
    with profile.sessions() as session:
        union = union_catalog_for(session)
        class_no = catalog.seq_to_reserve(session, data, bib_uuid, copies)
    reserved = catalog.reserve_call_seq(union, class_no) if class_no else None
    with profile.sessions() as session, session.begin():
        bib = catalog.save_bib(session, profile.clock, data, bib_uuid, source, source_record)
        added = (
            catalog.add_copies(session, profile.clock, bib.uuid, copies, reserved)
            if copies
            else None
        )
    return bib, added
