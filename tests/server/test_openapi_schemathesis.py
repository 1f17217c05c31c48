"""Schemathesis against the server's own OpenAPI description (/openapi.json), on loopback.

The request bodies there come from the shared protocol models (shuwu_shared.protocol), so this
is an outside judge generating valid and invalid requests from what the server itself promises:
no answer may be a server error, every answer carries the X-Shuwu-Server header, every error is
the envelope, and answers conform to the documented statuses and schemas. A few examples per
operation keep it to seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests import serverproc
from tests.server.conftest import Client, backend_url, enrol


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def own_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[serverproc.ServerProcess, Client]]:
    url = backend_url(request.param, tmp_path_factory.mktemp(f"schemathesis-{request.param}"))
    proc = serverproc.ServerProcess(url, init_args=("--demo", "--demo-size", "tiny"))
    proc.start()
    yield proc, enrol(proc, "CW01")
    proc.stop()
    if url.startswith("postgresql"):
        serverproc.drop_pg_schema(url)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_keeps_its_promises(
    own_server: tuple[serverproc.ServerProcess, Client], mode: GenerationMode
) -> None:
    proc, client = own_server
    schema = schemathesis.openapi.from_url(proc.base_url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/v1/ops/push", "/v1/enrol", "/v1/changes"}
    checks = [not_a_server_error, status_code_conformance, content_type_conformance]
    if mode is GenerationMode.POSITIVE:
        checks.append(response_schema_conformance)
    tried = 0
    for operation in operations:

        @settings(
            max_examples=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            response = case.call(base_url=proc.base_url, headers=client.headers(), timeout=30)
            case.validate_response(response, checks=checks)
            headers = {k.lower(): v for k, v in response.headers.items()}
            assert headers.get("x-shuwu-server") in ("1", ["1"]), (case, response.status_code)
            if response.status_code >= 400:
                body = response.json()
                assert isinstance(body["error"], str) and isinstance(body["message"], str)

        if mode is GenerationMode.NEGATIVE and not _has_inputs(operation):
            continue  # nothing to get wrong (GET /v1/hello): no negative case exists
        try:
            run()
        except Unsatisfiable:
            # Only inputs that accept any value (an unconstrained path string): schemathesis
            # can build no invalid request for them, so there is nothing negative to try.
            if mode is GenerationMode.NEGATIVE:
                continue
            raise
        tried += 1
    assert tried >= 6
    assert client.changes(limit=1) is not None  # still serving


def _has_inputs(operation: Any) -> bool:
    return bool(operation.body or operation.query or operation.path_parameters)
