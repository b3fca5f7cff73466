"""`warta extract --format text`: an article as a reader would skim it — title, date, language and
source, then its events, quotes and amounts, one line each with the words they come from."""
from __future__ import annotations

from .model import Actor, Amount, Article, Event, Quote

EVIDENCE_CHARS = 160


def summary(article: Article) -> str:
    """The readable summary of one article (several lines, ending with a blank line)."""
    lines = [f"# {article.title or '(no title)'}",
             f"date: {article.published or '-'}  language: {article.language or '-'}  source: {article.source}",
             f"{len(article.events)} events, {len(article.quotes)} quotes, {len(article.amounts)} amounts, "
             f"{len(article.entities)} entities, {len(article.sentences)} sentences"]
    for title, records, line in (("events", article.events, _event), ("quotes", article.quotes, _quote),
                                 ("amounts", article.amounts, lambda a: _amount(a, article))):
        if records:
            lines += ["", f"{title}:", *(f"  {line(r)}" for r in records)]  # type: ignore[operator]
    return "\n".join(lines) + "\n"


def _clip(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _who(actor: Actor | None) -> str:
    if actor is None:
        return "?"
    return f"{actor.name} ({actor.country})" if actor.country else actor.name


def _event(e: Event) -> str:
    marks = [m for m in ("negated" if e.negated else "", e.modality if e.modality != "asserted" else "") if m]
    when = f"{e.date} " if e.date else ""
    flags = f" [{', '.join(marks)}]" if marks else ""
    return (f"{when}{e.type} {e.cameo}: {_who(e.actor1)} → {_who(e.actor2)}{flags} "
            f"— “{_clip(e.evidence.text)}” @{e.evidence.start}")


def _quote(q: Quote) -> str:
    speaker = (q.speaker or {}).get("name") if isinstance(q.speaker, dict) else q.speaker
    kind = "said" if q.direct else "reportedly said"
    return f"{speaker or 'unknown'} {kind}: “{_clip(q.text)}” @{q.start}"


def _number(value: float) -> str:
    """2500000000.0 → "2,500,000,000"; 12.5 → "12.5"."""
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _amount(a: Amount, article: Article) -> str:
    value = _number(a.value) + (f"–{_number(a.value_max)}" if a.value_max is not None else "")
    about = f" ({a.refers_to})" if a.refers_to else ""
    figure = f"{'~' if a.approximate else ''}{value} {a.unit}{about}: “{a.text}”"
    if a.in_title:  # its evidence is the headline, where its offsets point
        return f"{figure} in the headline “{_clip(article.title or '')}” @title:{a.start}"
    sentence = next((s for s in article.sentences if s.start <= a.start < s.end), None)
    context = _clip(article.text[sentence.start:sentence.end]) if sentence else a.text
    return f"{figure} in “{context}” @{a.start}"
