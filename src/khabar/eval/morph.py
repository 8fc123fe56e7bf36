"""Run the whole text layer + morph stage on reconstructed CoNLL-U text and score it CoNLL 2018 style."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from khabar.document import Document
from khabar.eval.morph_align import EvalWord, Scores, score
from khabar.models.morph.conllu import (
    GoldSentence,
    GoldToken,
    join_document,
    load_sentences,
    strip_diacritics,
)
from khabar.models.morph.model import MorphModel

# PUD (UD v2) → the PADT v1 conventions the model is trained on, for a like-for-like second reading
PADT1_TAGSET = {"PROPN": "X", "SCONJ": "CCONJ", "AUX": "VERB", "INTJ": "X"}


@dataclass(slots=True)
class EvalResult:
    scores: Scores
    words: int
    morph_seconds: float
    layer_seconds: float

    @property
    def morph_wps(self) -> float:
        return self.words / self.morph_seconds if self.morph_seconds else 0.0

    @property
    def layer_wps(self) -> float:
        return self.words / self.layer_seconds if self.layer_seconds else 0.0


def gold_eval_words(tokens: list[GoldToken], tagmap: dict[str, str] | None = None) -> list[EvalWord]:
    tagmap = tagmap or {}
    return [
        EvalWord(t.start, t.end, w.form, tagmap.get(w.upos, w.upos), w.lemma, len(t.words) > 1)
        for t in tokens
        for w in t.words
    ]


def pred_eval_words(doc: Document) -> list[EvalWord]:
    out = []
    for t in doc.tokens:
        words = t.words or []
        if not words:
            out.append(EvalWord(t.start, t.end, doc.text[t.start : t.end], t.pos or "X", t.lemma or "", False))
            continue
        for w in words:
            out.append(EvalWord(t.start, t.end, strip_diacritics(w.form), w.pos or "X", w.lemma or "", len(words) > 1))
    return out


def evaluate_sentences(sents: list[GoldSentence], model: MorphModel | None = None,
                       tagmap: dict[str, str] | None = None) -> EvalResult:
    from khabar.models.morph_stage import analyse_tokens
    from khabar.pipeline import Pipeline

    if model is None:
        from khabar.models.morph.model import load_model

        model = load_model()
    # one document per source article, so that per-article word counts mean what they mean in use
    groups: list[list[GoldSentence]] = []
    for s in sents:
        if groups and groups[-1][0].doc_id == s.doc_id:
            groups[-1].append(s)
        else:
            groups.append([s])
    text_layer = Pipeline(["tokenize", "sentences"])
    sc = Scores()
    morph_s = layer_s = 0.0
    n_words = 0
    for group in groups:
        text, gold_tokens = join_document(group)
        t0 = time.process_time()
        doc = text_layer(text)
        t1 = time.process_time()
        analyse_tokens(model, doc.text, doc.tokens)
        t2 = time.process_time()
        morph_s += t2 - t1
        layer_s += t2 - t0
        gold = gold_eval_words(gold_tokens, tagmap)
        pred = pred_eval_words(doc)
        n_words += len(pred)
        score(gold, pred, [(t.start, t.end) for t in gold_tokens], [(t.start, t.end) for t in doc.tokens], sc)
    return EvalResult(sc, n_words, morph_s, layer_s)


def evaluate(path: str | Path, model: MorphModel | None = None, tagmap: dict[str, str] | None = None) -> EvalResult:
    return evaluate_sentences(load_sentences(path), model, tagmap)
