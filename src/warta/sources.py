"""Readers: turn paths (files, folders, `-` for stdin) into raw `Document`s, in input order.

Each reader yields a `Document` or, for an input it cannot read, the `WartaError` saying why, so a
batch goes on past a bad input. Kinds: .html/.htm, .txt, .jsonl, .warc/.warc.gz, folders, stdin.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import BinaryInputError, EmptyInputError, InputError, WartaError
from .model import Document

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
Item = Document | WartaError


def iter_documents(paths: list[str], *, max_bytes: int = 20_000_000) -> Iterator[Item]:
    """Yield a Document (or the error for it) for every article found under `paths`, in order."""
    for path in paths:
        if path == "-":
            yield from _read_stream("<stdin>", sys.stdin.buffer.read(max_bytes + 1), max_bytes=max_bytes)
        elif os.path.isdir(path):
            for child in _walk(Path(path)):
                yield from _read_path(str(child), max_bytes=max_bytes)
        else:
            yield from _read_path(path, max_bytes=max_bytes)


def _walk(folder: Path) -> Iterator[Path]:
    """Files of known kinds below `folder`, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(KNOWN_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def _read_path(path: str, *, max_bytes: int) -> Iterator[Item]:
    lower = path.lower()
    try:
        if lower.endswith(WARC_SUFFIXES):
            yield from _read_warc(path)
            return
        if os.path.getsize(path) > max_bytes:
            raise InputError(path, f"larger than {max_bytes} bytes")
        with open(path, "rb") as handle:
            data = handle.read()
    except WartaError as error:
        yield error
        return
    except FileNotFoundError:
        yield InputError(path, "no such file")
        return
    except OSError as error:
        yield InputError(path, f"cannot read ({error.strerror or error})")
        return
    if lower.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl(path, data)
    elif lower.endswith(HTML_SUFFIXES):
        yield from _checked(path, data, kind="html")
    elif lower.endswith(TEXT_SUFFIXES):
        yield from _checked(path, data, kind="text")
    else:
        yield from _read_stream(path, data, max_bytes=max_bytes)


def _read_stream(source: str, data: bytes, *, max_bytes: int) -> Iterator[Item]:
    """Read input of unknown kind (stdin, odd suffix): sniff JSON Lines, HTML or text."""
    if len(data) > max_bytes:
        yield InputError(source, f"larger than {max_bytes} bytes")
        return
    head = data.lstrip()[:1000].lower()
    if head.startswith(b"{"):
        yield from _read_jsonl(source, data)
    elif head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")) or b"<html" in head:
        yield from _checked(source, data, kind="html")
    else:
        yield from _checked(source, data, kind="text")


def _checked(source: str, data: bytes, *, kind: str) -> Iterator[Item]:
    """Refuse empty and binary data, then yield the Document."""
    try:
        yield _document(source, data, kind=kind)
    except WartaError as error:
        yield error


def _document(source: str, data: bytes, *, kind: str, url: str | None = None) -> Document:
    if not data.strip():
        raise EmptyInputError(source, "empty input")
    if _looks_binary(data):
        raise BinaryInputError(source, "binary data, not a page or text")
    if kind == "html":
        return Document(source=source, content=data, kind="html", url=url)
    return text_document(source, decode_text(source, data), url=url)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean binary (images, archives)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def decode_text(source: str, data: bytes) -> str:
    """Decode text as UTF-8 (with or without BOM), falling back to cp1252 for old pages."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise BinaryInputError(source, "not valid text in UTF-8 or cp1252") from None


def text_document(source: str, text: str, *, url: str | None = None, title: str | None = None,
                  published: str | None = None, author: str | None = None) -> Document:
    """A plain-text article; a first line followed by a blank line is its headline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if title is None:
        first, sep, rest = text.lstrip("\n").partition("\n")
        if sep and rest.startswith("\n") and 0 < len(first.strip()) <= 300:
            title, text = first.strip(), rest.lstrip("\n")
    return Document(source=source, content=text, kind="text", url=url, title=title,
                    published=published, author=author)


def _read_jsonl(source: str, data: bytes) -> Iterator[Item]:
    """One article per line: fields url, title, text or html, date (aliases accepted)."""
    try:
        # Split on newlines only: str.splitlines also breaks at U+0085 and U+2028 inside JSON strings.
        lines = decode_text(source, data).split("\n")
    except WartaError as error:
        yield error
        return
    if not any(line.strip() for line in lines):
        yield EmptyInputError(source, "empty input")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_record(f"{source}#{number}", line)


def _jsonl_record(source: str, line: str) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(source, f"not valid JSON ({error.msg})")
    if not isinstance(record, dict):
        return InputError(source, "a JSON line must be an object")
    url = _first(record, "url", "link")
    meta = {"title": _first(record, "title", "headline"), "published": _first(record, "date", "published", "published_at"),
            "author": _first(record, "author", "authors")}
    html = _first(record, "html", "raw_html")
    text = _first(record, "text", "content", "body", "article")
    if html:
        return Document(source=source, content=html.encode("utf-8"), kind="html", url=url, **meta)
    if text and text.strip():
        return text_document(source, text, url=url, **meta)
    return EmptyInputError(source, "no text or html field")


def _first(record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value not in (None, ""):
            return str(value)
    return None


def _read_warc(path: str) -> Iterator[Item]:
    """HTML responses of a WARC file (Common Crawl News layout), via FastWARC."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    if not os.path.exists(path):
        yield InputError(path, "no such file")
        return
    stream = path  # FastWARC >= 2 opens the path itself and detects gzip
    found = False
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower() and content_type:
                continue
            found = True
            url = record.headers.get("WARC-Target-URI")
            source = f"{path}#{record.record_id}"
            try:
                yield _document(source, record.reader.read(), kind="html", url=url)
            except WartaError as error:
                yield error
    except Exception as error:  # noqa: BLE001 (FastWARC raises its own types on corrupt archives)
        yield InputError(path, f"corrupt WARC ({error.__class__.__name__})")
        return
    if not found:
        yield InputError(path, "no HTML responses in WARC")
