"""The dyad summaries a store keeps computed: the last ones asked for, within a budget of bytes.

An entry is a whole answer, but for its orientation: the groups of the summary, 200 amounts,
40 quotes and 100 events of the pair (and the names on its sides), 0.5-0.8 MB as Python dicts
at 100,000 articles, most of it the dicts' own tables. The records are kept packed (their keys
once, each record a tuple of values: about half the bytes), and the memo is bounded by an
estimate of its bytes rather than by a count, so small answers are not pushed out by a count
set for the largest, nor many large ones kept past the budget.
"""
from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from typing import Any

MEMO_BYTES = 64 * 2**20  # per store object, so per server process: 100-150 pairs at 100,000 articles
_GROUP = 120  # bytes of one group (value, n, Goldstein sum): the tuple, a short string, a float


class Packed:
    """Records (dicts with the same keys, as one query gives them) kept as their keys and a tuple per record."""

    __slots__ = ("keys", "values")

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.keys: tuple[str, ...] = tuple(rows[0]) if rows else ()
        self.values = [tuple(r.values()) for r in rows]

    def rows(self) -> list[dict[str, Any]]:
        """The records again, as new dicts (the caller may change them)."""
        keys = self.keys
        return [dict(zip(keys, v)) for v in self.values]

    def size(self) -> int:
        """Estimated bytes: the first record's measured for every record."""
        if not self.values:
            return 64
        first = sys.getsizeof(self.values[0]) + sum(sys.getsizeof(v) for v in self.values[0])
        return 64 + len(self.values) * (first + 8)


def size(parts: dict[str, Any]) -> int:
    """Estimated bytes of a dyad's parts (packed records, groups, the sides' names)."""
    total = sum(p.size() for p in (parts["amounts"]["items"], parts["quotes"], parts["events"]))
    total += _GROUP * sum(len(v) for v in parts["summary"].values() if isinstance(v, list))
    total += sum(sys.getsizeof(name) + 8 for names in parts["sides"].values() for name in names)
    return total + 4096  # the dicts holding them, the totals, the key


class Memo:
    """The last dyad summaries asked for, within MEMO_BYTES; shared by the API's threads."""

    def __init__(self, max_bytes: int = MEMO_BYTES) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._items: OrderedDict[Any, tuple[dict[str, Any], int]] = OrderedDict()
        self._bytes = 0

    def get(self, key: Any) -> dict[str, Any] | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Any, value: dict[str, Any]) -> None:
        cost = size(value)
        with self._lock:
            old = self._items.pop(key, None)
            self._bytes += cost - (old[1] if old else 0)
            self._items[key] = (value, cost)
            while self._bytes > self.max_bytes and len(self._items) > 1:
                self._bytes -= self._items.popitem(last=False)[1][1]

    def __len__(self) -> int:
        return len(self._items)
