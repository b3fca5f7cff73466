"""The syntax stage: UD parses of the sentences consumers want, and the tree queries on them."""
from __future__ import annotations

import json
import os

import jsonschema
import pytest

from warta.errors import ConfigError
from warta.model import Article, Parse, Word
from warta.pipeline import Pipeline, registered_stages
from warta.schema import article_schema
from warta.settings import load_settings
from warta.read.sources import text_document
from warta.syntax import register_selector, tree, unregister_selector, word_selector
from warta.syntax.select import selectors
from warta.syntax.parser import load_parser

pytestmark = pytest.mark.skipif(load_parser("en") is None, reason="en_core_web_sm is not installed")


@pytest.fixture(autouse=True)
def _no_consumer_selectors():
    """These tests choose what is parsed themselves: the consumers' selectors (quotes, events)
    are set aside while they run."""
    registered_stages()  # the stage modules register their selectors when first imported
    saved = selectors()
    for name in saved:
        unregister_selector(name)
    yield
    for name, selector in saved.items():
        register_selector(name, selector)


def _article(text: str, stages: str = "read,language,segment,syntax", **settings: object) -> Article:
    pipeline = Pipeline.build(load_settings({"stages": stages, **settings}))
    return pipeline(Article.from_document(text_document("t.txt", text)))


def _parse(text: str) -> tuple[Article, Parse]:
    article = _article(text)
    assert len(article.syntax) == 1, article.syntax
    return article, article.syntax[0]


def _index(article: Article, parse: Parse, form: str) -> int:
    return next(i for i, w in enumerate(parse.words) if article.text[w.start:w.end] == form)


def _form(article: Article, parse: Parse, i: int | None) -> str | None:
    return None if i is None else article.text[parse.words[i].start:parse.words[i].end]


def test_english_passive_with_by_gives_the_agent() -> None:
    article, parse = _parse("The agreement was signed by Russia in Moscow on Monday.")
    signed = _index(article, parse, "signed")
    assert tree.root(parse) == signed and tree.is_passive(parse, signed)
    assert _form(article, parse, tree.subject(parse, signed)) == "agreement"
    assert parse.words[tree.subject(parse, signed)].deprel == "nsubj:pass"
    assert _form(article, parse, tree.agent(parse, signed)) == "Russia"
    assert _form(article, parse, tree.case_word(parse, tree.agent(parse, signed))) == "by"
    places = {_form(article, parse, j): _form(article, parse, c) for j, c in tree.obliques(parse, signed)}
    assert places == {"Russia": "by", "Moscow": "in", "Monday": "on"}


def test_english_who_clause_leaves_the_speaker_as_subject_of_said() -> None:
    article, parse = _parse("Lavrov, who arrived in Jakarta on Tuesday, said the talks were useful.")
    said = _index(article, parse, "said")
    assert tree.root(parse) == said
    assert _form(article, parse, tree.subject(parse, said)) == "Lavrov"
    arrived = _index(article, parse, "arrived")
    assert parse.words[arrived].deprel == "acl:relcl" and tree.head(parse, arrived) == _index(article, parse, "Lavrov")
    assert [_form(article, parse, j) for j in tree.clausal_complements(parse, said)] == ["useful"]
    useful = _index(article, parse, "useful")
    assert [parse.words[j].deprel for j in tree.children(parse, useful, ["cop"])] == ["cop"]


def test_english_wants_x_to_makes_x_the_object_and_the_controller() -> None:
    article, parse = _parse("Indonesia wants Russia to invest in the new port.")
    wants, invest = _index(article, parse, "wants"), _index(article, parse, "invest")
    assert _form(article, parse, tree.object_of(parse, wants)) == "Russia"
    assert tree.clausal_complements(parse, wants) == [invest] and parse.words[invest].deprel == "xcomp"
    assert _form(article, parse, tree.subject(parse, invest)) == "Russia"
    assert tree.subject(parse, invest, inherit=False) is None
    assert parse.words[_index(article, parse, "to")].deprel == "mark"


def test_words_keep_the_article_offsets_and_split_clitics() -> None:
    article, parse = _parse("Russia's minister didn't sign the deal.")
    forms = [article.text[w.start:w.end] for w in parse.words]
    assert forms == ["Russia", "'s", "minister", "did", "n't", "sign", "the", "deal", "."]
    assert parse.words[0].deprel == "nmod:poss" and parse.words[1].deprel == "case"
    assert parse.words[5].lemma == "sign" and parse.words[5].upos == "VERB"
    assert "Polarity=Neg" in parse.words[4].feats
    assert (parse.start, parse.end) == (article.sentences[0].start, article.sentences[0].end)
    assert parse.producer == "syntax"
    sign = tree.word_at(parse, parse.words[5].start + 2)
    assert sign == 5 and tree.word_at(parse, parse.words[5].end) is None
    assert tree.subtree_span(parse, _index(article, parse, "minister")) == (0, parse.words[2].end)


def test_every_sentence_has_one_root_and_heads_inside_it() -> None:
    article = _article("Talks ended. The minister, who had flown in, said: “We will sign.” Nothing else was said.")
    assert len(article.syntax) == len(article.sentences) == 3
    for parse in article.syntax:
        assert [w.head for w in parse.words].count(-1) == 1
        assert all(-1 <= w.head < len(parse.words) for w in parse.words)
        assert all(w.deprel and w.upos for w in parse.words)
    assert tree.parse_at(article, article.sentences[1].start + 3) is article.syntax[1]
    assert tree.parse_of(article, article.sentences[2].start) is article.syntax[2]
    assert tree.parse_of(article, article.sentences[2].start + 1) is None


