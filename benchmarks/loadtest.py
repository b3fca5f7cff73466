"""`make loadtest`: drive the served API with many concurrent clients and report what they saw.

Builds (once, then reuses: keyed by STORE_VERSION and the article count) a SQLite store of
synthetic but realistic articles — real words from warta's lexicons and the sample news drawn
with Zipf frequencies, real people from the knowledge base as actors and speakers, 3-17 events,
quotes, amounts and entities per article — starts the real server (`warta serve`, uvicorn) on a
free loopback port, and runs a closed loop: each client sends its next request as soon as its
last one returned, over a keep-alive connection, for the given time. The mix follows the
dashboard's pages (see Workload): dyad summaries and dyad events, full-text searches, actors,
single articles and the overview pages. Prints requests, distinct requests (what a cache could
save), throughput, p50/p99 latency and errors per endpoint, p99 once the first seconds (a cold
cache) are left out, and the CPU each request cost the server and the load generator. Exits 1
when there was any error or when the whole run's p99 of any endpoint group is over the limit.

    python benchmarks/loadtest.py [--clients 100] [--seconds 30] [--articles 10000]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from warta.model import (
    Actor,
    Amount,
    Article,
    Entity,
    Event,
    Evidence,
    Mention,
    Quote,
    Span,
    Tone,
)
from warta.store import open_store
from warta.store.rows import article_id, to_rows

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "warta"
STORE_VERSION = 2  # bump when the synthetic articles change: a store built by another version is rebuilt
COUNTRIES = ["IDN", "USA", "CHN", "RUS", "AUS", "JPN", "MYS", "SGP", "IND", "KOR", "GBR", "SAU", "TUR", "VNM",
             "PHL", "THA", "FRA", "DEU", "IRN", "UKR"]  # most reported first: the draws favour the head
TYPES = [("AGREE", "057", 8.0), ("CONSULT", "040", 1.0), ("AID", "071", 7.4), ("DISAPPROVE", "111", -2.0),
         ("THREATEN", "130", -4.4), ("SANCTION", "163", -8.0), ("COOPERATE", "061", 6.4), ("FIGHT", "190", -10.0)]
CONTEXTS = ["economic", "military", "diplomatic", "maritime", "trade", "humanitarian"]
GROUPS = ("dyad", "dyad-events", "search", "actor", "article", "overview")  # each p99 must stay under the limit
BATCH = 500  # articles stored per transaction while building the store (as bulk runs store them)
TIMEOUT = 30.0  # seconds: a request still unanswered by then is an error
WARM = 5.0  # seconds: the report also gives p99 without the requests of the first WARM seconds
_WORD = re.compile(r"^[a-z][a-z-]{3,}[a-z]$")
_COUNTRY_WEIGHTS = list(accumulate(1 / (rank + 1) for rank in range(len(COUNTRIES))))


# -- the synthetic news ----------------------------------------------------------------------
def zipf_country(rng: random.Random, other_than: str | None = None) -> str:
    """A country drawn as often as the news covers it: Zipf over COUNTRIES (the first most often),
    for both sides of a dyad, as in event data where a few relations fill most of the news."""
    while (code := rng.choices(COUNTRIES, cum_weights=_COUNTRY_WEIGHTS)[0]) == other_than:
        pass
    return code


def _tsv(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _sample_words(language: str) -> list[str]:
    """Words of the bundled sample news in `language`, most frequent first: the vocabulary's head."""
    counts: dict[str, int] = {}
    for path in sorted((ROOT / "samples").glob(f"{language}-*")):
        text = re.sub(r"<[^>]*>", " ", path.read_text(encoding="utf-8", errors="ignore"))
        for word in re.findall(r"[a-z]+", text.lower()):
            counts[word] = counts.get(word, 0) + 1
    return [w for w, _ in sorted(counts.items(), key=lambda kv: -kv[1]) if len(w) > 2]


def _vocabulary(language: str, rng: random.Random) -> list[str]:
    """Real words of a language: the samples' first, then the lexicon's in a fixed random order."""
    if language == "id":
        tail = [w for w in (PACKAGE / "lang" / "id" / "entities_common.txt").read_text().split() if _WORD.match(w)]
    else:
        tail = sorted({w for row in _tsv(PACKAGE / "lang" / "en" / "event_triggers.tsv") if len(row) > 1
                       for w in re.split(r"[| _]", row[1].lower()) if _WORD.match(w)})
    rng.shuffle(tail)
    head = _sample_words(language)
    return list(dict.fromkeys(head + tail))


