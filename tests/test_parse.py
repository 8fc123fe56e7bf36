"""Dependency parser (decoder, model file, CoNLL-U reading), the parse stage and the clause view."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import numpy as np
import pytest

import khabar
from khabar.document import Document
from khabar.models.parse.model import (
    MODEL_PATH,
    ParseWord,
    chu_liu_edmonds,
    decode,
    decode_greedy,
    load_model,
)
from khabar.models.parse.train import ParseScores, load_trees, split_holdout
from khabar.paths import shared_dir
from khabar.pipeline import Pipeline

SEED = shared_dir() / "seed" / "article.txt"
PADT_DEV = shared_dir() / "data/ud/padt-v1/dev.conllu"

MINI = """# sent_id t-1
# orig_file_sentence TEST_0001#1
1\tوَ\tوَ\tCONJ\tC---------\t_\t2\tcc\t_\t_
2\tقَالَ\tقَال\tVERB\tVP-A-3MS--\t_\t0\troot\t_\t_
3\tاَلوَزِيرُ\tوَزِير\tNOUN\tN------S1D\t_\t2\tnsubj\t_\t_
4\tلِ\tلِ\tADP\tP---------\t_\t5\tcase\t_\t_
5\tاَلحُكُومَةِ\tحُكُومَة\tNOUN\tN------S2D\t_\t2\tnmod\t_\t_
6\t.\t.\tPUNCT\tG---------\t_\t2\tpunct\t_\t_

"""

PUD_LIKE = """# sent_id p-1
# text والكتاب له.
1-2\tوالكتاب\t_\t_\t_\t_\t_\t_\t_\t_
1\tو\tو\tCCONJ\t_\t_\t2\tcc\t_\t_
2\tالكتاب\tكتاب\tNOUN\t_\t_\t0\troot\t_\t_
3-4\tله\t_\t_\t_\t_\t_\t_\t_\t_
3\tل\tل\tADP\t_\t_\t4\tcase\t_\t_
4\tه\tهو\tPRON\t_\t_\t2\tobl\t_\t_
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def _brute_force(scores: np.ndarray) -> float:
    """Best arborescence score by enumerating every head assignment (tiny n only)."""
    n = scores.shape[0]
    best = -np.inf
    for heads in itertools.product(range(n), repeat=n - 1):
        h = (0, *heads)
        if any(h[d] == d for d in range(1, n)):
            continue
        ok = True
        for d in range(1, n):
            seen, v = set(), d
            while v != 0 and ok:
                if v in seen:
                    ok = False
                seen.add(v)
                v = h[v]
        if ok:
            best = max(best, sum(scores[h[d], d] for d in range(1, n)))
    return best


@pytest.mark.parametrize("seed", range(25))
def test_chu_liu_edmonds_is_exact(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 6))
    scores = rng.normal(size=(n, n))
    heads = chu_liu_edmonds(scores)
    got = sum(scores[heads[d], d] for d in range(1, n))
    assert got == pytest.approx(_brute_force(scores))


@pytest.mark.parametrize("seed", range(25))
def test_decode_gives_a_tree_with_one_root(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(2, 30))
    scores = rng.normal(size=(n, n))
    scores[0, 1:] += 2.0  # invite many roots
    heads = decode(scores)
    assert heads[0] == 0
    assert int((heads[1:] == 0).sum()) == 1
    for d in range(1, n):  # every word reaches ROOT
        v, steps = d, 0
        while v != 0:
            v, steps = heads[v], steps + 1
            assert steps <= n


@pytest.mark.parametrize("seed", range(25))
def test_greedy_decoder_gives_a_tree_from_any_candidates(seed: int) -> None:
    rng = np.random.default_rng(200 + seed)
    m = int(rng.integers(2, 40))
    hh = rng.integers(0, m, size=5 * m)
    dd = rng.integers(1, m, size=5 * m) if m > 1 else np.zeros(0, dtype=np.int64)
    heads = decode_greedy(hh, dd, rng.normal(size=len(hh)), m)
    assert heads[0] == 0 and int((heads[1:] == 0).sum()) == 1
    for d in range(1, m):
        v, steps = d, 0
        while v != 0:
            v, steps = heads[v], steps + 1
            assert steps <= m
    # the best-scoring arc of all is always kept
    scores = rng.normal(size=len(hh))
    best = int(np.argmax(scores))
    if hh[best] != dd[best]:
        assert decode_greedy(hh, dd, scores, m)[dd[best]] == hh[best]