def test_selectors_choose_the_sentences_parsed() -> None:
    text = "Russia signed the deal. The weather was fine. China objected to the deal."
    register_selector("test", lambda article: [i for i, s in enumerate(article.sentences)
                                                if "deal" in article.span_text(s)])
    try:
        article = _article(text)
        assert [article.span_text(p)[:6] for p in article.syntax] == ["Russia", "China "]
        every = _article(text, syntax_every_sentence=True)
        assert len(every.syntax) == 3
    finally:
        unregister_selector("test")
    assert len(_article(text).syntax) == 3  # no selector: every sentence
    register_selector("words", word_selector(lambda language: {"en": {"objected"}}.get(language, set())))
    try:
        article = _article(text)
        assert [article.span_text(p)[:5] for p in article.syntax] == ["China"]
    finally:
        unregister_selector("words")


def test_language_without_parser_gets_no_parse() -> None:
    article = _article("The deal was signed.")
    other = article.replace(language="xx", sentences=tuple(s.replace(language="xx") for s in article.sentences))
    stage = Pipeline.build(load_settings({"stages": "read,language,segment,syntax"})).stages[-1]
    assert stage(other).syntax == ()


def test_stage_contract_and_default_position() -> None:
    settings = load_settings()
    names = [s.name for s in Pipeline.build(settings).stages]
    # after entities, so that a consumer's selector may ask for the sentences that name a side
    assert names.index("segment") < names.index("entities") < names.index("syntax") < names.index("quotes")
    assert names.index("syntax") < names.index("events")
    stage = Pipeline.build(load_settings({"stages": "read,language,segment,syntax"})).stages[-1]
    assert stage.requires == {"text", "sentences", "tokens", "language"} and stage.produces == {"syntax"}
    with pytest.raises(ConfigError, match="stage syntax: needs .*sentences"):
        Pipeline.build(load_settings({"stages": "read,language,syntax"}))


def test_syntax_does_not_change_the_other_records() -> None:
    text = "Indonesia and Russia signed a defence agreement in Moscow on Monday, the minister said."
    stages = "read,language,segment,entities,dates,amounts,quotes,tone"  # events read the parse: left out
    without = _article(text, stages)
    with_syntax = _article(text, stages.replace("segment,", "segment,syntax,"))
    assert with_syntax.syntax and with_syntax.replace(syntax=()) == without


def test_include_syntax_json_is_valid_against_the_schema(warta_cli, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Deal signed\n\nThe deal was signed by Russia on Monday.\n", encoding="utf-8")
    plain = warta_cli("extract", str(path))
    assert plain.returncode == 0 and "syntax" not in json.loads(plain.stdout)
    # every sentence: no consumer asks for this one (it holds no quotation, no speech verb)
    env = {**os.environ, "WARTA_SYNTAX_EVERY_SENTENCE": "1"}
    result = warta_cli("extract", str(path), "--include", "syntax", "--tokens", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(article_schema()).validate(data)
    assert data["tokens"] and [w["deprel"] for w in data["syntax"][0]["words"]][:3] == ["det", "nsubj:pass", "aux:pass"]
    assert Word.from_dict(data["syntax"][0]["words"][0]).upos == "DET"
    bad = warta_cli("extract", str(path), "--include", "trees")
    assert bad.returncode == 2 and bad.stderr.decode().strip() == "warta: --include trees: unknown; known: syntax, tokens"


def test_words_read_once_give_what_the_whole_components_give() -> None:
    from spacy.tokens import Doc

    parser = load_parser("en")
    text = ("There is no deal yet, but they're gonna sign it. Let's see what the ministers, who met on Monday, "
            "said about the deal's terms. It was signed by Russia and it is binding.")
    article = _article(text)
    words = [parser.words_of(article.text, [(t.start, t.end) for t in article.tokens
                                            if s.start <= t.start < s.end]) for s in article.sentences]
    fast = parser.parse(article.text, words)
    for sentence, parsed in zip(words, fast):
        doc = Doc(parser.nlp.vocab, words=[article.text[s:e] for s, e in sentence])
        for token in doc[1:]:
            token.is_sent_start = False
        doc = parser.nlp(doc)
        assert [(w.upos, w.feats, w.lemma) for w in parsed] == [(t.pos_, str(t.morph), t.lemma_) for t in doc]
    assert parser.known  # the words were learnt


def test_a_sentence_over_syntax_max_words_is_read_without_a_parse() -> None:
    text = ("Talks\n\nSanctions hit. The ministers of the two countries met in the capital on Monday "
            "to discuss trade, energy and the border.\n")
    parsed = _article(text, syntax_every_sentence=True, syntax_max_words=5)
    assert [parsed.text[p.start:p.end] for p in parsed.syntax] == ["Sanctions hit."]
    assert len(_article(text, syntax_every_sentence=True, syntax_max_words=0).syntax) == 2


def test_the_word_at_an_offset_is_found_in_a_long_parse() -> None:
    article, parse = _parse("Iran and Russia signed a long agreement on energy, trade and defence in Moscow.")
    for i, word in enumerate(parse.words):
        assert tree.word_at(parse, word.start) == i and tree.word_at(parse, word.end - 1) == i
    assert tree.word_at(parse, parse.words[0].start - 1) is None
