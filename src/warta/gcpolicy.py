"""Python's cyclic garbage collector while a process loads what it will keep.

The first input a process reads makes it load spaCy, the parsers, the compiled lexicons, the
knowledge base and the CLDR tables: millions of objects that live as long as the process. The
collector, run after every 700 new objects, walks them again and again while they load (on one
English page, 278 collections and a sixth of the CPU time of `warta extract`), and once more when
the process exits. While the first input runs, collections are made rare; once it is done, what
has been loaded is frozen (`gc.freeze`: kept out of every later collection, the one at exit too,
as it will never be garbage) and the usual thresholds come back for the rest of the batch.

A bulk worker, which reads article after article for hours, collects after every
`RUNNING_THRESHOLD` new objects instead of 700 (`for_long_runs`): an article makes hundreds of
thousands of objects, nearly all freed by their reference counts, and the caches that grow while
new words come in (lexemes, lemmas, trigger candidates) were walked by a full collection every few
pages (six to ten of 70-150 ms on 181 pages: 5-8% of a worker's time). Garbage in cycles is still
collected, a little later.

A server process (`warta serve`) freezes what it loaded before listening and collects after every
`SERVING_THRESHOLD` new objects (`for_serving`): a request makes thousands of rows and dicts,
nearly all freed by their reference counts, and the memo of dyad summaries holds hundreds of
thousands; at the default thresholds the collector took 5% of a server's CPU under the load test
of 100,000 articles, in full collections of up to 67 ms that stop every request of the process
(the interpreter lock is held throughout), against 0.3% without one at 50,000.
"""
from __future__ import annotations

import gc

# New objects between two collections while loading (Python's default: 700). Nearly none of what
# loads is garbage, so a collection then only walks objects to keep: one in a million allocations
# is a safety net, not a cost (50,000 still cost three collections of 15-20 ms each).
LOADING_THRESHOLD = 1_000_000
RUNNING_THRESHOLD = 20_000  # ... and while a long run reads article after article
SERVING_THRESHOLD = 50_000  # ... and while a server answers request after request


def for_serving() -> None:
    """Freeze what the process holds now (loaded before serving), then collect after every
    SERVING_THRESHOLD new objects (at least; the other thresholds kept)."""
    gc.freeze()
    first, *rest = gc.get_threshold()
    gc.set_threshold(max(first, SERVING_THRESHOLD), *rest)


def for_long_runs() -> None:
    """Collect after every RUNNING_THRESHOLD new objects (at least; the other thresholds kept)."""
    first, *rest = gc.get_threshold()
    gc.set_threshold(max(first, RUNNING_THRESHOLD), *rest)


class LoadingPhase:
    """Rare collections from `start()` until `settle()`, which freezes what was loaded."""

    def __init__(self) -> None:
        self.saved = gc.get_threshold()
        self.settled = True

    def start(self) -> LoadingPhase:
        """Make collections rare (until `settle`)."""
        gc.set_threshold(max(LOADING_THRESHOLD, self.saved[0]), *self.saved[1:])
        self.settled = False
        return self

    def settle(self) -> None:
        """Freeze the objects alive now and restore the thresholds (once; later calls do nothing)."""
        if self.settled:
            return
        gc.freeze()
        gc.set_threshold(*self.saved)
        self.settled = True