def test_conllu_reading_padt_v1_and_v2(tmp_path: Path) -> None:
    p = tmp_path / "mini.conllu"
    p.write_text(MINI, encoding="utf-8")
    (s,) = load_trees(p)
    assert [w.form for w in s.words] == ["و", "قال", "الوزير", "ل", "الحكومة", "."]
    assert s.heads == [2, 0, 2, 5, 2, 2]
    assert s.words[0].pos == "CCONJ"
    # و + قال and ل + الحكومة share a surface token in the reconstructed text
    assert s.words[0].token == s.words[1].token and s.words[3].token == s.words[4].token
    q = tmp_path / "pud.conllu"
    q.write_text(PUD_LIKE, encoding="utf-8")
    (t,) = load_trees(q)
    assert t.rels == ["cc", "root", "case", "nmod", "punct"]  # obl → nmod (v1)
    assert t.words[0].token == t.words[1].token != t.words[2].token


def test_scores_count_punctuation_separately() -> None:
    sc = ParseScores()
    sc.add([2, 0, 2], ["nsubj", "root", "punct"], [2, 0, 1], ["nsubj", "root", "punct"], [False, False, True])
    assert (sc.words, sc.uas, sc.las) == (3, 2, 2)
    assert (sc.words_np, sc.uas_np, sc.las_np) == (2, 2, 2)


def test_holdout_split_is_by_document(tmp_path: Path) -> None:
    sents = load_trees(PADT_DEV) if PADT_DEV.exists() else []
    if not sents:
        pytest.skip("shared PADT v1 not available")
    train, held = split_holdout(sents)
    assert train and held
    assert not {s.doc_id for s in train} & {s.doc_id for s in held}


@pytest.mark.skipif(not PADT_DEV.exists(), reason="shared PADT v1 not available")
def test_shipped_model_fits_its_training_data() -> None:
    # In-sample: a check that the saved weights, vocabularies and features line up, not an accuracy figure.
    model = load_model()
    sents = load_trees(PADT_DEV)[:60]
    ok = total = 0
    for s, (heads, rels) in zip(sents, model.parse_many([s.words for s in sents]), strict=True):
        assert len(heads) == len(s.words) and len(rels) == len(s.words)
        assert heads.count(0) == 1
        assert set(rels) <= set(model.labels)
        ok += sum(g == p for g, p in zip(s.heads, heads, strict=True))
        total += len(heads)
    assert ok / total > 0.9


def test_model_file_is_small_and_parses_odd_input() -> None:
    assert MODEL_PATH.stat().st_size < 5_000_000
    model = load_model()
    assert model.parse([]) == ([], [])
    heads, rels = model.parse([ParseWord("؟", "؟", "PUNCT", 0)])
    assert heads == [0]
    # unknown tags and forms are fine
    heads, _ = model.parse([ParseWord("xyz", "xyz", "NOPE", 0), ParseWord("قال", "قال", "VERB", 1)])
    assert sorted(heads).count(0) == 1


def _check_tree(doc: Document) -> None:
    words = doc.words
    for i, w in enumerate(words):
        assert w.rel is not None
        if w.head is None:
            assert w.rel == "root"
        else:
            assert 0 <= w.head < len(words) and w.head != i
    for i in range(len(words)):  # no cycles
        v, steps = i, 0
        while words[v].head is not None:
            v, steps = words[v].head, steps + 1
            assert steps <= len(words)


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    if not SEED.exists():
        pytest.skip("seed article not available")
    return khabar.analyze(SEED.read_text(encoding="utf-8"), published="2021-12-12")


def test_parse_stage_and_clause_view_on_the_seed(seed_doc: Document) -> None:
    doc = seed_doc
    _check_tree(doc)
    assert doc.check_offsets() == []
    assert doc.clauses
    for cl in doc.clauses:
        assert doc.text[cl.start : cl.end] == cl.text
        for a in cl.args():
            assert doc.text[a.start : a.end] == a.text
            assert a.entity is None or doc.entity(a.entity) is not None
    # «وقال المتحدث باسم الكرملين ديمتري بيسكوف»: the subject names Peskov, not the Kremlin
    peskov = next(e.id for e in doc.entities if (e.canonical or "").startswith("Dmitry Peskov"))
    said = [cl for cl in doc.clauses if cl.lemma == "قال" and cl.subject and "بيسكوف" in cl.subject.text]
    assert said and said[0].subject is not None and said[0].subject.entity == peskov
    # round trip through JSON keeps heads, relations and the clause view
    back = Document.from_json(doc.to_json())
    assert [w.head for w in back.words] == [w.head for w in doc.words]
    assert [c.to_dict() for c in back.clauses] == [c.to_dict() for c in doc.clauses]


