"""Unknown names a tagger typed PLACE that the text shows to be an outlet or a family."""
from __future__ import annotations

from test_entities_within import entities_of

from warta.entities.retype import retyped


def types(text: str, known: dict[str, tuple], code: str = "id") -> dict[str, str]:
    return {e.name: e.type for e in retyped(entities_of(text, known), text, code)}


def test_a_name_after_a_citing_phrase_is_an_outlet() -> None:
    known = {"Warta Kencana": ("PLACE", None, None, None)}
    assert types("Hal itu disampaikan kemarin, dikutip dari Warta Kencana, Senin.", known)["Warta Kencana"] == "ORG"
    assert types("Melansir dari Warta Kencana, harga naik.", known)["Warta Kencana"] == "ORG"
    assert types("Harga naik, as reported by Warta Kencana on Monday.", known, "en")["Warta Kencana"] == "ORG"
    # without the phrase, or a place the KB knows, nothing changes
    assert types("Warga Warta Kencana berkumpul.", known)["Warta Kencana"] == "PLACE"
    assert types("Dikutip dari Surabaya, kabar itu menyebar.", {"Surabaya": ("PLACE", None, None, None)})["Surabaya"] == "PLACE"


def test_the_plural_of_a_persons_surname_is_a_family() -> None:
    known = {"Tom Halloran": ("PERSON", None, None, None), "Hallorans": ("PLACE", None, None, None)}
    assert types("Tom Halloran spoke. The Hallorans left town.", known, "en")["Hallorans"] == "PERSON"
    assert types("The Hallorans left town.", {"Hallorans": ("PLACE", None, None, None)}, "en")["Hallorans"] == "PLACE"
