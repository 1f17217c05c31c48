"""Words the console shows from data (roles, kinds, statuses, field names), listed once so
tools/i18n.py extracts them; templates translate them with ``_(value)``."""

from __future__ import annotations


def _(text: str) -> str:
    return text


NAVIGATION = (
    _("Overview"),
    _("Branches and devices"),
    _("Conflicts"),
    _("Union catalogue"),
    _("Policies"),
    _("Reports"),
    _("Staff accounts"),
)
ROLES = (_("admin"), _("supervisor"), _("readonly"))
BRANCH_KINDS = (_("county"), _("township"), _("village"))
ITEM_STATUSES = (
    _("available"),
    _("on_loan"),
    _("in_transit"),
    _("missing"),
    _("lost"),
    _("withdrawn"),
    _("damaged"),
)
EVENTS = (_("checkout"), _("checkout_parked"), _("return"), _("renew"), _("found"))
EXCEPTION_KINDS = (
    _("DOUBLE_CHECKOUT"),
    _("ORPHAN_RETURN"),
    _("POLICY_OVERRIDE_OFFLINE"),
    _("STAFF_OVERRIDE"),
    _("LOST_ITEM_FOUND"),
    _("UNKNOWN_BARCODE"),
    _("UNKNOWN_CARD"),
    _("DUE_DATE_SUSPECT"),
    _("CATALOGUE_CONFLICT"),
    _("CLOCK_SKEW"),
)
POLICY_FIELDS = (
    _("loan_days"),
    _("max_items"),
    _("max_renewals"),
    _("renew_days"),
    _("start_points"),
    _("deduct_per_item_day"),
    _("cap_per_item"),
    _("floor"),
    _("borrow_threshold"),
    _("freeze_days"),
    _("reset_points"),
    _("grace_days"),
)
INDICATORS = (
    _("Loans per resident"),
    _("Visits per resident"),
    _("Registered readers per resident"),
    _("New books per resident"),
    _("Holdings per resident"),
)
