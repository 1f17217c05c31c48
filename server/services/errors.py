"""A refusal the user can act on: an English template (translated where it is shown) and values."""

from __future__ import annotations

from typing import Any


def _(text: str) -> str:
    """Marks a message for tools/i18n.py; it is translated when shown (CLI or console)."""
    return text


class ServiceError(Exception):
    def __init__(self, template: str, status: int = 400, **params: Any) -> None:
        super().__init__(template.format(**params) if params else template)
        self.template = template
        self.params = params
        self.status = status

    def translated(self, translate: Any) -> str:
        text = str(translate(self.template))
        return text.format(**self.params) if self.params else text
