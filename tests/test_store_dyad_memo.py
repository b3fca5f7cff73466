"""The dyad memo: records kept packed and given back as new dicts; bounded by bytes, not entries."""
from __future__ import annotations

from typing import Any

from warta.store.dyad_memo import Memo, Packed, size


def _parts(rows: int, text: str = "x") -> dict[str, Any]:
    records = [{"article_id": f"a{i}", "idx": i, "text": text * 100} for i in range(rows)]
    return {"summary": {"events_total": rows, "by_type": [("AID", rows, 7.4)]},
            "amounts": {"items": Packed(records), "totals": []}, "quotes": Packed(records[:5]),
            "sides": {"IDN": {"joko widodo"}, "USA": set()}, "sided": {}, "events": Packed(records)}


def test_packed_records_come_back_equal_and_new() -> None:
    rows = [{"a": 1, "b": "x"}, {"a": 2, "b": None}]
    packed = Packed(rows)
    first = packed.rows()
    assert first == rows
    first[0]["a"] = 99  # a caller changing its answer does not change what is kept
    assert packed.rows() == rows
    assert Packed([]).rows() == []


def test_size_grows_with_the_records() -> None:
    assert size(_parts(200)) > 2 * size(_parts(20))
    assert size(_parts(20, "x" * 10)) > size(_parts(20))


def test_memo_drops_the_least_recently_used_once_over_its_bytes() -> None:
    one = size(_parts(50))
    memo = Memo(max_bytes=3 * one)
    for key in "abc":
        memo.put(key, _parts(50))
    assert memo.get("a") is not None  # a is now the most recently used
    memo.put("d", _parts(50))
    assert memo.get("b") is None and memo.get("a") is not None and memo.get("d") is not None
    memo.put("big", _parts(500))  # larger than the budget alone: kept, the others go
    assert len(memo) == 1 and memo.get("big") is not None


def test_memo_replacing_a_key_counts_it_once() -> None:
    memo = Memo(max_bytes=10 * size(_parts(50)))
    for _ in range(20):
        memo.put("a", _parts(50))
    memo.put("b", _parts(50))
    assert len(memo) == 2
