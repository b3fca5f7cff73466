"""Answers shared by the processes of one `warta serve --workers N`: a small SQLite file.

Each server process keeps its own response cache (cache.py), so without sharing every process
computes every answer once for itself: with two processes each dyad summary and each search
was computed twice, and the first answers — a dyad summary costs 10-20 ms of CPU at 100,000
articles — queue behind each other while the caches fill. `warta serve` makes a private
temporary folder for the run (removed when it stops) and names a file in it to its workers; an
answer computed by one is written there under its (path, query, data version) key and read by
the others instead of computed again.

The file is an optimisation only: any error reading or writing it (locked, full, removed) is a
miss, and the request computes its answer as it would have. Entries are kept for the store's
data version they were computed at, exactly as in the in-process cache, so an answer is never
staler than the store. The file holds at most MAX_BYTES of bodies: the oldest go first.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ..store.sqlite import immediate_transaction

MAX_BYTES = 256 * 2**20
QUEUED = 64  # answers waiting to be written at most; more are not shared (the writer is behind)
# How long a process computing an answer holds it for the others, which look for it every
# POLL_SECONDS meanwhile; a claim older than that is taken over (its process may have died).
CLAIM_SECONDS = 2.0
POLL_SECONDS = 0.005
_SCHEMA = ("CREATE TABLE IF NOT EXISTS answers (path TEXT NOT NULL, query TEXT NOT NULL, version INTEGER NOT NULL,"
           " body BLOB NOT NULL, PRIMARY KEY (path, query))",
           "CREATE TABLE IF NOT EXISTS held (bytes INTEGER NOT NULL)",
           "CREATE TABLE IF NOT EXISTS claims (path TEXT NOT NULL, query TEXT NOT NULL, version INTEGER NOT NULL,"
           " at REAL NOT NULL, PRIMARY KEY (path, query, version))",
           "INSERT INTO held SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM held)")
Key = tuple[str, str, int]  # path, query string, data version


class SharedAnswers:
    """The answers file at `path`, one connection per thread (sqlite3 connections are not shared)."""

    def __init__(self, path: str, max_bytes: int = MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._local = threading.local()
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="warta-shared")
        self._queued = threading.BoundedSemaphore(QUEUED)
        self._create()

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            # Autocommit; the writer thread waits at most a second for another process's write (then
            # skips), a request's claim a twentieth of a second (then computes its answer itself).
            writer = threading.current_thread().name.startswith("warta-shared")
            conn = sqlite3.connect(self.path, timeout=1.0 if writer else 0.05, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA synchronous=OFF")  # a lost answer is computed again: no need to sync
            self._local.conn = conn
        return conn

    def _create(self) -> None:
        try:
            conn = self._connection()
            conn.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
            with immediate_transaction(conn):
                for statement in _SCHEMA:
                    conn.execute(statement)
        except sqlite3.Error:
            pass  # another process is creating it, or the file is unusable: every look-up misses

    def get(self, key: Key) -> bytes | None:
        """The body kept for `key`, or None (not there, kept for another version, or unreadable)."""
        try:
            row = self._connection().execute(
                "SELECT body FROM answers WHERE path = ? AND query = ? AND version = ?", key).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row else None

    def claim(self, key: Key) -> bool:
        """Take the computing of `key`'s answer for this process: False when another process took
        it less than CLAIM_SECONDS ago (its answer is coming: `wait` for it), True otherwise (and
        when the file cannot say: compute it)."""
        now = time.time()
        try:
            cur = self._connection().execute(
                "INSERT INTO claims (path, query, version, at) VALUES (?, ?, ?, ?) ON CONFLICT (path, query, version)"
                " DO UPDATE SET at = excluded.at WHERE claims.at < ?", (*key, now, now - CLAIM_SECONDS))
            return cur.rowcount == 1
        except sqlite3.Error:
            return True

    def release(self, key: Key) -> None:
        """Give a claim up (its computing failed): the next request computes the answer at once."""
        try:
            self._connection().execute("DELETE FROM claims WHERE path = ? AND query = ? AND version = ?", key)
        except sqlite3.Error:
            pass  # it lapses after CLAIM_SECONDS

    def wait(self, key: Key) -> bytes | None:
        """The answer another process claimed, once it is there (None after CLAIM_SECONDS)."""
        deadline = time.monotonic() + CLAIM_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            body = self.get(key)
            if body is not None:
                return body
        return None

    def put_later(self, key: Key, body: bytes) -> bool:
        """`put` in this process's writer thread: a request never waits for another process's
        write (the file takes one writer at a time); False when it cannot be queued (not shared)."""
        if not self._queued.acquire(blocking=False):
            return False

        def write() -> None:
            try:
                self.put(key, body)
            finally:
                self._queued.release()

        self._writer.submit(write)
        return True

    def drain(self) -> None:
        """Wait until every answer queued so far is written (or skipped)."""
        self._writer.submit(lambda: None).result()

    def put(self, key: Key, body: bytes) -> None:
        """Keep `body` for `key` (replacing what the path and query held), then drop the oldest
        answers while the file holds more than `max_bytes` of bodies."""
        if len(body) > self.max_bytes // 64:  # one huge answer must not push out hundreds
            self.release(key)
            return
        try:
            conn = self._connection()
            with immediate_transaction(conn):
                old = conn.execute("SELECT length(body) FROM answers WHERE path = ? AND query = ?", key[:2]).fetchone()
                conn.execute("INSERT OR REPLACE INTO answers (path, query, version, body) VALUES (?, ?, ?, ?)",
                             (*key, body))
                conn.execute("DELETE FROM claims WHERE path = ? AND query = ? AND version = ?", key)
                held = conn.execute("UPDATE held SET bytes = bytes + ? RETURNING bytes",
                                    (len(body) - (old[0] if old else 0),)).fetchone()[0]
                if held > self.max_bytes:
                    self._drop_oldest(conn, held - self.max_bytes)
        except sqlite3.Error:  # busy or unusable: the answer stays in this process's cache only
            self.release(key)

    @staticmethod
    def _drop_oldest(conn: sqlite3.Connection, over: int) -> None:
        """Drop answers, oldest written first (REPLACE gives a row a new rowid), until `over` bytes are gone."""
        freed = 0
        for rowid, size in conn.execute("SELECT rowid, length(body) FROM answers ORDER BY rowid").fetchall():
            if freed >= over:
                break
            conn.execute("DELETE FROM answers WHERE rowid = ?", (rowid,))
            freed += size
        conn.execute("UPDATE held SET bytes = bytes - ?", (freed,))
