"""The OpenAPI description of request bodies, from the shared protocol models.

The push, enrol, epoch and call-seq routes read their bodies themselves (the token is checked
first, and a bad op must be rejected alone, not the batch), so FastAPI cannot see their body
models; each route names its model in ``openapi_extra["x-shuwu-body"]`` and this fills it in.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from shuwu_shared.protocol import messages

BODIES: dict[str, type[BaseModel]] = {
    "PushRequest": messages.PushRequest,
    "EnrolRequest": messages.EnrolRequest,
    "EpochRequest": messages.EpochRequest,
    "CallSeqRequest": messages.CallSeqRequest,
}


def _body_schemas() -> tuple[dict[str, Any], dict[str, Any]]:
    """(model name → $ref schema, every component schema the bodies need)."""
    refs, top = models_json_schema(
        [(model, "validation") for model in BODIES.values()],
        ref_template="#/components/schemas/{model}",
    )
    by_name = {name: refs[(model, "validation")] for name, model in BODIES.items()}
    return by_name, dict(top.get("$defs", {}))


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        by_name, defs = _body_schemas()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in defs.items():
            components.setdefault(name, definition)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                name = operation.pop("x-shuwu-body", None)
                optional = operation.pop("x-shuwu-body-optional", False)
                if name is None:
                    continue
                operation["requestBody"] = {
                    "required": not optional,
                    "content": {"application/json": {"schema": by_name[name]}},
                }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
