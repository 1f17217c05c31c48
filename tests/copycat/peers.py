"""Real Z39.50/SRU peers on loopback for copy-cataloguing tests.

- ``yaz-ztest`` (Debian yaz): Z39.50 and SRU on one port, built-in MARC 21 dummy records.
- ``cnmarc_z3950_server.pl`` on Index Data's SimpleServer: real CNMARC records (Beijing Normal
  University, from dp2's SRU sample; see fixtures/README.md) as ISO 2709 in UTF-8 and in
  GB18030, plus a ``slow`` and a ``garbage`` database.
- a TCP server that answers anything with junk bytes (a target that is not Z39.50 at all);
- a tiny HTTP server answering every SRU request with the dp2 CNMARC SRU sample (a real
  Chinese SRU answer).
"""

from __future__ import annotations

import http.server
import shutil
import socket
import socketserver
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pymarc

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
CNMARC_XML = FIXTURES / "sample_cnmarcxml.xml"
MARC21_XML = FIXTURES / "sample_marcxml.xml"
SLOW_SECONDS = 8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"peer exited with {proc.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"peer did not listen on {port}")


def build_cnmarc_files(directory: Path) -> tuple[Path, Path]:
    """(UTF-8, GB18030) ISO 2709 files of the BNU CNMARC records. UTF-8 is written by pymarc
    (leader/09 left as the record has it); GB18030 is made by yaz-marcdump's own converter."""
    utf8 = directory / "bnu-utf8.mrc"
    gb = directory / "bnu-gb18030.mrc"
    with utf8.open("wb") as fh:
        for record in pymarc.parse_xml_to_array(str(CNMARC_XML)):
            record.to_unicode = False
            record.force_utf8 = True
            fh.write(record.as_marc())
    with gb.open("wb") as fh:
        subprocess.run(
            ["yaz-marcdump", "-f", "utf-8", "-t", "gb18030", "-i", "marc", "-o", "marc", str(utf8)],
            stdout=fh,
            check=True,
            timeout=60,
        )
    return utf8, gb


def records_of(path: Path) -> list[bytes]:
    return [chunk + b"\x1d" for chunk in path.read_bytes().split(b"\x1d") if chunk]


@contextmanager
def process(args: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[int]:
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True
    )
    try:
        _wait_port(port, proc)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def yaz_ztest() -> Iterator[int]:
    port = free_port()
    with process(["yaz-ztest", "-l", "/dev/null", f"tcp:127.0.0.1:{port}"], port):
        yield port


@contextmanager
def cnmarc_server(databases: dict[str, Path | None]) -> Iterator[int]:
    import os

    port = free_port()
    specs = [f"{name}={path or ''}" for name, path in databases.items()]
    env = {**os.environ, "SHUWU_SLOW_SECONDS": str(SLOW_SECONDS)}
    with process(["perl", str(HERE / "cnmarc_z3950_server.pl"), str(port), *specs], port, env):
        yield port


class _Junk(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        try:
            self.request.recv(4096)
            self.request.sendall(b"\xff\xfe\x00 this is not BER \x30\x80" * 50)
        except OSError:
            pass


@contextmanager
def junk_server() -> Iterator[int]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Junk)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def static_sru(body: bytes) -> Iterator[str]:
    """Every GET answers ``body`` as text/xml (a fixed SRU answer); the last path+query seen is
    kept in ``requests_seen``."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sru"
        static_sru.requests_seen = seen  # type: ignore[attr-defined]
        yield url
    finally:
        server.shutdown()
        server.server_close()


def have_peers() -> str | None:
    """Why the peers cannot run here, or None."""
    for tool in ("yaz-ztest", "yaz-marcdump", "perl"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (tools/install_system_packages.sh test)"
    probe = subprocess.run(
        ["perl", "-MNet::Z3950::SimpleServer", "-e", "1"], capture_output=True, timeout=30
    )
    if probe.returncode != 0:
        return "Net::Z3950::SimpleServer is not installed (libnet-z3950-simpleserver-perl)"
    return None
