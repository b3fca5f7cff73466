"""A poisoned batch: every input that cannot be parsed, encoded or stored fails alone, in one line,
is quarantined and counted, and every good input around it is stored, in plain and bulk mode, on
SQLite and PostgreSQL (WARTA_TEST_POSTGRES_URL); a rerun skips the bad inputs and changes nothing.

Also: only regular files are read (a link to /dev/zero, a FIFO), a WARC file goes on past a record
with a negative Content-Length, and the store refuses one article without losing the others.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from conftest import run_warta
from test_store_conformance import _fresh_postgres, _postgres_url

from warta.model import Article
from warta.read.sources import iter_documents
from warta.store import Filters, open_store
from warta.store.base import RejectedArticle, StoreError
from warta.store.rows import EVENT_COLUMNS, to_rows

BODY = ("Menteri Luar Negeri Indonesia bertemu Duta Besar Prancis di Jakarta pada Senin untuk membahas "
        "kerja sama energi, kata juru bicara kementerian kepada wartawan.")
GOOD_INPUTS = 10  # stored from the batch below
BAD_INPUTS = 4  # one line each


def _line(number: int, **fields: object) -> str:
    return json.dumps({"url": f"https://poison.example/{number}", "title": f"Berita {number}", "text": BODY,
                       **fields})


def poisoned_batch(folder: Path) -> Path:
    """Good inputs with bad ones among them (see GOOD_INPUTS, BAD_INPUTS)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from hostile_corpus import page, warc_record

    folder.mkdir()
    (folder / "a-good.txt").write_text(f"Judul\n\n{BODY}\n", encoding="utf-8")
    with open(os.fsencode(folder) + b"/b-name-\xff.txt", "wb") as handle:  # a name that is not UTF-8
        handle.write(f"Judul lain\n\n{BODY}\n".encode())
    lines = [_line(1), _line(2)[:-1] + ', "views": ' + "7" * 5000 + "}",  # an integer JSON allows and int() refuses
             _line(3).replace("poison.example/3", "poison.example/3\\ud800"),  # lone surrogates
             _line(4, author="A\\udc00B").replace("\\\\udc00", "\\udc00"),
             _line(5, author="Nama\u0000Penulis", date="2025-06-01\u0000").replace("/5", "/5\\u0000"),
             "not json at all", _line(6)]
    (folder / "c-poisoned.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = [warc_record(page().encode(), uri="https://poison.example/w1", number=1),
               warc_record(page().encode(), uri="https://poison.example/w2", number=2, length=-5),
               warc_record(page().encode(), uri="https://poison.example/w3", number=3)]
    (folder / "d-negative.warc").write_bytes(b"".join(records))
    os.symlink("/dev/zero", folder / "e-zero.txt")
    os.mkfifo(folder / "f-fifo.html")
    return folder


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    return poisoned_batch(tmp_path / "batch")


def _errors(stderr: bytes) -> list[str]:
    lines = stderr.decode("utf-8", "replace").splitlines()
    assert not any("Traceback" in line for line in lines), stderr.decode("utf-8", "replace")
    return [line for line in lines if not re.match(r"warta: (dropped|quarantined|.*: (added|\d+ inputs))", line)]


def test_reading_a_poisoned_batch_gives_every_good_input_and_one_line_per_bad_one(batch: Path) -> None:
    items = list(iter_documents([str(batch)]))
    documents = [i for i in items if not isinstance(i, Exception)]
    errors = [i for i in items if isinstance(i, Exception)]
    assert len(documents) == GOOD_INPUTS and len(errors) == BAD_INPUTS, errors
    for document in documents:  # every field is fit for any encoder and store
        for value in (document.source, document.url, document.author, document.published, document.title):
            assert value is None or ("\x00" not in value and value.encode("utf-8"))
    reasons = " ".join(str(e) for e in errors)
    assert "not a regular file" in reasons and "bad WARC Content-Length" in reasons and "not valid JSON" in reasons


