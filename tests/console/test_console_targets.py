"""Copy-cataloguing targets in the console: roles, CSRF, round trip, secrecy of passwords,
form errors in the user's language, and "Test" against a real yaz-ztest and a closed port."""

from __future__ import annotations

import html
import json

from sqlalchemy import select

from server.console.models import AuditEntry
from server.copycat.models import CopycatTarget
from tests import serverproc
from tests.copycat import peers
from tests.copycat.conftest import Peers, live_peers  # noqa: F401 - the session's peers

from .conftest import Staff
from .test_console_roles import sessions

SECRET = "s3cret-天王盖地虎-Pw"


def names(db_url: str) -> list[str]:
    with sessions(db_url)() as s:
        return list(s.scalars(select(CopycatTarget.name).order_by(CopycatTarget.name)))


def add(admin: Staff, name: str, url: str, **extra: str) -> object:
    return admin.post("/console/targets", {"name": name, "url": url, "syntax": "unimarc", **extra})


def test_add_list_reorder_remove_and_the_password_stays_secret(
    console_server: serverproc.ServerProcess, staff_as
) -> None:
    admin: Staff = staff_as("admin")
    answer = admin.post(
        "/console/targets",
        {
            "name": "NLC",
            "url": "z3950://127.0.0.1:2100/UCS09",
            "syntax": "unimarc",
            "user": "county01",
            "password": SECRET,
            "priority": "5",
        },
    )
    assert answer.status_code == 303, answer.text[:500]
    page = admin.get("/console/targets").text
    assert "NLC" in page and "county01:***" in page and "z3950://127.0.0.1:2100/UCS09" in page
    assert "gb18030" in page  # the UNIMARC default
    answer = admin.post("/console/targets/NLC/priority", {"priority": "-3"})
    assert answer.status_code == 303
    with sessions(console_server.db_url)() as s:
        row = s.scalar(select(CopycatTarget).where(CopycatTarget.name == "NLC"))
        assert row is not None and row.priority == -3 and row.password == SECRET
    # A refused form keeps what was typed, except the password.
    answer = add(admin, "NLC", "z3950://h:210/db", user="u", password=SECRET)
    assert answer.status_code == 400 and "已有名为 NLC" in answer.text
    for who in ("admin", "supervisor", "readonly"):
        member = admin if who == "admin" else staff_as(who)
        for path in ("/console/targets", "/console/staff", "/console/catalogue"):
            text = member.get(path).text
            assert SECRET not in text and html.escape(SECRET) not in text, (who, path)
    with sessions(console_server.db_url)() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action.like("target.%"))))
    assert {e.action for e in entries} >= {"target.add", "target.priority"}
    assert all(SECRET not in json.dumps(e.detail, ensure_ascii=False) for e in entries)
    assert all(e.actor == "admin" for e in entries)
    assert admin.post("/console/targets/NLC/remove").status_code == 303
    assert "NLC" not in names(console_server.db_url)
    with sessions(console_server.db_url)() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "target.remove"))


def test_bad_input_is_a_form_error_in_the_users_language(
    console_server: serverproc.ServerProcess, staff_as
) -> None:
    admin: Staff = staff_as("admin")
    cases = [
        ({"url": "ftp://h/db"}, "不是"),
        ({"url": "z3950://h:99999/db"}, "不是"),
        ({"url": "z3950://u:p@h:210/db"}, "不是"),
        ({"url": "z3950://h/db", "syntax": "cnmarc"}, "unimarc"),
        ({"url": "z3950://h/db", "priority": "many"}, "-1000"),
        ({"url": "z3950://h/db", "timeout": "0"}, "0.5"),
        ({"url": "z3950://h/db", "timeout": "nan"}, "0.5"),
        ({"url": "z3950://h/db", "password": SECRET}, "用户名"),
        ({"url": "z3950://h/db", "name": "bad name!"}, "bad name!"),
    ]
    for fields, expected in cases:
        data = {"name": "X", "syntax": "unimarc", **fields}
        answer = admin.post("/console/targets", data)
        assert answer.status_code == 400, (fields, answer.status_code)
        assert 'class="error"' in answer.text and expected in answer.text, fields
        assert SECRET not in answer.text
    assert "X" not in names(console_server.db_url)
    admin.http.cookies.set("shuwu_console_lang", "en", path="/console")
    answer = admin.post("/console/targets", {"name": "X", "url": "ftp://h", "syntax": "unimarc"})
    assert answer.status_code == 400 and "is not a target address" in answer.text
    answer = admin.post("/console/targets/nope/remove")
    assert answer.status_code == 400 and "No target named nope" in answer.text
    assert admin.post("/console/targets/nope/explode").status_code == 404


