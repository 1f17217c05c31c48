"""Enrolling this computer with the county server using a one-time code.

Enrolment and every sync check ``require_training_compatible``: a training profile never
talks to the real county server (practice loans can't reach real data), and a real branch
never syncs with a training server.
"""

from __future__ import annotations

import platform
from dataclasses import asdict, dataclass
from typing import Any

from app.device import credentials, settings, state
from app.device.transport import Transport, TransportConfig, normalise_url, not_shuwu
from app.profile import Profile
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _


@dataclass(frozen=True)
class EnrolResult:
    server_url: str
    device_id: str
    epoch: int
    branch_code: str
    branch_name: str
    credential_storage: str
    server_training: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def check_server_mode(profile_is_training: bool, hello: dict[str, Any]) -> None:
    """Refuse any sync between a training profile and a production server, and vice versa.

    ``hello`` is the server's ``GET /v1/hello`` answer; a server that does not say
    ``training: true`` is treated as production.
    """
    server_is_training = hello.get("training") is True
    if profile_is_training and not server_is_training:
        raise UserInputError(
            _(
                "This is a training profile: it never syncs with the county's real server. "
                "Ask the trainer for the classroom server's enrolment code."
            ),
            code="training_refused",
        )
    if server_is_training and not profile_is_training:
        raise UserInputError(
            _(
                "That server is a training server. A real branch never syncs with it; "
                "check the server address in the sync settings."
            ),
            code="training_server_refused",
        )


def require_training_compatible(profile_training: bool, server_training: bool) -> None:
    """Training profiles and training servers only ever talk to each other.

    Enrolment and every sync call it with the server's ``/v1/hello`` answer.
    """
    check_server_mode(profile_training, {"training": server_training})


def check_hello(hello: dict[str, Any], url: str) -> None:
    if hello.get("server") != "shuwu" or "server_time" not in hello:
        raise not_shuwu(url)


def hello(server_url: str, config: TransportConfig | None = None) -> dict[str, Any]:
    """``GET /v1/hello``: proves the URL is a Shuwu server (raises NotShuwuServer otherwise)."""
    with Transport(server_url, None, config) as transport:
        body, _s, _r = transport.request("GET", "/v1/hello", auth=False)
        check_hello(body, transport.base_url)
        return body


def enrol(
    profile: Profile,
    server_url: str,
    code: str,
    device_name: str | None = None,
    config: TransportConfig | None = None,
) -> EnrolResult:
    url = normalise_url(server_url)
    code = code.strip()
    if not code:
        raise UserInputError(
            _("Enter the enrolment code from the county library."), code="bad_code"
        )
    with profile.sessions() as session:
        training = settings.get_bool(session, settings.TRAINING_MODE)
    with Transport(url, None, config) as transport:
        info, _s, _r = transport.request("GET", "/v1/hello", auth=False)
        check_hello(info, url)
        require_training_compatible(training, info.get("training") is True)
        body = {
            "code": code,
            "device_name": (device_name or platform.node() or "shuwu")[:200],
            "client_time": profile.clock.now().isoformat(),
        }
        # A one-time code: never resend once the request may have reached the server.
        reply, _s, _r = transport.request("POST", "/v1/enrol", body, retry_after_send=False)
    branch = reply.get("branch") or {}
    branch_code = str(branch.get("code") or "")
    branch_name = str(branch.get("name") or branch_code)
    device_id = str(reply["device_id"])
    epoch = int(reply.get("epoch") or 0)
    with profile.sessions() as session, session.begin():
        previous_branch = settings.get(session, settings.BRANCH_CODE)
        stored = credentials.store_token(session, profile.home, str(reply["token"]))
        state.put(session, state.SERVER_URL, url)
        state.put(session, state.DEVICE_ID, device_id)
        state.put(session, state.EPOCH, epoch)
        state.put(session, state.TRAINING_SERVER, int(bool(info.get("training"))))
        state.delete(session, state.EPOCH_RENEW)  # a fresh device starts a fresh epoch
        if previous_branch != branch_code:
            state.put(session, state.CURSOR, 0)  # another branch sees another slice
        settings.put(session, settings.BRANCH_CODE, branch_code)
        settings.put(session, settings.BRANCH_NAME, branch_name)
    return EnrolResult(
        server_url=url,
        device_id=device_id,
        epoch=epoch,
        branch_code=branch_code,
        branch_name=branch_name,
        credential_storage=stored.storage,
        server_training=bool(info.get("training")),
    )


def set_server_url(profile: Profile, server_url: str) -> None:
    """Point an enrolled profile at the same server under a new address (e.g. the demo port)."""
    url = normalise_url(server_url)
    with profile.sessions() as session, session.begin():
        state.put(session, state.SERVER_URL, url)


def is_enrolled(profile: Profile) -> bool:
    with profile.sessions() as session:
        return bool(
            state.get(session, state.DEVICE_ID) and credentials.load_token(session, profile.home)
        )
