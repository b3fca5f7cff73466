"""Write warta's corpus of hostile and broken inputs into a folder.

    python scripts/hostile_corpus.py OUT [--no-huge]

Every file is generated here (nothing large is stored in the repository): empty and binary files,
a 100 MB page, HTML nested 100,000 deep, invalid UTF-8, windows-1252, latin-1 and UTF-16 pages,
truncated gzip and WARC files, gzip bombs, malformed JSON Lines, a page with no article, runs of
10,000 quote marks, digits and currency signs, control characters, a 1 MB word, a million dots,
right-to-left, zero-width and combining characters and 2 MB floods of them, JSON Lines that once
stopped a run (5,000-digit integers, lone surrogates, NUL in fields), a WARC record with a negative
length, gzip with reserved flags, a file name that is not UTF-8, a link to /dev/zero and a FIFO
(neither may be read). Good inputs sit in the same folder, so a run
shows that the batch goes on past the bad ones.

`OUT/manifest.json` says what each input must give: `article` (a result), `error` (one line on
stderr) or `any` (either, within the time limit), and for articles the characters their text
must hold (legacy encodings decoded right, not mangled).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

# An ordinary article: Indonesian, with smart quotes, an accent and a euro sign, so that each
# legacy encoding below has characters outside ASCII to get right.
TITLE = "Menteri Bahas Kerja Sama Energi di Jakarta"
BODY = (
    ("Menteri Luar Negeri Indonesia bertemu Duta Besar Prancis di Jakarta pada Senin untuk membahas "
     "kerja sama energi senilai €5 juta, kata juru bicara kementerian."),
    "“Kami menyambut baik kerja sama ini,” kata menteri kepada wartawan di kafe René di Menteng.",
    "Kedua negara sepakat melanjutkan pembicaraan bulan depan di Paris, menurut pernyataan resmi.",
)
LEGACY_CHARS = ("€", "“", "”", "é")  # in BODY, and in windows-1252; latin-1 has only "é"


@dataclass
class Case:
    """One hostile input: its file name, what it must give and what its text must hold."""

    name: str
    build: Callable[[], bytes]
    expect: str = "any"  # "article", "error" or "any"
    contains: tuple[str, ...] = ()
    lines: dict[str, str] = field(default_factory=dict)  # JSON Lines: "#N" -> expectation
    huge: bool = False  # skipped with --no-huge
    special: str = ""  # "fifo", or "link:TARGET" (a symbolic link): not a file of bytes at all


def page(body: tuple[str, ...] = BODY, *, charset: str | None = "utf-8", title: str = TITLE) -> str:
    """A small news page holding `body`, with a <meta charset> when `charset` is given."""
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title} - Warta Uji</title></head><body>"
            f"<nav><a href='/'>Beranda</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
            "<footer>Hak cipta Warta Uji</footer></body></html>")


def text(body: tuple[str, ...] = BODY) -> str:
    """The same article as plain text: headline, blank line, paragraphs."""
    return TITLE + "\n\n" + "\n\n".join(body) + "\n"


def _binary() -> bytes:
    rng = random.Random(7)  # fixed seed: the same junk every run
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(20_000))


def _huge_page() -> bytes:
    paragraph = "<p>" + " ".join(BODY) + "</p>\n"
    head, tail = page(()).split("</article>")
    return (head + paragraph * (100_000_000 // len(paragraph.encode()) + 1) + "</article>" + tail).encode()


def _nested() -> bytes:
    depth = 100_000
    return ("<html><body>" + "<div>" * depth + " ".join(BODY) + "</div>" * depth + "</body></html>").encode()


def _invalid_utf8() -> bytes:
    """UTF-8 text with a few stray bytes: the good characters must survive."""
    good = text().encode("utf-8")
    return good[:60] + b"\xff\xfe\xc3(" + good[60:] + b"\x80\xbf"


def _gzip_bomb() -> bytes:
    """About 10 GB of zeros in about 10 MB: one 100 MB member, repeated (multi-member gzip is valid)."""
    member = gzip.compress(b"\0" * 100_000_000, compresslevel=9)
    return member * 100


def _small_bomb() -> bytes:
    """About 1 GB of spaces behind a page header: a ratio of a thousand to one."""
    member = gzip.compress(b" " * 100_000_000, compresslevel=9)
    return gzip.compress(page(()).split("</article>")[0].encode()) + member * 10


def warc_record(html: bytes, *, uri: str = "https://example.org/a", number: int = 1,
                length: int | None = None) -> bytes:
    """One WARC response record holding an HTTP response with `html`."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    size = len(http) if length is None else length
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2025-06-02T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {size}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def _warc_gz(records: list[bytes]) -> bytes:
    return b"".join(gzip.compress(r) for r in records)  # one gzip member per record, as crawlers write


