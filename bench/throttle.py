"""A throttling TCP proxy of our own (asyncio): a village link between a PC and the server.

Each direction of each connection is a link of ``rate_bps`` bits per second with ``latency_s``
of one-way delay: bytes are serialised onto the link at the rate (the link is busy until the
last byte has left) and arrive ``latency_s`` later. Connections share nothing (a PC's sync uses
one connection at a time; the prefetching thread reuses it). Counts the bytes it carries.

    with Throttle(upstream_port, rate_bps=1_000_000, latency_s=0.3) as link:
        url = link.url
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from types import TracebackType

CHUNK = 16 * 1024


class Throttle:
    def __init__(self, upstream_port: int, rate_bps: float, latency_s: float) -> None:
        self.upstream_port = upstream_port
        self.rate_bps = rate_bps
        self.latency_s = latency_s
        self.bytes_down = 0  # server → PC
        self.bytes_up = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.AbstractServer | None = None
        self._thread = threading.Thread(target=self._run, name="throttle", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Throttle:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the throttling proxy did not start")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._connection, "127.0.0.1", 0)
        )
        self.port = int(self._server.sockets[0].getsockname()[1])
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            with contextlib.suppress(Exception):
                self._loop.run_until_complete(self._server.wait_closed())
            self._loop.close()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            self._direction(reader, up_writer, downstream=False),
            self._direction(up_reader, writer, downstream=True),
            return_exceptions=True,
        )

    async def _direction(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, downstream: bool
    ) -> None:
        """Serialise at the rate, deliver after the latency; keeps the link full (pipelined)."""
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()

        async def deliver() -> None:
            while (item := await queue.get()) is not None:
                at, data = item
                delay = at - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                sink.write(data)
                await sink.drain()

        delivering = asyncio.ensure_future(deliver())
        link_free = time.monotonic()
        try:
            while data := await source.read(CHUNK):
                if downstream:
                    self.bytes_down += len(data)
                else:
                    self.bytes_up += len(data)
                link_free = max(link_free, time.monotonic()) + len(data) * 8 / self.rate_bps
                await queue.put((link_free + self.latency_s, data))
        except (ConnectionError, OSError):
            pass
        finally:
            await queue.put(None)
            with contextlib.suppress(ConnectionError, OSError):
                await delivering
            with contextlib.suppress(ConnectionError, OSError, RuntimeError):
                sink.close()
