"""Bulk runs: journal and resume, quarantine, engines (pool, Dask) agreeing, kill -9 safety, watch, status."""
from __future__ import annotations

import gzip
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from test_crawl import LocalSite, page, rss, site  # noqa: F401 (site is a fixture)
from typer.testing import CliRunner

from warta import cli
from warta.bulk import run_bulk
from warta.bulk.progress import Bar
from warta.settings import load_settings
from warta.store import open_store

FAST = {"stages": "read,language,segment", "batch_size": 4}
WORDS = ["pemerintah", "presiden", "menteri", "rakyat", "harga", "beras", "pasar", "kota", "desa", "sungai", "jalan", "banjir", "hujan", "sekolah", "guru", "murid", "rumah", "sakit", "dokter", "pasien", "kapal", "laut", "pelabuhan", "nelayan", "ikan", "petani", "sawah", "panen", "pupuk", "listrik", "bensin", "minyak", "gas", "tambang", "batu", "bara", "hutan", "api", "asap", "udara", "kereta", "bandara", "pesawat", "tiket", "mudik", "lebaran", "pemilu", "partai", "calon", "suara", "kampanye", "polisi", "hakim", "sidang", "jaksa", "korupsi", "uang", "bank", "saham", "rupiah", "dolar"]


def write_news(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """`count` distinct Indonesian-looking texts (random word salad: no two are near-duplicates)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(60))
        path = folder / f"berita-{n:04d}.txt"
        path.write_text(f"Berita nomor {n} hari ini\n\nMenurut laporan, {words}. Itu kata pejabat.\n", encoding="utf-8")
        paths.append(path)
    return paths


def snapshot(db: Path) -> dict[str, list]:
    """What a store holds, independent of when and in how many runs it was written."""
    with sqlite3.connect(db) as conn:
        return {
            "articles": sorted(conn.execute("SELECT id, content_hash, source FROM articles")),
            "fts": sorted(conn.execute("SELECT article_id FROM article_fts")),
            "inputs": sorted(conn.execute("SELECT key, state, reason, article_id, cluster FROM bulk_inputs")),
        }


def ingest(inputs: list[Path | str], db: Path, **options: object):
    settings = load_settings(FAST)
    with open_store(str(db)) as store:
        return run_bulk([str(i) for i in inputs], store=store, settings=settings, quiet=True, **options)


def test_run_is_journalled_quarantines_bad_inputs_and_skips_done_ones_on_rerun(tmp_path: Path) -> None:
    news = tmp_path / "news"
    paths = write_news(news, 6)
    (news / "kosong.txt").write_text("  \n", encoding="utf-8")
    (news / "gambar.html").write_bytes(b"\x89PNG\x00\x00binary")
    (news / "salinan.txt").write_text(paths[0].read_text(encoding="utf-8").replace("hari ini", "hari ini (ulang)"),
                                      encoding="utf-8")
    db = tmp_path / "warta.db"
    first = ingest([news], db, engine="serial")
    assert (first.done, first.failed, first.skipped) == (7, 2, 0)
    assert first.duplicates == 1 and dict(first.drops) == {"empty": 1, "binary": 1}
    assert first.stage_out["segment"] == 7
    before = snapshot(db)
    clusters = {key.rsplit("/", 1)[-1]: cluster for key, _, _, _, cluster in before["inputs"]}
    assert clusters["salinan.txt"] == clusters["berita-0000.txt"]
    again = ingest([news], db, engine="serial")
    assert (again.done, again.failed, again.skipped) == (0, 0, 9) and snapshot(db) == before
    retried = ingest([news], db, engine="serial", retry_failed=True)
    assert (retried.done, retried.failed, retried.skipped) == (0, 2, 7)


def test_process_pool_and_local_dask_cluster_store_what_a_serial_run_stores(tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_news(news, 24)
    serial = ingest([news], tmp_path / "serial.db", engine="serial")
    pool = ingest([news], tmp_path / "pool.db", engine="processes", workers=2)
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")  # as `--scheduler tcp://host:port` joins a cluster
        dask = ingest([news], tmp_path / "dask.db", engine="dask", scheduler=cluster.scheduler_address)
    assert serial.done == pool.done == dask.done == 24
    assert snapshot(tmp_path / "serial.db") == snapshot(tmp_path / "pool.db") == snapshot(tmp_path / "dask.db")
    assert len(pool.peak_rss_kb) == 2 and len(dask.peak_rss_kb) == 2  # both workers did work
    assert pool.stage_out == serial.stage_out == dask.stage_out


def _warta(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "warta", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _done_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM bulk_inputs WHERE state = 'done'").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_kill_9_midway_then_rerun_leaves_the_store_as_an_uninterrupted_run_would(tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_news(news, 240)
    env = os.environ | {"WARTA_BATCH_SIZE": "4"}
    args = ["ingest", str(news), "--engine", "serial", "--quiet", "--stages", FAST["stages"]]
    whole = tmp_path / "whole.db"
    assert _warta(*args, "--db", str(whole), env=env).wait(timeout=240) == 0

    cut = tmp_path / "cut.db"
    process = _warta(*args, "--db", str(cut), env=env)
    deadline = time.monotonic() + 120
    while _done_count(cut) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 0 < _done_count(cut) < 240
    rerun = _warta(*args, "--db", str(cut), env=env)
    assert rerun.wait(timeout=240) == 0, rerun.stderr.read().decode() if rerun.stderr else ""
    assert snapshot(cut) == snapshot(whole)
    with sqlite3.connect(cut) as conn:
        states = [row[0] for row in conn.execute("SELECT state FROM bulk_runs ORDER BY id")]
    assert states == ["interrupted", "finished"]


@pytest.fixture
def cli_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WARTA_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("WARTA_STAGES", FAST["stages"])
    monkeypatch.setenv("WARTA_FETCH_DELAY", "0")
    monkeypatch.setenv("WARTA_FETCH_ALLOW_PRIVATE", "1")  # the test site is on 127.0.0.1
    cli._load_command_modules()
    runner = CliRunner()
    return lambda *args: runner.invoke(cli.app, list(args))


def test_status_shows_runs_states_and_quarantine_by_reason(cli_run, tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_news(news, 3)
    (news / "kosong.txt").write_text("", encoding="utf-8")
    result = cli_run("ingest", str(news), "--engine", "serial", "--quiet")
    assert result.exit_code == 1 and "quarantined 1 input: empty 1" in result.output
    status = cli_run("status").output
    assert "inputs: done 3, failed 1" in status
    assert "quarantined by reason: empty 1" in status and "kosong.txt" in status
    assert "articles: 3 in 3 near-duplicate clusters" in status and "finished" in status


def test_status_shows_the_current_state_a_fixed_failure_leaves_the_list(cli_run, tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_news(news, 2)
    empty = news / "kosong.txt"
    empty.write_text("", encoding="utf-8")
    assert cli_run("ingest", str(news), "--engine", "serial", "--quiet").exit_code == 1
    assert "quarantined by reason: empty 1" in cli_run("status").output
    empty.write_text("Judul\n\nPresiden Indonesia bertemu Presiden Rusia di Moskow pada Jumat.\n", encoding="utf-8")
    assert cli_run("ingest", str(empty)).exit_code == 0  # fixed, and stored by a plain ingest
    status = cli_run("status").output
    assert "inputs: done 3\n" in status and "quarantined" not in status
    info = cli_run("info").output
    assert "published:" in info and "articles without a publication date" in info


def test_a_fixed_failure_leaves_the_list_when_its_retry_succeeds_wherever_it_ran(
        cli_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The retry, a plain ingest of the fixed file by a relative name, settles the journal's entry
    (an absolute path) itself: `status` run from another folder no longer lists it."""
    news = tmp_path / "news"
    write_news(news, 1)
    broken = news / "rusak.txt"
    broken.write_text("", encoding="utf-8")
    assert cli_run("ingest", str(news), "--engine", "serial", "--quiet").exit_code == 1
    broken.write_text("Judul\n\nMenteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Rusia pada Kamis.\n",
                      encoding="utf-8")
    monkeypatch.chdir(news)
    assert cli_run("ingest", "rusak.txt").exit_code == 0
    monkeypatch.chdir(tmp_path)
    status = cli_run("status").output
    assert "inputs: done 2\n" in status and "quarantined" not in status and "rusak.txt" not in status
    assert "articles: 2 in 2 near-duplicate clusters" in status


def test_watch_polls_a_feed_and_ingests_only_what_is_new(cli_run, site: LocalSite) -> None:  # noqa: F811
    items = [("/a", "Banjir di Jakarta"), ("/b", "Harga beras naik")]
    polls: list[int] = []

    def feed(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        polls.append(1)
        if len(polls) == 2:  # a new article appears before the second poll
            items.append(("/c", "Kereta baru diresmikan"))
        etag = f'"{len(items)}"'
        if headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"ETag": etag, "Content-Type": "application/rss+xml"}, rss(site.base, items)

    site.routes["/feed.xml"] = feed
    site.routes["/a"] = page("Banjir di Jakarta", "Banjir merendam ratusan rumah di Jakarta Timur pada Senin pagi.")
    site.routes["/b"] = page("Harga beras naik", "Harga beras di pasar induk naik lima persen dalam sepekan.")
    site.routes["/c"] = page("Kereta baru diresmikan", "Presiden meresmikan jalur kereta baru dari Bandung ke Garut.")
    result = cli_run("watch", site.base + "/feed.xml", "--interval", "0", "--max-cycles", "3")
    assert result.exit_code == 0, result.output
    assert [site.hits(p) for p in ("/a", "/b", "/c")] == [1, 1, 1]
    assert site.log[-1][1].get("if-none-match") == '"3"'  # third poll: unchanged feed, a 304
    assert "poll 1" in result.output and "poll 3" in result.output
    titles = {row["title"] for row in open_store(os.environ["WARTA_DB"]).articles(_all())}
    assert titles == {"Banjir di Jakarta", "Harga beras naik", "Kereta baru diresmikan"}


def _all():
    from warta.store import Filters

    return Filters(limit=100)


def test_bulk_ingest_fetches_a_sitemap_politely(cli_run, site: LocalSite) -> None:  # noqa: F811
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /rahasia\n")
    site.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.base}/a</loc></url><url><loc>{site.base}/rahasia</loc></url></urlset>").encode())
    site.routes["/a"] = page("Banjir di Jakarta", "Banjir merendam ratusan rumah di Jakarta Timur pada Senin pagi.")
    result = cli_run("ingest", site.base + "/sitemap.xml", "--engine", "serial", "--quiet")
    assert result.exit_code == 1 and "robots 1" in result.output
    assert site.hits("/rahasia") == 0 and site.hits("/a") == 1
    assert "robots" in cli_run("status").output


