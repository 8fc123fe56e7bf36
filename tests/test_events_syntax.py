"""Issue 11, round 3: the coder's word classes live in a data file, the detector reads the dependency parse, and the
clause-view role fallback only ever picks a party the coder already found."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from khabar.document import Arg, Clause, Document, Entity, Span, Token, Word
from khabar.extract.eventcoder import coder as C
from khabar.extract.eventcoder.lexicon import word_class
from khabar.extract.eventcoder.syntax import ParseView

ARABIC = re.compile("[\u0600-\u06ff]")


def test_word_classes_come_from_the_data_file() -> None:
    assert word_class("proclitic")[:2] == ("وبال", "وال")  # file order is the order variants() tries them
    assert C.PROCLITICS == word_class("proclitic") and C.SUFFIXES == word_class("suffix")
    assert {"ضد", "مع", "في"} <= C.PREPS and "الذين" in C.RELATIVE and "الطرفين" in C.DUAL_GROUPS
    assert C._RESUMPTIVE.match("بها") and C._RESUMPTIVE.match("عليهم") and not C._RESUMPTIVE.match("بيت")
    assert word_class("no such role") == ()


def test_no_arabic_word_list_at_module_level_of_the_coder() -> None:
    tree = ast.parse(Path(C.__file__).read_text(encoding="utf-8"))
    offenders = []
    for node in tree.body:
        if not isinstance(node, ast.Assign | ast.AnnAssign):
            continue
        names = [t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                 if isinstance(t, ast.Name)]
        words = [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and ARABIC.search(n.value)]
        # punctuation classes (sentence ends, clause punctuation) are not words
        if [w for w in words if re.search("[\u0621-\u064a]", w)]:
            offenders += names
    assert offenders == []


def _parsed(text: str, words: list[tuple[str, str, int | None, str]]) -> Document:
    """A one-token-per-word document with the given (form, pos, head, rel) parse."""
    doc = Document(text=text)
    pos = 0
    for form, upos, head, rel in words:
        s = text.index(form, pos)
        e = s + len(form)
        doc.tokens.append(Token(s, e, form, words=[Word(form, s, e, upos, form, head, rel)]))
        pos = e
    return doc


def test_parse_features_of_a_reported_trigger() -> None:
    text = "قال الجيش إن المسلحين هاجموا القرية"
    doc = _parsed(text, [("قال", "VERB", None, "root"), ("الجيش", "NOUN", 0, "nsubj"), ("إن", "SCONJ", 4, "mark"),
                         ("المسلحين", "NOUN", 4, "nsubj"), ("هاجموا", "VERB", 0, "ccomp"),
                         ("القرية", "NOUN", 4, "dobj")])
    doc.entities = [Entity("e1", "LOC", canonical_ar="القرية", mentions=[Span.of(text, text.index("القرية"), len(text))])]
    pv = ParseView(doc)
    s = text.index("هاجموا")
    f = pv.features(C._default(), s, s + len("هاجموا"), "ASSAULT")
    assert "dep_rel=ccomp" in f and "dep_rel=ASSAULT:ccomp" in f
    assert "dep_anc=speech" in f and "dep_head_role=speech" in f  # governed by a reporting verb
    assert "dep_subj=NOUN" in f and "dep_obj=LOC" in f  # a common-noun subject, an entity object
    s = text.index("قال")
    root = pv.features(C._default(), s, s + 3, "ASSAULT")
    assert "dep_rel=root" in root and not any(x.startswith("dep_anc") for x in root)


def test_no_parse_no_parse_features() -> None:
    doc = Document(text="هاجم المسلحون القرية")
    doc.tokens = [Token(0, 4, "هاجم", words=[Word("هاجم", 0, 4)])]
    assert ParseView(doc).features(C._default(), 0, 4, "ASSAULT") == []


def test_detector_candidates_carry_parse_features_only_with_a_parse() -> None:
    text = "هاجم مسلحون مركزا للشرطة"
    doc = _parsed(text, [("هاجم", "VERB", None, "root"), ("مسلحون", "NOUN", 0, "nsubj"),
                         ("مركزا", "NOUN", 0, "dobj"), ("للشرطة", "NOUN", 2, "nmod")])
    got: list[tuple[str, list[str], tuple[int, int]]] = []
    C.code_document(doc, min_confidence=0.0, collect=got)
    assert got and any("dep_rel=root" in f for _, f, _ in got)
    bare: list[tuple[str, list[str], tuple[int, int]]] = []
    C.code_document(Document(text=text), min_confidence=0.0, collect=bare)
    assert bare and not any(x.startswith("dep_") for _, f, _ in bare for x in f)


def test_clause_fallback_uses_only_candidates_the_coder_found(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "وقد هاجم أمس في الليل عناصر من حركة طالبان مركزا"
    doc = Document(text=text)
    ts = text.index("طالبان")
    doc.entities = [Entity("e_t", "ORG", canonical_ar="طالبان", mentions=[Span.of(text, ts, ts + len("طالبان"))])]
    hs = text.index("هاجم")
    # a clause whose subject phrase holds the Taliban mention, and one whose subject is no candidate at all
    doc.clauses = [Clause(0, hs, hs + 4, "هاجم", "هاجم", 0,
                          subject=Arg(1, text.index("حركة"), ts + len("طالبان"), "حركة طالبان", None, "e_t"))]
    monkeypatch.setattr(C, "CLAUSE_FALLBACK", "both")
    evs = C.code_document(doc, min_confidence=0.0)
    assault = [e for e in evs if e.event == "ASSAULT"]
    assert assault and any("e_t" in e.actor for e in assault)
    assert all(a in {e.id for e in doc.entities} for e in assault for a in e.actor)
    doc2 = Document(text="هاجم الليل مركزا")
    doc2.clauses = [Clause(0, 0, 4, "هاجم", "هاجم", 0, subject=Arg(1, 5, 10, "الليل", None, None))]
    for e in C.code_document(doc2, min_confidence=0.0):
        assert not e.actor  # "the night" is no candidate: the clause view never makes a party


def test_detector_scores_unparsed_candidates_with_the_noparse_weights() -> None:
    from khabar.extract.eventcoder.detector import Detector

    det = Detector({"ev=ASSAULT": 0.0, "dep_rel=root": 2.0}, bias=0.0, weights_noparse={"ev=ASSAULT": 1.0},
                   bias_noparse=0.5)
    parsed = det.score(["ev=ASSAULT", "dep_rel=root"])
    unparsed = det.score(["ev=ASSAULT"])
    assert abs(parsed - 1 / (1 + 2.718281828 ** -2.0)) < 1e-6
    assert abs(unparsed - 1 / (1 + 2.718281828 ** -1.5)) < 1e-6
    assert Detector({"ev=ASSAULT": 1.0}).score(["ev=ASSAULT"]) != unparsed  # no fallback: the main weights


def test_shipped_detector_has_both_weight_sets() -> None:
    from khabar.extract.eventcoder import detector

    det = detector.load()
    assert det is not None and det.weights_noparse
    assert any(k.startswith("dep_") or "|dep_" in k for k in det.weights)
    assert not any(k.startswith("dep_") or "|dep_" in k for k in det.weights_noparse)
