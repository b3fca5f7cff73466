"""The time budget of one fetch: connecting, every read, every retry and the waits between them.

At the deadline every socket the fetch opened is shut down (through a duplicate of its descriptor,
so a TLS socket built on it is cut too), which ends a read blocked on a server that drips a byte at
a time or sends nothing; the fetcher then reports a timeout. Backoff waits are cut to what is left.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, Self

Connect = Callable[..., socket.socket]


class Budget:
    """A deadline `seconds` from now for one fetch; a context manager that cleans up its timer."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def remaining(self) -> float:
        """Seconds left (a small positive number once past: a socket timeout of 0 means no wait)."""
        return max(0.01, self.deadline - time.monotonic())

    def check(self, url: str) -> None:
        """Raise the fetch's timeout once the deadline has passed."""
        if self.expired or time.monotonic() >= self.deadline:
            from .fetch import FetchError

            self.expired = True
            raise FetchError(url, f"took longer than {self.seconds:g} s (retries included)", reason="timeout")

    def wait(self, url: str, seconds: float) -> float:
        """How long to wait before a retry: `seconds`, unless the budget ends sooner (then timeout)."""
        if seconds >= self.deadline - time.monotonic():
            self.expired = True
            self.check(url)
        return seconds

    def connect(self, connect: Connect) -> Connect:
        """`connect` (socket.create_connection's signature) with a timeout no longer than what is
        left, and the socket registered to be shut down at the deadline."""
        def connected(address: Any, timeout: Any = None, source_address: Any = None) -> socket.socket:
            sock = connect(address, min(self.remaining(), timeout or self.seconds), source_address)
            self._watch(sock)
            return sock
        return connected

    def _watch(self, sock: socket.socket) -> None:
        try:
            twin = socket.socket(fileno=os.dup(sock.fileno()))
        except (OSError, ValueError):  # not a real socket (a test double): the read loop's checks remain
            return
        with self._lock:
            self._sockets.append(twin)
            late = self.expired
        if late:
            _shut(twin)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