def test_special_files_are_never_read(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("/dev/urandom", tmp_path / "random.warc.gz")
    os.mkfifo(tmp_path / "pipe.html")
    items = list(iter_documents([str(tmp_path / n) for n in ("zero.txt", "random.warc.gz", "pipe.html")]))
    assert [str(e).split(": ", 1)[1] for e in items] == ["not a regular file (a device, FIFO or socket is never read)"] * 3


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(f"Judul\n\n{BODY}\n", encoding="utf-8")
    os.symlink(tmp_path / "real.txt", tmp_path / "link.txt")
    [document] = iter_documents([str(tmp_path / "link.txt")])
    assert document.content.startswith("Menteri")


def _backends(tmp_path: Path, backend: str) -> str:
    if backend == "sqlite":
        return str(tmp_path / "warta.db")
    return _fresh_postgres(_postgres_url())[0]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
@pytest.mark.parametrize("bulk", [False, True], ids=["plain", "bulk"])
def test_a_poisoned_batch_is_stored_with_all_its_good_inputs(batch: Path, tmp_path: Path, backend: str,
                                                           bulk: bool) -> None:
    db = _backends(tmp_path, backend)
    args = ["ingest", str(batch), "--db", db, "--stages", "read"] + (["--engine", "serial", "-q"] if bulk else [])
    env = {**os.environ, "WARTA_JOURNAL_DIR": str(tmp_path / "journals")}
    first = run_warta(*args, env=env)
    assert first.returncode == 1
    errors = _errors(first.stderr)
    if not bulk:
        assert len(errors) == BAD_INPUTS and all(len(line) < 400 for line in errors), errors
    with open_store(db) as store:
        assert store.stats()["articles"] == GOOD_INPUTS
    again = run_warta(*args, env=env)  # a rerun completes and changes nothing
    _errors(again.stderr)
    text = again.stderr.decode("utf-8", "replace")
    if bulk:
        assert again.returncode == 0 and f"{GOOD_INPUTS + BAD_INPUTS} already done" in text, text
    else:
        assert f"added 0, updated 0, unchanged {GOOD_INPUTS}" in text, text
    with open_store(db) as store:
        assert store.stats()["articles"] == GOOD_INPUTS


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_the_store_refuses_one_article_and_keeps_the_others(tmp_path: Path, backend: str) -> None:
    good = [Article(source=f"good/{i}", url=f"https://refuse.example/{i}", text=BODY) for i in range(2)]
    bad = Article(source="bad", url="https://refuse.example/bad", text=BODY + "\x00", author="A\x00B")
    with open_store(_backends(tmp_path, backend)) as store:
        rows = [to_rows(good[0]), to_rows(bad), to_rows(good[1])]
        if backend == "sqlite":  # SQLite holds NUL; a number past 64 bits it does not
            row = [None] * len(EVENT_COLUMNS)
            row[:5] = rows[1].id, 0, "x", "x", "x"
            row[EVENT_COLUMNS.index("confidence")] = 2**70
            rows[1].events.append(tuple(row))
        outcome = store.ingest_each(rows)
        assert outcome[0] == outcome[2] == "added" and isinstance(outcome[1], RejectedArticle)
        assert str(outcome[1]).startswith("bad: the store refused it")
        assert store.stats()["articles"] == 2
        with pytest.raises(RejectedArticle):
            store.ingest(Article(source="surrogate", url="https://refuse.example/s", text="lone \ud800"))


def test_a_full_or_read_only_store_fails_in_one_line(tmp_path: Path) -> None:
    article = Article(source="a", url="https://full.example/a", text=BODY * 200)
    with open_store(str(tmp_path / "full.db")) as store:
        store._conn.execute("PRAGMA max_page_count = 1")  # noqa: SLF001 (the disk is "full" at the next page)
        with pytest.raises(StoreError, match="cannot write to the store .*full"):
            store.ingest(article)
    with open_store(str(tmp_path / "ro.db")) as store:
        store._conn.execute("PRAGMA query_only = 1")  # noqa: SLF001
        with pytest.raises(StoreError, match="cannot write to the store"):
            store.ingest(article)


def test_info_on_a_store_it_cannot_open_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "not-a-db").write_bytes(b"garbage" * 1000)
    done = run_warta("info", "--db", str(tmp_path / "not-a-db"))
    assert done.returncode == 1 and b"Traceback" not in done.stderr


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_an_export_taken_during_an_ingest_reads_one_snapshot(tmp_path: Path, backend: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from warta.store import export as export_module

    monkeypatch.setattr(export_module, "PAGE", 5)
    with open_store(_backends(tmp_path, backend)) as store:
        for i in range(30):
            store.ingest(Article(source=f"s/{i}", url=f"https://snap.example/{i}", text=BODY))

        class Busy(io.StringIO):
            """Output whose every write lets an ingest land between two pages of the export."""
            written = 0

            def write(self, text: str) -> int:
                Busy.written += 1
                store.ingest(Article(source=f"new/{Busy.written}", url=f"https://snap.example/new{Busy.written}", text=BODY))
                return super().write(text)

        out = Busy()
        export_module.export(store, fmt="csv", out=out, table="articles")
        ids = [line.split(",", 1)[0] for line in out.getvalue().splitlines()[1:]]
        assert len(ids) == len(set(ids)) == 30


@pytest.mark.parametrize("bulk", [False, True], ids=["plain", "bulk"])
def test_inputs_sharing_a_url_are_stored_once_and_a_rerun_changes_nothing(tmp_path: Path, bulk: bool) -> None:
    lines = [_line(1), _line(1, text=BODY + " Kalimat tambahan."), _line(2), _line(1)]
    (tmp_path / "same.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    args = ["ingest", str(tmp_path / "same.jsonl"), "--db", db, "--stages", "read"] + (["--engine", "serial", "-q"] if bulk else [])
    first, again = run_warta(*args), run_warta(*args)
    assert first.returncode == again.returncode == 0, first.stderr
    text = again.stderr.decode()
    assert ("4 already done" if bulk else "added 0, updated 0, unchanged 2") in text, text
    with open_store(db) as store:
        assert store.stats()["articles"] == 2
        assert store.article(store.articles(Filters(limit=5))[-1]["id"]) is not None


def test_an_unforeseen_failure_is_one_line_without_traceback() -> None:
    import subprocess

    code = ("import warta.cli as cli; cli._load_command_modules = lambda: "
            "(_ for _ in ()).throw(OSError(28, 'No space left on device')); cli.main()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          env={k: v for k, v in os.environ.items() if k != "WARTA_DEBUG"})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == "warta: failed: OSError: [Errno 28] No space left on device (WARTA_DEBUG=1 shows where)"


def test_a_bulk_run_does_not_count_lines_of_special_files(tmp_path: Path) -> None:
    """The progress bar counts JSON lines first: a FIFO or a link to /dev/zero named .jsonl must not hang it."""
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    os.symlink("/dev/zero", folder / "zero.jsonl")
    (folder / "good.jsonl").write_text(_line(1) + "\n", encoding="utf-8")
    done = run_warta("ingest", str(folder), "--db", str(tmp_path / "w.db"), "--stages", "read", "--engine", "serial")
    assert done.returncode == 1 and b"1 done (added 1" in done.stderr, done.stderr
    assert done.stderr.count(b"not a regular file") == 2


def test_a_gzip_bomb_in_a_warc_stops_at_the_limit_and_the_next_record_is_read(tmp_path: Path, monkeypatch) -> None:
    """A gzipped WARC file is decompressed member by member through the one bounded inflate path
    (warta.inflate), not by the WARC library: a member holding 40 MB of zeros stops at the limit
    with one error naming its offset, and the record after it is read."""
    import gzip
    import zlib

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from hostile_corpus import page, warc_record

    sources = sys.modules[iter_documents.__module__]  # the module this file imported (warta.sources)
    inflated: list[int] = []
    real = sources.inflate_member

    def counted(handle, offset, limit, *, source):
        try:
            data, following = real(handle, offset, limit, source=source)
        except Exception:
            inflated.append(-1)
            raise
        inflated.append(len(data))
        return data, following

    monkeypatch.setattr(sources, "inflate_member", counted)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    zeros = b"\0" * 40_000_000
    head = warc_record(b"", uri="https://bomb.example/2", number=2, length=len(http) + len(zeros))
    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = bomb.compress(head[: head.index(b"HTTP/1.1")] + http) + bomb.compress(zeros) + bomb.flush()
    good = [gzip.compress(warc_record(page().encode(), uri=f"https://bomb.example/{n}", number=n)) for n in (1, 3)]
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(good[0] + member + good[1])
    items = list(iter_documents([str(path)], max_bytes=1_000_000))
    assert [type(item).__name__ for item in items] == ["Document", "InflateError", "Document"]
    assert str(items[1]).startswith(f"{path}#offset-{len(good[0])}: larger than ") and "decompressed" in str(items[1])
    assert [item.url for item in (items[0], items[2])] == ["https://bomb.example/1", "https://bomb.example/3"]
    assert inflated[1] == -1 and max(inflated) < 2_100_000  # no member went past the limit