def test_progress_bar_shows_count_rate_and_eta_only_when_asked() -> None:
    out = io.StringIO()
    with Bar("ingest", total=3, console=Console(file=out, force_terminal=True, width=120)) as bar:
        for _ in range(3):
            bar.advance()
    drawn = out.getvalue()
    assert "3/3" in drawn and "/s" in drawn and "eta" in drawn
    assert not Bar("ingest", total=3, quiet=True).enabled


def _warc_record(uri: str, html: str, number: int) -> bytes:
    """One gzip member holding a WARC response record, as Common Crawl News writes them."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}".encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-10-20T08:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def test_common_crawl_news_warc_is_ingested_once_per_record(tmp_path: Path) -> None:
    info = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 12\r\n\r\nsoftware: x\n\r\n\r\n"
    bodies = [page(f"Judul {n}", f"Berita nomor {n} tentang {' '.join(WORDS[n * 7:n * 7 + 30])}.")[2].decode()
              for n in range(3)]
    warc = tmp_path / "CC-NEWS-20251020.warc.gz"
    warc.write_bytes(gzip.compress(info) + b"".join(
        _warc_record(f"https://berita.example/{n}", body, n) for n, body in enumerate(bodies)))
    db = tmp_path / "cc.db"
    first = ingest([warc], db, engine="serial")
    assert (first.done, first.failed) == (3, 0)
    with sqlite3.connect(db) as conn:
        urls = sorted(url for (url,) in conn.execute("SELECT url FROM articles"))
        keys = [key for (key,) in conn.execute("SELECT key FROM bulk_inputs ORDER BY key")]
    assert urls == [f"https://berita.example/{n}" for n in range(3)]
    assert all(key.startswith(f"{warc}#<urn:uuid:") for key in keys)
    assert ingest([warc], db, engine="serial").skipped == 3


def test_a_worker_that_dies_ends_the_run_with_one_line_and_the_rerun_resumes(tmp_path: Path) -> None:
    from warta.bulk import BulkRunner, Journal
    from warta.bulk.engines import EngineError, SerialEngine
    from warta.read.sources import iter_documents

    class Dying(SerialEngine):
        def map(self, settings: dict, batches: Any) -> Any:
            for number, result in enumerate(super().map(settings, batches)):
                if number == 1:
                    raise BrokenPipeError("worker gone")
                yield result

    news = tmp_path / "news"
    write_news(news, 12)
    db = tmp_path / "w.db"
    settings = load_settings(FAST)
    with open_store(str(db)) as store:
        runner = BulkRunner(settings=settings, store=store, journal=Journal(str(db)), engine=Dying())
        with pytest.raises(EngineError, match="rerun the same command to resume"):
            runner.run(iter_documents([str(news)]))
        resumed = BulkRunner(settings=settings, store=store, journal=Journal(str(db)), engine=SerialEngine())
        report = resumed.run(iter_documents([str(news)]))
    assert (report.skipped, report.done) == (4, 8)


def test_status_counts_events_of_a_cluster_of_copies_once(cli_run, tmp_path: Path) -> None:
    news = tmp_path / "news"
    [original] = write_news(news, 1)
    copy = news / "salinan.txt"
    copy.write_text(original.read_text(encoding="utf-8").replace("hari ini", "hari ini (salinan)"), encoding="utf-8")
    assert cli_run("ingest", str(news), "--engine", "serial", "--quiet").exit_code == 0
    with sqlite3.connect(os.environ["WARTA_DB"]) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        for article_id in ids:  # the same event read from both copies
            conn.execute("INSERT INTO events (article_id, idx, type, cameo, actor1_code, actor2_code, day)"
                         " VALUES (?, 0, 'CONSULT', '042', 'IDN', 'JPN', '2025-10-20')", (article_id,))
    out = cli_run("status", "--events", "3").output
    assert len(ids) == 2 and "articles: 2 in 1 near-duplicate clusters" in out
    assert "events: 2 as extracted, 1 once per cluster (1 reported by several articles)" in out
    assert "NumArticles 2" in out
