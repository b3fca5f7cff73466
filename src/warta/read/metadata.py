"""Metadata given beside an input: a sidecar (`story.txt` + `story.json`, same stem) or a folder's
`index.jsonl` (one object a line, matched to a file by its name — `file`, `html_file`, `path` —
or by its `url`).

Either gives url, title, published date, outlet and author, the fields a `.txt` file has no way
to carry. Keys have the usual aliases (`date`/`published`, `outlet`/`sitename`/`site`, `authors`
as a list). A sidecar's fields win over the index's. A folder's `index.jsonl` whose lines hold no
text is metadata, not articles, and is not read as input.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from .files import open_regular, read_regular

INDEX_NAME = "index.jsonl"
MAX_SIDE_BYTES = 50_000_000  # an index of a large folder; a sidecar or index past it is ignored
FIELDS = {"url": ("url", "link"), "title": ("title", "headline"),
          "published": ("published", "date", "published_at", "datePublished"),
          "sitename": ("outlet", "sitename", "site", "site_name", "source_name"),
          "author": ("author", "authors", "byline")}
_FILE_KEYS = ("file", "html_file", "path", "filename")
_TEXT_KEYS = ("text", "html", "content", "body", "article", "raw_html")


def fields_of(record: dict[str, Any]) -> dict[str, str]:
    """The metadata fields a JSON object gives, under warta's names (empty values left out)."""
    out: dict[str, str] = {}
    for name, keys in FIELDS.items():
        for key in keys:
            value = record.get(key)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value if v)
            if value not in (None, "") and not isinstance(value, dict):
                out[name] = str(value)
                break
    return out


def is_metadata_index(path: str | Path) -> bool:
    """Is this file a folder's metadata index (named index.jsonl, its first line without text)?"""
    path = Path(path)
    if path.name != INDEX_NAME:
        return False
    first = _first_record(path)
    return first is not None and not any(first.get(k) for k in _TEXT_KEYS)


def _first_record(path: Path) -> dict[str, Any] | None:
    try:
        with open_regular(str(path), str(path), max_bytes=None) as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line.decode("utf-8-sig"))
                    return record if isinstance(record, dict) else None
    except (OSError, ValueError, RecursionError, InputError):
        return None
    return None


def metadata_for(path: str) -> dict[str, str]:
    """What the folder's index and the file's sidecar say of the input file at `path`."""
    folder, name = os.path.split(os.path.abspath(path))
    by_file, _ = _index(folder, _mtime(os.path.join(folder, INDEX_NAME)))
    found = dict(by_file.get(_bare(name), {}))
    found.update(_sidecar(path))
    return found


def metadata_for_url(path: str, url: str | None) -> dict[str, str]:
    """What the folder's index says of the record with `url` (for inputs that name their URL)."""
    if not url or not os.path.isfile(path):
        return {}
    folder = os.path.dirname(os.path.abspath(path))
    _, by_url = _index(folder, _mtime(os.path.join(folder, INDEX_NAME)))
    return dict(by_url.get(url, {}))


def _bare(name: str) -> str:
    """A file name without .gz: `a.txt.gz` is indexed as `a.txt`."""
    return name.removesuffix(".gz")


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


@lru_cache(maxsize=64)
def _index(folder: str, mtime: float | None) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """The folder's index by file name and by URL (read once per version of the file)."""
    by_file: dict[str, dict[str, str]] = {}
    by_url: dict[str, dict[str, str]] = {}
    if mtime is None:
        return by_file, by_url
    try:
        lines = (read_regular(os.path.join(folder, INDEX_NAME), max_bytes=MAX_SIDE_BYTES) or b"").splitlines()
    except OSError:
        return by_file, by_url
    for line in lines:
        try:
            record = json.loads(line.decode("utf-8-sig")) if line.strip() else None
        except (ValueError, RecursionError):
            continue  # a broken line of an index loses its own metadata only
        if not isinstance(record, dict):
            continue
        fields = fields_of(record)
        for key in _FILE_KEYS:
            if isinstance(record.get(key), str):
                by_file[_bare(os.path.basename(record[key]))] = fields
        if fields.get("url"):
            by_url[fields["url"]] = fields
    return by_file, by_url


def _sidecar(path: str) -> dict[str, str]:
    """The fields of `path`'s sidecar JSON (same stem, `.json`), if it has one."""
    stem = _bare(path)
    sidecar = os.path.splitext(stem)[0] + ".json"
    try:
        record = json.loads((read_regular(sidecar, max_bytes=MAX_SIDE_BYTES) or b"null").decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return {}
    return fields_of(record) if isinstance(record, dict) else {}
