"""Tables compiled once: built on the first call, loaded from the cache after, rebuilt when their
data changes, and still built (never an error) where the cache cannot be written."""
from __future__ import annotations

from warta.compiled import compiled


def test_built_once_then_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    calls = []

    def build():
        calls.append(1)
        return {"pattern": ("a", "b"), "n": len(calls)}

    assert compiled("t", ["line 1", "line 2"], build) == {"pattern": ("a", "b"), "n": 1}
    assert compiled("t", ["line 1", "line 2"], build) == {"pattern": ("a", "b"), "n": 1} and len(calls) == 1
    assert compiled("t", ["line 1", "line 2 changed"], build)["n"] == 2  # new data, new build


def test_a_broken_or_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WARTA_CACHE_DIR", str(blocker / "cache"))
    assert compiled("t", ["x"], lambda: 42) == 42
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "c2"))
    assert compiled("t", ["x"], lambda: 1) == 1
    for path in (tmp_path / "c2").iterdir():
        path.write_bytes(b"garbage")
    assert compiled("t", ["x"], lambda: 2) == 2  # unreadable: built again


def test_the_event_lexicon_loads_the_same_from_the_cache(tmp_path, monkeypatch):
    from warta.events import lexicon

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    lexicon.load_lexicon.cache_clear()
    built = lexicon.load_lexicon("id")
    lexicon.load_lexicon.cache_clear()
    loaded = lexicon.load_lexicon("id")
    assert loaded is not built and [p.text for p in loaded.patterns] == [p.text for p in built.patterns]
    tokens = "indonesia dan rusia menandatangani perjanjian kerja sama".split()
    assert [(m.start, m.end) for m in loaded.matches(tokens)] == [(m.start, m.end) for m in built.matches(tokens)]
    lexicon.load_lexicon.cache_clear()


def test_a_rebuild_replaces_the_stale_file(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    compiled("table", ["v1"], lambda: 1)
    compiled("table", ["v2"], lambda: 2)
    compiled("other", ["v1"], lambda: 3)
    assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle")) == ["other", "table"]


def test_the_building_module_is_part_of_the_key(tmp_path, monkeypatch):
    import sys
    import types

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    module = types.ModuleType("warta_fake_builder")
    module.__file__ = str(tmp_path / "builder.py")
    (tmp_path / "builder.py").write_text("RULES = 1\n")
    monkeypatch.setitem(sys.modules, "warta_fake_builder", module)

    def build_with(value):
        def build():
            return value
        build.__module__ = "warta_fake_builder"
        return build

    assert compiled("rules", ["data"], build_with(1)) == 1
    assert compiled("rules", ["data"], build_with(2)) == 1  # same code, same data: the cached table
    (tmp_path / "builder.py").write_text("RULES = 2\n")
    assert compiled("rules", ["data"], build_with(2)) == 2  # the builder changed: built again


def test_the_knowledge_base_and_cldr_names_load_the_same_from_the_cache(tmp_path, monkeypatch):
    """Built from the tables once, then unpickled: the same entries and lookups; a file's content,
    not its path, is the key (two checkouts share one cache)."""
    from warta import cldr, kb
    from warta.compiled import content_key

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    kb.load_kb.cache_clear()
    built = kb.load_kb()
    kb.load_kb.cache_clear()
    loaded = kb.load_kb()
    assert loaded is not built and len(loaded) == len(built) > 1000
    assert [e.id for e, _ in loaded.lookup("Jakarta")] == [e.id for e, _ in built.lookup("Jakarta")]
    kb.load_kb.cache_clear()
    cldr.territory_names.cache_clear()
    assert "Rusia" in cldr.territory_names() and "Russia" in cldr.territory_names()
    cldr.territory_names.cache_clear()
    table = tmp_path / "table.tsv"
    table.write_bytes(b"a\tb\n")
    key = content_key(table)
    assert content_key(table.rename(tmp_path / "moved.tsv")) == key


def test_a_content_key_is_remembered_by_the_file_and_follows_its_content(tmp_path, monkeypatch):
    """A settled file's digest is kept in the cache folder (a later process only stats it); a
    rewritten file gets its new content's digest, a just-written one is not remembered."""
    import hashlib
    import json
    import os

    from warta import compiled as compiled_module

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(compiled_module, "_DIGESTS", None)
    table = tmp_path / "table.tsv"
    table.write_bytes(b"a\tb\n")
    assert compiled_module.content_key(table) == hashlib.sha256(b"a\tb\n").hexdigest()
    assert not (tmp_path / "cache" / "content-keys.json").exists()  # just written: not remembered
    old = 1_000_000_000
    os.utime(table, (old, old))  # settled long ago (the change time is the utime call's: still recent)
    monkeypatch.setattr(compiled_module, "_SETTLED_NS", -1)
    key = compiled_module.content_key(table)
    remembered = json.loads((tmp_path / "cache" / "content-keys.json").read_text())
    assert list(remembered.values()) == [key]
    table.write_bytes(b"a\tcd\n")
    os.utime(table, (old, old))  # the same modification time: the size and change time tell
    assert compiled_module.content_key(table) == hashlib.sha256(b"a\tcd\n").hexdigest()
