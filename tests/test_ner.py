"""NER: CoNLL reading and conlleval-style scoring, clitic stripping, document repairs, the shipped model and
the "ner" pipeline stage (exact, non-overlapping spans; clean results on bad input)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.eval.ner import score
from khabar.models.ner.conll import read_conll, read_fane, read_pairs, spans, write_conll
from khabar.models.ner.docfix import refine
from khabar.models.ner.features import Featurizer
from khabar.models.ner.tagger import MODEL_PATH, default_tagger
from khabar.pipeline import Pipeline

needs_model = pytest.mark.skipif(not MODEL_PATH.exists(), reason="NER model not trained")


@pytest.fixture(scope="module")
def feats() -> Featurizer:
    return Featurizer()


def _pipeline() -> Pipeline:
    return Pipeline(["tokenize", "sentences", "ner"])


def test_spans_follow_conlleval() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert spans(["I-ORG", "I-ORG", "B-ORG"]) == [(0, 2, "ORG"), (2, 3, "ORG")]  # I- after O starts a chunk
    assert spans(["B-PER", "I-LOC"]) == [(0, 1, "PER"), (1, 2, "LOC")]
    assert spans([]) == []


def test_score_exact_span_and_type() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    assert score(gold, gold).prf() == (1.0, 1.0, 1.0)
    assert score(gold, [["O"] * 4, ["O"] * 2]).prf() == (0.0, 0.0, 0.0)
    half = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]  # wrong span, right LOC, wrong type
    s = score(gold, half)
    assert s.prf("LOC")[2] == pytest.approx(2 / 3)
    assert s.prf()[0] == pytest.approx(1 / 3) and s.prf()[1] == pytest.approx(1 / 3)


def test_read_conll_maps_types(tmp_path: Path) -> None:
    p = tmp_path / "g.txt"
    p.write_text("أحمد B-PERS\nفي O\nمصر B-GPE I-X\n$#$ O\n\nويكي B-MIS\nالبيت B-FAC\nأمس B-DATE\n", encoding="utf-8")
    sents = read_conll(p)
    assert sents == [(["أحمد", "في", "مصر"], ["B-PER", "O", "B-LOC"]),
                     (["ويكي", "البيت", "أمس"], ["B-MISC", "B-LOC", "O"])]


def test_pred_file_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "pred.txt"
    write_conll(p, [(["a", "b"], ["B-PER", "O"], ["B-PER", "B-LOC"])])
    assert read_pairs(p) == ([["B-PER", "O"]], [["B-PER", "B-LOC"]])


def test_eval_cli_scores_a_given_prediction(tmp_path: Path) -> None:
    from khabar.cli.apps import app
    from khabar.cli.ner import eval_ner  # noqa: F401  (registers the command)

    gold = tmp_path / "gold.txt"
    gold.write_text("x B-PER\ny O\n", encoding="utf-8")
    pred = tmp_path / "pred.txt"
    write_conll(pred, [(["x", "y"], ["B-PER", "O"], ["B-PER", "O"])])
    res = CliRunner().invoke(app, ["eval", "ner", str(gold), "--pred", str(pred)])
    assert res.exit_code == 0, res.output
    assert "micro" in res.output and "100.0" in res.output


def test_clitic_split(feats: Featurizer) -> None:
    assert feats.split("والولايات") == ("و", "الولايات")
    assert feats.split("بالمدينة")[0] == "ب"
    assert feats.split("للرئيس") == ("ل", "الرئيس")
    assert feats.split("بغداد") == ("", "بغداد")  # a name that starts with ب keeps it
    assert feats.split("لندن") == ("", "لندن")
    assert feats.split("وماكرون")[1] == "ماكرون"
    assert feats.split("") == ("", "")


def test_refine_propagates_names(feats: Featurizer) -> None:
    words = [["قال", "إيمانويل", "ماكرون", "إن"], ["وأضاف", "ماكرون", "أن", "حلف", "شمال", "الأطلسي"],
             ["وقال", "حلف", "شمال", "الأطلسي"]]
    tags = [["O", "B-PER", "I-PER", "O"], ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG"], ["O", "O", "O", "O"]]
    refine(words, tags, feats)
    assert tags[1][1] == "B-PER"
    assert tags[2] == ["O", "B-ORG", "I-ORG", "I-ORG"]


def test_refine_broadcaster_with_number(feats: Featurizer) -> None:
    words = [["بثت", "قناة", "فرنسا", "24", "تقريرا"]]
    tags = [["O", "O", "B-LOC", "O", "O"]]
    refine(words, tags, feats)
    assert tags[0] == ["O", "O", "B-ORG", "I-ORG", "O"]


@needs_model
def test_stage_finds_names_with_exact_spans() -> None:
    text = ("قال الرئيس الفرنسي إيمانويل ماكرون في باريس يوم الاثنين إن فرنسا ستدعم ألمانيا. "
            "وأكد وزير الخارجية الأمريكي أن الولايات المتحدة ستعمل مع الأمم المتحدة.\n"
            "والتقى ماكرون في القاهرة بالرئيس المصري عبد الفتاح السيسي.")
    doc = _pipeline()(text)
    found = [(m.start, m.end, m.type, m.text) for m in doc.mentions]
    assert found, "no mentions"
    for s, e, _, t in found:
        assert text[s:e] == t
    ordered = sorted(found)
    for a, b in zip(ordered, ordered[1:], strict=False):
        assert a[1] <= b[0], "overlapping mentions"
    texts = {(t, typ) for _, _, typ, t in found}
    assert ("باريس", "LOC") in texts
    assert ("إيمانويل ماكرون", "PER") in texts
    assert ("ماكرون", "PER") in texts  # after و in the last sentence: the و is not part of the name
    assert all(not t.startswith("و") for _, _, _, t in found if t.endswith("ماكرون"))
    assert doc.entities == []  # raw mentions only: merging and linking are the resolve stage's
    assert "mentions" not in doc.to_dict()  # not part of the khabar/1 JSON


@needs_model
@pytest.mark.parametrize("text", ["", "   \n\t", "hello world 123", "\x00\x01\ufffd" * 50, "؟" * 3000,
                                  "\u200f\u200e\u200d" * 100, "و" * 20000, "(" * 500 + "ب" * 500])
def test_stage_bad_input_is_clean(text: str) -> None:
    doc = _pipeline()(text)
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


@needs_model
def test_model_loads_once() -> None:
    assert default_tagger() is default_tagger()


def test_gazetteer_uses_no_anergazet(tmp_path: Path) -> None:
    """ANERGazet is research-use only: the gazetteer build must not read it even when it is present."""
    import gzip

    from khabar.models.ner.resources import build_gazetteer

    shared = tmp_path / "shared"
    (shared / "data/gazetteers/anergazet").mkdir(parents=True)
    (shared / "data/gazetteers/anergazet/AlignedPersGazetteer.txt").write_text("زززقققاسم\n", encoding="utf-8")
    out = tmp_path / "gaz.tsv.gz"
    n = build_gazetteer(shared, out)
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        names = {line.split("\t")[0] for line in fh}
    assert n >= len(names) > 0  # the knowledge base still gives names
    assert "زززقققاسم" not in names


def test_shipped_gazetteer_has_only_known_classes() -> None:
    import gzip

    from khabar.models.ner.features import DATA_DIR

    path = DATA_DIR / "gazetteer.tsv.gz"
    if not path.exists():
        pytest.skip("no gazetteer built")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        classes = {line.rstrip("\n").split("\t")[1] for line in fh}
    assert classes <= {"PER", "ORG", "LOC", "MISC", "NAT", "ACT"}


def test_document_features_borrow_context() -> None:
    feats = Featurizer()
    sents = [["قال", "الرئيس", "جو", "بايدن", "إن", "واشنطن"], ["وأكد", "بايدن", "أن", "روسيا"]]
    feats.doc_features = False
    assert feats.document(sents) == [feats.sentence(s) for s in sents]
    feats.doc_features = True
    seqs = feats.document(sents)
    assert [len(s) for s in seqs] == [6, 4]
    assert "dq=PERT" in seqs[1][1]  # the second بايدن sees the title of the first
    assert not any(f.startswith("d") and "=" in f and f[:3] in ("dp=", "dn=", "dq=") for f in seqs[0][4])


def test_person_span_stops_before_a_verb(feats: Featurizer) -> None:
    from khabar.models.ner.docfix import verb_like

    assert verb_like(feats, "اكدوا")
    assert not verb_like(feats, "سليمان")
    words = [["قال", "الرئيس", "جو", "بايدن", "واكدوا", "أن"]]
    tags = [["O", "O", "B-PER", "I-PER", "I-PER", "O"]]
    refine(words, tags, feats)
    assert tags[0][2:5] == ["B-PER", "I-PER", "O"]


def test_read_fane_folds_classes_and_glues_clitics(tmp_path: Path) -> None:
    import gzip

    rows = ["و\tO", "قال\tO", "ل\tO", "الحكومة\tO", "وزير\tO", "خارجية\tO", "مصر\tB-Nation", "سامح\tB-Politician",
            "شكري\tI-Politician", "في\tO", "عاصمة\tO", "ها\tO", "امام\tO", "الفلسطينيين\tB-Group",
            "و\tO", "الحكومة\tB-Government", "الاسرائيلية\tI-Government", "مطار\tB-Airport", "القاهرة\tI-Airport",
            "يونيفل\tI-Non-Governmental", ".\tO", "", "كتاب\tO", "الحرب\tB-Book", "و\tI-Book", "السلام\tI-Book"]
    path = tmp_path / "fane.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    (toks, tags), (toks2, tags2) = read_fane(path)
    assert toks[:3] == ["وقال", "للحكومة", "وزير"]  # split proclitics back on the word, ل + ال → لل
    assert "عاصمتها" in toks and "ها" not in toks  # enclitic glued, ة → ت
    got = {" ".join(toks[i:j]): t for i, j, t in spans(tags)}
    # Nation → LOC, Politician → PER; Group, Government, Airport are O the ANERcorp way; an I- that lost its B- is B-
    assert got == {"مصر": "LOC", "سامح شكري": "PER", "يونيفل": "ORG"}
    assert tags[toks.index("والحكومة")] == "O"
    assert spans(tags2) == [(1, 4, "MISC")] and toks2 == ["كتاب", "الحرب", "و", "السلام"]  # و inside a name stays
