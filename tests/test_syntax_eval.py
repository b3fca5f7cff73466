"""`warta eval parser` and the CoNLL-U reading and scoring behind it."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.model import Word
from warta.syntax.conllu import GoldWord, Scores, read_conllu, sentence_text
from warta.syntax.parser import load_parser

MWT = """# text = Ia menyetujuinya.
1\tIa\tia\tPRON\t_\t_\t2\tnsubj\t_\t_
2-3\tmenyetujuinya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
2\tmenyetujui\tsetuju\tVERB\t_\tVoice=Act\t0\troot\t_\t_
3\tnya\tnya\tPRON\t_\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_reader_scores_multiword_tokens_on_their_words(tmp_path: Path) -> None:
    path = tmp_path / "mwt.conllu"
    path.write_text(MWT, encoding="utf-8")
    [sentence] = read_conllu(path)
    assert [w.form for w in sentence.words] == ["Ia", "menyetujui", "nya", "."]
    assert sentence.tokens == (("menyetujuinya", 1, 2),)
    assert [w.head for w in sentence.words] == [1, -1, 1, 1] and sentence.words[1].feats == "Voice=Act"
    text, offsets = sentence_text(sentence)
    assert text == "Ia menyetujui nya. " and [text[s:e] for s, e in offsets] == ["Ia", "menyetujui", "nya", "."]


def test_scores_ignore_relation_subtypes_and_count_punctuation() -> None:
    gold = [GoldWord("deal", "deal", "NOUN", "", 1, "nsubj:pass"), GoldWord("signed", "sign", "VERB", "", -1, "root"),
            GoldWord(".", ".", "PUNCT", "", 1, "punct")]
    predicted = [Word(0, 4, "deal", "NOUN", "", 1, "nsubj"), Word(5, 11, "sign", "VERB", "", -1, "root"),
                 Word(11, 12, ".", "PUNCT", "", 0, "punct")]
    scores = Scores()
    scores.add(gold, predicted)
    assert scores.line() == "uas=0.6667 las=0.6667 upos=1.0000 sentences=1 tokens=3"


@pytest.mark.skipif(load_parser("en") is None, reason="en_core_web_sm is not installed")
def test_eval_parser_on_the_hand_written_english_file(warta_cli, fixtures: Path) -> None:
    result = warta_cli("eval", "parser", "--conllu", str(fixtures / "en_news.conllu"), "--language", "en")
    assert result.returncode == 0, result.stderr
    last = result.stdout.decode().strip().splitlines()[-1]
    values = dict(part.split("=") for part in last.split())
    assert list(values) == ["uas", "las", "upos", "sentences", "tokens"]
    assert values["sentences"] == "6" and values["tokens"] == "65"
    assert float(values["las"]) >= 0.8 and float(values["uas"]) >= float(values["las"])
    guessed = warta_cli("eval", "parser", "--conllu", str(fixtures / "en_news.conllu"))
    assert guessed.stdout.decode().splitlines()[0].startswith("language=en ")


def test_eval_parser_bad_inputs_give_one_line(warta_cli, tmp_path: Path) -> None:
    missing = warta_cli("eval", "parser", "--conllu", str(tmp_path / "nope.conllu"))
    assert missing.returncode == 1 and missing.stderr.decode().count("\n") == 1
    assert "nope.conllu: not a readable CoNLL-U file" in missing.stderr.decode()
    empty = tmp_path / "empty.conllu"
    empty.write_text("# nothing\n", encoding="utf-8")
    result = warta_cli("eval", "parser", "--conllu", str(empty))
    assert result.returncode == 1 and result.stderr.decode().strip() == f"warta: {empty}: no sentences"
    path = tmp_path / "x.conllu"
    path.write_text(MWT, encoding="utf-8")
    none = warta_cli("eval", "parser", "--conllu", str(path), "--language", "xx")
    assert none.returncode == 1 and none.stderr.decode().strip() == f"warta: {path}: no parser for language xx"


def test_clitic_table_learns_from_the_multiword_tokens(tmp_path: Path) -> None:
    from warta.commands.train import build_module

    training = build_module("parser_id")

    rows = [MWT.replace("Ia menyetujuinya", f"Ia {w}nya").replace("menyetujuinya\t", f"{w}nya\t").replace(
        "menyetujui\tsetuju", f"{w}\t{w}") for w in ("rumah", "mobil", "kantor")]
    rows.append("1\thanya\thanya\tADV\t_\t_\t0\troot\t_\t_\n\n")
    for name in training.TRAIN_FILES:
        (tmp_path / name).write_text("".join(rows), encoding="utf-8")
    lines = training.clitic_table(tmp_path, min_split=10)
    assert "clitic\tnya" in lines and "keep\thanya" in lines and "split\trumahnya\tnya" not in lines
    assert training.clitic_table(tmp_path, min_split=100)[:1] == ["split\tkantornya\tnya"]
