"""Morph layer: PADT surface reconstruction, CoNLL 2018 scorer, the shipped model and the pipeline stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.eval.morph_align import EvalWord, Scores, score
from khabar.models.morph.conllu import load_sentences, read_conllu
from khabar.models.morph.model import MODEL_PATH, load_model
from khabar.paths import SEED_DIR
from khabar.pipeline import Pipeline

SEED = SEED_DIR

# A PADT v1-style sentence written for this test (vocalised forms, clitics as separate words, UD v1 labels).
PADT_V1 = """# sent_id t-1
# orig_file_sentence TEST_0001#1
1\tوَ\tوَ\tCONJ\tC---------\t_\t2\tcc\t_\t_
2\tقَالَ\tقَال\tVERB\tVP-A-3MS--\t_\t0\troot\t_\t_
3\tاَلوَزِيرُ\tوَزِير\tNOUN\tN------S1D\t_\t2\tnsubj\t_\t_
4\tلِ\tلِ\tADP\tP---------\t_\t5\tcase\t_\t_
5\tاَلحُكُومَةِ\tحُكُومَة\tNOUN\tN------S2D\t_\t2\tnmod\t_\t_
6\tإِنَّ\tإِنَّ\tCONJ\tC---------\t_\t8\tmark\t_\t_
7\tسِيَاسَةَ\tسِيَاسَة\tNOUN\tN------S4R\t_\t8\tnsubj\t_\t_
8\tهَا\tهُوَ\tPRON\tSP---3FS2-\t_\t7\tnmod\t_\t_
9\tهُوَ\tهُوَ\tPRON\tSP---3MS1-\t_\t2\tdep\t_\t_
10\tسَ\tسَ\tPART\tF---------\t_\t11\taux\t_\t_
11\tتَنجَحُ\tنَجَح\tVERB\tVIIA-3FS--\t_\t2\tccomp\t_\t_
12\t.\t.\tPUNCT\tG---------\t_\t2\tpunct\t_\t_

