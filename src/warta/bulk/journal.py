"""The journal: every input of a bulk run with its state, so a run resumes where it stopped.

An input (a file, a JSON line, a WARC record, a URL) is `pending` once dispatched, then `done`
(with the stored article's id, cluster and MinHash signature) or `failed` (quarantined with its
reason and detail). Reruns skip done and failed inputs and redo pending ones, so after a crash at
any moment nothing is lost; the store's content-hash idempotency makes the redo store nothing twice.

The journal is a few tables in a SQLite file: the store's own file when the store is SQLite (so
one file holds a whole archive), else a file of its own named by the store's identity (never the
working directory's: see `journal_for`). It also keeps HTTP validators per URL
(ETag, Last-Modified) for conditional GETs across runs.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ConfigError
from ..store.sqlite import immediate_transaction

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS bulk_runs (id INTEGER PRIMARY KEY, started REAL NOT NULL, finished REAL,
       command TEXT, state TEXT NOT NULL DEFAULT 'running', summary TEXT)""",
    """CREATE TABLE IF NOT EXISTS bulk_inputs (key TEXT PRIMARY KEY, state TEXT NOT NULL, run INTEGER,
       reason TEXT, detail TEXT, article_id TEXT, cluster TEXT, signature BLOB, updated REAL NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS bulk_inputs_state ON bulk_inputs (state, reason)",
    "CREATE INDEX IF NOT EXISTS bulk_inputs_cluster ON bulk_inputs (cluster)",
    """CREATE TABLE IF NOT EXISTS bulk_http (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
       updated REAL NOT NULL)""",
)


def _text(value: str | None) -> str | None:
    """`value` as SQLite takes it: a lone surrogate (from a file name or a JSON escape) escaped."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8") if value is not None else None


@dataclass(frozen=True, slots=True)
class Finished:
    """The outcome of one input, to be recorded."""

    key: str
    article_id: str | None = None
    cluster: str | None = None
    signature: np.ndarray | None = None
    reason: str | None = None
    detail: str | None = None