def _truncated_warc_gz() -> bytes:
    data = _warc_gz([warc_record(page().encode(), number=1), warc_record(page().encode(), number=2)])
    return data[: len(data) - 200]


def _warc_bomb() -> bytes:
    """A WARC record that claims and holds 2 GB of zeros in one gzip member of about 2 MB.

    The member is built, not compressed byte by byte: after a full flush a deflate block does not
    refer to what came before, so the block for 10 MB of zeros is repeated 200 times.
    """
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    chunk, repeat = b"\0" * 10_000_000, 200
    head = warc_record(b"", length=len(http) + len(chunk) * repeat, number=9)
    head = head[: head.index(b"HTTP/1.1")] + http
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    zeros = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    last = deflate.compress(b"\r\n\r\n") + deflate.flush()
    crc = zlib.crc32(head)
    for _ in range(repeat):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(b"\r\n\r\n", crc)
    size = (len(head) + len(chunk) * repeat + 4) % 2**32
    member = (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + first + zeros * repeat + last
              + crc.to_bytes(4, "little") + size.to_bytes(4, "little"))
    return member + gzip.compress(warc_record(page().encode(), number=10))


def _jsonl() -> bytes:
    good = json.dumps({"url": "https://example.org/1", "title": TITLE, "text": "\n\n".join(BODY)})
    lines = [
        good,                                    # 1 good
        '{"title": "broken", "text": "no end',    # 2 truncated JSON
        "[1, 2, 3]",                              # 3 not an object
        "[" * 100_000 + "]" * 100_000,            # 4 nested 100,000 deep
        '{"text": ' + '"' + "\\u0000" * 50 + '"}',  # 5 only NULs
        "not json at all",                        # 6
        good.replace("/1", "/7"),                 # 7 good
        '{"text": 12345}',                        # 8 a number, short text
        '{"html": "<html><body><nav>menu</nav></body></html>"}',  # 9 no article
    ]
    return ("\n".join(lines) + "\n").encode("utf-8") + b'{"text": "bad \xff byte"}\n' + good.encode()


def _poisoned_jsonl() -> bytes:
    """Lines each of which once stopped a whole run: an integer of 5,000 digits (int() refuses it),
    lone surrogates in url and author, NUL in url, author and date (PostgreSQL refuses it)."""
    def line(number: int, extra: str = "", **fields: str) -> str:
        record = {"url": f"https://example.org/p{number}", "title": TITLE, "text": "\n\n".join(BODY), **fields}
        return json.dumps(record)[:-1] + extra + "}"
    lines = [line(1), line(2, ', "views": ' + "7" * 5000),
             line(3).replace("/p3", "/p3\\ud800") .replace('"title"', '"author": "A\\udc00B", "title"'),
             line(4, author="Nama\u0000Penulis", date="2025-06-01\u0000").replace("/p4", "/p4\\u0000"),
             line(5)]
    return ("\n".join(lines) + "\n").encode()


def _negative_length_warc() -> bytes:
    """Three records, the second claiming a negative Content-Length: the third must still be read."""
    return b"".join(warc_record(page().encode(), uri=f"https://example.org/w{n}", number=n, length=-5 if n == 2 else None)
                    for n in (1, 2, 3))


def _reserved_flags_gz() -> bytes:
    """A gzip member with reserved header flags set (once inflated by a fallback, past every limit)."""
    data = gzip.compress(page().encode())
    return data[:3] + bytes([data[3] | 0xE0]) + data[4:]


