"""Sides named as examples of a kind ("negara seperti Vietnam, Thailand, dan Malaysia",
"countries such as Turkey, Saudi Arabia and Qatar"): each may act, but they do not act together,
as sides listed with "dan"/"and" otherwise do (`roles`)."""
from __future__ import annotations

import dataclasses
from bisect import bisect_right
from typing import TYPE_CHECKING

from .actors import ActorMention
from .cues import Cues, Token

if TYPE_CHECKING:
    from .roles import Pair, SentenceActors


def examples(group: list[ActorMention], tokens: list[Token], ends: list[int], cues: Cues) -> list[ActorMention]:
    """A group of two or more after "such as"/"seperti"/"including": examples of a kind, which
    do not act together ("negara seperti Vietnam, Thailand, dan Malaysia dapat menghadapi ...")."""
    if len(group) < 2 or not cues.ends("example", tokens, bisect_right(ends, group[0].start)):
        return group
    return [dataclasses.replace(m, example=True) for m in group]


def example_names(groups: list[list[ActorMention]]) -> frozenset[str]:
    """The countries or codes of the actors that `examples` marked in a sentence's groups."""
    return frozenset(m.actor.country or m.actor.code for group in groups for m in group if m.example)


def without_examples(pairs: list[Pair], sides: SentenceActors) -> list[Pair]:
    """The pairs but a joint act of two examples of one list (`examples`)."""
    named = sides.examples
    return [p for p in pairs if not (p.mutual and p.target is not None and {p.source.country or p.source.code,
                                                                             p.target.country or p.target.code} <= named)]
