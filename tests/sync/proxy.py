"""A small fault-injecting HTTP proxy of our own, for sync fault tests on loopback.

One upstream connection per request (the proxy rewrites ``Connection: close``), so each HTTP
request can be treated on its own:
- ``drop_before``: read the request, close the client socket; the server never sees it.
- ``drop_after``: forward, wait for the server's complete reply (it has committed), then close
  the client socket without a byte of the reply.
- ``duplicate``: send the request to the server twice; the client gets the second answer.
- ``rate``: bytes per second in both directions (a slow mobile link), e.g. 16 kB/s.
- ``garble``: forward, then replace the reply's body with ``garbler(body)`` (a hostile or
  damaged answer; Content-Length is corrected, the headers are the server's).
``on_request(path)`` runs before a request is forwarded (to kill the server mid-batch).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Fault:
    path_prefix: str
    mode: str  # drop_before | drop_after | duplicate
    remaining: int = 1


@dataclass
class ProxyStats:
    requests: list[str] = field(default_factory=list)
    faults_applied: list[tuple[str, str]] = field(default_factory=list)


def _recv_exact_headers(sock: socket.socket) -> tuple[bytes, bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head, rest


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _sep, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def _with_connection_close(head: bytes) -> bytes:
    lines = [
        line
        for line in head.split(b"\r\n")
        if not line.lower().startswith((b"connection:", b"keep-alive:"))
    ]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n"


class FaultProxy:
    def __init__(self, upstream_port: int, rate: float | None = None) -> None:
        self.upstream_port = upstream_port
        self.rate = rate
        self.faults: list[Fault] = []
        self.stats = ProxyStats()
        self.on_request: Callable[[str], None] | None = None
        self.garbler: Callable[[bytes], bytes] = lambda body: body[: len(body) // 2]
        self._lock = threading.Lock()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(64)
        self.port = self._server.getsockname()[1]
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add_fault(self, path_prefix: str, mode: str, times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault(path_prefix, mode, times))

    def count(self, path_prefix: str) -> int:
        with self._lock:
            return sum(1 for p in self.stats.requests if p.startswith(path_prefix))

    def close(self) -> None:
        self._stopped.set()
        self._server.close()

    # -- internals ----------------------------------------------------------------------------
    def _take_fault(self, path: str) -> str | None:
        with self._lock:
            self.stats.requests.append(path)
            for fault in self.faults:
                if fault.remaining > 0 and path.startswith(fault.path_prefix):
                    fault.remaining -= 1
                    self.stats.faults_applied.append((path, fault.mode))
                    return fault.mode
        return None

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _addr = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve_client, args=(client,), daemon=True).start()

    def _send(self, sock: socket.socket, data: bytes) -> None:
        if not self.rate:
            sock.sendall(data)
            return
        step = max(512, int(self.rate / 20))  # ~20 sends a second
        for start in range(0, len(data), step):
            sock.sendall(data[start : start + step])
            time.sleep(step / self.rate)

    def _serve_client(self, client: socket.socket) -> None:
        try:
            while True:  # keep-alive from the client: one request after another
                parsed = _recv_exact_headers(client)
                if parsed is None:
                    return
                head, rest = parsed
                length = _content_length(head)
                body = rest
                while len(body) < length:
                    chunk = client.recv(65536)
                    if not chunk:
                        return
                    body += chunk
                if self.rate:
                    time.sleep((len(head) + len(body)) / self.rate)
                request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
                path = request_line.split(" ")[1] if " " in request_line else ""
                mode = self._take_fault(path)
                if mode == "drop_before":
                    return
                if self.on_request is not None:
                    self.on_request(path)
                request = _with_connection_close(head) + body
                reply = self._forward(request)
                if mode == "duplicate":
                    reply = self._forward(request)
                if mode == "drop_after" or reply is None:
                    return
                if mode == "garble":
                    reply = self._garbled(reply)
                self._send(client, reply)
                return  # the reply says Connection: close
        except OSError:
            return
        finally:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()

    def _garbled(self, reply: bytes) -> bytes:
        head, _sep, body = reply.partition(b"\r\n\r\n")
        body = self.garbler(body)
        lines = [
            line
            for line in head.split(b"\r\n")
            if not line.lower().startswith((b"content-length:", b"transfer-encoding:"))
        ]
        lines.append(b"Content-Length: " + str(len(body)).encode("ascii"))
        return b"\r\n".join(lines) + b"\r\n\r\n" + body

    def _forward(self, request: bytes) -> bytes | None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60)
        except OSError:
            return None
        try:
            upstream.sendall(request)
            chunks = []
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks) or None
        except OSError:
            return None
        finally:
            upstream.close()
