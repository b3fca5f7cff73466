"""The issue 19 audit's judgement file holds offsets and verdicts only, and its scorer matches as
../shared/eval/evaluate.py does."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
spec = importlib.util.spec_from_file_location("speaker_audit", BENCH / "speaker_audit.py")
audit = importlib.util.module_from_spec(spec)
assert spec.loader is not None
spec.loader.exec_module(audit)


def test_the_judgement_holds_no_article_text():
    articles = json.loads((BENCH / "speaker_audit.json").read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 30
    assert sum(a["doc"].startswith("id/") for a in articles) == 15
    for a in articles:
        assert set(a) == {"doc", "text_sha1", "quotes", "amounts"}
        for q in a["quotes"]:
            assert set(q) == {"at", "speaker", "optional"} and isinstance(q["at"], int)
            assert q["speaker"] is None or all(isinstance(x, int) for x in q["speaker"])
        for m in a["amounts"]:
            assert set(m) <= {"at", "end", "value", "unit", "optional", "in_title"}
            assert isinstance(m["unit"], str) and len(m["unit"]) <= 8


def test_speakers_agree_by_name_or_last_word():
    assert audit.same_speaker("Sergei Ryabkov", "Ryabkov")
    assert audit.same_speaker("the Dutch navy", "US navy")
    assert not audit.same_speaker("Sergei Naryshkin", "Sergei Ryabkov")
    assert not audit.same_speaker(None, "Ryabkov")


def test_amounts_agree_by_kind():
    assert audit.kind_agrees("USD", "USD") and not audit.kind_agrees("USD", "IDR")
    assert audit.kind_agrees("percent", "%") and not audit.kind_agrees("percent", "count")
    assert audit.kind_agrees("count", "litre") and not audit.kind_agrees("litre", "IDR")
