"""The shared protocol package: independent of both sides, complete, documented, and strict."""

from __future__ import annotations

import ast
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuwu_shared.protocol import OP_KINDS, ProtocolError, batch_problems, validate_payload
from shuwu_shared.protocol.docs import render

ROOT = Path(__file__).resolve().parents[2]


def test_shared_package_imports_neither_app_nor_server() -> None:
    offenders = []
    for path in (ROOT / "shuwu_shared").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in ("app", "server", "PySide6") for name in names):
                offenders.append(f"{path.relative_to(ROOT)}: {names}")
    assert offenders == []
    # And at run time: importing every module of it loads neither side.
    code = (
        "import importlib, pkgutil, sys, shuwu_shared\n"
        "for info in pkgutil.walk_packages(shuwu_shared.__path__, 'shuwu_shared.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('app', 'server', 'PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_kind_has_a_server_apply_function_and_back() -> None:
    from server.ops.kinds import APPLY

    assert set(APPLY) == set(OP_KINDS)


def test_docs_ops_md_is_generated_from_the_models() -> None:
    committed = (ROOT / "docs" / "ops.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/ops.md is stale: run python tools/gen_ops_doc.py"
    for kind in OP_KINDS:
        assert f"### `{kind}`" in committed


def test_openapi_describes_the_push_body_with_the_models(tmp_path: Path) -> None:
    from server.app import create_app

    schema = create_app(f"sqlite:///{tmp_path / 'x.db'}").openapi()
    body = schema["paths"]["/v1/ops/push"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PushRequest"
    }
    components = schema["components"]["schemas"]
    ops = components["PushRequest"]["properties"]["ops"]
    assert ops["maxItems"] == 500
    mapping = ops["items"]["discriminator"]["mapping"]
    assert set(mapping) == set(OP_KINDS)
    assert components["Checkout"]["properties"]["barcode"]["anyOf"][0]["maxLength"] == 32
    for path in ("/v1/enrol", "/v1/catalog/call-seq"):
        assert "requestBody" in schema["paths"][path]["post"]


def _op(kind: str, payload: Any, **extra: Any) -> dict[str, Any]:
    return {"seq": 1, "op_id": str(uuid.uuid4()), "kind": kind, "payload": payload, **extra}


BAD_TEXT = st.one_of(
    st.text(max_size=5).map(lambda s: s + "\x00"),
    st.sampled_from(["\ud800", "a\udfffb", "x\x07", "\x7f", "\x85"]),
    st.text(min_size=37, max_size=60, alphabet="ab"),
)


@settings(max_examples=60, deadline=None)
@given(field=st.sampled_from(["barcode", "card", "loan_uuid", "branch"]), bad=BAD_TEXT)
def test_hostile_text_in_a_checkout_is_refused_by_field(field: str, bad: str) -> None:
    payload = {"loan_uuid": str(uuid.uuid4()), field: bad}
    with pytest.raises(ProtocolError) as refused:
        validate_payload("checkout", payload)
    assert refused.value.code == "invalid_payload"
    assert refused.value.message.startswith(field + ":")
    problems = batch_problems([_op("checkout", payload)])
    assert problems[0][0] == "invalid_payload"


@settings(max_examples=60, deadline=None)
@given(
    value=st.one_of(
        st.integers(min_value=2**63),
        st.integers(max_value=-1),
        st.floats(allow_nan=True),
        st.text(max_size=3),
        st.booleans(),
        st.none(),
    )
)
def test_bad_numbers_are_refused(value: Any) -> None:
    problems = batch_problems([_op("visit_count", {"date": "2026-01-01", "count": value})])
    assert problems[0][0] == "invalid_payload"
    assert batch_problems([_op("visit_count", {"date": "2026-01-01", "count": 3})]) == {}


@pytest.mark.parametrize(
    ("op", "code"),
    [
        (_op("k" * 40, {}), "unknown_kind"),
        ({"seq": 1, "op_id": "x", "payload": {}}, "unknown_kind"),
        (_op(5, {}), "unknown_kind"),  # type: ignore[arg-type]
        (_op("visit_count", None), "invalid_payload"),
        (_op("visit_count", {"date": "9999-01-01", "count": 1}), "invalid_payload"),
        (_op("renew", {"due_at": "9999-12-31T00:00:00Z"}), "invalid_payload"),
        (_op("visit_count", {"date": "2026-01-01", "count": 1}, device_wall_ms=-(10**15)),
         "invalid_payload"),
        (_op("transfer_send", {"barcodes": 5}), "invalid_payload"),
        (_op("visit_count", {"date": "2026-01-01", "count": 1, "extra": 1}), "invalid_payload"),
        (_op("visit_count", {"date": "2026-01-01", "count": 1, "x": [[[[[]]]]]}),
         "invalid_payload"),
    ],
)  # fmt: skip
def test_malformed_ops(op: dict[str, Any], code: str) -> None:
    problems = batch_problems([op])
    assert problems[0][0] == code
    assert "\ud800" not in problems[0][1] and len(problems[0][1]) <= 300


def test_one_bad_op_does_not_hide_the_good_ones() -> None:
    ops = [_op("visit_count", {"date": "2026-01-01", "count": n}) for n in range(500)]
    ops[250]["payload"]["count"] = "many"
    assert set(batch_problems(ops)) == {250}


def test_what_the_client_services_build_fits_the_models() -> None:
    """Payload shapes as app/services writes them (times with offsets, nulls, lists)."""
    now = "2026-03-01T08:00:00.123456+08:00"
    samples = {
        "checkout": {
            "loan_uuid": str(uuid.uuid4()),
            "item_uuid": str(uuid.uuid4()),
            "barcode": "20170001",
            "reader_uuid": str(uuid.uuid4()),
            "card": "R0000001",
            "branch": "LC0101",
            "checkout_at": now,
            "due_at": now,
            "override_reason": None,
        },
        "return": {
            "loan_uuid": None,
            "item_uuid": str(uuid.uuid4()),
            "barcode": "20170001",
            "branch": "LC0101",
            "returned_at": now,
            "in_transit_to": None,
        },
        "stocktake_result": {
            "stocktake_uuid": str(uuid.uuid4()),
            "branch": "LC0101",
            "missing": ["20170001"],
            "found_elsewhere": [],
            "on_loan_found": [],
            "finished_at": now,
        },
        "undo": {"undone_op_id": str(uuid.uuid4()), "kind": "checkout", "reason": "扫错了"},
        "activity": {
            "activity_uuid": str(uuid.uuid4()),
            "branch": "LC0101",
            "date": "2026-03-01",
            "kind": "children",
            "title": "亲子阅读\n第二期",
            "attendance": 12,
            "note": None,
        },
    }
    for kind, payload in samples.items():
        validate_payload(kind, payload)
