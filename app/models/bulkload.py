"""Secondary indexes set aside while a bulk load fills an empty table, and put back after.

Building an index once over 500,000 sorted rows is several times cheaper than updating it
row by row. The CREATE statements are kept in ``sync_state`` in the same transaction that
drops them, and ``restore_indexes`` runs when the profile opens (before migrations), so an
interrupted load never leaves the schema without them.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection

DEFERRED_INDEXES_KEY = "deferred_indexes"
_SECONDARY = (
    "SELECT name, sql FROM sqlite_master"
    " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%'"
)


def set_aside_indexes(conn: Connection, table: str) -> int:
    """Drop ``table``'s non-unique indexes, remembering them; returns how many."""
    found = [(str(n), str(s)) for n, s in conn.exec_driver_sql(_SECONDARY, (table,))]
    if not found:
        return 0
    kept = _deferred(conn)
    kept.update(dict(found))
    conn.exec_driver_sql(
        "INSERT INTO sync_state(key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (DEFERRED_INDEXES_KEY, json.dumps(kept)),
    )
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return len(found)


def restore_indexes(conn: Connection) -> int:
    """Create every index set aside and not yet back; returns how many were recreated."""
    if not conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
    ).first():
        return 0
    kept = _deferred(conn)
    for sql in kept.values():
        conn.exec_driver_sql(sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
    conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (DEFERRED_INDEXES_KEY,))
    return len(kept)


def _deferred(conn: Connection) -> dict[str, str]:
    row = conn.exec_driver_sql(
        "SELECT value FROM sync_state WHERE key = ?", (DEFERRED_INDEXES_KEY,)
    ).first()
    if row is None:
        return {}
    try:
        value = json.loads(row[0])
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}
