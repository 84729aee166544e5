"""A user-space TCP proxy that behaves like the link of a commune office: slow, late, cut, stalled.

There is no netem or toxiproxy here, so the tests put this between the client and a real server on
127.0.0.1. It runs an asyncio loop in a background thread and is driven from the test thread::

    with LinkProxy(("127.0.0.1", server_port), rate_bps=256_000, latency=0.3, cut_every=100_000) as link:
        client = ProvinceClient(link.url, ...)
        ...
        assert link.bytes_up <= 2 * size + overhead

Behaviours, all changeable while it runs:

- ``rate_bps``: each direction is paced to that many bits per second (shared by all connections, as
  one physical link would be); None means unthrottled.
- ``latency``: seconds added to every byte, each direction (pipelined: it delays, it does not slow).
- ``cut_every``: after that many bytes forwarded (both directions together) the connection carrying
  the next byte is aborted, exactly at that byte; the count restarts after each cut.
- ``stall()`` / ``resume()``: stop forwarding without closing anything (a blackholed link).
- ``lose_response(pattern)``: when a request whose bytes match the regex ``pattern`` has been forwarded
  to the server, the server's answer is not delivered: the connection is cut as the first byte of the
  response arrives (the request took effect; the client never learns it).
- ``answer(pattern, status, headers)``: a request matching ``pattern`` never reaches the server; the
  proxy answers it itself and closes, as a busy reverse proxy in front of the server would (503, 429);
  with ``linger=True`` it first reads and drops the rest of the request, as nginx does after its own 413,
  so that a client which sends its whole body before reading gets to read the answer.

Counters: ``bytes_up`` (client → server), ``bytes_down``, ``cuts``, ``lost_responses``, ``connections``.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
import threading
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, TypeVar

_READ_SIZE = 16 * 1024
_SOCKET_BUFFER = 32 * 1024
_SCAN_TAIL = 256
T = TypeVar("T")


@dataclass
class _Armed:
    pattern: re.Pattern[bytes]
    times: int
    response: bytes = b""
    linger: bool = False


class _Pacer:
    """Serialises one direction of the link at ``rate_bps`` (None: as fast as the sockets go)."""

    def __init__(self) -> None:
        self.free_at = 0.0

    async def send_time(self, nbytes: int, rate_bps: int | None) -> None:
        if not rate_bps:
            return
        now = time.monotonic()
        start = max(now, self.free_at)
        self.free_at = start + nbytes * 8 / rate_bps
        await asyncio.sleep(self.free_at - now)


@dataclass(eq=False)
class _Connection:
    client: asyncio.StreamWriter
    server: asyncio.StreamWriter
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    response_doomed: bool = False
    closed: bool = False

    def abort(self, *, graceful: bool = False) -> None:
        """Reset both sides (a dropped link); ``graceful`` closes the client side normally instead."""
        if self.closed:
            return
        self.closed = True
        if graceful:
            self.client.close()
        else:
            _reset(self.client)
        _reset(self.server)
        current = asyncio.current_task()
        for task in self.tasks:
            if task is not current:
                task.cancel()


class LinkProxy:
    """A throttling, delaying, cutting, stalling TCP proxy on 127.0.0.1 (port chosen by the OS)."""

    def __init__(self, target: tuple[str, int], *, rate_bps: int | None = None, latency: float = 0.0,
                 cut_every: int | None = None) -> None:
        self.target = target
        self.rate_bps = rate_bps
        self.latency = latency
        self.cut_every = cut_every
        self.bytes_up = 0
        self.bytes_down = 0
        self.cuts = 0
        self.lost_responses = 0
        self.connections = 0
        self._since_cut = 0
        self._stalled = False
        self._armed: list[_Armed] = []
        self._answers: list[_Armed] = []
        self.answered = 0
        self._up = _Pacer()
        self._down = _Pacer()
        self._open: set[_Connection] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="link-proxy", daemon=True)
        self._server: asyncio.Server | None = None
        self.port = 0

    # --- control (called from the test thread) ---

    def start(self) -> LinkProxy:
        """Listen and start forwarding; returns self."""
        self._thread.start()
        self.port = self._call(self._listen())
        return self

    def close(self) -> None:
        """Stop listening and abort every open connection."""
        if not self._thread.is_alive():
            return
        self._call(self._shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def __enter__(self) -> LinkProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def stall(self) -> None:
        """Stop forwarding in both directions; connections stay open."""
        self._stalled = True

    def resume(self) -> None:
        """Forward again after ``stall``."""
        self._stalled = False

    def lose_response(self, pattern: bytes, times: int = 1) -> None:
        """Drop the answer to the next ``times`` requests matching regex ``pattern`` (see module doc)."""
        self._armed.append(_Armed(re.compile(pattern), times))

    def answer(self, pattern: bytes, status: int, headers: dict[str, str] | None = None, times: int = 1, *,
               linger: bool = False) -> None:
        """Answer the next ``times`` requests matching ``pattern`` with ``status`` instead of the server."""
        lines = [f"HTTP/1.1 {status} Refused", "Content-Length: 0", "Connection: close",
                 *(f"{k}: {v}" for k, v in (headers or {}).items())]
        self._answers.append(_Armed(re.compile(pattern), times, ("\r\n".join(lines) + "\r\n\r\n").encode(),
                                    linger))

    def cut_all(self) -> None:
        """Abort every open connection now."""
        self._call(self._abort_all())

    def reset_counters(self) -> None:
        """Zero the byte, cut and connection counters."""
        self.bytes_up = self.bytes_down = self.cuts = self.lost_responses = self.connections = 0
        self._since_cut = 0

    # --- the loop side ---

    def _call(self, coro: Awaitable[T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)  # type: ignore[arg-type]

    async def _listen(self) -> int:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Small kernel buffers so "sent" on the client side means roughly "on the link", as on a real modem.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _SOCKET_BUFFER)
        sock.bind(("127.0.0.1", 0))
        self._server = await asyncio.start_server(self._accept, sock=sock)
        return sock.getsockname()[1]

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        await self._abort_all()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _abort_all(self) -> None:
        for conn in list(self._open):
            conn.abort()
        self._open.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            _reset(writer)
            return
        with contextlib.suppress(OSError):
            up_writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _SOCKET_BUFFER)
        conn = _Connection(writer, up_writer)
        self._open.add(conn)
        queues: tuple[asyncio.Queue[Any], asyncio.Queue[Any]] = (asyncio.Queue(4), asyncio.Queue(4))
        conn.tasks = [asyncio.create_task(self._read(reader, queues[0], conn)),
                      asyncio.create_task(self._send(queues[0], up_writer, conn, upstream=True)),
                      asyncio.create_task(self._read(up_reader, queues[1], conn)),
                      asyncio.create_task(self._send(queues[1], writer, conn, upstream=False))]
        await asyncio.gather(*conn.tasks, return_exceptions=True)
        conn.abort()
        self._open.discard(conn)

    async def _read(self, reader: asyncio.StreamReader, queue: asyncio.Queue[Any], conn: _Connection) -> None:
        try:
            while not conn.closed:
                data = await reader.read(_READ_SIZE)
                await queue.put((time.monotonic(), data))
                if not data:
                    return
        except (OSError, asyncio.IncompleteReadError):
            conn.abort()

    async def _send(self, queue: asyncio.Queue[Any], writer: asyncio.StreamWriter, conn: _Connection, *,
                    upstream: bool) -> None:
        pacer = self._up if upstream else self._down
        tail = b""
        try:
            while not conn.closed:
                arrived, data = await queue.get()
                await asyncio.sleep(max(0.0, arrived + self.latency - time.monotonic()))
                if not data:
                    writer.close()
                    return
                if not upstream and conn.response_doomed:
                    self.lost_responses += 1
                    conn.abort()
                    return
                if upstream and (canned := _take_match(self._answers, tail, data)) is not None:
                    self.answered += 1
                    conn.client.write(canned.response)
                    with contextlib.suppress(OSError, ConnectionError):
                        await asyncio.wait_for(conn.client.drain(), 1)
                    if canned.linger:
                        await _drop_rest(queue)
                    conn.abort(graceful=True)
                    return
                for piece in _slices(data, self.rate_bps):
                    if not await self._forward(piece, writer, conn, pacer, upstream):
                        return
                if upstream:
                    if _take_match(self._armed, tail, data) is not None:
                        conn.response_doomed = True
                    tail = (tail + data)[-_SCAN_TAIL:]
        except (OSError, ConnectionError):
            conn.abort()

    async def _forward(self, piece: bytes, writer: asyncio.StreamWriter, conn: _Connection, pacer: _Pacer,
                       upstream: bool) -> bool:
        while self._stalled and not conn.closed:
            await asyncio.sleep(0.02)
        await pacer.send_time(len(piece), self.rate_bps)
        if conn.closed:
            return False
        cut = False
        if self.cut_every:
            room = self.cut_every - self._since_cut
            if len(piece) >= room:
                piece, cut = piece[:room], True
        writer.write(piece)
        self._since_cut += len(piece)
        if upstream:
            self.bytes_up += len(piece)
        else:
            self.bytes_down += len(piece)
        if cut:
            with contextlib.suppress(OSError, ConnectionError):
                await asyncio.wait_for(writer.drain(), 1)
            self._since_cut = 0
            self.cuts += 1
            conn.abort()
            return False
        await writer.drain()
        return True


async def _drop_rest(queue: asyncio.Queue[Any]) -> None:
    """Read and drop what the client still sends, until it ends or pauses for a second."""
    while True:
        try:
            _arrived, data = await asyncio.wait_for(queue.get(), 1.0)
        except TimeoutError:
            return
        if not data:
            return


def _take_match(armed: list[_Armed], tail: bytes, data: bytes) -> _Armed | None:
    """The armed entry whose pattern matches a request in ``data`` (possibly begun in ``tail``), used once."""
    window = tail + data
    for entry in armed:
        if any(m.end() > len(tail) for m in entry.pattern.finditer(window)):
            entry.times -= 1
            if entry.times <= 0:
                armed.remove(entry)
            return entry
    return None


def _slices(data: bytes, rate_bps: int | None) -> list[bytes]:
    """Pieces of about 20 ms of link time, so pacing, cuts and stalls land mid-request."""
    size = max(256, min(_READ_SIZE, (rate_bps or 0) // 8 // 50)) if rate_bps else _READ_SIZE
    return [data[i:i + size] for i in range(0, len(data), size)]


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP reset, as a dropped link looks to both ends."""
    sock = writer.get_extra_info("socket")
    with contextlib.suppress(OSError, AttributeError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    writer.transport.abort()
