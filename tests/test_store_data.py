"""Hand-made articles for the store, API, dashboard and export tests (no test functions here).

The texts are written for these tests (fictional, realistic international-relations news); every
record's offsets point at the words it names, as the pipeline's would.
"""
from __future__ import annotations

from warta.model import Actor, Amount, Article, Entity, Event, Evidence, Mention, Quote

ID_TEXT = ("Pemerintah Indonesia dan Rusia menandatangani perjanjian kerja sama pertahanan di Jakarta pada Selasa. "
           "Rusia berjanji menanamkan investasi senilai US$1,5 miliar dalam lima tahun. "
           "\"Kami menghormati kedaulatan Indonesia,\" kata Sergei Lavrov. "
           "Indonesia tidak menolak tawaran itu.")
EN_TEXT = ("Indonesia criticised Russia on Friday over delays to a railway project in Java. "
           "Moscow had pledged $2 billion for the line. Russia has so far paid only $300 million to the builders. "
           "\"We expect our partners to keep their promises,\" said Retno Marsudi. "
           "Meanwhile Australia and Indonesia held talks in Canberra on maritime security.")


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def _sentence(text: str, needle: str) -> Evidence:
    i = text.index(needle)
    s = text.rfind(". ", 0, i)
    s = 0 if s < 0 else s + 2
    e = text.find(". ", i)
    e = len(text) if e < 0 else e + 1
    return Evidence(text=text[s:e], start=s, end=e, trigger=needle)


def _entity(text: str, name: str, surface: str, type_: str, iso3: str | None, eid: str) -> Entity:
    s, e = _find(text, surface)
    return Entity(id=eid, name=name, type=type_, iso3=iso3, mentions=(Mention(s, e, surface, "test"),), producer="test")


IDN = Actor(name="Indonesia", country="IDN", code="IDNGOV")
RUS = Actor(name="Russia", country="RUS", code="RUSGOV")
AUS = Actor(name="Australia", country="AUS", code="AUSGOV")


def indonesian_article(**changes) -> Article:
    """An Indonesian article with an AGREE and a promised investment between IDN and RUS."""
    t = ID_TEXT
    amount_span = _find(t, "US$1,5 miliar")
    quote_span = _find(t, "Kami menghormati kedaulatan Indonesia,")
    article = Article(
        source="test/id-pertahanan.txt", url="https://example.id/pertahanan-ri-rusia", title="RI dan Rusia teken kerja sama pertahanan",
        published="2025-06-17", language="id", text=t, sitename="Contoh",
        entities=(_entity(t, "Indonesia", "Indonesia", "COUNTRY", "IDN", "e1"),
                  _entity(t, "Russia", "Rusia", "COUNTRY", "RUS", "e2"),
                  _entity(t, "Jakarta", "Jakarta", "CITY", "IDN", "e3"),
                  _entity(t, "Sergey Lavrov", "Sergei Lavrov", "PERSON", "RUS", "e4")),
        quotes=(Quote(text=t[quote_span[0]:quote_span[1]], start=quote_span[0], end=quote_span[1],
                      speaker={"name": "Sergey Lavrov", "country": "RUS"}, cue="kata"),),
        amounts=(Amount(text="US$1,5 miliar", start=amount_span[0], end=amount_span[1], value=1.5e9, unit="USD",
                        refers_to="investasi"),),
        events=(Event(type="AGREE", cameo="057", actor1=IDN, actor2=RUS, evidence=_sentence(t, "menandatangani"),
                      goldstein=8.0, quad_class=1, context=("military",), date="2025-06-17"),
                Event(type="AID", cameo="071", actor1=RUS, actor2=IDN, evidence=_sentence(t, "berjanji"),
                      goldstein=7.4, quad_class=2, context=("economic",), modality="promised", date="2025-06-17"),
                Event(type="REJECT", cameo="120", actor1=IDN, actor2=RUS, evidence=_sentence(t, "tidak menolak"),
                      goldstein=-4.0, quad_class=3, negated=True, date="2025-06-17")),
    )
    return article.replace(**changes) if changes else article


def english_article(**changes) -> Article:
    """An English article: IDN disapproves of RUS (pledged vs paid amounts), AUS-IDN consult."""
    t = EN_TEXT
    quote_span = _find(t, "We expect our partners to keep their promises,")
    pledged, paid = _find(t, "$2 billion"), _find(t, "$300 million")
    article = Article(
        source="test/en-railway.html", url="https://example.com/railway-dispute", title="Jakarta presses Moscow over railway funds",
        published="2025-07-04T09:30:00+07:00", language="en", text=t,
        entities=(_entity(t, "Indonesia", "Indonesia", "COUNTRY", "IDN", "e1"),
                  _entity(t, "Russia", "Russia", "COUNTRY", "RUS", "e2"),
                  _entity(t, "Moscow", "Moscow", "CITY", "RUS", "e3"),
                  _entity(t, "Retno Marsudi", "Retno Marsudi", "PERSON", "IDN", "e4"),
                  _entity(t, "Canberra", "Canberra", "CITY", "AUS", "e5")),
        quotes=(Quote(text=t[quote_span[0]:quote_span[1]], start=quote_span[0], end=quote_span[1],
                      speaker={"name": "Retno Marsudi"}, cue="said"),),
        amounts=(Amount(text="$2 billion", start=pledged[0], end=pledged[1], value=2e9, unit="USD"),
                 Amount(text="$300 million", start=paid[0], end=paid[1], value=3e8, unit="USD")),
        events=(Event(type="DISAPPROVE", cameo="111", actor1=Actor("Indonesia", "IDN", "IDNGOV"), actor2=RUS,
                      evidence=_sentence(t, "criticised"), goldstein=-2.0, quad_class=3, context=("economic",)),
                Event(type="AID", cameo="071", actor1=RUS, actor2=IDN, evidence=_sentence(t, "pledged"),
                      goldstein=7.4, quad_class=2, context=("economic",), modality="promised"),
                Event(type="AID", cameo="071", actor1=RUS, actor2=IDN, evidence=_sentence(t, "has so far paid"),
                      goldstein=7.4, quad_class=2, context=("economic",)),
                Event(type="CONSULT", cameo="040", actor1=AUS, actor2=IDN, evidence=_sentence(t, "held talks"),
                      goldstein=1.0, quad_class=1, context=("maritime",))),
    )
    return article.replace(**changes) if changes else article