@dataclass
class Corpus:
    """What synthetic articles are made of; every draw comes from one seeded generator."""

    rng: random.Random
    words: dict[str, list[str]] = field(default_factory=dict)
    weights: dict[str, list[float]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    people: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, seed: int = 7) -> Corpus:
        corpus = cls(random.Random(seed))
        for language in ("id", "en"):
            corpus.words[language] = _vocabulary(language, corpus.rng)
            # Zipf: the word of rank r is drawn in proportion to 1/(r+10); cumulative, for cheap draws.
            corpus.weights[language] = list(accumulate(1 / (rank + 10) for rank in range(len(corpus.words[language]))))
        corpus.names = {r[3]: r[2] for r in _tsv(PACKAGE / "kb" / "countries.tsv") if r[3] in COUNTRIES}
        for row in _tsv(PACKAGE / "kb" / "people.tsv"):
            if len(row) > 4 and row[4] in COUNTRIES:
                corpus.people.setdefault(row[4], []).append(row[2])
        return corpus

    def country(self, other_than: str | None = None) -> str:
        """A country, as often as the news covers it (Zipf: the first in COUNTRIES most)."""
        return zipf_country(self.rng, other_than)

    def person(self, iso3: str) -> str:
        return self.rng.choice(self.people.get(iso3) or [f"{self.names[iso3]} minister"])

    def filler(self, language: str, n: int) -> str:
        return " ".join(self.rng.choices(self.words[language], cum_weights=self.weights[language], k=n))


class Writer:
    """Builds an article's text sentence by sentence, keeping the offsets of every piece."""

    def __init__(self) -> None:
        self.text = ""
        self.sentences: list[Span] = []

    def add(self, *pieces: str) -> list[tuple[int, int]]:
        """Append one sentence made of `pieces` (joined by spaces); returns each piece's span."""
        start = len(self.text) + (1 if self.text else 0)
        self.text += (" " if self.text else "")
        spans = []
        for k, piece in enumerate(pieces):
            if k:
                self.text += " "
            spans.append((len(self.text), len(self.text) + len(piece)))
            self.text += piece
        self.text += "."
        self.sentences.append(Span(start, len(self.text)))
        return spans


def _event(corpus: Corpus, out: Writer, language: str, a: str, b: str, entities: dict) -> Event:
    kind, cameo, goldstein = corpus.rng.choice(TYPES)
    p1, p2 = corpus.person(a), corpus.person(b)
    spans = out.add(p1, corpus.filler(language, corpus.rng.randint(2, 5)), corpus.names[b], p2,
                    corpus.filler(language, corpus.rng.randint(4, 12)))
    for name, iso3, span, kind_ in ((p1, a, spans[0], "PERSON"), (p2, b, spans[3], "PERSON"),
                                    (corpus.names[b], b, spans[2], "COUNTRY")):
        entities.setdefault((name, kind_, iso3), []).append(Mention(*span, name))
    sentence = out.sentences[-1]
    return Event(type=kind, cameo=cameo, actor1=Actor(p1, a, a + "GOV"), actor2=Actor(p2, b, b + "GOV"),
                 evidence=Evidence(out.text[sentence.start:sentence.end], sentence.start, sentence.end),
                 goldstein=goldstein, quad_class=1 if goldstein > 0 else 4, confidence=0.8,
                 context=tuple(corpus.rng.sample(CONTEXTS, corpus.rng.randint(1, 2))))


def _quote(corpus: Corpus, out: Writer, language: str, iso3: str, entities: dict) -> Quote:
    speaker = corpus.person(iso3)
    words = corpus.filler(language, corpus.rng.randint(8, 20))
    spans = out.add(f"\u201c{words}\u201d", "said" if language == "en" else "kata", speaker)
    entities.setdefault((speaker, "PERSON", iso3), []).append(Mention(*spans[2], speaker))
    return Quote(words, spans[0][0] + 1, spans[0][1] - 1, speaker={"name": speaker, "country": iso3},
                 cue=out.text[slice(*spans[1])])


