"""Running a bulk job (what `warta ingest` calls) — bulk processing at archive scale: resumable, idempotent runs on a process pool or Dask.

`run_bulk(inputs, store=...)` is what `warta ingest` calls: inputs are paths (folders, JSONL,
WARC) and URLs (pages, RSS/Atom feeds, sitemaps, fetched politely); every input is journalled,
near-duplicates are clustered, and articles go to the store.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..crawl import Crawler, Fetcher, FetchPolicy, is_url, policy_from
from .dedup import Deduplicator
from ..errors import InputError
from ..read.files import open_regular
from ..settings import load_settings
from ..read.sources import KNOWN_SUFFIXES, iter_documents
from .engines import ENGINES, default_workers, make_engine
from .journal import Journal
from .progress import Bar
from .runner import BulkRunner, Item, RunReport

def journal_for(store: Any, journal: str | None = None) -> Journal:
    """The journal of `store`: `journal` when given, else the SQLite store's own file, else a file
    named by the store's identity in the user's data folder (never the working directory: a
    journal must not outlive its store, nor be found by another one)."""
    if journal:
        return Journal(journal)
    url = str(getattr(store, "url", ""))
    if url and "://" not in url:
        return Journal(url)  # the SQLite store's own file (or memory): one file holds the whole archive
    identity = getattr(store, "identity", None)
    if identity is None:
        return Journal(":memory:")
    return Journal(str(journal_folder() / f"{identity()}.db"))


def journal_folder() -> Path:
    """Where the journals of stores that are not SQLite files live (the `journal_dir` setting, else
    the user's data folder)."""
    folder = load_settings()["journal_dir"]
    if folder:
        return Path(folder).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("warta")) / "journals"


def iter_inputs(inputs: list[str], *, journal: Journal, settings: dict[str, Any],
                policy: FetchPolicy | None = None, retry_failed: bool = False) -> Iterator[Item]:
    """Documents from paths and URLs, in the order given; URLs already done are not fetched again."""
    crawler = Crawler(Fetcher(policy=policy or policy_from(settings), cache=journal))
    for value in inputs:
        if is_url(value):
            yield from crawler.documents([value], skip=lambda url: bool(journal.finished_keys([url], retry_failed=retry_failed)))
        else:  # absolute, so that a rerun from another folder finds the same journal keys
            path = value if value == "-" else os.path.abspath(value)
            yield from iter_documents([path], max_bytes=settings["max_input_bytes"])


def estimate_total(inputs: list[str]) -> int | None:
    """How many inputs there will be, when it is cheap to know (files and JSON lines, not WARC or URLs)."""
    total = 0
    for value in inputs:
        if is_url(value) or value == "-":
            return None
        paths = [value] if not os.path.isdir(value) else [
            os.path.join(root, name) for root, _, names in os.walk(value) for name in names
            if name.lower().endswith(KNOWN_SUFFIXES) and not name.startswith(".")]
        for path in paths:
            lower = path.lower()
            if lower.endswith((".warc", ".warc.gz")):
                return None
            total += _count_lines(path) if lower.endswith((".jsonl", ".ndjson")) else 1
    return total


def _count_lines(path: str) -> int:
    count, last = 0, b"\n"
    try:
        with open_regular(path, path, max_bytes=None) as handle:  # a FIFO or /dev/zero is not counted
            while block := handle.read(1 << 20):
                count += block.count(b"\n")
                last = block[-1:]
    except (OSError, InputError):
        return 1
    return count + (last != b"\n")


def run_bulk(inputs: list[str], *, store: Any, journal: str | None = None, settings: dict[str, Any] | None = None,
             engine: str = "processes", workers: int | None = None, scheduler: str | None = None,
             quiet: bool = False, policy: FetchPolicy | None = None,
             command: str = "ingest", retry_failed: bool = False,
             on_failure: Callable[[str], None] | None = None) -> RunReport:
    """Ingest `inputs` into `store` (a Store), resumably; returns what this run did."""
    settings = settings or load_settings()
    book = journal_for(store, journal)
    runner_engine = make_engine(engine, settings, workers=workers, scheduler=scheduler)
    try:
        with Bar(command, total=estimate_total(inputs), quiet=quiet) as bar:
            runner = BulkRunner(settings=settings, store=store, journal=book, engine=runner_engine,
                                dedup=Deduplicator(threshold=settings["dedup_threshold"]), bar=bar, command=command,
                                retry_failed=retry_failed, on_failure=on_failure)
            return runner.run(iter_inputs(inputs, journal=book, settings=settings, policy=policy,
                                              retry_failed=retry_failed))
    finally:
        runner_engine.close()
        book.close()