def test_clause_flags_negation_and_passive() -> None:
    doc = khabar.analyze("لم يحضر الوزير الاجتماع. وقيل إن الاجتماع سيعقد غدا.")
    negated = [cl for cl in doc.clauses if cl.negated]
    assert any(cl.text == "يحضر" for cl in negated)
    assert not any(q.speaker for q in doc.quotes if "سيعقد" in q.content.text)


def test_parse_stage_on_bad_input_stays_linear() -> None:
    pipe = Pipeline(["tokenize", "sentences", "morph", "parse", "clauses"])
    assert pipe("").words == []
    assert pipe("   \n ").clauses == []
    long_text = " ".join(["الرئيس يزور المدينة"] * 700)  # 2,100 words, no sentence end
    t0 = time.process_time()
    doc = pipe(long_text)
    assert time.process_time() - t0 < 30
    _check_tree(doc)
    assert doc.check_offsets() == []


def _speakers(text: str) -> list[tuple[str | None, str]]:
    doc = khabar.analyze(text)
    names = {e.id: e.mentions[0].text if e.mentions else e.id for e in doc.entities}
    return [(names.get(q.speaker) if q.speaker else None, q.cue.text if q.cue else "") for q in doc.quotes]


def test_speaker_is_the_subject_not_the_object_or_the_platform() -> None:
    got = _speakers("اتهم السفير السعودي لدى الأمم المتحدة عبد الله المعلمي إيران بزعزعة استقرار المنطقة، "
                    "مؤكدا أن الرياض لن تسكت.")
    assert ("عبد الله المعلمي", "مؤكدا") in got
    assert all(sp != "إيران" for sp, _ in got)
    got = _speakers("وكتب الرئيس الأمريكي دونالد ترامب على تويتر أن الاتفاق النووي مع إيران كان كارثة.")
    assert got == [("دونالد ترامب", "وكتب")]


def test_unnamed_and_passive_attribution_has_no_speaker() -> None:
    got = _speakers("وأفادت مصادر مطلعة بأن المفاوضات توقفت. وذكرت تقارير أن الجيش انسحب من المدينة. "
                    "وقيل إن الرئيس سيزور موسكو الأسبوع المقبل.")
    assert [cue for _, cue in got] == ["وأفادت", "وذكرت", "وقيل"]
    assert all(sp is None for sp, _ in got)


def test_predicted_tags_keep_gold_words(tmp_path: Path) -> None:
    from khabar.models.parse.train import with_predicted_tags

    p = tmp_path / "mini.conllu"
    p.write_text(MINI, encoding="utf-8")
    gold = load_trees(p)
    pred, share = with_predicted_tags(p, gold)
    assert 0.0 < share <= 1.0
    assert [w.form for w in pred[0].words] == [w.form for w in gold[0].words]
    assert pred[0].heads == gold[0].heads
    assert pred[0].words[1].pos == "VERB"  # قال, tagged by the morph stage


def test_cli_eval_and_train_parse(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from khabar.cli import _load
    from khabar.cli.apps import app

    _load()
    p = tmp_path / "mini.conllu"
    p.write_text(MINI * 3, encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "parse", str(p)])
    assert res.exit_code == 0, res.output
    assert "UAS" in res.output and "without punctuation" in res.output
    res = runner.invoke(app, ["eval", "parse", str(tmp_path / "missing.conllu")])
    assert res.exit_code == 2
    out = tmp_path / "tiny.npz"
    res = runner.invoke(app, ["train", "parse", "--train", str(p), "--out", str(out), "--epochs", "2"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["eval", "parse", str(p), "--model", str(out)])
    assert res.exit_code == 0, res.output


@pytest.mark.skipif(not PADT_DEV.exists(), reason="shared PADT v1 not available")
def test_averaged_training_is_the_mean_of_the_seeds() -> None:
    from khabar.models.parse.train import train, train_averaged

    sents = load_trees(PADT_DEV)[:30]
    kw = {"epochs": 2, "arc_bits": 14, "lab_bits": 10, "prune_bits": 10}
    runs = [train(sents, seed=s, log=False, **kw) for s in (1, 2, 3)]
    avg = train_averaged(sents, seeds=3, log=False, **kw)
    assert avg.meta["seeds"] == 3
    assert np.allclose(avg.arc_w, np.mean([m.arc_w for m in runs], axis=0), atol=1e-6)
    assert np.allclose(avg.lab_w, np.mean([m.lab_w for m in runs], axis=0), atol=1e-6)
    # the seeds shuffle differently, so the runs differ and the average is not any one of them
    assert not np.allclose(runs[0].arc_w, runs[1].arc_w)
    heads, rels = avg.parse(sents[0].words)
    assert heads.count(0) == 1 and len(rels) == len(sents[0].words)