def _amount(corpus: Corpus, out: Writer, language: str, event: Event) -> tuple[Amount, Event]:
    value = round(corpus.rng.uniform(1, 900), 1)
    unit = corpus.rng.choice(["USD", "IDR", "EUR"])
    label = f"{unit} {value} {'billion' if language == 'en' else 'miliar'}"
    spans = out.add(corpus.filler(language, 3), label, corpus.filler(language, 5))
    sentence = out.sentences[-1]
    # The amount sits in the evidence of an event between the same two countries, as in real news.
    linked = Event(type="AID", cameo="071", actor1=event.actor1, actor2=event.actor2, goldstein=7.4,
                   evidence=Evidence(out.text[sentence.start:sentence.end], sentence.start, sentence.end),
                   modality=corpus.rng.choice(["asserted", "future"]), context=("economic",))
    return Amount(label, *spans[1], value * 1e9, unit, refers_to="aid"), linked


def synthetic_article(i: int, corpus: Corpus) -> Article:
    """Article number `i`: a main dyad, 3-17 events (10 on average), quotes, amounts, entities."""
    rng = corpus.rng
    language = "id" if rng.random() < 0.6 else "en"
    a = corpus.country()
    b = corpus.country(other_than=a)
    out, entities, events, quotes, amounts = Writer(), {}, [], [], []
    for _ in range(rng.randint(3, 17)):
        x = a if rng.random() < 0.7 else corpus.country()
        y = b if x == a else corpus.country(other_than=x)
        events.append(_event(corpus, out, language, x, y, entities))
        if rng.random() < 0.15:
            quotes.append(_quote(corpus, out, language, rng.choice([a, b]), entities))
        if rng.random() < 0.08:
            amount, linked = _amount(corpus, out, language, events[-1])
            amounts.append(amount)
            events.append(linked)
    ents = tuple(Entity(f"e{k}", name, kind, tuple(mentions), iso3=iso3, country=iso3)
                 for k, ((name, kind, iso3), mentions) in enumerate(entities.items()))
    day = f"20{rng.randint(21, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{corpus.names[a]} {corpus.filler(language, 4)} {corpus.names[b]}"
    return Article(source=f"loadtest/{i}", url=f"https://news.example/{language}/{i}", title=title, text=out.text,
                   language=language, published=day, sitename="news.example", sentences=tuple(out.sentences),
                   paragraphs=(Span(0, len(out.text)),), entities=ents, quotes=tuple(quotes),
                   amounts=tuple(amounts), events=tuple(events), tone=Tone(rng.uniform(-5, 5)))


def build_store(path: Path, n: int, corpus: Corpus) -> list[str]:
    """Write `n` synthetic articles into a new SQLite store at `path`, BATCH to a transaction
    (the store's bulk insert, as bulk runs use it); returns their ids."""
    path.unlink(missing_ok=True)
    store = open_store(str(path))
    ids: list[str] = []
    try:
        for start in range(0, n, BATCH):
            articles = [synthetic_article(i, corpus) for i in range(start, min(n, start + BATCH))]
            store.ingest_rows([to_rows(article) for article in articles])
            ids += [article_id(article) for article in articles]
            if (start + BATCH) % 10_000 == 0:
                print(f"loadtest: {start + BATCH} articles stored", file=sys.stderr, flush=True)
        store.compact_text_index(n)  # as at the end of a bulk run
    finally:
        store.close()
    return ids


