"""The `warta` command line: output formats, input order, error lines and exit status."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from warta import __version__
from warta.cli import main
from warta.model import SCHEMA_VERSION

ARTICLE_KEYS = {"source", "text", "url", "title", "author", "published", "sitename", "language", "paragraphs",
                "sentences", "entities", "quotes", "amounts", "dates", "events", "tone", "raw_offsets",
                "schema_version"}


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in this process (fast): returns (exit status, stdout, stderr)."""
    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["warta", *args])
        with pytest.raises(SystemExit) as exit_info:
            main()
        out, err = capsys.readouterr()
        code = exit_info.value.code
        return (code if isinstance(code, int) else 0 if code is None else 1), out, err
    return invoke


def _objects(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_json_one_object_per_article_in_input_order(run, fixtures: Path) -> None:
    inputs = [fixtures / "id_noisy.txt", fixtures / "articles.jsonl", fixtures / "en_article.htm", fixtures / "id_article.html"]
    code, out, err = run("extract", *map(str, inputs), "--format", "json")
    objects = _objects(out)
    assert [o["source"] for o in objects] == [
        str(inputs[0]), f"{inputs[1]}#1", f"{inputs[1]}#2", f"{inputs[1]}#5", str(inputs[2]), str(inputs[3])]
    assert all(set(o) == ARTICLE_KEYS for o in objects), [set(o) ^ ARTICLE_KEYS for o in objects]
    assert all(o["schema_version"] == SCHEMA_VERSION for o in objects)
    assert [o["language"] for o in objects] == ["id", "id", "en", "id", "en", "id"]
    assert code == 1  # two lines of the JSON Lines file are bad
    assert f"{inputs[1]}#3" in err and f"{inputs[1]}#4" in err and "Traceback" not in err


def test_all_good_inputs_exit_zero_and_nothing_on_stderr(run, fixtures: Path) -> None:
    code, out, err = run("extract", str(fixtures / "id_article.html"), str(fixtures / "en_article.htm"))
    assert code == 0 and err == ""
    first, second = _objects(out)
    assert first["title"] == "Pemkot Bandarjaya Resmikan Jembatan Baru di Sungai Lembayung"
    assert first["published"] == "2025-06-12" and first["author"] == "Sri Wulandari"
    assert second["sitename"] == "Coastline Herald" and second["language"] == "en"
    assert "Copyright" not in second["text"] and "Beranda" not in first["text"]


def test_jsonl_format_matches_json_and_tokens_are_opt_in(run, fixtures: Path) -> None:
    path = str(fixtures / "id_noisy.txt")
    _, as_json, _ = run("extract", path, "--format", "json")
    _, as_jsonl, _ = run("extract", path, "-f", "jsonl")
    _, with_tokens, _ = run("extract", path, "--tokens")
    assert as_json == as_jsonl and len(as_json.splitlines()) == 1
    [article] = _objects(with_tokens)
    assert set(article) == ARTICLE_KEYS | {"tokens"}
    words = [article["text"][t["start"]:t["end"]] for t in article["tokens"]]
    assert words[:4] == ["Menteri", "Luar", "Negeri", "Sari"]


def test_text_format_is_readable(run, fixtures: Path) -> None:
    code, out, _ = run("extract", str(fixtures / "id_noisy.txt"), "--format", "text")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Menteri Luar Negeri Bertolak keJakarta Usai Kunjungan Dua Hari"
    assert "language: id" in lines[1] and "id_noisy.txt" in lines[1]
    assert "SCROLL TO CONTINUE" not in out
    quotes, amounts = lines.index("quotes:"), lines.index("amounts:")
    assert lines[quotes + 1].startswith("  Sari Pertiwi said: “Kami sepakat")  # one line per record, with its words
    assert lines[amounts + 1].startswith("  ~2,500,000,000 USD (trade): “US$ 2,5 miliar” in “Menurut")


def test_unknown_format_is_a_usage_error(run, fixtures: Path) -> None:
    code, out, err = run("extract", str(fixtures / "id_noisy.txt"), "--format", "xml")
    assert code == 2 and out == "" and "xml" in err


def test_folder_and_warc_inputs(run, fixtures: Path, tmp_path: Path, make_warc) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(fixtures / "en_article.htm", folder / "sub" / "b.htm")
    shutil.copy(fixtures / "id_noisy.txt", folder / "a.txt")
    warc = make_warc(tmp_path / "crawl.warc.gz", [("https://kabar.example/j", (fixtures / "id_article.html").read_bytes())])
    code, out, err = run("extract", str(folder), str(warc))
    objects = _objects(out)
    assert code == 0, err
    assert [Path(o["source"].split("#")[0]).name for o in objects] == ["a.txt", "b.htm", "crawl.warc.gz"]
    assert objects[2]["url"] == "https://kabar.example/j" and "Sungai Lembayung" in objects[2]["text"]


def test_bad_inputs_give_one_line_each_and_the_rest_still_runs(warta_cli, fixtures: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    inputs = [missing, fixtures / "id_noisy.txt", fixtures / "empty.txt", fixtures / "binary.html",
              fixtures / "not_article.html", fixtures / "en_article.htm"]
    result = warta_cli("extract", *map(str, inputs))
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in stderr
    assert [o["source"] for o in _objects(stdout)] == [str(fixtures / "id_noisy.txt"), str(fixtures / "en_article.htm")]
    lines = stderr.splitlines()
    expected = {missing: "no such file", fixtures / "empty.txt": "empty", fixtures / "binary.html": "binary",
                fixtures / "not_article.html": "no article body"}
    for path, reason in expected.items():
        [line] = [ln for ln in lines if str(path) in ln]
        assert reason in line
    assert lines[-1] == "warta: dropped 4 inputs: unreadable 1, empty 1, binary 1, not-article 1"
    assert len(lines) == 5


def test_stdin_dash(warta_cli) -> None:
    text = ("Banjir Rendam Kampung Nelayan\n\nBanjir rob merendam kampung nelayan di pesisir utara sejak Senin pagi. "
            "Warga memindahkan perahu dan barang ke tempat yang lebih tinggi.\n")
    result = warta_cli("extract", "-", input=text.encode())
    [article] = _objects(result.stdout.decode())
    assert result.returncode == 0
    assert article["source"] == "<stdin>" and article["title"] == "Banjir Rendam Kampung Nelayan"
    assert article["text"].startswith("Banjir rob merendam") and article["language"] == "id"


def test_stdin_html_and_empty_stdin(warta_cli, fixtures: Path) -> None:
    html = warta_cli("extract", "-", input=(fixtures / "en_article.htm").read_bytes())
    assert _objects(html.stdout.decode())[0]["title"] == "Harbour city opens its first tidal power station"
    empty = warta_cli("extract", "-", input=b"")
    assert empty.returncode == 1 and empty.stdout == b""
    assert "<stdin>: empty input" in empty.stderr.decode() and b"Traceback" not in empty.stderr


def test_bad_setting_in_environment_is_one_line(warta_cli, fixtures: Path) -> None:
    env = {**os.environ, "WARTA_MIN_TEXT_CHARS": "lots"}
    result = warta_cli("extract", str(fixtures / "id_noisy.txt"), env=env)
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().strip() == "warta: setting min_text_chars: expected int, got 'lots'"


def test_environment_setting_changes_behaviour(run, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_MIN_TEXT_CHARS", "100000")
    code, out, err = run("extract", str(fixtures / "id_article.html"))
    assert code == 1 and out == "" and "no article body" in err


def test_unknown_stage_is_a_config_error(run, fixtures: Path) -> None:
    code, out, err = run("extract", str(fixtures / "id_noisy.txt"), "--stages", "read,telepathy")
    assert code == 1 and out == ""
    assert err.startswith("warta: stage telepathy: unknown stage") and len(err.splitlines()) == 1


def test_fewer_stages_leave_fields_empty(run, fixtures: Path) -> None:
    code, out, _ = run("extract", str(fixtures / "id_noisy.txt"), "--stages", "read")
    [article] = _objects(out)
    assert code == 0 and article["language"] is None and article["sentences"] == []
    assert article["paragraphs"] and all(p["language"] is None for p in article["paragraphs"])


def test_settings_stages_and_version_commands(run) -> None:
    code, out, _ = run("settings")
    assert code == 0 and "min_text_chars = 40" in out and "WARTA_MIN_TEXT_CHARS" in out
    code, out, _ = run("stages")
    assert code == 0 and "segment: requires paragraphs, text; produces sentences, tokens" in out
    code, out, _ = run("version")
    assert code == 0 and out.strip() == __version__


def test_help_imports_no_pipeline_and_shows_extras() -> None:
    """`warta --help` answers without the pipeline (its first result is quick); rich markup does not
    eat "[embeddings]" from a command's help."""
    import subprocess
    import sys

    probe = ("import sys; from warta.cli import main; sys.argv = ['warta', '--help']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('PIPELINE' if 'warta.pipeline' in sys.modules else 'LEAN')")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120).stdout
    assert out.strip().endswith("LEAN")
    embed = subprocess.run([sys.executable, "-m", "warta", "embed", "--help"], capture_output=True, text=True,
                           timeout=120).stdout
    assert "warta[embeddings]" in " ".join(embed.split())


def test_extract_imports_no_other_command_and_help_lists_them_all() -> None:
    """`warta extract` does not import the store, server or bulk commands; `warta --help` lists them."""
    import subprocess
    import sys

    script = ("import sys\nfrom warta.cli import main\n"
              "try:\n    main(['extract', '--help'])\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in sys.modules if m.startswith(('warta.commands.', 'warta.store'))))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().endswith("[]"), done.stdout[-500:] + done.stderr[-500:]
    listed = subprocess.run([sys.executable, "-m", "warta", "--help"], capture_output=True, text=True, timeout=120)
    assert all(name in listed.stdout for name in ("extract", "ingest", "serve", "export"))


def test_extract_of_a_text_file_imports_no_html_reader(tmp_path) -> None:
    """A plain-text input needs no HTML parsing: neither lxml nor trafilatura is imported (the
    first result of `warta extract` on a .txt does not pay for them)."""
    import os
    import subprocess
    import sys

    text = tmp_path / "berita.txt"
    text.write_text("Judul berita\n\nPresiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo pada hari Senin.\n",
                    encoding="utf-8")
    script = ("import sys, io, contextlib\nfrom warta.cli import main\n"
              f"sys.argv = ['warta', 'extract', {str(text)!r}, '--stages', 'read,language,segment']\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              "    try:\n        main()\n    except SystemExit:\n        pass\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'trafilatura')))")
    # no time limit: the documents run in this process (with one, in a worker forked from it)
    env = {**os.environ, "WARTA_DOCUMENT_TIMEOUT": "0"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.stdout.strip().endswith("[]"), done.stdout[-500:] + done.stderr[-500:]


def test_extract_asks_for_one_blas_thread_unless_the_user_chose(tmp_path) -> None:
    """`warta extract` sets OPENBLAS_NUM_THREADS=1 before numpy loads (its products go through
    blis), and leaves a user's own setting alone."""
    import os
    import subprocess
    import sys

    text = tmp_path / "berita.txt"
    text.write_text("Judul\n\nPresiden bertemu menteri di Jakarta pada hari Senin.\n", encoding="utf-8")
    script = ("import os, sys, io, contextlib\nfrom warta.cli import main\n"
              f"sys.argv = ['warta', 'extract', {str(text)!r}, '--stages', 'read']\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              "    try:\n        main()\n    except SystemExit:\n        pass\n"
              "print(os.environ.get('OPENBLAS_NUM_THREADS'))")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    for chosen, expected in ((None, "1"), ("3", "3")):
        run_env = env if chosen is None else {**env, "OPENBLAS_NUM_THREADS": chosen}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=run_env)
        assert done.stdout.strip() == expected, done.stderr[-500:]


def test_the_text_summary_gives_each_event_one_line_with_its_words() -> None:
    from test_store_data import indonesian_article

    from warta.summary import summary

    article = indonesian_article()
    lines = summary(article).splitlines()
    assert lines[:2] == [f"# {article.title}", f"date: {article.published}  language: id  source: {article.source}"]
    first = lines.index("events:") + 1
    assert len(lines[first:first + len(article.events)]) == len(article.events) and lines[first + len(article.events)] == ""
    agree, aid, reject = lines[first:first + 3]
    assert agree == ("  2025-06-17 AGREE 057: Indonesia (IDN) → Russia (RUS) — “Pemerintah Indonesia dan Rusia "
                     "menandatangani perjanjian kerja sama pertahanan di Jakarta pada Selasa.” @0")
    assert "[promised]" in aid and "[negated]" in reject and reject.endswith("“Indonesia tidak menolak tawaran itu.” @240")
