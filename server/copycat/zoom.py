"""Z39.50 through YAZ's ZOOM C API (Debian libyaz5), wrapped with ctypes.

The protocol (BER, Init/Search/Present, diagnostics) is all YAZ's; this module only passes
options in and raw records out. Each ``search`` opens its own connection: ZOOM connections are
not thread-safe and targets drop idle sessions anyway.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from dataclasses import dataclass

_LIB_NAMES = ("yaz", "libyaz.so.5")
_lib: ctypes.CDLL | None = None
_lib_lock = threading.Lock()
_YLOG_FATAL = 0x0001


class ZoomUnavailable(RuntimeError):
    """libyaz is not installed (Debian: apt-get install libyaz5)."""


class ZoomError(RuntimeError):
    def __init__(self, code: int, message: str, addinfo: str) -> None:
        super().__init__(f"{message} ({addinfo})" if addinfo else message)
        self.code = code
        self.message = message
        self.addinfo = addinfo


def _load() -> ctypes.CDLL:
    global _lib
    with _lib_lock:
        if _lib is not None:
            return _lib
        lib = None
        for name in _LIB_NAMES:
            path = ctypes.util.find_library(name) if "." not in name else name
            if not path:
                continue
            try:
                lib = ctypes.CDLL(path)
                break
            except OSError:
                continue
        if lib is None:
            raise ZoomUnavailable("libyaz (YAZ ZOOM) is not installed")
        p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        signatures: dict[str, tuple[object, list[object]]] = {
            "ZOOM_options_create": (p, []),
            "ZOOM_options_destroy": (None, [p]),
            "ZOOM_options_set": (None, [p, s, s]),
            "ZOOM_connection_create": (p, [p]),
            "ZOOM_connection_connect": (None, [p, s, i]),
            "ZOOM_connection_destroy": (None, [p]),
            "ZOOM_connection_error": (i, [p, ctypes.POINTER(s), ctypes.POINTER(s)]),
            "ZOOM_connection_search_pqf": (p, [p, s]),
            "ZOOM_resultset_size": (ctypes.c_size_t, [p]),
            "ZOOM_resultset_record": (p, [p, ctypes.c_size_t]),
            "ZOOM_resultset_destroy": (None, [p]),
            "ZOOM_record_get": (ctypes.c_void_p, [p, s, ctypes.POINTER(i)]),
            "ZOOM_record_error": (i, [p, ctypes.POINTER(s), ctypes.POINTER(s), ctypes.POINTER(s)]),
        }
        for fname, (restype, argtypes) in signatures.items():
            func = getattr(lib, fname)
            func.restype = restype
            func.argtypes = argtypes
        # YAZ logs protocol trouble to stderr; we report it ourselves, per target.
        lib.yaz_log_init_level.argtypes = [ctypes.c_int]
        lib.yaz_log_init_level(_YLOG_FATAL)
        _lib = lib
        return lib


def available() -> bool:
    try:
        _load()
    except ZoomUnavailable:
        return False
    return True


@dataclass(frozen=True)
class ZoomResult:
    hits: int
    records: tuple[bytes, ...]  # as the target sent them (ISO 2709 in the target's charset)


def _text(value: bytes | None) -> str:
    return value.decode("utf-8", "replace") if value else ""


def search(
    host: str,
    port: int,
    database: str,
    pqf: str,
    *,
    syntax: str,
    count: int,
    timeout: float,
    user: str | None = None,
    password: str | None = None,
    options: dict[str, str] | None = None,
) -> ZoomResult:
    """Run one PQF query; fetch the first ``count`` records. ``timeout`` bounds each wait
    (connect, init, search, present) in YAZ's event loop. Raises ZoomError."""
    lib = _load()
    opts = lib.ZOOM_options_create()
    try:

        def opt(name: str, value: str) -> None:
            lib.ZOOM_options_set(opts, name.encode(), value.encode("utf-8"))

        opt("databaseName", database)
        opt("preferredRecordSyntax", syntax)
        opt("elementSetName", "F")
        opt("timeout", str(max(1, round(timeout))))
        opt("count", str(max(0, count)))
        opt("presentChunk", str(max(1, count)))
        opt("implementationName", "Shuwu")
        if user:
            opt("user", user)
        if password:
            opt("password", password)
        for name, value in (options or {}).items():
            opt(name, value)
        conn = lib.ZOOM_connection_create(opts)
        try:
            lib.ZOOM_connection_connect(conn, host.encode("utf-8"), port)
            _raise_if_error(lib, conn)
            rs = lib.ZOOM_connection_search_pqf(conn, pqf.encode("utf-8"))
            try:
                _raise_if_error(lib, conn)
                hits = int(lib.ZOOM_resultset_size(rs))
                records: list[bytes] = []
                for pos in range(min(hits, count)):
                    rec = lib.ZOOM_resultset_record(rs, pos)
                    _raise_if_error(lib, conn)
                    if not rec:
                        break
                    length = ctypes.c_int(0)
                    buf = lib.ZOOM_record_get(rec, b"raw", ctypes.byref(length))
                    if buf and length.value > 0:
                        records.append(ctypes.string_at(buf, length.value))
                return ZoomResult(hits, tuple(records))
            finally:
                lib.ZOOM_resultset_destroy(rs)
        finally:
            lib.ZOOM_connection_destroy(conn)
    finally:
        lib.ZOOM_options_destroy(opts)


def _raise_if_error(lib: ctypes.CDLL, conn: int) -> None:
    message, addinfo = ctypes.c_char_p(), ctypes.c_char_p()
    code = int(lib.ZOOM_connection_error(conn, ctypes.byref(message), ctypes.byref(addinfo)))
    if code:
        raise ZoomError(code, _text(message.value), _text(addinfo.value))
