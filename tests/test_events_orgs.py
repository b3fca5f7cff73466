"""Events whose side is an organisation of the Phoenix actor dictionaries that the knowledge base
now holds: an IGO, an NGO or a rebel or militant group, coded under its CAMEO code, also when the
other side is unnamed (one-sided events, as GDELT codes them).

Sentences written for these tests; they run the default pipeline (segment, syntax, entities).
"""
from __future__ import annotations

from functools import cache

import pytest

from warta.model import Article, Document
from warta.pipeline import Pipeline
from warta.settings import load_settings


@cache
def _pipeline() -> Pipeline:
    return Pipeline.build(load_settings())


def coded(text: str) -> set[tuple]:
    """(type, actor1 code, actor2 code or None) of the asserted events of a one-paragraph article."""
    article = Article.from_document(Document(source="t.txt", content=f"Test\n\n{text}\n", kind="text"))
    return {(e.type, e.actor1 and e.actor1.code, e.actor2 and e.actor2.code) for e in _pipeline()(article).events
            if not e.negated}


@pytest.mark.parametrize(("text", "event"), [
    ("The Red Crescent delivered medical aid to Yemen on Tuesday.", ("AID", "NGOHLHIRC", "YEM")),
    ("Greenpeace condemned the decision of Japan.", ("DISAPPROVE", "NGOENV", "JPN")),
    ("The European Community gave Senegal 3 million dollars in aid.", ("AID", "IGOEUREEC", "SEN")),
    ("The Kurdistan Workers' Party attacked a Turkish army post near the border.", ("FIGHT", "TURREB", "TURMIL")),
    ("The Moro Islamic Liberation Front signed a peace agreement with the Philippine government on Sunday.",
     ("SUPPORT", "PHLREB", "PHLGOV")),
    ("MILF menandatangani perjanjian damai dengan pemerintah Filipina pada hari Minggu.",
     ("SUPPORT", "PHLREB", "PHLGOV")),
    ("UNITA menyerang pasukan Angola di dekat Huambo.", ("FIGHT", "ANGREB", "AGOMIL")),
    ("OPM menyerang pos TNI di Kabupaten Intan Jaya pada Senin.", ("FIGHT", "IDNREB", "IDNMIL")),
    ("Bulan Sabit Merah mengirim bantuan ke Gaza.", ("AID", "NGOHLHIRC", "PSE")),
])
def test_a_phoenix_organisation_is_a_side(text: str, event: tuple) -> None:
    assert event in coded(text)


def test_a_militant_group_acts_alone() -> None:
    assert ("RETREAT", "WAFREB", None) in coded("The Revolutionary United Front released fifty hostages on Friday.")


def test_a_militant_group_has_its_country() -> None:
    article = Article.from_document(Document(
        source="t.txt", content="Test\n\nThe Moro Islamic Liberation Front attacked an army camp.\n", kind="text"))
    (entity,) = [e for e in _pipeline()(article).entities if e.type == "ORG"]
    assert (entity.name, entity.cameo, entity.country) == ("Moro Islamic Liberation Front", "PHLREB", "PHL")