def test_only_admins_change_targets(console_server: serverproc.ServerProcess, staff_as) -> None:
    admin: Staff = staff_as("admin")
    assert add(admin, "KEEP", "z3950://h:210/db").status_code == 303
    for who in ("supervisor", "readonly"):
        member: Staff = staff_as(who)
        page = member.get("/console/targets")
        assert page.status_code == 200 and "KEEP" in page.text
        assert 'action="/console/targets"' not in page.text  # no form is offered
        assert member.post("/console/targets", {"name": "Y", "url": "h:1/d"}).status_code == 403
        for action in ("remove", "priority", "test"):
            answer = member.post(f"/console/targets/KEEP/{action}", {"priority": "1"})
            assert answer.status_code == 403, (who, action)
    for path in ("/console/targets", "/console/targets/KEEP/remove"):
        assert admin.post(path, {"name": "Y"}, csrf=False).status_code == 403
    assert "KEEP" in names(console_server.db_url) and "Y" not in names(console_server.db_url)
    assert admin.post("/console/targets/KEEP/remove").status_code == 303


def test_testing_a_live_target_and_a_closed_port(
    console_server: serverproc.ServerProcess,
    staff_as,
    live_peers: Peers,  # noqa: F811 - the fixture imported above
) -> None:
    admin: Staff = staff_as("admin")
    live = f"z3950://127.0.0.1:{live_peers.ztest_port}/Default"
    closed = f"z3950://127.0.0.1:{peers.free_port()}/x"
    assert add(admin, "ztest", live, syntax="marc21").status_code == 303
    assert add(admin, "closed", closed, timeout="2").status_code == 303
    answer = admin.post("/console/targets/ztest/test")
    assert answer.status_code == 200, answer.text[:500]
    assert "ztest" in answer.text and "秒内应答" in answer.text, answer.text[-2000:]
    answer = admin.post("/console/targets/closed/test")
    assert answer.status_code == 200
    assert 'class="bad"' in answer.text and "未接受连接" in answer.text
    # The external search asks every target at once; any role may search.
    reader: Staff = staff_as("readonly")
    answer = reader.get("/console/targets/search", params={"q": "computer", "kind": "title"})
    assert answer.status_code == 200, answer.text[:500]
    assert "How to program a computer" in answer.text and "<td>ztest</td>" in answer.text
    assert 'class="bad">closed' in answer.text  # the closed port is named, not fatal
    answer = reader.get("/console/targets/search", params={"q": "x\x01", "kind": "nonsense"})
    assert answer.status_code == 200
    for name in ("ztest", "closed"):
        assert admin.post(f"/console/targets/{name}/remove").status_code == 303


def test_hostile_form_values_never_break_the_page(
    console_server: serverproc.ServerProcess, staff_as
) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    admin: Staff = staff_as("admin")
    text = st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300
    )

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        st.fixed_dictionaries(
            {
                "name": text,
                "url": text,
                "syntax": st.sampled_from(["unimarc", "marc21", ""]) | text,
                "charset": text,
                "priority": st.integers(-(10**30), 10**30).map(str) | text,
                "timeout": st.floats(allow_nan=True).map(str) | text,
                "user": text,
                "password": text,
            }
        )
    )
    def post(fields: dict[str, str]) -> None:
        answer = admin.post("/console/targets", fields)
        assert answer.status_code in (303, 400), (fields, answer.status_code)
        if answer.status_code == 400:
            assert 'class="error"' in answer.text
        if len(fields["password"].strip()) >= 8:  # long enough not to occur by chance
            assert fields["password"] not in answer.text or fields["password"] in (
                "".join(v for k, v in fields.items() if k != "password")
            )

    post()
    for name in names(console_server.db_url):
        admin.post(f"/console/targets/{name}/remove")
