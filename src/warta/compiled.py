"""Tables compiled once: a structure built from data files (a trigger lexicon parsed from its TSV
files: seconds) is kept as a pickle in the user's cache folder, keyed by a hash of its inputs and
of warta's version and of the source of the module that builds it, so later processes load it in
a fraction of the time. Any change to the data, to that module or to warta gives a new key; a
cache that cannot be read or written is simply not used.

The cache folder is the user's own (`WARTA_CACHE_DIR`, else the platform's user cache folder):
a pickle is only ever read from where this user's warta wrote it.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    """Where compiled tables are kept."""
    if os.environ.get("WARTA_CACHE_DIR"):
        return Path(os.environ["WARTA_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("warta")) / "compiled"


def compiled(name: str, inputs: Iterable[str], build: Callable[[], T]) -> T:
    """`build()`, or what it built before for the same `inputs` (the text it is built from)."""
    digest = hashlib.sha256(__version__.encode())
    # The code that builds it is part of the key too: a table pickled by an older build of the
    # module (other fields, other rules) must not come back under the same data.
    digest.update(_source(getattr(build, "__module__", "")))
    for text in inputs:
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    path = cache_dir() / f"{name}-{digest.hexdigest()[:24]}.pickle"
    try:
        return _load(path)  # type: ignore[return-value]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass  # absent, unreadable or from a warta whose classes changed: build it again
    value = build()
    _store(path, value)
    return value


def file_key(path: str | Path) -> str:
    """A file's path, size and modification time: an input of `compiled` that changes with the
    file without reading it (a dependency's files)."""
    stat = os.stat(path)
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def content_key(path: str | Path) -> str:
    """The sha256 of a file's bytes: an input of `compiled` that is the same for the same data in
    any checkout. Hashing the knowledge base's five tables means reading 5 MB (a tenth of the
    entities stage of a first result), so a digest is remembered in the cache folder under the
    file's identity (path, size, modification and change times, inode: a write changes the
    change time, whatever the modification time is set to) and a later process only stats it.
    A file changed in the last seconds is hashed and not remembered: two writes within one tick
    of the file system's clock can leave the same times (git's "racy" files)."""
    stat = os.stat(path)
    identity = f"{os.path.abspath(path)}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"
    known = _digests()
    if identity in known:
        return known[identity]
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > _SETTLED_NS:
        known[identity] = digest
        _store_digests(known)
    return digest


_DIGESTS: dict[str, str] | None = None
_MAX_DIGESTS = 1000  # files of other checkouts and versions age out past this many
_SETTLED_NS = 3_000_000_000  # a file unchanged this long is not being written


def _digests() -> dict[str, str]:
    """The remembered digests (read once per process; none when the cache cannot be read)."""
    global _DIGESTS
    if _DIGESTS is None:
        try:
            loaded = json.loads((cache_dir() / "content-keys.json").read_text(encoding="utf-8"))
            _DIGESTS = {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}
        except (OSError, ValueError, AttributeError):
            _DIGESTS = {}
    return _DIGESTS


def _store_digests(known: dict[str, str]) -> None:
    """Write the digests atomically, the newest kept; quietly not where the cache cannot be written."""
    kept = dict(list(known.items())[-_MAX_DIGESTS:])
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp", encoding="utf-8") as handle:
            json.dump(kept, handle)
        os.replace(handle.name, folder / "content-keys.json")
    except OSError:
        try:
            os.unlink(handle.name)
        except (OSError, NameError, UnboundLocalError):
            pass


def package_key(name: str) -> str:
    """`file_key` of an installed package's `__init__.py` (a new version changes it), found
    without importing the package; "absent" when it is not installed."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    return file_key(spec.origin) if spec is not None and spec.origin else "absent"


def _source(module: str) -> bytes:
    """The source file of `module` (b"" when it has none)."""
    found = sys.modules.get(module)
    try:
        return Path(found.__file__).read_bytes() if found is not None and found.__file__ else b""
    except OSError:
        return b""


def _load(path: Path) -> object:
    # Unpickling allocates a great many small objects: the collector's passes over them (none of
    # which can be garbage yet) would cost more than the reading.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        if was_enabled:
            gc.enable()


def _store(path: Path, value: object) -> None:
    """Write atomically (a reader never sees half a file); give up quietly where it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        for stale in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.pickle"):
            if stale != path:  # built from data that has changed since: never asked for again
                stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            os.unlink(handle.name)
        except (OSError, NameError, UnboundLocalError):
            pass
