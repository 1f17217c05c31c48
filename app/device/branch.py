"""The branch this computer serves: the one function that answers it.

Enrolment writes the county's code and name into ``app_setting`` (``BRANCH_CODE``,
``BRANCH_NAME``). Before enrolment, circulation and reader registration still work under the
placeholder ``LOCAL`` (they ask with ``required=False``); cataloguing, shelves, stock-takes
and transfers need the county's code and get an "enrol first" message without it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import AppSetting
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

BRANCH_CODE = "branch_code"  # app_setting keys
BRANCH_NAME = "branch_name"
LOCAL_BRANCH = "LOCAL"  # a profile not yet enrolled in a county


def _setting(session: Session, key: str) -> str | None:
    row = session.get(AppSetting, key)
    return row.value if row is not None and row.value else None


def branch_code(session: Session, *, required: bool = True) -> str:
    """This computer's branch code. Before enrolment: a UserInputError telling the librarian
    to enrol first, or, with ``required=False`` (circulation, readers), ``LOCAL``."""
    code = _setting(session, BRANCH_CODE)
    if code:
        return code
    if required:
        raise UserInputError(
            _("This computer is not set up for a branch yet. Enrol it in Settings first.")
        )
    return LOCAL_BRANCH


def branch_name(session: Session) -> str | None:
    """The branch's name as the county gave it (the code when it gave none); None before
    enrolment."""
    return _setting(session, BRANCH_NAME) or _setting(session, BRANCH_CODE)
