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


def test_a_name_that_speaks_is_a_person_or_an_organisation_not_a_place() -> None:
    known = {"Wirya Pranoto": ("PLACE", None, None, None)}
    assert types("Wirya Pranoto mengatakan harga akan turun.", known)["Wirya Pranoto"] == "PERSON"
    assert types("Wirya Pranoto said prices would fall.", known, "en")["Wirya Pranoto"] == "PERSON"
    assert types("Kementerian Wirya mengklaim harga turun.", {"Kementerian Wirya": ("PLACE", None, None, None)}
                 )["Kementerian Wirya"] == "ORG"
    assert types("BPKW mengatakan harga turun.", {"BPKW": ("PLACE", None, None, None)})["BPKW"] == "ORG"
    # a name that does not speak, or a place the KB knows, stays a place
    assert types("Warga Wirya Pranoto berkumpul.", known)["Wirya Pranoto"] == "PLACE"
    assert types("Surabaya mengatakan tidak.", {"Surabaya": ("PLACE", None, None, None)})["Surabaya"] == "PLACE"


def test_a_name_opening_with_an_organisations_head_word_is_an_organisation() -> None:
    known = {"Fraksi Wirya": ("PLACE", None, None, None), "Wirya Pranoto": ("PLACE", None, None, None)}
    found = types("Ketua Fraksi Wirya hadir di Wirya Pranoto.", known)
    assert found["Fraksi Wirya"] == "ORG" and found["Wirya Pranoto"] == "PLACE"
    assert types("Kemlu Wirya mengatakan hal itu.", {"Kemlu Wirya": ("PLACE", None, None, None)})["Kemlu Wirya"] == "ORG"
    assert types("Rapat digelar di Gedung Wirya.", {"Gedung Wirya": ("PLACE", None, None, None)})["Gedung Wirya"] == "PLACE"


def test_a_citing_phrase_read_into_a_name_is_cut_and_the_name_is_an_outlet() -> None:
    from test_entities import by_name, read

    found = by_name(read("Melansir El Mundo Raya, harga minyak naik."))
    assert not any(name.startswith("Melansir") for name in found)
    assert found["El Mundo Raya"].type == "ORG"  # a tagger's place after the citing phrase: an outlet
