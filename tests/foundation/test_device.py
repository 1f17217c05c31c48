"""app.device: one answer to "which branch is this computer", and the epoch bookkeeping."""

from __future__ import annotations

import pytest

from app.device import state
from app.device.branch import LOCAL_BRANCH, branch_code, branch_name
from app.profile import Profile
from app.services import settings
from shuwu_shared.errors import UserInputError


def test_before_enrolment_the_desk_works_as_local_and_cataloguing_asks_to_enrol(
    profile: Profile,
) -> None:
    with profile.sessions() as s:
        assert branch_code(s, required=False) == LOCAL_BRANCH
        with pytest.raises(UserInputError):
            branch_code(s)
        assert branch_name(s) is None
    with profile.sessions() as s, s.begin():
        settings.put(s, settings.BRANCH_CODE, "CW01")
    with profile.sessions() as s:
        assert branch_code(s) == branch_code(s, required=False) == "CW01"
        assert branch_name(s) == "CW01"  # no name given: the code


def test_a_restore_marks_the_epoch_and_the_server_clears_it(profile: Profile) -> None:
    with profile.sessions() as s, s.begin():
        state.put(s, state.EPOCH, 3)
        state.mark_epoch_renewal(s)
    with profile.sessions() as s, s.begin():
        assert state.epoch_renewal_pending(s)
        state.clear_epoch_renewal(s, 4)
    with profile.sessions() as s:
        assert not state.epoch_renewal_pending(s)
        assert state.get_int(s, state.EPOCH) == 4
        assert state.get(s, state.EPOCH_RENEW) is None