"""


@pytest.fixture()
def padt_file(tmp_path: Path) -> Path:
    p = tmp_path / "mini.conllu"
    p.write_text(PADT_V1, encoding="utf-8")
    return p


def test_reconstruction_glues_clitics_and_restores_spelling(padt_file: Path) -> None:
    (sent,) = load_sentences(padt_file)
    assert sent.text == "وقال الوزير للحكومة إن سياستها هو ستنجح."
    assert sent.doc_id == "TEST_0001"
    surfaces = [sent.text[t.start : t.end] for t in sent.tokens]
    assert surfaces == ["وقال", "الوزير", "للحكومة", "إن", "سياستها", "هو", "ستنجح", "."]
    forms = [[w.form for w in t.words] for t in sent.tokens]
    assert forms[0] == ["و", "قال"] and forms[2] == ["ل", "الحكومة"] and forms[4] == ["سياسة", "ها"]
    assert forms[5] == ["هو"]  # an independent (nominative) pronoun is its own token
    # UD v1 → v2, diacritics gone from lemmas
    assert sent.tokens[0].words[0].upos == "CCONJ"
    assert sent.tokens[2].words[1].lemma == "حكومة"
    # words that are substrings carry offsets; restored forms (ال in لل, ة written ت) do not
    for tok in sent.tokens:
        for w in tok.words:
            if w.start is not None:
                assert sent.text[w.start : w.end] == w.form
    assert sent.tokens[2].words[1].start is None and sent.tokens[4].words[0].start is None


def test_reader_handles_ud2_text(tmp_path: Path) -> None:
    p = tmp_path / "ud2.conllu"
    p.write_text("# newdoc id = d1\n# sent_id = s1\n# text = ذهب للسوق.\n"
                 "1\tذهب\tذَهَب\tVERB\t_\t_\t0\troot\t_\t_\n2\tل\tلِ\tADP\t_\t_\t3\tcase\t_\tSpaceAfter=No\n"
                 "3\tلسوق\tسُوق\tNOUN\t_\t_\t1\tobl\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n",
                 encoding="utf-8")
    (sent,) = load_sentences(p)
    assert sent.doc_id == "d1"
    assert [sent.text[t.start : t.end] for t in sent.tokens] == ["ذهب", "ل", "لسوق", "."]
    assert len(list(read_conllu(p))) == 1


def _ew(start: int, end: int, form: str, pos: str, lemma: str, multi: bool) -> EvalWord:
    return EvalWord(start, end, form, pos, lemma, multi)


def test_scorer_aligns_multiword_tokens_by_form() -> None:
    gold = [_ew(0, 4, "و", "CCONJ", "و", True), _ew(0, 4, "قال", "VERB", "قال", True), _ew(5, 7, "هو", "PRON", "هو", False)]
    perfect = score(gold, list(gold), [(0, 4), (5, 7)], [(0, 4), (5, 7)])
    assert perfect.words_f1 == perfect.upos_f1 == perfect.lemmas_f1 == 1.0
    # unsplit prediction: one word of three is right
    pred = [_ew(0, 4, "وقال", "VERB", "وقال", False), _ew(5, 7, "هو", "PRON", "هو", False)]
    sc = score(gold, pred, [(0, 4), (5, 7)], [(0, 4), (5, 7)])
    assert sc.aligned == 1 and sc.words_f1 == pytest.approx(2 / 5)
    assert score([], [], [], [], Scores()).words_f1 == 0.0


def test_model_is_small_and_loads() -> None:
    assert MODEL_PATH.exists() and MODEL_PATH.stat().st_size <= 30_000_000
    model = load_model()
    assert "NOUN" in model.tags and model.weights


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["tokenize", "sentences", "morph"])


def _words(doc) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(w.form, w.pos, w.lemma) for t in doc.tokens for w in t.words]


def test_names_survive_and_split_out_of_clitics(pipe: Pipeline) -> None:
    text = "قال الرئيس بوتين إن بايدن وافق. والتقى بايدن وبوتين أمس، وقال مسؤول لبوتين إن الكرملين يرحب."
    doc = pipe(text)
    by_token = {text[t.start : t.end]: t for t in doc.tokens}
    assert by_token["بوتين"].seg == ["بوتين"]
    assert by_token["بايدن"].seg == ["بايدن"]
    assert by_token["وبوتين"].seg == ["و", "بوتين"]
    assert by_token["لبوتين"].seg == ["ل", "بوتين"]
    for tok in doc.tokens:
        for w in tok.words:
            if w.start is not None:
                assert text[w.start : w.end] == w.form
    assert by_token["الكرملين"].lemma == "كرملين"
    assert by_token["وقال"].seg == ["و", "قال"] and by_token["وقال"].lemma == "قال"


def test_reporting_verbs_get_their_lemma(pipe: Pipeline) -> None:
    text = "قال الوزير إن الاتفاق مهم. وقالت الوزيرة إنها متفائلة، ويقول المسؤولون إن الخطة جاهزة. وأضاف أن الحكومة ستعمل."
    doc = pipe(text)
    lemmas = {text[t.start : t.end]: t.lemma for t in doc.tokens}
    assert lemmas["قال"] == "قال" and lemmas["وقالت"] == "قال" and lemmas["ويقول"] == "قال"
    assert lemmas["وأضاف"] == "أضاف"


@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="shared seed article not available")
def test_seed_article_names_inside_tokens_are_split(pipe: Pipeline) -> None:
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    doc = pipe(text)
    word_starts = {w.start for t in doc.tokens for w in t.words if w.start is not None}
    word_ends = {w.end for t in doc.tokens for w in t.words if w.end is not None}
    inside = 0
    for ent in gold["entities"]:
        for m in ent["mentions"]:
            tok = next((t for t in doc.tokens if t.start <= m["start"] < t.end), None)
            if tok is None or (tok.start == m["start"] and tok.end >= m["end"]):
                continue  # the mention starts a token: nothing to split
            inside += 1
            assert m["start"] in word_starts, (m, tok.seg)
            assert m["end"] in word_ends, (m, tok.seg)
    assert inside > 0
    verbs = {"قال", "قالت", "يقول", "وقال", "وأضاف", "أضاف", "أكد", "وأكد"}
    for tok in doc.tokens:
        surface = text[tok.start : tok.end]
        if surface in verbs:
            assert tok.lemma in {"قال", "أضاف", "أكد"}, (surface, tok.lemma)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t", "hello world 123", "\x00\x01\ufffd" * 50, "ب" * 5000, "كَتَبَ الوَلَدُ الدَّرسَ", "ـــ ـ", "#بوتين @x https://a.b/c",
     "\u200f\u200eوقال\u200d بوتين"],
)
def test_bad_input_is_clean(pipe: Pipeline, text: str) -> None:
    doc = pipe(text)
    for tok in doc.tokens:
        assert tok.words, tok
        for w in tok.words:
            if w.start is not None:
                assert text[w.start : w.end] == w.form
            assert w.pos


def test_weak_verbs_and_plurals_get_dictionary_lemmas() -> None:
    m = load_model()
    # defective verbs lose their last letter before a suffix; news attests the restored form
    assert m.lemma("غزت", "VERB") == "غزا"
    assert m.lemma("رمت", "VERB") == "رمى"
    assert m.lemma("يتفقان", "VERB") == "اتفق"
    assert m.lemma("قالت", "VERB") == "قال"


def test_model_carries_word_clusters() -> None:
    from khabar.models.morph.model import cluster_features

    m = load_model()
    assert m.clusters, "the shipped model should carry its copy of the news word clusters"
    feats = cluster_features("الرئيس", m.clusters)
    assert feats and feats[0] != "c=none"
    assert cluster_features("زززززز", m.clusters) == ["c=none"]


def test_pud_half_glues_written_tokens(tmp_path: Path) -> None:
    from khabar.models.morph.train import pud_half

    rows = [("ل", "لِ", "ADP", "SpaceAfter=No"), ("لسلطة", "سُلطَة", "NOUN", "_"),
            ("نشرت", "نَشَر", "VERB", "SpaceAfter=No"), ("ها", "هُوَ", "PRON", "_"), ("بوتين", "بوتين", "PROPN", "_")]
    lines = ["# newdoc id = d1", "# sent_id = s0", "# text = x", "1\tx\tx\tX\t_\t_\t0\troot\t_\t_", "",
             "# sent_id = s1", "# text = للسلطة نشرتها بوتين"]
    for i, (form, lemma, upos, misc) in enumerate(rows, 1):
        lines.append(f"{i}\t{form}\t{lemma}\t{upos}\t_\t_\t0\tdep\t_\t{misc}")
    p = tmp_path / "pud.conllu"
    p.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (sent,) = pud_half(p, 1)  # odd sentences only
    assert [[w.form for w in t.words] for t in sent.tokens] == [["ل", "لسلطة"], ["نشرت", "ها"], ["بوتين"]]
    assert sent.tokens[2].words[0].upos == "X"  # PUD PROPN → PADT v1 X
