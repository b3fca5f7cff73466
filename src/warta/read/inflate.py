"""One bounded, streaming way to decompress, for every source: gzip files, HTTP bodies (whatever
Content-Encoding they claim) and sitemaps.

Output is produced in pieces of at most what is still allowed, so a bomb stops at `limit` bytes
having used no more memory than that; there is no fallback to a whole-buffer decompressor. Several
gzip members in a row (valid gzip, as WARC and log files are written) are read one after another;
a header zlib does not accept (reserved flags) is refused as corrupt, not inflated another way.
"""
from __future__ import annotations

import zlib
from typing import Any, BinaryIO

from ..errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
_GZIP, _ZLIB, _RAW = 16 + zlib.MAX_WBITS, zlib.MAX_WBITS, -zlib.MAX_WBITS


class InflateError(InputError):
    """Compressed data that is corrupt, cut short, or larger than allowed once decompressed."""


def inflate(data: bytes, limit: int, *, source: str, encoding: str = "gzip") -> bytes:
    """Decompress `data` (`gzip`, or `deflate`: zlib-wrapped or raw) into at most `limit` bytes.

    Data that starts with the gzip magic is read as gzip whatever `encoding` says (servers label
    gzip bodies "deflate")."""
    if data.startswith(GZIP_MAGIC) or encoding in ("gzip", "x-gzip"):
        return _members(data, limit, source)
    out = bytearray()
    _stream(data, _ZLIB if _is_zlib(data) else _RAW, limit, source, out, kind="deflate")
    return bytes(out)


def _members(data: bytes, limit: int, source: str) -> bytes:
    out = bytearray()
    pending = data
    while pending:
        pending = _stream(pending, _GZIP, limit, source, out, kind="gzip")
        if not pending.strip(b"\0"):  # trailing zero padding after the last member
            break
    return bytes(out)


def _stream(data: bytes, wbits: int, limit: int, source: str, out: bytearray, *, kind: str) -> bytes:
    """Inflate one stream of `data` into `out`, never past `limit`; return what follows it."""
    inflater = zlib.decompressobj(wbits)
    try:
        _feed(inflater, data, limit, source, out)
    except zlib.error as error:
        raise InflateError(source, f"corrupt {kind} data ({' '.join(str(error).split())[:80]})") from None
    if not inflater.eof:
        raise InflateError(source, f"truncated {kind} data")
    return inflater.unused_data


def _feed(inflater: Any, pending: bytes, limit: int, source: str, out: bytearray) -> None:
    """Inflate `pending` into `out` until it is used up or its stream ends, never past `limit`
    (what follows the stream's end stays in the inflater's `unused_data`)."""
    while pending and not inflater.eof:
        out += inflater.decompress(pending, limit + 1 - len(out))  # never 0: we stop past `limit`
        if len(out) > limit:
            raise InflateError(source, f"larger than {limit} bytes when decompressed")
        pending = inflater.unconsumed_tail


def inflate_member(handle: BinaryIO, offset: int, limit: int, *, source: str) -> tuple[bytes, int | None]:
    """Decompress the one gzip member at byte `offset` of `handle` into at most `limit` bytes,
    reading the handle a block at a time (a WARC file is read member by member, never whole);
    returns it and the offset of the next member (None at the end, zero padding included)."""
    handle.seek(offset)
    inflater = zlib.decompressobj(_GZIP)
    out = bytearray()
    read = 0
    try:
        while not inflater.eof:
            pending = handle.read(_BLOCK)
            if not pending:
                raise InflateError(source, "truncated gzip data")
            read += len(pending)
            _feed(inflater, pending, limit, source, out)
    except zlib.error as error:
        raise InflateError(source, f"corrupt gzip data ({' '.join(str(error).split())[:80]})") from None
    following = offset + read - len(inflater.unused_data)
    handle.seek(following)
    rest = handle.read(_BLOCK)
    while rest and not rest.strip(b"\0"):  # zero padding: the end, if nothing else follows
        rest = handle.read(_BLOCK)
    return bytes(out), following if rest else None


_BLOCK = 1 << 20


def _is_zlib(data: bytes) -> bool:
    """Does `data` start with a zlib header (RFC 1950), as "deflate" should, rather than raw deflate?"""
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


def inflate_head(data: bytes, size: int) -> bytes:
    """The first `size` bytes `data` decompresses to (gzip; `data` itself when not gzip), for sniffing;
    what cannot be decompressed gives b""."""
    if not data.startswith(GZIP_MAGIC):
        return data[:size]
    try:
        return zlib.decompressobj(_GZIP).decompress(data, size)
    except zlib.error:
        return b""
