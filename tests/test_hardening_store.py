"""The store's country summaries read from event totals computed once per store version: an actor's
partners and types and the overview's dyads agree with the events, a write is seen at
once, and a country code means that country (not every name holding its three letters)."""
from __future__ import annotations

from pathlib import Path

from warta.model import Actor, Article, Event, Evidence
from warta.store import open_store

IDN, IND, RUS = Actor("Indonesia", "IDN", "IDNGOV"), Actor("India", "IND", "INDGOV"), Actor("Russia", "RUS", "RUSGOV")
INDONESIAN_MINISTER = Actor("Menteri Indonesia", None, None)  # a name holding "ind", no country


TYPES = [("CONSULT", "040"), ("AGREE", "057"), ("AID", "071"), ("THREATEN", "130"), ("COOPERATE", "061")]


def _article(i: int, pairs: list[tuple[Actor, Actor]]) -> Article:
    """Events of distinct types (the store counts one event once: equal events of an article merge)."""
    sentences = [f"Sentence {k} of article {i} about a meeting." for k in range(len(pairs))]
    text = " ".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:k]) for k in range(len(pairs))]
    events = tuple(Event(type=TYPES[k][0], cameo=TYPES[k][1], actor1=a, actor2=b, goldstein=1.0,
                         evidence=Evidence(sentences[k], starts[k], starts[k] + len(sentences[k]), "met"))
                   for k, (a, b) in enumerate(pairs))
    return Article(source=f"t/{i}", url=f"https://totals.example/{i}", text=text, language="en",
                   published="2025-06-01", events=events)


def test_country_summaries_come_from_totals_kept_per_version(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "w.db")) as store:
        store.ingest(_article(1, [(IDN, RUS), (IDN, RUS), (RUS, IDN), (IND, RUS)]))
        store.ingest(_article(2, [(INDONESIAN_MINISTER, RUS), (IDN, IND)]))
        rus = store.actor("RUS")
        assert [(p["partner"], p["n"]) for p in rus["partners"]] == [("IDN", 3), (None, 1), ("IND", 1)]
        india = store.actor("IND")
        assert [(p["partner"], p["n"]) for p in india["partners"]] == [("IDN", 1), ("RUS", 1)]
        assert len(india["events"]) == 2  # not the minister's: "ind" in a name is not India
        edges = {(e["source"], e["target"]): e["n"] for e in store.network()["edges"]}
        assert {k: v for k, v in edges.items() if len(k[0]) == 3} == {("IDN", "RUS"): 2, ("RUS", "IDN"): 1, ("IND", "RUS"): 1,
                                                                      ("IDN", "IND"): 1}
        assert store.stats()["top_dyads"][0] == {"a": "IDN", "b": "RUS", "n": 2}
        store.ingest(_article(3, [(RUS, IND)]))  # a write: the next summary sees it
        assert [(p["partner"], p["n"]) for p in store.actor("IND")["partners"]] == [("RUS", 2), ("IDN", 1)]
        assert sum(t["n"] for t in store.stats()["event_types"]) == 7


def test_a_country_is_not_its_own_partner(tmp_path: Path) -> None:
    """Events within one country (its ministry and its army) count among its event types, not as
    a partner (a country's summary is read from the totals, as the events' own grouping reads it)."""
    army = Actor("Tentara Nasional Indonesia", "IDN", "IDNMIL")
    with open_store(str(tmp_path / "own.db")) as store:
        store.ingest(_article(1, [(IDN, RUS), (IDN, army), (army, IDN)]))
        assert [(p["partner"], p["n"]) for p in store.actor("IDN")["partners"]] == [("RUS", 1)]
        assert sum(t["n"] for t in store.actor("IDN")["by_type"]) == 3
