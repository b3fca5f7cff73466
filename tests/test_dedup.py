"""Near-duplicate clustering (MinHash LSH) and counting events once per cluster."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest

from warta.bulk.dedup import Deduplicator, count_events, signature, similarity, source_of

WIRE = ("Presiden Prabowo Subianto menegaskan pentingnya pengendalian inflasi dalam menjaga stabilitas ekonomi "
        "nasional. Dalam sidang kabinet di Jakarta pada Senin, ia mengapresiasi kinerja Kabinet Merah Putih dalam "
        "mengendalikan inflasi di angka sekitar 2 persen. Capaian ini menjadi salah satu yang terendah di antara "
        "negara G20, kata Menteri Keuangan kepada wartawan. Pemerintah juga akan memperluas operasi pasar beras "
        "di 34 provinsi untuk menjaga harga menjelang akhir tahun, sementara Bank Indonesia mempertahankan suku "
        "bunga acuan di level 4,75 persen. Para ekonom menilai langkah itu cukup untuk menahan tekanan harga.")
REPUBLISHED = "JAKARTA, KOMPAS - " + WIRE + " Baca juga: Harga beras naik di pasar induk."
OTHER = ("Tim nasional sepak bola Indonesia mengalahkan Vietnam dua gol tanpa balas di Stadion Gelora Bung Karno. "
         "Pelatih memuji disiplin para pemain muda yang tampil penuh semangat sejak menit pertama, dan ribuan "
         "suporter merayakan kemenangan itu hingga larut malam di sekitar stadion.")


def test_republished_copy_joins_the_first_articles_cluster() -> None:
    dedup = Deduplicator(threshold=0.8)
    assert similarity(signature(WIRE), signature(REPUBLISHED)) >= 0.8
    assert dedup.assign("wire", signature(WIRE)) == "wire"
    assert dedup.assign("other", signature(OTHER)) == "other"
    assert dedup.assign("copy", signature(REPUBLISHED)) == "wire"
    assert dedup.cluster_of("copy") == "wire" and len(dedup) == 3


@pytest.mark.parametrize("text", ["", "satu", "satu dua tiga empat", "satu " * 9, WIRE, REPUBLISHED.upper(),
                                  "Ünïcode wörds — “quoted” ß İ x y z"])
def test_signature_is_datasketchs_minhash_of_the_word_shingles(text: str) -> None:
    # Stored signatures must stay comparable: the fast path computes exactly datasketch's default.
    from datasketch import MinHash

    words = re.findall(r"\w+", text.lower())
    grams = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    minhash = MinHash(num_perm=128, seed=1, scheme="affine32")
    minhash.update_batch([g.encode("utf-8") for g in grams])
    assert signature(text).dtype == np.uint32
    assert (signature(text) == minhash.hashvalues).all()


def test_clusters_depend_only_on_order_and_reload_identically() -> None:
    first = Deduplicator()
    sigs = {"a": signature(WIRE), "b": signature(OTHER), "c": signature(REPUBLISHED)}
    assigned = {key: first.assign(key, sig) for key, sig in sigs.items()}
    reloaded = Deduplicator()
    reloaded.add("a", sigs["a"], "a")  # as the runner reloads from the journal after a restart
    reloaded.add("b", sigs["b"], "b")
    assert reloaded.assign("c", sigs["c"]) == assigned["c"] == "a"


def test_signature_is_stable_across_processes_and_short_texts_work() -> None:
    assert signature("halo dunia").tolist() == signature("halo dunia").tolist()
    assert signature("").shape == (128,)
    assert similarity(signature("Halo, dunia!"), signature("halo dunia")) == 1.0  # case and punctuation ignored


def test_events_count_once_per_cluster_with_articles_and_sources() -> None:
    event = {"type": "CONSULT", "cameo": "040", "actor1": "IDN", "actor2": "JPN", "day": "2025-10-20"}
    rows = [
        {"cluster": "c1", "article_id": "a1", "url": "https://www.antaranews.com/x"} | event,
        {"cluster": "c1", "article_id": "a2", "url": "https://kompas.com/y"} | event,
        {"cluster": "c1", "article_id": "a3", "url": "https://antaranews.com/z"} | event,
        {"cluster": "c2", "article_id": "b1", "url": None} | event,
    ]
    counts = {c.cluster: c for c in count_events(rows)}
    assert len(counts) == 2
    assert (counts["c1"].num_articles, counts["c1"].num_sources) == (3, 2)  # www. and bare host are one source
    assert (counts["c2"].num_articles, counts["c2"].num_sources) == (1, 1)
    assert source_of(None, "b1") == "b1"


def test_detik_corpus_has_few_near_duplicates(corpus) -> None:
    path = corpus / "id" / "detik-2025" / "articles.jsonl"
    if not path.exists():
        pytest.skip("detik corpus absent")
    dedup = Deduplicator()
    texts = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= 200:
                break
            texts.append(json.loads(line)["text"])
    clusters = {dedup.assign(str(n), signature(t)) for n, t in enumerate(texts)}
    assert len(clusters) > 0.8 * len(texts)  # distinct news stays distinct
    assert dedup.assign("again", signature(texts[0])) == "0"  # an exact repeat is found
