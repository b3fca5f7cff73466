"""Find quoted stretches of text: every quote style news uses, nested and across paragraphs.

A quotation opens with “ ‘ « „ " (or '' / `` in wire copy, ‘‘ typed for “) and closes with its
partner (’’ may close a “). Inner
quotes of another style stay inside the outer quotation. A paragraph whose quotation is still
open at its end continues in the next paragraph when that one opens with a quote mark again (the
typographic convention for long quotations); each paragraph's part becomes its own `Quoted`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Opening mark -> closing marks accepted for it (typesetters mix “…" and „…“).
# Two single marks typed for a double one (“…’’, ‘‘…’’) are one mark.
# A tuple lists whole marks: a lone ’ must not close a “.
PAIRS = {"“": ("”", '"', "’’"), "”": ("”", '"', "’’"), "'": "'", "„": "“”", "«": "»", "‹": "›", "‘": "’'",
         '"': ('"', "”", "’’"), "``": "''", "''": "''", "‘‘": ("’’", "”")}
_MARK = re.compile(r"``|''|‘‘|’’|[“”„«»‹›‘’\"']")
_DOUBLE_OPENERS = ("“", "„", "«", '"', "``", "‘‘")


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quoted stretch inside one paragraph: `start`/`end` bound the words, marks excluded."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset just past the closing mark; None when the paragraph ends first
    continues: bool = False  # True when this part carries on a quotation from the paragraph before
    mark: str = "“"


MIN_WORDS = 3  # "besar", "tidak netral": a word or two in quote marks is a term, not a quotation


def word_count(text: str, quoted: Quoted) -> int:
    """The words between the marks."""
    return len(text[quoted.start:quoted.end].split())


def a_term(text: str, quoted: Quoted) -> bool:
    """Fewer than MIN_WORDS words, standing alone (not part of a quotation across paragraphs): the
    quotes stage records no quotation for it, whatever its attribution."""
    return not quoted.continues and quoted.close_at is not None and word_count(text, quoted) < MIN_WORDS


def find_quoted(text: str, paragraphs: list[tuple[int, int]]) -> list[Quoted]:
    """Quoted stretches of every paragraph, in text order."""
    found: list[Quoted] = []
    carried = False
    for start, end in paragraphs:
        parts = _paragraph_quotes(text, start, end)
        if carried and parts and parts[0].open_at - start <= 1:
            parts[0] = _replace(parts[0], continues=True)
        found.extend(parts)
        # An unclosed quotation carries over only to a paragraph that re-opens it.
        carried = bool(parts) and parts[-1].close_at is None
    return found


def _replace(quoted: Quoted, **changes: object) -> Quoted:
    from dataclasses import replace
    return replace(quoted, **changes)  # type: ignore[arg-type]


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quoted]:
    """Top-level quotations of text[start:end]."""
    out: list[Quoted] = []
    pos = start
    while pos < end:
        opener = _next_opener(text, pos, end)
        if opener is None:
            break
        at, mark = opener
        inner = at + len(mark)
        close = _find_close(text, inner, end, mark)
        if text[inner].isspace():  # a glued-open mark ('nuklir." Jadi …,"'): only with a plain close
            if close is None or _MARK.search(text, inner, end).start() != close[0]:
                pos = inner
                continue
            inner = len(text[:close[0]]) - len(text[inner:close[0]].lstrip())
        if close is None:
            words_end = _rstrip(text, inner, end)
            if words_end > inner:
                out.append(Quoted(inner, words_end, at, None, mark=mark))
            break
        close_at, close_len = close
        if close_at > inner:
            out.append(Quoted(inner, _rstrip(text, inner, close_at), at, close_at + close_len, mark=mark))
        pos = close_at + close_len
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _next_opener(text: str, pos: int, end: int) -> tuple[int, str] | None:
    """The next mark that can open a quotation: at a word start, followed by a non-space."""
    for match in _MARK.finditer(text, pos, end):
        mark, at = match.group(), match.start()
        if mark in PAIRS and _opens(text, at, end, mark):
            return at, mark
    return None


def _opens(text: str, at: int, end: int, mark: str) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < end else " "
    if after.isspace():
        return _glued_open(text, at, end, mark)
    # An apostrophe inside or after a word (Jalali’s, ’90s) is no quotation mark.
    return not before.isalnum() and not (mark in "‘'" and after.isdigit())


def _glued_open(text: str, at: int, end: int, mark: str) -> bool:
    """`…tenaga nuklir." Jadi kami …," ujar X`: when a cleaner split a caption glued to a quotation,
    the opening straight mark ends up after a full stop with a space after it. Such a mark opens a
    quotation only if a sentence starts after it (the caller also wants a plain closing mark)."""
    before = text[at - 1] if at > 0 else " "
    nxt = text[at + 2] if at + 2 < end else " "
    return mark == '"' and before in ".!?" and at + 1 < end and text[at + 1] == " " and nxt.isupper()


def _find_close(text: str, pos: int, end: int, mark: str) -> tuple[int, int] | None:
    """The mark closing `mark`, skipping nested quotations of the other kind."""
    closers = PAIRS[mark]
    nested: list[str] = []
    for match in _MARK.finditer(text, pos, end):
        found, at = match.group(), match.start()
        if nested and _closes(text, at, end, found) and found in PAIRS[nested[-1]]:
            nested.pop()
            continue
        if found in closers and _closes(text, at, end, found) and _ends_here(found, mark, text, at, end):
            return at, len(found)
        # Only a quotation of the other kind nests: “… ‘…’ …”, not “… “…” …”.
        other_kind = not (found in _DOUBLE_OPENERS and mark in _DOUBLE_OPENERS)
        if found in PAIRS and found != mark and found not in ('"', "''") and other_kind and _opens(text, at, end, found):
            nested.append(found)
    return None


def _closes(text: str, at: int, end: int, mark: str) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < end else " "
    if before.isspace():
        return False
    # ’ between letters is an apostrophe (city’s, don’t), not a closing mark.
    return not (mark in "’'" and after.isalpha() and before.isalpha())


def _ends_here(found: str, mark: str, text: str, at: int, end: int) -> bool:
    """Single-mark quotations need a closing mark not followed by a letter (it’s, Jalali’s)."""
    if mark in "‘'":
        after = text[at + len(found)] if at + len(found) < end else " "
        return not after.isalnum()
    return True


# A nickname in quote marks inside a name: 'Robert "Bobby" Scott', 'Marcia “Cia” Price': the
# quoted one or two capitalised words between a capitalised word (or an initial) and another.
_NICKNAME = re.compile(r"(?<=\S\s)([\"“‘'])([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)([\"”’'])(?=\s[A-Z])")
_WORD_BEFORE = re.compile(r"(\S+)\s$")


def mask_nicknames(text: str) -> str:
    """`text` with each quoted nickname inside a name blanked (same length, offsets kept): it is
    no quotation, and the name reads on across it."""
    def blank(m: re.Match[str]) -> str:
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        named = before is not None and before.group(1)[:1].isupper() and before.group(1)[-1:].isalnum() \
            or before is not None and re.fullmatch(r"[A-Z]\.", before.group(1))
        return " " * (m.end() - m.start()) if named else m.group()
    return _NICKNAME.sub(blank, text)


def paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> int:
    """The index of the paragraph (start, end) holding `offset` (the last one when none does)."""
    k = bisect.bisect_right(paragraphs, offset, key=lambda p: p[0]) - 1  # in text order, disjoint
    return k if k >= 0 and offset < paragraphs[k][1] else len(paragraphs) - 1


def quote_bounds(quoted: list[Quoted], paragraphs: list[tuple[int, int]]) -> list[tuple[int, int | None, int]]:
    """Each quotation's paragraph and the stretch its speech verb may lie in: (paragraph, the
    previous quotation's close in that paragraph or None, the next one's opening there or the
    paragraph's end). The quotes stage and its parse selector read the same stretches."""
    where = [paragraph_of(paragraphs, q.start) for q in quoted]
    out = []
    for i, k in enumerate(where):
        prev = quoted[i - 1].close_at if i and where[i - 1] == k else None
        nxt = quoted[i + 1].open_at if i + 1 < len(quoted) and where[i + 1] == k else paragraphs[k][1]
        out.append((k, prev, nxt))
    return out
