"""The Indonesian CRF: BIO handling, the shipped model and its score on NERGrit valid."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.entities.crf import load_lexicon, load_tagger
from warta.entities.features import sentence_features, shape
from warta.commands.train import build_module
from warta.entities.crf import spans

_TOOL = build_module("entities_id")
read_conll, score = _TOOL.read_conll, _TOOL.score
from warta.kb import load_kb


def test_spans_follow_conlleval() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-PLACE", "B-ORG", "I-PLACE"]
    assert spans(tags) == {(0, 2, "PERSON"), (3, 4, "PLACE"), (4, 5, "ORG"), (5, 6, "PLACE")}


def test_read_conll_maps_types(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text("Joko\tB-PERSON\nke\tO\nBPS\tB-ORGANISATION\n\nBali\tB-PLACE\n", encoding="utf-8")
    assert list(read_conll(path)) == [(["Joko", "ke", "BPS"], ["B-PERSON", "O", "B-ORG"]), (["Bali"], ["B-PLACE"])]


def test_features_see_shape_titles_and_the_kb() -> None:
    assert shape("al-Sharaa") == "x-Xx" and shape("2025") == "d"
    feats = sentence_features(["Presiden", "Rusia", "Vladimir", "Putin"], load_lexicon(), load_kb())
    assert "lx=title" in feats[0] and "gz=B-COUNTRY" in feats[1] and "gz=I-PERSON" in feats[3]


def test_shipped_model_tags_a_sentence() -> None:
    tagger = load_tagger()
    assert tagger is not None
    words = ["Menurut", "Budi", "Santoso", ",", "warga", "Surabaya", "menolak", "rencana", "itu", "."]
    found = spans(tagger.tag(sentence_features(words, load_lexicon(), load_kb())))
    assert found == {(1, 3, "PERSON"), (5, 6, "PLACE")}


def test_model_card_records_data_and_scores() -> None:
    card = (Path(__file__).resolve().parents[1] / "src" / "warta" / "models" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "NERGrit" in card and "warta train entities" in card and "F1" in card


def test_model_on_nergrit_valid(corpus: Path) -> None:
    """The shipped model saw valid in training (train + valid), so this guards against a broken
    model, not an estimate: the card holds the held-out figure."""
    path = corpus / "annotations" / "indonlu-nergrit" / "valid_preprocess.txt"
    if not path.is_file():
        pytest.skip("NERGrit not found")
    from importlib import resources

    with resources.as_file(resources.files("warta.models") / "ner-id.crfsuite") as model:
        result = score(model, list(read_conll(path)), load_lexicon(), load_kb())
    assert result["f1"] >= 0.75