def ensure_store(folder: Path, n: int, corpus: Corpus) -> tuple[Path, list[str]]:
    """The store for this version and size, built unless a finished one is there already."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"store-v{STORE_VERSION}-{n}.db"
    done = path.with_suffix(".ids")  # written last: a store without it was interrupted
    if not (path.exists() and done.exists()):
        start = time.perf_counter()
        print(f"loadtest: building {path} ({n} articles)…", file=sys.stderr, flush=True)
        done.unlink(missing_ok=True)
        done.write_text("\n".join(build_store(path, n, corpus)))
        print(f"loadtest: built in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return path, done.read_text().split()


# -- the server ------------------------------------------------------------------------------
def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(db: Path, port: int, workers: int = 1) -> Iterator[subprocess.Popen]:
    """`warta serve` on the store (with `workers` server processes), in its own process; stopped
    (and waited for) on exit."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(workers)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_ready(server, port)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_ready(server: subprocess.Popen, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"loadtest: the server exited: {server.stderr.read() if server.stderr else ''}")
        try:  # answering, not only listening: worker processes accept once their app is built
            with socket.create_connection(("127.0.0.1", port), timeout=5) as probe:
                probe.sendall(f"GET /static/favicon.svg HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                              "Connection: close\r\n\r\n".encode())
                if probe.recv(12).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("loadtest: the server did not start listening")


# -- the clients -----------------------------------------------------------------------------
@dataclass
class Workload:
    """Draws the next request, (endpoint group, path), as the dashboard's pages ask for them.

    Countries are drawn as often as the news covers them (the same Zipf law as the articles), so
    dyads are requested in proportion to their coverage; searches follow a Zipf law over a fixed
    set of queries (a few are typed very often, most rarely: the usual shape of search logs);
    articles are drawn uniformly from all 10,000 (the worst case for any cache)."""

    rng: random.Random
    ids: list[str]
    corpus: Corpus
    queries: list[str] = field(default_factory=list)
    query_weights: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        # What analysts type: content words of middling frequency, names, and two-word phrases.
        words = [w for language in ("id", "en") for w in self.corpus.words[language][30:1500]]
        names = [n.split()[-1].lower() for people in self.corpus.people.values() for n in people[:20]]
        self.queries = words + names + [f"{self.rng.choice(words)} {self.rng.choice(words)}" for _ in range(3000)]
        self.rng.shuffle(self.queries)
        self.query_weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.queries))))

    def pair(self) -> tuple[str, str]:
        a = zipf_country(self.rng)
        return a, zipf_country(self.rng, other_than=a)

    def next(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.25:  # the dyad page
            return "dyad", "/api/dyads/{}/{}?limit=100".format(*self.pair())
        if r < 0.40:  # paging through a dyad's events
            return "dyad-events", "/api/events?dyad={}-{}&limit=50&offset={}".format(*self.pair(), self.rng.choice([0, 0, 50]))
        if r < 0.65:  # the search page
            query = self.rng.choices(self.queries, cum_weights=self.query_weights)[0]
            return "search", f"/api/search?q={query.replace(' ', '+')}&limit=50"
        if r < 0.75:  # the actor page
            return "actor", f"/api/actors/{zipf_country(self.rng)}"
        if r < 0.92:  # the article page
            return "article", f"/api/articles/{self.rng.choice(self.ids)}"
        # the overview (stats, latest articles), network and map pages
        return "overview", self.rng.choice(["/api/stats", "/api/articles?limit=15", "/api/network?limit=300",
                                            "/api/places"])


@dataclass
class Tally:
    """Latencies (seconds) and errors of one endpoint group."""

    latencies: list[float] = field(default_factory=list)
    started: list[float] = field(default_factory=list)  # seconds into the run each request went out
    errors: int = 0
    examples: list[str] = field(default_factory=list)
    paths: set[str] = field(default_factory=set)  # distinct requests: how much a cache could help


class Connection:
    """One keep-alive HTTP/1.1 connection to the server, used for one request after another as a
    browser tab uses its connection. Deliberately minimal: with 100 connections, httpx's pool spent
    more CPU per request than the server did, and the load generator shares the cores with it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """GET `path`; returns the status once the whole body has arrived."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode())
        lines = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip().lower() for k, _, v in (line.partition(":") for line in lines[1:])}
        if headers.get("transfer-encoding") == "chunked":
            await self._chunks()
        else:
            await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection") == "close":
            self.close()
        return int(lines[0].split()[1])

    async def _chunks(self) -> None:
        assert self.reader is not None
        while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await self.reader.readexactly(size + 2)
        while await self.reader.readuntil(b"\r\n") != b"\r\n":  # trailers, then the blank line
            pass

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def client(port: int, workload: Workload, tallies: dict[str, Tally], begin: float, stop: float) -> None:
    """One closed-loop client: the next request goes out as soon as the last one returned."""
    connection = Connection(port)
    while time.perf_counter() < stop:
        group, path = workload.next()
        tally = tallies.setdefault(group, Tally())
        start = time.perf_counter()
        try:
            status = await asyncio.wait_for(connection.get(path), TIMEOUT)
            ok, why = status < 300, f"{status} {path}"
        except Exception as error:  # noqa: BLE001 (a refused or dropped connection is an error like any other)
            ok, why = False, f"{type(error).__name__} {path}"
            connection.close()
        tally.latencies.append(time.perf_counter() - start)
        tally.started.append(start - begin)
        tally.paths.add(path)
        if not ok:
            tally.errors += 1
            tally.examples = (tally.examples + [why])[:3]
    connection.close()


