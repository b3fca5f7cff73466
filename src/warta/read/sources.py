"""Readers: turn paths (files, folders, `-` for stdin) into raw `Document`s, in input order.

Each reader yields a `Document` or, for an input it cannot read, the `WartaError` saying why, so a
batch goes on past a bad input. Kinds: .html/.htm, .txt, .jsonl, .warc/.warc.gz, any of the first
three gzipped (.html.gz, .jsonl.gz, ...), folders, stdin.

Hostile input is refused early and cheaply: no input, decompressed gzip or WARC record larger than
`max_bytes` is read into memory (a gzip bomb stops at `max_bytes`), truncated archives and JSON
nested too deep give one error each, and texts are decoded by `warta.read.encoding` (byte-order marks,
UTF-8, declared charsets, windows-1252) rather than refused or mangled.
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from . import encoding
from ..errors import BinaryInputError, EmptyInputError, InputError, WartaError
from .files import open_regular
from .inflate import GZIP_MAGIC, InflateError, inflate, inflate_member
from .metadata import INDEX_NAME, fields_of, is_metadata_index, metadata_for, metadata_for_url
from ..model import Document

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_SUFFIXES = tuple(s + ".gz" for s in HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES)
KNOWN_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + GZIP_SUFFIXES
Item = Document | WartaError
# C0 controls but tab and newlines, DEL and C1 controls carry nothing in a text and break what
# reads it later (PostgreSQL refuses NUL); vertical tab, form feed and NEL end a line.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_CONTROLS = re.compile(r"[\x0b\x0c\x85]")
# A str may hold what no encoder takes: lone surrogates (JSON "\\ud800", a file name's stray
# byte decoded with surrogateescape). They become U+FFFD before anything stores or prints them.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def iter_documents(paths: list[str], *, max_bytes: int = 20_000_000) -> Iterator[Item]:
    """Yield a Document (or the error for it) for every article found under `paths`, in order."""
    for path in paths:
        if path == "-":
            yield from _read_stream("<stdin>", sys.stdin.buffer.read(max_bytes + 1), max_bytes=max_bytes)
        elif os.path.isdir(path):
            for child in _walk(Path(path)):
                yield from _read_guarded(str(child), max_bytes=max_bytes)
        else:
            yield from _read_guarded(path, max_bytes=max_bytes)


def display_name(path: str) -> str:
    """`path` as a name that any encoder takes: a byte that is not UTF-8 in a file name (decoded by
    the OS layer as a lone surrogate) is shown as its escape, `\\xff`."""
    if not _SURROGATES.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def clean_field(value: str | None) -> str | None:
    """A metadata field (url, title, author, date) fit for every store: lone surrogates become
    U+FFFD, NUL and other control characters go, line breaks become spaces."""
    if value is None:
        return None
    value = _SURROGATES.sub("\ufffd", value)
    return _CONTROLS.sub("", _LINE_CONTROLS.sub(" ", value.replace("\r", " ").replace("\n", " ")))


def _read_guarded(path: str, *, max_bytes: int) -> Iterator[Item]:
    """Read one path; a failure nobody foresaw ends this input with one line, never the batch."""
    name = display_name(path)
    try:
        yield from _read_path(path, name, max_bytes=max_bytes)
    except Exception as error:  # noqa: BLE001 (a reader's bug must not stop the batch)
        yield InputError(name, f"cannot read ({error.__class__.__name__}: {' '.join(str(error).split())[:120]})")


def _walk(folder: Path) -> Iterator[Path]:
    """Files of known kinds below `folder`, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(KNOWN_SUFFIXES) and not name.startswith("."):
                if name == INDEX_NAME and is_metadata_index(Path(root) / name):
                    continue  # the folder's metadata (see warta.read.metadata), not articles
                yield Path(root) / name


def _read_path(path: str, name: str, *, max_bytes: int) -> Iterator[Item]:
    lower = path.lower()
    try:
        if lower.endswith(WARC_SUFFIXES):
            yield from _read_warc(path, name, max_bytes=max_bytes)
            return
        with open_regular(path, name, max_bytes=max_bytes) as handle:
            data = gunzip(name, handle, max_bytes) if lower.endswith(".gz") else handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew since it was measured
            raise InputError(name, f"larger than {max_bytes} bytes")
        lower = lower.removesuffix(".gz")
    except WartaError as error:
        yield error
        return
    if lower.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl(name, data)
    elif lower.endswith(HTML_SUFFIXES):
        yield from _with_metadata(path, _checked(name, data, kind="html"))
    elif lower.endswith(TEXT_SUFFIXES):
        yield from _with_metadata(path, _checked(name, data, kind="text"))
    else:
        yield from _read_stream(name, data, max_bytes=max_bytes)


def _with_metadata(path: str, items: Iterator[Item]) -> Iterator[Item]:
    """The documents of a file with what its sidecar or its folder's index.jsonl says of it."""
    for item in items:
        if isinstance(item, Document):
            meta = metadata_for(path)
            if not meta and item.url:
                meta = metadata_for_url(path, item.url)
            item = with_fields(item, meta) if meta else item
        yield item


