"""Domain errors that carry a user-facing message in the user's language.

Services raise these; the CLI maps them to exit codes and the GUI shows them in a dialog.
The message is translated at raise time through shuwu_shared.i18n, so both surfaces agree.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_UNREACHABLE = 3


class ShuwuError(Exception):
    """Base class. ``message`` is already translated and safe to show (no personal data)."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, *, code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class UserInputError(ShuwuError):
    """Bad input from the user or a file: exit 2, nothing changed."""

    exit_code = EXIT_BAD_INPUT


class ProfileError(UserInputError):
    """The profile folder or its database cannot be used."""


class ServerUnreachable(ShuwuError):
    """The county server cannot be reached: exit 3. Offline work continues."""

    exit_code = EXIT_UNREACHABLE


class NotFound(UserInputError):
    """A barcode, card or record that does not exist."""


class NeedsConfirmation(UserInputError):
    """The service will go on only if the person says yes (GUI: a question; CLI: ``--yes``).

    ``question`` is translated and safe to show; nothing was changed when this is raised.
    """

    def __init__(self, question: str, *, code: str = "needs_confirmation") -> None:
        super().__init__(question, code=code)
        self.question = question


class DatabaseError(ShuwuError):
    """The local database refused a change (read-only file, full disk, locked); nothing saved."""


class DatabaseDamaged(ProfileError):
    """The profile database is damaged (malformed file): the message says how to recover."""
