"""Secrets are never printed or served: store URLs show `***` for their password (messages, `info`,
`ingest`, `/api/stats`), and a bulk run's journal lives with its store, never in the working folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_warta
from test_store_conformance import _fresh_postgres, _postgres_url

from warta.bulk import journal_for
from warta.secrets import mask_secrets, redact
from warta.store import open_store

SECRET = "s3cr3t-pw"


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://warta:s3cr3t@db.example:5432/news", "postgresql://warta:***@db.example:5432/news"),
    ("postgresql://warta:p@ss:w@rd@db.example/news", "postgresql://warta:***@db.example/news"),
    ("postgresql://db.example/news?user=w&password=s3cr3t&sslmode=require",
     "postgresql://db.example/news?user=w&password=***&sslmode=require"),
    ("host=db.example password='a b' user=w", "host=db.example password=*** user=w"),
    ("postgresql://warta@db.example/news", "postgresql://warta@db.example/news"),
    ("/home/me/warta.db", "/home/me/warta.db"),
])
def test_passwords_are_masked(url: str, shown: str) -> None:
    assert redact(url) == shown
    assert mask_secrets(f"cannot connect to {url}: refused") == f"cannot connect to {shown}: refused"


def _url_with_password() -> str:
    url, _ = _fresh_postgres(_postgres_url())
    scheme, rest = url.split("://", 1)
    user_host = rest.split("@", 1)
    if len(user_host) == 1:
        return f"{scheme}://postgres:{SECRET}@{rest}"
    return f"{scheme}://{user_host[0].split(':')[0]}:{SECRET}@{user_host[1]}"


def test_postgres_password_is_never_printed_or_served(tmp_path: Path) -> None:
    url = _url_with_password()  # the test server trusts loopback, so any password connects
    with open_store(url) as store:
        assert SECRET not in store.url and SECRET not in str(store.stats())
    (tmp_path / "a.txt").write_text("Judul\n\nMenteri Luar Negeri Indonesia bertemu Duta Besar Prancis di Jakarta.\n")
    for args in (["ingest", str(tmp_path / "a.txt"), "--db", url, "--stages", "read"], ["info", "--db", url],
                 ["ingest", str(tmp_path / "a.txt"), "--db", url, "--stages", "read", "--engine", "serial", "-q"]):
        done = run_warta(*args, env={**os.environ, "WARTA_JOURNAL_DIR": str(tmp_path / "j")})
        assert done.returncode == 0, done.stderr
        assert SECRET.encode() not in done.stdout + done.stderr and b"***" in done.stdout + done.stderr


def test_a_refused_connection_does_not_print_its_password() -> None:
    done = run_warta("info", "--db", f"postgresql://warta:{SECRET}@127.0.0.1:1/none")
    assert done.returncode == 1 and SECRET.encode() not in done.stdout + done.stderr


def test_the_journal_of_a_postgres_store_lives_with_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARTA_JOURNAL_DIR", str(tmp_path / "journals"))
    with open_store(_fresh_postgres(_postgres_url())[0]) as first, open_store(_fresh_postgres(_postgres_url())[0]) as second:
        one, two, again = journal_for(first), journal_for(second), journal_for(first)
        try:
            assert one.path == again.path != two.path  # keyed by the store's identity, kept in the store
            assert Path(one.path).parent == tmp_path / "journals"
            assert not (tmp_path / "warta-journal.db").exists()
        finally:
            for book in (one, two, again):
                book.close()


def test_a_fresh_postgres_store_never_meets_an_old_journal(tmp_path: Path) -> None:
    """An old journal in the working folder (or another store's) must not make a new store skip inputs."""
    (tmp_path / "a.txt").write_text("Judul\n\nMenteri Luar Negeri Indonesia bertemu Duta Besar Prancis di Jakarta.\n")
    env = {**os.environ, "WARTA_JOURNAL_DIR": str(tmp_path / "journals")}
    args = ["ingest", str(tmp_path / "a.txt"), "--stages", "read", "--engine", "serial", "-q"]
    for _ in range(2):  # each run into a new database stores the input
        url = _fresh_postgres(_postgres_url())[0]
        done = run_warta(*args, "--db", url, env=env)
        assert done.returncode == 0 and b"1 done (added 1" in done.stderr, done.stderr