def with_fields(document: Document, meta: dict[str, str]) -> Document:
    """`document` with the metadata fields given (url, title, published, sitename, author)."""
    return document.replace(**{k: clean_field(v) for k, v in meta.items() if k in ("url", "title", "published", "sitename", "author")})


def _read_stream(source: str, data: bytes, *, max_bytes: int) -> Iterator[Item]:
    """Read input of unknown kind (stdin, odd suffix): sniff gzip, JSON Lines, HTML or text."""
    if len(data) > max_bytes:
        yield InputError(source, f"larger than {max_bytes} bytes")
        return
    if data.startswith(b"\x1f\x8b"):
        try:
            data = gunzip(source, io.BytesIO(data), max_bytes)
        except WartaError as error:
            yield error
            return
    if encoding.bom_encoding(data) in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        data = encoding.decode_text(data).encode("utf-8")  # sniff the text, not its wide bytes
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
    """A Document of `data`; empty and binary data are refused (a page keeps its raw bytes)."""
    if kind == "html":
        head = encoding.decode_html(data[:8192])  # a page is decoded for the check only: extraction decodes it again
        _check_text(source, head if head.strip() else encoding.decode_html(data))
        return Document(source=source, content=data, kind="html", url=url)
    text = decode_text(source, data)
    _check_text(source, text)
    return text_document(source, text, url=url)


def _check_text(source: str, text: str) -> None:
    """Refuse decoded text that is blank, or binary: NULs or many control characters in its head."""
    if not text.strip():
        raise EmptyInputError(source, "empty input")
    head = text[:8192]
    if "\x00" in head:
        raise BinaryInputError(source, "binary data, not a page or text")
    controls = sum(1 for ch in head if ch < " " and ch not in "\t\n\x0c\r\x1b")
    if controls > len(head) * 0.05:
        raise BinaryInputError(source, "binary data, not a page or text")


def decode_text(source: str, data: bytes) -> str:
    """Decode a text (BOM, UTF-8, mostly UTF-8, windows-1252: see `warta.read.encoding`); `source` names it."""
    return encoding.decode_text(data)


def gunzip(source: str, handle: BinaryIO, max_bytes: int) -> bytes:
    """Decompress the gzip data of `handle` (one or more members), never into more than `max_bytes`
    (a gzip bomb stops there), through the one bounded path every source uses (`warta.read.inflate`)."""
    return inflate(handle.read(max_bytes + 1), max_bytes, source=source)


def text_document(source: str, text: str, *, url: str | None = None, title: str | None = None,
                  published: str | None = None, author: str | None = None, sitename: str | None = None) -> Document:
    """A plain-text article; a first line followed by a blank line is its headline."""
    text = _CONTROLS.sub("", _LINE_CONTROLS.sub("\n", encoding.repair_mojibake(text).replace("\r\n", "\n").replace("\r", "\n")))
    title = _CONTROLS.sub("", encoding.repair_mojibake(title)) if title else title
    if title is None:
        first, sep, rest = text.lstrip("\n").partition("\n")
        if sep and rest.startswith("\n") and 0 < len(first.strip()) <= 300:
            title, text = first.strip(), rest.lstrip("\n")
    return Document(source=source, content=text, kind="text", url=url, title=title,
                    published=published, author=author, sitename=sitename)


def _read_jsonl(source: str, data: bytes) -> Iterator[Item]:
    """One article per line: fields url, title, text or html, date (aliases accepted)."""
    bom = encoding.bom_encoding(data)
    if bom and bom != "utf-8":
        data = encoding.decode_text(data).encode("utf-8")
    # Split the bytes on newlines and decode each line alone: a bad byte fails its own line only
    # (str.splitlines would also break at U+0085 and U+2028 inside JSON strings).
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    if not any(line.strip() for line in lines):
        yield EmptyInputError(source, "empty input")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_record(f"{source}#{number}", line)


def _jsonl_record(source: str, line: bytes) -> Item:
    try:
        # Numbers stay strings: every field is read as text anyway, and int() of 5,000 digits raises.
        record = json.loads(line.decode("utf-8"), parse_int=str, parse_float=str, parse_constant=str)
    except UnicodeDecodeError:
        return InputError(source, "not valid UTF-8")
    except json.JSONDecodeError as error:
        return InputError(source, f"not valid JSON ({error.msg})")
    except RecursionError:  # "[[[[…" 100,000 deep
        return InputError(source, "JSON nested too deeply")
    except ValueError as error:
        return InputError(source, f"not valid JSON ({' '.join(str(error).split())[:80]})")
    if not isinstance(record, dict):
        return InputError(source, "a JSON line must be an object")
    return _record_document(source, record)


def _record_document(source: str, record: dict) -> Item:
    """The article of one JSON object; its fields are made fit to store (`clean_field`)."""
    meta = {name: clean_field(value) for name, value in fields_of(record).items()}
    url = meta.pop("url", None)
    html = _first(record, "html", "raw_html")
    text = _first(record, "text", "content", "body", "article")
    if html:
        html = _CONTROLS.sub("", _SURROGATES.sub("\ufffd", html))
        return Document(source=source, content=html.encode("utf-8"), kind="html", url=url, **meta)
    if text and text.strip():
        return text_document(source, _SURROGATES.sub("\ufffd", text), url=url, **meta)
    return EmptyInputError(source, "no text or html field")


