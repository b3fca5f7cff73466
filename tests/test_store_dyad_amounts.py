"""A dyad answer's amount totals say what they cover: the pair's newest amounts the answer reads,
and whether those are all of the pair's (a large pair's totals are partial, never shown as whole)."""
from __future__ import annotations

import pytest
from test_store_conformance import store  # noqa: F401 (the fixture, on both backends)
from test_store_data import english_article, indonesian_article

from warta.model import Amount
from warta.store.dyad import AMOUNTS_READ


def _many_amounts(n: int):
    """The English article (IDN-RUS events) with `n` different dollar sums, all on its first figure."""
    article = english_article()
    first = article.amounts[0]
    return article.replace(amounts=tuple(Amount(text=first.text, start=first.start, end=first.end,
                                                value=float(i + 1), unit="USD") for i in range(n)))


def test_totals_of_a_small_pair_cover_all_its_amounts(store):  # noqa: F811
    store.ingest(indonesian_article())
    store.ingest(english_article())
    amounts = store.dyad("IDN", "RUS")["amounts"]
    assert amounts["complete"] is True and amounts["totals_over"] == len(amounts["items"]) == 3


def test_totals_of_a_pair_with_more_amounts_than_read_say_they_are_partial(store):  # noqa: F811
    store.ingest(_many_amounts(AMOUNTS_READ + 5))
    amounts = store.dyad("IDN", "RUS")["amounts"]
    assert amounts["complete"] is False and amounts["totals_over"] == len(amounts["items"]) == AMOUNTS_READ
    (usd,) = [t for t in amounts["totals"] if t["unit"] == "USD"]
    assert usd["value"] == pytest.approx(sum(m["value"] for m in amounts["items"]))  # of the items read only
    assert usd["value"] < sum(range(1, AMOUNTS_READ + 6))


def test_exactly_as_many_amounts_as_read_are_complete(store):  # noqa: F811
    store.ingest(_many_amounts(AMOUNTS_READ))
    amounts = store.dyad("RUS", "IDN")["amounts"]
    assert amounts["complete"] is True and amounts["totals_over"] == AMOUNTS_READ