async def drive(port: int, workload: Workload, clients: int, seconds: float) -> tuple[dict[str, Tally], float]:
    """Run `clients` closed-loop clients for `seconds`; returns the tallies and the time taken."""
    tallies: dict[str, Tally] = {}
    start = time.perf_counter()
    await asyncio.gather(*(client(port, workload, tallies, start, start + seconds) for _ in range(clients)))
    return tallies, time.perf_counter() - start


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process and its children (the server's workers) have used so
    far; None where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) or 0.0 for child in children)


# -- the report ------------------------------------------------------------------------------
def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


def report(tallies: dict[str, Tally], seconds: float, limit_ms: float) -> int:
    """Print the table; 1 when there were errors or a group's p99 is over `limit_ms`."""
    print(f"{'endpoint':<12} {'requests':>9} {'distinct':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
          f" {f'p99 ms after {WARM:.0f} s':>18}")
    everything = Tally()
    for group in sorted(tallies, key=lambda g: (g not in GROUPS, GROUPS.index(g) if g in GROUPS else 0, g)):
        t = tallies[group]
        everything.latencies += t.latencies
        everything.started += t.started
        everything.errors += t.errors
        everything.paths |= t.paths
        print(_line(group, t, seconds))
    print(_line("total", everything, seconds))
    failed = everything.errors > 0
    for group in GROUPS:
        p99 = _percentile(tallies[group].latencies, 0.99) if group in tallies else 0.0
        if p99 > limit_ms:
            print(f"loadtest: FAIL {group} p99 {p99:.0f} ms > {limit_ms:.0f} ms")
            failed = True
    for group, t in tallies.items():
        for example in t.examples:
            print(f"loadtest: error in {group}: {example}")
    print(f"loadtest: (the last column leaves out the first {WARM:.0f} s, while the cache was still cold)")
    print("loadtest: FAIL" if failed else f"loadtest: OK (0 errors, p99 of {', '.join(GROUPS)} "
          f"<= {limit_ms:.0f} ms)")
    return 1 if failed else 0


def _line(name: str, t: Tally, seconds: float) -> str:
    n = len(t.latencies)
    warm = [latency for latency, at in zip(t.latencies, t.started) if at >= WARM]
    return (f"{name:<12} {n:>9} {len(t.paths):>9} {n / seconds:>8.0f} {_percentile(t.latencies, 0.5):>8.1f} "
            f"{_percentile(t.latencies, 0.99):>8.1f} {t.errors:>7} {_percentile(warm, 0.99):>18.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--store-dir", type=Path, default=ROOT / "out" / "loadtest")
    parser.add_argument("--p99-ms", type=float, default=300.0, help="limit for the p99 of every endpoint group")
    parser.add_argument("--server-workers", type=int, default=min(os.cpu_count() or 1, 4),
                        help="`warta serve --workers`: server processes (default: one per core, at most 4)")
    args = parser.parse_args(argv)
    corpus = Corpus.load()
    db, ids = ensure_store(args.store_dir, args.articles, corpus)
    port = free_port()
    with served(db, port, args.server_workers) as server:
        print(f"loadtest: {args.clients} clients for {args.seconds:.0f} s against `warta serve --workers "
              f"{args.server_workers}` (pid {server.pid}) "
              f"on 127.0.0.1:{port}, store {db.name} ({len(ids)} articles)", flush=True)
        workload = Workload(random.Random(11), ids, corpus)
        server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
        tallies, seconds = asyncio.run(drive(port, workload, args.clients, args.seconds))
        server_cpu = (cpu_seconds(server.pid) or 0.0) - (server_cpu or 0.0)
    n = sum(len(t.latencies) for t in tallies.values())
    print(f"loadtest: CPU per request: server {server_cpu / n * 1000:.2f} ms, load generator "
          f"{(time.process_time() - client_cpu) / n * 1000:.2f} ms; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    return report(tallies, seconds, args.p99_ms)


if __name__ == "__main__":
    sys.exit(main())