def _first(record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value not in (None, ""):
            return str(value)
    return None


def _read_warc(path: str, name: str, *, max_bytes: int) -> Iterator[Item]:
    """HTML responses of a WARC file (Common Crawl News layout), via FastWARC.

    A record that breaks the reading (a negative or wrong Content-Length, garbage between records)
    gives one error, and reading resumes at the next record header (or gzip member) after it."""
    with open_regular(path, name, max_bytes=None) as handle:
        if handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
            yield from _read_warc_members(handle, name, max_bytes=max_bytes)
            return
        found, start, resyncs = False, 0, 0
        while start is not None and resyncs <= _MAX_RESYNCS:
            last = start
            try:
                for position, item in _warc_records(handle, name, start, max_bytes):
                    found, last = True, position
                    yield item
                break
            except _Resync:
                pass
            except Exception as error:  # noqa: BLE001 (FastWARC raises OSError and its own types on corrupt archives)
                found = True  # said why: "no HTML responses" would be a second line for one fault
                yield InputError(f"{name}#offset-{last}" if last else name, f"corrupt WARC ({error.__class__.__name__}: "
                                 f"{' '.join(str(error).split())[:80]}); reading goes on at the next record")
            start, resyncs = _next_record_start(handle, last + 1), resyncs + 1
    if not found:
        yield InputError(name, "no HTML responses in WARC")


def _read_warc_members(handle: BinaryIO, name: str, *, max_bytes: int) -> Iterator[Item]:
    """The HTML responses of a gzipped WARC file, one gzip member (a record, as crawlers write
    them) at a time through the one bounded inflate path: a member that decompresses past
    `max_bytes` and a record's headers (a bomb) stops there with one error, and reading goes on
    at the next member."""
    found, offset, resyncs = False, 0, 0
    while offset is not None and resyncs <= _MAX_RESYNCS:
        where = f"{name}#offset-{offset}"
        try:
            data, following = inflate_member(handle, offset, max_bytes + _WARC_HEADERS, source=where)
        except InflateError as error:
            found = True
            yield error
            offset, resyncs = _next_record_start(handle, offset + 1), resyncs + 1
            continue
        try:
            for _, item in _warc_records(io.BytesIO(data), name, 0, max_bytes):
                found = True
                yield item
        except _Resync:
            pass
        except Exception as error:  # noqa: BLE001 (FastWARC raises OSError and its own types on corrupt records)
            found = True
            yield InputError(where, f"corrupt WARC ({error.__class__.__name__}: {' '.join(str(error).split())[:80]})")
        offset = following
    if not found:
        yield InputError(name, "no HTML responses in WARC")


_WARC_HEADERS = 1 << 20  # room for a record's WARC and HTTP headers besides its body


class _Resync(Exception):
    """A record's own error has been reported: read on from the next record header."""


_MAX_RESYNCS = 10_000  # corrupt spots skipped in one WARC file before the rest of it is given up
_WARC_MAGIC = (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"\x1f\x8b\x08")


def _warc_records(handle: BinaryIO, name: str, start: int, max_bytes: int) -> Iterator[tuple[int, Item]]:
    """(offset, Document or error) of the HTML responses from byte `start` of `handle` on."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    handle.seek(start)
    for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
        position = start + int(record.stream_pos)
        declared = (record.headers.get("Content-Length") or "").strip()
        if not declared.isdigit():
            yield position, InputError(_record_source(name, record), f"bad WARC Content-Length {declared[:20]!r}")
            raise _Resync
        content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
        if "html" not in content_type.lower() and content_type:
            continue
        yield position, _warc_item(name, record, max_bytes)


def _next_record_start(handle: BinaryIO, offset: int) -> int | None:
    """The offset of the first WARC header or gzip member at or after `offset`, or None."""
    handle.seek(offset)
    carry = b""
    while block := handle.read(1 << 20):
        data = carry + block
        hits = [i for i in (data.find(magic) for magic in _WARC_MAGIC) if i >= 0]
        if hits:
            return offset - len(carry) + min(hits)
        carry = data[-16:]
        offset += len(block)
    return None


def _record_source(name: str, record: Any) -> str:
    return f"{name}#{' '.join(str(record.record_id).split())[:200]}"  # an id may hold anything


def _warc_item(path: str, record: Any, max_bytes: int) -> Item:
    """One response record as a Document; too large a record is refused before it is read (the
    iterator then skips it without holding it), a record cut short is refused after."""
    source = _record_source(path, record)
    length = record.content_length  # of the HTTP body, once FastWARC has parsed the HTTP headers
    if length > max_bytes:
        return InputError(source, f"larger than {max_bytes} bytes")
    body = record.reader.read(length)
    if len(body) < length:
        return InputError(source, f"truncated WARC record ({len(body)} of {length} bytes)")
    try:
        return _document(source, body, kind="html", url=clean_field(record.headers.get("WARC-Target-URI")))
    except WartaError as error:
        return error
