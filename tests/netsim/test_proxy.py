"""The bad-link proxy does what the sync tests rely on: forwards exactly, paces, delays, cuts, stalls, loses answers."""

from __future__ import annotations

import os
import socket
import socketserver
import threading
import time
from collections.abc import Iterator

import pytest

from tests.netsim.proxy import LinkProxy


class _Recorder(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.received: list[bytearray] = []
        self.echo = True


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        buffer = bytearray()
        self.server.received.append(buffer)  # type: ignore[attr-defined]
        while True:
            try:
                data = self.request.recv(65536)
            except OSError:
                return
            if not data:
                return
            buffer += data
            if self.server.echo:  # type: ignore[attr-defined]
                try:
                    self.request.sendall(data)
                except OSError:
                    return


@pytest.fixture
def recorder() -> Iterator[_Recorder]:
    server = _Recorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _connect(link: LinkProxy, timeout: float = 30) -> socket.socket:
    return socket.create_connection(("127.0.0.1", link.port), timeout=timeout)


def _recv_exactly(sock: socket.socket, n: int) -> bytes:
    out = bytearray()
    while len(out) < n:
        data = sock.recv(n - len(out))
        if not data:
            break
        out += data
    return bytes(out)


def _received(recorder: _Recorder, n: int) -> bytes | None:
    """What the server's ``n``-th connection has received so far; None before its handler has started
    (the server accepts on its own thread, possibly after the proxy has already forwarded bytes)."""
    return bytes(recorder.received[n]) if len(recorder.received) > n else None


def _wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_forwards_bytes_intact_both_ways_and_counts_them(recorder: _Recorder) -> None:
    payload = os.urandom(200_000)
    with LinkProxy(recorder.server_address) as link, _connect(link) as sock:
        sock.sendall(payload)
        assert _recv_exactly(sock, len(payload)) == payload
        assert link.bytes_up == len(payload)
        assert _wait_for(lambda: link.bytes_down == len(payload))
    assert bytes(recorder.received[0]) == payload


def test_throttled_link_takes_at_least_size_over_rate(recorder: _Recorder) -> None:
    recorder.echo = False
    payload = os.urandom(16_000)
    with LinkProxy(recorder.server_address, rate_bps=256_000) as link, _connect(link) as sock:
        started = time.monotonic()
        sock.sendall(payload)
        assert _wait_for(lambda: len(_received(recorder, 0) or b"") == len(payload))
        assert time.monotonic() - started >= len(payload) * 8 / 256_000 * 0.95


def test_latency_delays_each_direction(recorder: _Recorder) -> None:
    with LinkProxy(recorder.server_address, latency=0.2) as link, _connect(link) as sock:
        started = time.monotonic()
        sock.sendall(b"ping")
        assert _recv_exactly(sock, 4) == b"ping"
        assert time.monotonic() - started >= 0.4


def test_cut_every_resets_the_connection_exactly_at_the_byte_count(recorder: _Recorder) -> None:
    recorder.echo = False
    payload = os.urandom(300_000)
    with LinkProxy(recorder.server_address, cut_every=100_000) as link, _connect(link) as sock:
        with pytest.raises(OSError):
            sock.sendall(payload)
            sock.recv(1)
        assert link.cuts == 1
        assert link.bytes_up == 100_000
        assert _wait_for(lambda: len(_received(recorder, 0) or b"") == 100_000)
        with _connect(link) as again:
            again.sendall(b"after the cut")
            assert _wait_for(lambda: _received(recorder, 1) == b"after the cut")


def test_stall_holds_bytes_without_closing_then_resume_delivers_them(recorder: _Recorder) -> None:
    with LinkProxy(recorder.server_address) as link, _connect(link) as sock:
        link.stall()
        sock.sendall(b"held")
        time.sleep(0.3)
        assert link.bytes_up == 0
        assert _wait_for(lambda: _received(recorder, 0) is not None)
        assert recorder.received == [bytearray()]
        link.resume()
        assert _recv_exactly(sock, 4) == b"held"


def test_lost_response_delivers_the_request_but_not_the_answer(recorder: _Recorder) -> None:
    with LinkProxy(recorder.server_address) as link:
        link.lose_response(rb"POST /commit ")
        with _connect(link) as sock:
            sock.sendall(b"GET /health HTTP/1.1\r\n\r\n")
            assert _recv_exactly(sock, 24) == b"GET /health HTTP/1.1\r\n\r\n"
            sock.sendall(b"POST /commit HTTP/1.1\r\n\r\n")
            assert _wait_for(lambda: (_received(recorder, 0) or b"").endswith(b"POST /commit HTTP/1.1\r\n\r\n"))
            with pytest.raises(OSError):
                if not sock.recv(100):
                    raise ConnectionResetError("closed")
        assert link.lost_responses == 1
        with _connect(link) as sock:
            sock.sendall(b"POST /commit again")
            assert _recv_exactly(sock, 18) == b"POST /commit again"


def test_answer_refuses_a_request_without_the_server_seeing_it(recorder: _Recorder) -> None:
    with LinkProxy(recorder.server_address) as link:
        link.answer(rb"PATCH /up ", 503, {"Retry-After": "3"})
        with _connect(link) as sock:
            sock.sendall(b"PATCH /up HTTP/1.1\r\n\r\n")
            reply = _recv_exactly(sock, 200)
        assert reply.startswith(b"HTTP/1.1 503 ") and b"Retry-After: 3\r\n" in reply
        assert link.answered == 1
        with _connect(link) as sock:
            sock.sendall(b"PATCH /up again")
            assert _recv_exactly(sock, 15) == b"PATCH /up again"
    assert all(b"PATCH /up HTTP/1.1" not in bytes(r) for r in recorder.received)