def _flood(unit: str, size: int = 2_000_000) -> Callable[[], bytes]:
    """The article followed by `size` bytes of `unit` words: combining marks or RTL and zero-width runs
    (each character once a token of its own: 4 GB of memory for 2 MB of text)."""
    def build() -> bytes:
        words = " ".join([unit] * (size // len((unit + " ").encode())))
        return text(BODY + (words,)).encode()
    return build


def _controls(every: int) -> Callable[[], bytes]:
    """The article with a control character (C0, DEL, C1, line separators) after every `every` characters."""
    noise = [chr(c) for c in range(1, 32) if c not in (9, 10, 13)] + ["\x7f", "\x85", "\x9f", "\u2028", "\u2029"]
    def build() -> bytes:
        body = text()
        cut = [body[i:i + every] for i in range(0, len(body), every)]
        return "".join(part + noise[i % len(noise)] for i, part in enumerate(cut)).encode()
    return build


def _unicode_mix() -> bytes:
    rtl = "\u202eوزير الخارجية\u202c \u05e9\u05dc\u05d5\u05dd \u200f"
    zero_width = "Indo\u200bnesia\u200d \ufeffJakarta\u2060 \u200c"
    combining = "e" + "\u0301" * 10_000
    emoji = "👩\u200d👩\u200d👧\u200d👦" * 500
    return text(BODY + (rtl * 50, zero_width * 50, combining, emoji)).encode()


def _runs(chars: str, count: int = 10_000) -> Callable[[], bytes]:
    """The article plus a paragraph holding `chars` `count` times between words (so it is kept)."""
    return lambda: text(BODY + (f"Menurut menteri, {chars * count} kata pejabat itu.", chars * count)).encode()


CASES: tuple[Case, ...] = (
    Case("good.html", lambda: page().encode(), "article", LEGACY_CHARS),
    Case("good.txt", lambda: text().encode(), "article", LEGACY_CHARS),
    Case("empty.html", lambda: b"", "error"),
    Case("empty.txt", lambda: b" \n\t\n", "error"),
    Case("binary.html", _binary, "error"),
    Case("binary.txt", _binary, "error"),
    Case("huge.html", _huge_page, "error", huge=True),
    Case("nested.html", _nested),
    Case("invalid-utf8.txt", _invalid_utf8, "article", LEGACY_CHARS),
    Case("invalid-utf8.html", lambda: _invalid_utf8().replace(b"\n\n", b"<p>"), "article", ("“", "é")),
    Case("cp1252-declared.html", lambda: page(charset="windows-1252").encode("cp1252"), "article", LEGACY_CHARS),
    Case("cp1252-undeclared.html", lambda: page(charset=None).encode("cp1252"), "article", LEGACY_CHARS),
    Case("cp1252.txt", lambda: text().encode("cp1252"), "article", LEGACY_CHARS),
    Case("latin1.html", lambda: page(_latin1_body(), charset="iso-8859-1").encode("latin-1"), "article", ("é", "ç")),
    Case("latin1.txt", lambda: text(_latin1_body()).encode("latin-1"), "article", ("é", "ç")),
    Case("utf16le.html", lambda: b"\xff\xfe" + page(charset=None).encode("utf-16-le"), "article", LEGACY_CHARS),
    Case("utf16be.html", lambda: b"\xfe\xff" + page(charset=None).encode("utf-16-be"), "article", LEGACY_CHARS),
    Case("utf16le.txt", lambda: b"\xff\xfe" + text().encode("utf-16-le"), "article", LEGACY_CHARS),
    Case("utf16be.txt", lambda: b"\xfe\xff" + text().encode("utf-16-be"), "article", LEGACY_CHARS),
    Case("good.html.gz", lambda: gzip.compress(page().encode()), "article", LEGACY_CHARS),
    Case("truncated.html.gz", lambda: gzip.compress(page().encode())[:-30], "error"),
    Case("truncated.jsonl.gz", lambda: gzip.compress(_jsonl())[:300], "error"),
    Case("bomb.html.gz", _gzip_bomb, "error", huge=True),
    Case("bomb-small.html.gz", _small_bomb, "error"),
    Case("truncated.warc", lambda: warc_record(page().encode())[:300], "any"),
    Case("truncated.warc.gz", _truncated_warc_gz, "any"),
    Case("bomb.warc.gz", _warc_bomb, "any", huge=True),
    Case("malformed.jsonl", _jsonl, "any", lines={
        "#1": "article", "#2": "error", "#3": "error", "#4": "error", "#5": "error", "#6": "error",
        "#7": "article", "#8": "any", "#9": "error", "#10": "error", "#11": "article"}),
    Case("nav-only.html", lambda: page(()).encode(), "error"),
    Case("quotes.txt", _runs('"')),
    Case("smart-quotes.txt", _runs("“”")),
    Case("open-quotes.txt", _runs("“")),
    Case("digits.txt", _runs("7")),
    Case("digit-groups.txt", _runs("1.000,")),
    Case("rupiah.txt", _runs("Rp")),
    Case("rupiah-spaced.txt", _runs("Rp ")),
    Case("dollars.txt", _runs("$")),
    Case("percent.txt", _runs("%")),
    Case("dates.txt", _runs("12/12/")),
    Case("nested-quotes.txt", _runs("“kata ‘dia “bahwa ", 2_000)),
    Case("controls.txt", _controls(40), "article", LEGACY_CHARS),
    Case("controls-dense.txt", _controls(3), "error"),
    Case("controls.html", lambda: _controls(40)().replace(b"\n\n", b"<p>"), "article", LEGACY_CHARS),
    Case("nuls.txt", lambda: text().encode() + b"\0" * 1000, "error"),
    Case("long-word.txt", lambda: text(BODY + ("a" * 1_000_000,)).encode()),
    Case("dots.txt", lambda: text(BODY + ("." * 1_000_000,)).encode()),
    Case("short-sentences.txt", _runs("Ya. ", 20_000)),
    Case("unicode-mix.txt", _unicode_mix, "article", ("Jakarta",)),
    Case("poisoned.jsonl", _poisoned_jsonl, "any", lines={
        "#1": "article", "#2": "article", "#3": "article", "#4": "article", "#5": "article"}),
    Case("negative-length.warc", _negative_length_warc, "any"),
    Case("reserved-flags.html.gz", _reserved_flags_gz, "error"),
    Case("combining-flood.txt", _flood("a" + "\u0301\u0308\u0323" * 5 + "e" + "\u0301" * 20)),
    Case("rtl-zero-width-flood.txt", _flood("\u202e" + "\u0627\u0644\u200b\u200f\u200d" * 4 + "\u202c\u2060\ufeff")),
    Case("name-\udcff-not-utf8.txt", lambda: text().encode(), "article", LEGACY_CHARS),
    Case("dev-zero-link.txt", lambda: b"", "error", special="link:/dev/zero"),
    Case("fifo.html", lambda: b"", "error", special="fifo"),
)


def _latin1_body() -> tuple[str, ...]:
    return (("Le ministre français a rencontré à Jakarta son homologue indonésien pour une coopération "
             "énergétique, a déclaré le porte-parole du ministère."),
            "Les deux pays ont convenu de reprendre les négociations le mois prochain à Paris.")


def write_corpus(folder: Path, *, huge: bool = True) -> list[Case]:
    """Write every case (without the huge ones unless `huge`) and the manifest; return the cases."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [case for case in CASES if huge or not case.huge]
    for case in written:
        path = folder / case.name  # a name with a lone surrogate is written as its byte (\xff)
        if case.special == "fifo":
            os.mkfifo(path)
        elif case.special.startswith("link:"):
            os.symlink(case.special.removeprefix("link:"), path)
        else:
            path.write_bytes(case.build())
    manifest = [{k: v for k, v in asdict(case).items() if k != "build"} for case in written]
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: write the corpus into the folder given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--no-huge", action="store_true", help="leave out the 100 MB page and the 10 GB bombs")
    args = parser.parse_args(argv)
    cases = write_corpus(args.folder, huge=not args.no_huge)
    print(f"wrote {len(cases)} hostile inputs to {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
