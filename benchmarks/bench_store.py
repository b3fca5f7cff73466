"""Store benchmark: ingest rate, and p95 latency of the dyad and search queries on a store of at
least 100,000 synthetic events (WARTA_BENCH_EVENTS to change), as ratios against a primary-key
lookup measured in the same run. No pass/fail: the numbers are printed for the report."""
from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from warta.model import Actor, Article, Event, Evidence
from warta.store import Filters, open_store
from warta.store.rows import article_id

COUNTRIES = ["IDN", "RUS", "CHN", "USA", "JPN", "AUS", "MYS", "SGP", "IND", "TUR", "IRN", "SAU", "KOR", "VNM",
             "PHL", "THA", "DEU", "FRA", "GBR", "UKR"]
TYPES = [("AGREE", "057", 8.0), ("CONSULT", "040", 1.0), ("AID", "071", 7.4), ("DISAPPROVE", "111", -2.0),
         ("THREATEN", "130", -4.4), ("SANCTION", "163", -8.0), ("COOPERATE", "061", 6.4)]
WORDS_ID = ["pemerintah", "menandatangani", "perjanjian", "kerja", "sama", "pertahanan", "perdagangan", "investasi", "kunjungan", "menteri", "luar", "negeri", "presiden", "bertemu", "membahas", "keamanan", "maritim", "sanksi", "ekspor", "impor", "tarif", "latihan"]
WORDS_EN = ["government", "signed", "agreement", "cooperation", "defence", "trade", "investment", "visit", "minister", "foreign", "president", "met", "discussed", "maritime", "security", "sanctions", "exports", "imports", "tariffs", "exercise"]
EVENTS_PER_ARTICLE = 10


def _article(i: int, rng: random.Random) -> Article:
    language = "id" if i % 2 else "en"
    words = WORDS_ID if language == "id" else WORDS_EN
    sentences, events = [], []
    offset = 0
    for k in range(EVENTS_PER_ARTICLE):
        a, b = rng.sample(COUNTRIES, 2)
        sentence = f"{a} {' '.join(rng.choices(words, k=12))} {b}."
        kind, cameo, goldstein = rng.choice(TYPES)
        events.append(Event(type=kind, cameo=cameo, actor1=Actor(a, a, a + "GOV"), actor2=Actor(b, b, b + "GOV"),
                            evidence=Evidence(sentence, offset, offset + len(sentence)), goldstein=goldstein,
                            context=(rng.choice(["economic", "military", "diplomatic"]),)))
        sentences.append(sentence)
        offset += len(sentence) + 1
    day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Article(source=f"synthetic/{i}", url=f"https://bench.example/{i}", title=f"Synthetic {i}",
                   text=" ".join(sentences), language=language, published=day, events=tuple(events))


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] * 1000 if len(samples) >= 20 else max(samples) * 1000


def _timed(fn, args: list) -> list[float]:
    out = []
    for arg in args:
        start = time.perf_counter()
        fn(arg)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    n_events = int(os.environ.get("WARTA_BENCH_EVENTS", "100000"))
    n_articles = max(1, n_events // EVENTS_PER_ARTICLE)
    rng = random.Random(7)
    articles = [_article(i, rng) for i in range(n_articles)]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        store.ingest_many(articles)
        seconds = time.perf_counter() - start
        print(f"store ingest: {n_articles} articles, {n_articles * EVENTS_PER_ARTICLE} events in {seconds:.1f} s "
              f"= {n_articles / seconds:.0f} articles/s, {n_articles * EVENTS_PER_ARTICLE / seconds:.0f} events/s")
        start = time.perf_counter()
        again = store.ingest_many(articles[:1000])
        print(f"store re-ingest (unchanged, content hash): {again['unchanged']} articles at "
              f"{again['unchanged'] / (time.perf_counter() - start):.0f} articles/s")
        ids = [article_id(rng.choice(articles)) for _ in range(200)]
        lookup = _p95(_timed(lambda i: store._rows("SELECT id, title FROM articles WHERE id = ?", [i]), ids))
        whole = _p95(_timed(store.article, ids))
        pairs = [tuple(rng.sample(COUNTRIES, 2)) for _ in range(60)]
        dyad = _p95(_timed(lambda p: store.dyad(*p, filters=Filters(limit=50)), pairs))
        filtered = _p95(_timed(lambda p: store.events(Filters(dyad=p, since="2024-01", limit=100)), pairs))
        words = [rng.choice(WORDS_ID + WORDS_EN) for _ in range(60)]
        search = _p95(_timed(lambda w: store.search(w, limit=20), words))
        print(f"store p95 latency: primary-key lookup {lookup:.3f} ms (baseline); whole article {whole:.1f} ms "
              f"({whole / lookup:.0f}x); dyad summary {dyad:.1f} ms "
              f"({dyad / lookup:.0f}x); dyad events since 2024 {filtered:.1f} ms ({filtered / lookup:.0f}x); "
              f"full-text search {search:.1f} ms ({search / lookup:.0f}x)")
        store.close()


if __name__ == "__main__":
    main()
