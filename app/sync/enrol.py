"""Moved to ``app.device.enrol`` (enrolment is device state, below the services).

Only ``app/ui`` still imports these names; they are re-exported until the widgets are
converted (another branch edits them), then this module goes.
"""

from app.device.enrol import EnrolResult, enrol, is_enrolled

__all__ = ["EnrolResult", "enrol", "is_enrolled"]
