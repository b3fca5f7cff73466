"""The GDELT 2.0 export against the codebook's columns and rows written by hand."""
from __future__ import annotations

import io

from test_store_data import indonesian_article

from warta.store import open_store
from warta.store.export import export
from warta.store.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, actor_fields, event_record, event_id
from warta.store.places import locate

CODEBOOK = (  # GDELT 2.0 Event Codebook, the 61 fields in order
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat "
    "Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat "
    "Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat "
    "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL").split()
MENTIONS_CODEBOOK = ("GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier "
                     "SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen "
                     "MentionDocTone MentionDocTranslationInfo Extras").split()


def test_columns_are_the_codebooks() -> None:
    assert list(EVENT_COLUMNS) == CODEBOOK and len(CODEBOOK) == 61
    assert list(MENTION_COLUMNS) == MENTIONS_CODEBOOK


def test_actor_codes_split_into_the_codebooks_fields() -> None:
    assert actor_fields("Indonesia", "IDN", "IDNGOV") == ["IDNGOV", "INDONESIA", "IDN", "", "", "", "", "GOV", "", ""]
    assert actor_fields("United Nations", None, "IGOUNO") == ["IGOUNO", "UNITED NATIONS", "", "UNO", "", "", "", "IGO", "", ""]
    assert actor_fields("Iranian military", "IRN", "IRNMIL") [7] == "MIL"
    assert actor_fields("Muslims", None, "MOS")[5] == "MOS"


def test_a_row_written_by_hand() -> None:
    row = {"article_id": "a1", "idx": 0, "day": "2025-06-19", "cameo": "057", "actor1_name": "Indonesia",
           "actor1_country": "IDN", "actor1_code": "IDNGOV", "actor2_name": "Russia", "actor2_country": "RUS",
           "actor2_code": "RUSGOV", "ev_start": 10, "quad_class": 1, "goldstein": 8.0, "num_mentions": 3,
           "num_sources": 2, "num_articles": 2, "tone": 1.5, "location": "Moscow", "ingested": "2025-06-20T08:00:05+00:00",
           "url": "https://example.id/a", "source": "a.txt", "negated": False}
    fields = dict(zip(CODEBOOK, event_record(row)))
    assert fields["GLOBALEVENTID"] == str(event_id("a1", 0))
    assert (fields["SQLDATE"], fields["MonthYear"], fields["Year"]) == ("20250619", "202506", "2025")
    assert (fields["EventCode"], fields["EventBaseCode"], fields["EventRootCode"]) == ("057", "057", "05")
    assert (fields["NumMentions"], fields["NumSources"], fields["NumArticles"]) == ("3", "2", "2")
    assert (fields["ActionGeo_Type"], fields["ActionGeo_FullName"], fields["ActionGeo_CountryCode"],
            fields["ActionGeo_ADM1Code"], fields["ActionGeo_FeatureID"]) == ("4", "Moscow", "RS", "RS48", "524901")
    assert fields["ActionGeo_Lat"].startswith("55.7") and fields["ActionGeo_Long"].startswith("37.6")
    assert (fields["Actor1Geo_Type"], fields["Actor1Geo_CountryCode"]) == ("1", "ID")
    assert fields["DATEADDED"] == "20250620080005"
    assert fields["SOURCEURL"] == "https://example.id/a"
    assert dict(zip(CODEBOOK, event_record({**row, "url": None})))["SOURCEURL"] == "a.txt"
    assert event_record({**row, "negated": True}) is None


def test_a_site_is_placed_at_the_city_its_entity_is_in() -> None:
    row = {"article_id": "a1", "idx": 1, "day": "2025-06-19", "cameo": "042", "actor1_name": "Indonesia",
           "actor1_country": "IDN", "actor1_code": "IDNGOV", "location": "Wisma Contoh", "negated": False,
           "location_country": "RUS", "location_geonames": 524901}  # the entity is in Moscow (entities/within.py)
    fields = dict(zip(CODEBOOK, event_record(row)))
    assert (fields["ActionGeo_Type"], fields["ActionGeo_FullName"], fields["ActionGeo_CountryCode"],
            fields["ActionGeo_FeatureID"]) == ("4", "Wisma Contoh", "RS", "524901")
    # without the entity's place the site cannot be located: ActionGeo stays empty
    bare = {k: v for k, v in row.items() if not k.startswith("location_")}
    assert dict(zip(CODEBOOK, event_record(bare)))["ActionGeo_Lat"] == ""


def test_a_hyphen_joins_a_place_name_as_a_space_does() -> None:
    assert locate("Timor-Timur").iso3 == locate("Timor Timur").iso3 == "TLS"
    assert locate("Bosnia-Herzegovina").iso3 == "BIH"  # a curated alias (kb/curated/country_aliases.tsv)
    assert locate("Sumatra Utara").iso3 == locate("Sumatera Utara").iso3 == "IDN"


def test_moscow_is_moscow_russia_unless_the_article_is_about_idaho() -> None:
    assert locate("Moscow").iso3 == "RUS"
    assert locate("Moscow", countries=["USA"]).iso3 == "USA"


def test_events_file_has_no_header_and_mentions_one_row_per_sentence(tmp_path) -> None:
    store = open_store(str(tmp_path / "g.db"))
    article = indonesian_article()
    store.ingest(article)
    events, mentions = io.StringIO(), io.StringIO()
    export(store, fmt="gdelt", out=events)
    export(store, fmt="mentions", out=mentions)
    lines = events.getvalue().splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines) and not lines[0].startswith("GLOBALEVENTID")
    rows = [line.split("\t") for line in mentions.getvalue().splitlines()]
    assert len(rows) == len([e for e in article.events if not e.negated])
    assert all(len(r) == 16 for r in rows)
    ids = {line.split("\t")[0] for line in lines}
    assert {r[0] for r in rows} <= ids
    store.close()


def test_places_inside_names_regions_and_continents_are_placed() -> None:
    assert locate("Embassy of Indonesia in Tehran").iso3 == "IRN"
    assert locate("Kabupaten Tangerang").iso3 == "IDN"
    bali = locate("Bali")
    assert (bali.iso3, bali.type) == ("IDN", 5) and -9 < bali.lat < -8  # the island, not Bali in India
    middle_east = locate("Middle East")
    assert middle_east.lat is not None and middle_east.iso3 is None  # several countries: none named
    assert locate("Hotel Borobudur") is None


def test_us_states_are_adm1_regions_and_a_states_name_shared_with_a_city_stays_the_city() -> None:
    texas = locate("Texas")
    assert (texas.type, texas.iso3, texas.fips, texas.adm1) == (2, "USA", "US", "USTX")
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93
    assert locate("Florida").adm1 == "USFL"  # the state, not Florida in Cuba
    assert locate("New York").type == 3 and locate("Washington").adm1 == "USDC"  # the cities
    assert locate("Georgia").iso3 == "GEO"  # the country
    scotland = locate("Skotlandia")
    assert (scotland.iso3, scotland.fips) == ("GBR", "UK")