class Journal:
    """Input states, run records and HTTP validators in a SQLite file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.RLock()
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(str(Path(path).expanduser()) if path != ":memory:" else path,
                                         isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA busy_timeout = 30000")
            with self._transaction() as cur:
                for statement in _SCHEMA:
                    cur.execute(statement)
        except sqlite3.DatabaseError as error:
            raise ConfigError(path, f"cannot open the run journal ({error})") from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        with self._lock, immediate_transaction(self._conn) as cur:  # fetch threads share the connection
            yield cur

    def close(self) -> None:
        self._conn.close()

    # -- runs ------------------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        """Record a new run (an earlier run still marked running was interrupted)."""
        with self._transaction() as cur:
            cur.execute("UPDATE bulk_runs SET state = 'interrupted' WHERE state = 'running'")
            cur.execute("INSERT INTO bulk_runs (started, command) VALUES (?, ?)", (time.time(), command))
            return int(cur.lastrowid or 0)

    def finish_run(self, run: int, summary: str) -> None:
        with self._transaction() as cur:
            cur.execute("UPDATE bulk_runs SET finished = ?, state = 'finished', summary = ? WHERE id = ?",
                        (time.time(), summary, run))

    def runs(self, *, limit: int = 5) -> list[dict]:
        rows = self._conn.execute("SELECT id, started, finished, command, state, summary FROM bulk_runs"
                                  " ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(zip(("id", "started", "finished", "command", "state", "summary"), r)) for r in rows]

    # -- inputs ----------------------------------------------------------------------------
    def finished_keys(self, keys: Sequence[str], *, retry_failed: bool = False) -> set[str]:
        """Those of `keys` already done or failed (pending ones are redone; failed ones too if asked)."""
        states = "('done')" if retry_failed else "('done', 'failed')"
        found: set[str] = set()
        stored = {_text(k): k for k in keys}
        names = list(stored)
        for start in range(0, len(names), 500):  # SQLite caps the number of parameters
            chunk = names[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(stored[k] for (k,) in self._conn.execute(
                f"SELECT key FROM bulk_inputs WHERE state IN {states} AND key IN ({marks})", chunk))
        return found

    def is_finished(self, key: str) -> bool:
        return bool(self.finished_keys([key]))

    def mark_pending(self, keys: Iterable[str], run: int) -> None:
        now = time.time()
        with self._transaction() as cur:
            cur.executemany("INSERT INTO bulk_inputs (key, state, run, updated) VALUES (?, 'pending', ?, ?)"
                            " ON CONFLICT (key) DO UPDATE SET state = 'pending', run = excluded.run,"
                            " updated = excluded.updated", [(_text(k), run, now) for k in keys])

    def record(self, finished: Iterable[Finished], run: int) -> None:
        """Record outcomes in one transaction: all of a batch, or (after a crash) none of it."""
        now = time.time()
        rows = [(_text(f.key), "failed" if f.reason else "done", run, f.reason, _text(f.detail), f.article_id, f.cluster,
                 f.signature.astype(np.uint32).tobytes() if f.signature is not None else None, now) for f in finished]
        with self._transaction() as cur:
            cur.executemany("INSERT OR REPLACE INTO bulk_inputs (key, state, run, reason, detail, article_id, cluster,"
                            " signature, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def settle(self, stored: dict[str, tuple[str, str | None]]) -> int:
        """Mark failed inputs that have since been stored (input key -> article id and cluster)
        done: a failure fixed and ingested again leaves the quarantine. Returns how many settled."""
        rows = [(aid, cluster or aid, time.time(), _text(key)) for key, (aid, cluster) in stored.items()]
        with self._transaction() as cur:
            before = self._conn.total_changes
            cur.executemany("UPDATE bulk_inputs SET state = 'done', reason = NULL, detail = NULL, article_id = ?,"
                            " cluster = ?, updated = ? WHERE key = ? AND state = 'failed'", rows)
            return self._conn.total_changes - before

    def signatures(self) -> Iterator[tuple[str, str, np.ndarray]]:
        """(article id, cluster, signature) of every done input, in the order they were recorded."""
        rows = self._conn.execute("SELECT article_id, cluster, signature FROM bulk_inputs WHERE state = 'done'"
                                  " AND signature IS NOT NULL ORDER BY rowid")  # rowid grows with each (re)write
        for article_id, cluster, blob in rows:
            yield article_id, cluster, np.frombuffer(blob, dtype=np.uint32)

    def counts(self) -> dict[str, int]:
        """Inputs by state."""
        return dict(self._conn.execute("SELECT state, count(*) FROM bulk_inputs GROUP BY state").fetchall())

    def failures(self) -> dict[str, int]:
        """Quarantined inputs by reason, most frequent first."""
        rows = self._conn.execute("SELECT reason, count(*) AS n FROM bulk_inputs WHERE state = 'failed'"
                                  " GROUP BY reason ORDER BY n DESC, reason")
        return dict(rows.fetchall())

    def failed_examples(self, *, limit: int = 10) -> list[tuple[str, str, str]]:
        """A few quarantined inputs: (key, reason, detail)."""
        return self._conn.execute("SELECT key, reason, detail FROM bulk_inputs WHERE state = 'failed'"
                                  " ORDER BY updated DESC LIMIT ?", (limit,)).fetchall()

    def failed(self) -> list[tuple[str, str, str]]:
        """Every quarantined input: (key, reason, detail), the latest first."""
        return self._conn.execute("SELECT key, reason, detail FROM bulk_inputs WHERE state = 'failed'"
                                  " ORDER BY updated DESC").fetchall()

    def clusters(self) -> dict[str, int]:
        """How many articles the done inputs gave and in how many near-duplicate clusters."""
        row = self._conn.execute("SELECT count(DISTINCT article_id), count(DISTINCT cluster) FROM bulk_inputs"
                                 " WHERE state = 'done'").fetchone()
        return {"articles": row[0], "clusters": row[1]}

    def cluster_map(self) -> dict[str, str]:
        """Article id -> cluster id, for every done input."""
        return dict(self._conn.execute("SELECT article_id, cluster FROM bulk_inputs WHERE state = 'done'"
                                       " AND article_id IS NOT NULL").fetchall())

    def event_rows(self) -> list[dict]:
        """The store's events with their article's cluster and URL (when the store shares this file)."""
        tables = {name for (name,) in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"events", "articles"} <= tables:
            return []
        rows = self._conn.execute(
            "SELECT coalesce(i.cluster, e.article_id), e.article_id, a.url, e.type, e.cameo, e.actor1_code, e.actor2_code,"
            " e.day FROM events e JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN (SELECT article_id, max(cluster) AS cluster FROM bulk_inputs WHERE state = 'done'"
            " GROUP BY article_id) i ON i.article_id = e.article_id")
        names = ("cluster", "article_id", "url", "type", "cameo", "actor1", "actor2", "day")
        return [dict(zip(names, row)) for row in rows]

    # -- HTTP validators (a crawl.ValidatorCache) -----------------------------------------
    def validators(self, url: str) -> tuple[str | None, str | None]:
        with self._lock:
            row = self._conn.execute("SELECT etag, last_modified FROM bulk_http WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._transaction() as cur:
            cur.execute("INSERT OR REPLACE INTO bulk_http VALUES (?, ?, ?, ?)", (url, etag, last_modified, time.time()))
