"""Bytes to text for pages and plain texts, without mangling legacy encodings.

The order is the one browsers follow (WHATWG "encoding sniffing"), cut to what news needs:

1. a byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
2. valid UTF-8 (nearly every page today);
3. for HTML, the charset the page declares (`<meta charset>`, `http-equiv`, `<?xml encoding?>`),
   with "iso-8859-1" and "ascii" read as windows-1252, as browsers do (a page declaring UTF-8
   that is not valid UTF-8 goes on to 4 and 5: old CMSs declare UTF-8 and serve windows-1252);
4. UTF-8 with stray bytes (a page cut or spliced badly): decoded as UTF-8, the bad bytes
   becoming U+FFFD, so the good characters around them survive;
5. windows-1252 (the default of Western browsers, a superset of latin-1's printable characters),
   its five unassigned bytes read as latin-1 (C1 controls) instead of failing.

Statistical detectors (charset_normalizer, which trafilatura uses) guess among dozens of encodings
and, on short Indonesian or English pages with a few smart quotes, sometimes pick a DOS or Cyrillic
code page: a deterministic order is right more often here and never depends on the text's length.
"""
from __future__ import annotations

import codecs
import re
from functools import cache

_BOMS = (  # UTF-32 LE's mark starts with UTF-16 LE's: longest first
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bounded quantifiers only: the head of a hostile page must not make this backtrack.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,300}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([a-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s{0,5}=\s{0,5}["']([a-z0-9_.:-]{1,40})""",
    re.IGNORECASE)
_AS_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii"})  # codecs.lookup names
# Python codecs that are no web encodings (and would turn hostile bytes into anything).
_NOT_WEB = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "undefined",
                      "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def _c1_for_unassigned(error: UnicodeDecodeError) -> tuple[str, int]:
    """Error handler: windows-1252's unassigned bytes (0x81, 0x8d, …) as the latin-1 controls."""
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("warta-c1", _c1_for_unassigned)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` names, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_text(data: bytes) -> str:
    """Decode a plain text: byte-order mark, UTF-8, mostly UTF-8, else windows-1252. Never raises."""
    text = _bom_or_utf8(data)
    return text if text is not None else _fallback(data)


def _bom_or_utf8(data: bytes) -> str | None:
    """The text as its byte-order mark says, else as UTF-8; None when it is not valid UTF-8."""
    bom = bom_encoding(data)
    if bom:
        return _with_bom(data, bom)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_html(data: bytes | str) -> str:
    """Decode a page: byte-order mark, UTF-8, its declared charset, mostly UTF-8, windows-1252."""
    if isinstance(data, str):
        return data
    text = _bom_or_utf8(data)
    if text is not None:
        return text
    declared = declared_encoding(data)
    if declared and declared != "utf-8":  # a page that says UTF-8 but is not: the fallback tells which
        return data.decode(declared, errors="replace" if declared != "cp1252" else "warta-c1")
    return _fallback(data)


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the charset the page's head declares, when it is a web encoding."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").strip(".:-_").lower()
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True):  # "base64", "zlib": bytes-to-bytes codecs
        return None
    if name in _AS_WINDOWS_1252:
        return "cp1252"
    return None if name in _NOT_WEB else name


def _with_bom(data: bytes, encoding: str) -> str:
    body = data[len(codecs.BOM_UTF32_LE if "32" in encoding else codecs.BOM_UTF16_LE if "16" in encoding
                    else codecs.BOM_UTF8):]
    return body.decode(encoding, errors="replace")


def _fallback(data: bytes) -> str:
    """Not valid UTF-8: UTF-8 with stray bytes when more bytes form valid multi-byte characters
    than are stray (windows-1252 text almost never forms one), else windows-1252."""
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # real U+FFFD in the data are no errors
    ascii_chars = len(as_utf8.encode("ascii", errors="ignore"))
    good = len(as_utf8.encode("utf-8")) - ascii_chars - 3 * bad  # bytes of valid multi-byte characters
    if good and good >= bad:
        return as_utf8
    return data.decode("cp1252", errors="warta-c1")


def repair_mojibake(text: str) -> str:
    """Text that was UTF-8 read as windows-1252 or latin-1 somewhere upstream (an em dash become
    "â€”"), repaired by ftfy's conservative `fix_encoding`: curly quotes and the like stay as they
    are. It must run before C1 controls are dropped, as they are part of what it repairs."""
    # A cheap test first: most texts hold none of the characters mojibake is made of
    if not _mojibake_characters().search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


@cache
def _mojibake_characters() -> re.Pattern[str]:
    """Any character that ftfy's mojibake test (`ftfy.badness.is_bad`) needs to see at least once.

    Every sequence that test looks for holds a character of one of ftfy's categories other than
    the everyday ones (dashes, ellipsis, no-break space; opening and closing quotes and marks),
    so a text without any is one `fix_encoding` returns unchanged.
    """
    from ..compiled import compiled, package_key

    # The class is kept with warta's compiled tables: importing ftfy to build it costs a tenth of
    # a second, and most texts need no ftfy at all.
    return re.compile(compiled("mojibake-characters", [package_key("ftfy")], _mojibake_class))


def _mojibake_class() -> str:
    from ftfy.badness import MOJIBAKE_CATEGORIES

    everyday = {"common", "start_punctuation", "end_punctuation"}
    return "[" + "".join(v for k, v in MOJIBAKE_CATEGORIES.items() if k not in everyday) + "]"
