"""The county's answers as errors, without the HTTP client: importing these costs nothing at
start (``requests`` loads only when a transport is made, app.device.transport)."""

from __future__ import annotations

from typing import Any

from shuwu_shared.errors import UserInputError


class DeviceRevoked(UserInputError):
    """401: the county revoked this device, or its token is unknown."""


class NotShuwuServer(UserInputError):
    """The URL answers, but not as a Shuwu county server."""


class ServerRefused(UserInputError):
    """A 4xx with the server's own explanation (bad enrolment code, oversized push...).

    ``op_index``: for a push refused as a whole because of one op, which one (0-based);
    ``detail``: the server's own message, without our framing sentence;
    ``body``: the server's whole JSON answer (a copycat 404 names the targets that failed).
    """

    def __init__(
        self,
        message: str,
        *,
        code: str = "refused",
        status: int = 400,
        op_index: int | None = None,
        detail: str = "",
        body: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.op_index = op_index
        self.detail = detail
        self.body: dict[str, Any] = body or {}
