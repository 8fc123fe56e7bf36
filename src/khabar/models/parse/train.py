"""Training and scoring of the dependency parser on CoNLL-U treebanks (gold words as input).

``khabar train parse`` trains on UD Arabic-PADT v1 dev (and optionally the first 500 sentences of UD Arabic-PUD,
converted to PADT v1 tags and relations); ``--holdout`` keeps every 5th PADT document out for tuning.
``khabar eval parse FILE`` prints UAS/LAS with gold words.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from khabar.models.morph.conllu import V1_TO_V2, read_conllu, sentence_from_rows, strip_diacritics
from khabar.models.parse.model import (
    ARC,
    PRUNE,
    ParseModel,
    ParseWord,
    SentenceInput,
    decode,
    decode_greedy,
    dense_pairs,
    label_feature_ids,
    new_vocabs,
)
from khabar.paths import shared_dir

DEFAULT_TRAIN = shared_dir() / "data/ud/padt-v1/dev.conllu"
DEFAULT_PUD = shared_dir() / "data/ud/pud/ar_pud-ud-test.conllu"
PUD_TRAIN_SENTENCES = 500  # the first 500 PUD sentences may train; the last 500 are test-only

# UD v2 (PUD) → the PADT v1 conventions of the training data
POS_V2_TO_PADT1 = {"PROPN": "X", "SCONJ": "CCONJ", "AUX": "VERB", "INTJ": "X"}
REL_V2_TO_V1 = {"obj": "dobj", "obl": "nmod", "obl:tmod": "nmod", "obl:arg": "nmod", "nsubj:pass": "nsubjpass",
                "csubj:pass": "csubjpass", "aux:pass": "auxpass", "acl:relcl": "acl", "fixed": "mwe",
                "flat": "nmod", "compound": "nmod", "cc:preconj": "cc", "expl": "dep", "dislocated": "dep",
                "orphan": "dep", "vocative": "dep", "discourse": "dep", "compound:prt": "dep", "nmod:poss": "nmod"}


@dataclass(slots=True)
class TreeSentence:
    words: list[ParseWord]
    heads: list[int]  # 1-based, 0 = root
    rels: list[str]
    doc_id: str = ""
    sent_id: str = ""
    punct: list[bool] = field(default_factory=list)


def load_trees(path: str | Path, v2: bool | None = None) -> list[TreeSentence]:
    """Read a CoNLL-U treebank; UD v2 files (with ``# text``) are mapped to PADT v1 tags and relations."""
    out: list[TreeSentence] = []
    doc = ""
    for comments, rows in read_conllu(path):
        is_v2 = ("text" in comments) if v2 is None else v2
        words_rows = [r for r in rows if r[0].isdigit()]
        token_of: dict[int, int] = {}
        if is_v2:
            t = -1
            covered = 0
            for r in rows:
                if "-" in r[0]:
                    a, b = (int(x) for x in r[0].split("-"))
                    t += 1
                    for i in range(a, b + 1):
                        token_of[i] = t
                    covered = b
                elif r[0].isdigit() and int(r[0]) > covered:
                    t += 1
                    token_of[int(r[0])] = t
        else:
            gold = sentence_from_rows(rows, comments)
            i = 1
            for t, tok in enumerate(gold.tokens):
                for _ in tok.words:
                    token_of[i] = t
                    i += 1
        words, heads, rels, punct = [], [], [], []
        for r in words_rows:
            upos = V1_TO_V2.get(r[3], r[3])
            rel = r[7]
            if is_v2:
                upos = POS_V2_TO_PADT1.get(upos, upos)
                rel = REL_V2_TO_V1.get(rel, rel)
            rel = rel.split(":")[0] if rel not in ("advmod:emph",) else rel
            words.append(ParseWord(strip_diacritics(r[1]) or r[1], strip_diacritics(r[2]) or r[2], upos,
                                   token_of.get(int(r[0]), int(r[0]))))
            heads.append(int(r[6]))
            rels.append(rel)
            punct.append(upos == "PUNCT")
        if "newdoc id" in comments:
            doc = comments["newdoc id"]
        elif "orig_file_sentence" in comments:
            doc = comments["orig_file_sentence"].split("#")[0]
        out.append(TreeSentence(words, heads, rels, doc, comments.get("sent_id", ""), punct))
    return out


def split_holdout(sents: list[TreeSentence], every: int = 5) -> tuple[list[TreeSentence], list[TreeSentence]]:
    """Every ``every``-th document (in file order) is held out."""
    docs: list[str] = []
    for s in sents:
        if not docs or docs[-1] != s.doc_id:
            docs.append(s.doc_id)
    held_docs = {d for i, d in enumerate(dict.fromkeys(docs)) if i % every == every - 1}
    return [s for s in sents if s.doc_id not in held_docs], [s for s in sents if s.doc_id in held_docs]


@dataclass(slots=True)
class ParseScores:
    words: int = 0
    uas: int = 0
    las: int = 0
    words_np: int = 0  # without punctuation
    uas_np: int = 0
    las_np: int = 0
    seconds: float = 0.0

    def add(self, gold_h: list[int], gold_r: list[str], pred_h: list[int], pred_r: list[str],
            punct: list[bool]) -> None:
        for gh, gr, ph, pr, p in zip(gold_h, gold_r, pred_h, pred_r, punct, strict=True):
            u = gh == ph
            lab = u and gr == pr
            self.words += 1
            self.uas += u
            self.las += lab
            if not p:
                self.words_np += 1
                self.uas_np += u
                self.las_np += lab

    def pct(self, a: int, b: int) -> float:
        return 100.0 * a / b if b else 0.0


def evaluate(model: ParseModel, sents: Iterable[TreeSentence]) -> ParseScores:
    """Parse each document's sentences together (as the pipeline does) and score them."""
    sc = ParseScores()
    groups: list[list[TreeSentence]] = []
    for s in sents:
        if groups and groups[-1][0].doc_id == s.doc_id:
            groups[-1].append(s)
        else:
            groups.append([s])
    for group in groups:
        t0 = time.process_time()
        parsed = model.parse_many([s.words for s in group])
        sc.seconds += time.process_time() - t0
        for s, (heads, rels) in zip(group, parsed, strict=True):
            sc.add(s.heads, s.rels, heads, rels, s.punct)
    return sc


@dataclass(slots=True)
class _Avg:
    """Averaged-perceptron weights: w, and the running sum of updates weighted by their time step."""

    w: np.ndarray
    u: np.ndarray

    def update(self, idx: np.ndarray, delta: float | np.ndarray, step: int) -> None:
        np.add.at(self.w, idx, delta)
        np.add.at(self.u, idx, np.asarray(delta) * step)

    def averaged(self, step: int) -> np.ndarray:
        return (self.w - self.u / step).astype(np.float32)


def train(sents: list[TreeSentence], epochs: int = 6, arc_bits: int = 22, lab_bits: int = 16, prune_bits: int = 18,
          prune_epochs: int = 5, k: int = 8, dev: list[TreeSentence] | None = None, seed: int = 1,
          log: bool = True, cost: float = 1.0, decoder: str = "greedy", window: int = 8) -> ParseModel:
    """Pruner (local perceptron over heads), then the arc scorer on the pruner's candidates (structured,
    cost-augmented averaged perceptron), then the relation classifier on gold arcs."""
    from khabar.models.morph.model import load_model as load_morph

    arc_size, prune_size, lab_size = 1 << arc_bits, 1 << prune_bits, 1 << lab_bits
    labels = sorted({r for s in sents for r in s.rels})
    lab_index = {r: i for i, r in enumerate(labels)}
    model = ParseModel(np.zeros(arc_size, dtype=np.float32), np.zeros(prune_size, dtype=np.float32),
                       np.zeros((lab_size, len(labels)), dtype=np.float32), labels, new_vocabs(),
                       meta={"k": k, "decoder": decoder, "window": window}, clusters=load_morph().clusters)
    model.featurizer.grow = True
    inputs: list[SentenceInput] = [model.featurizer.sentence(s.words) for s in sents]
    model.featurizer.grow = False
    gold_heads = [np.array([0] + s.heads) for s in sents]
    psides = [PRUNE.sides(x.attrs, prune_size) for x in inputs]
    asides = [ARC.sides(x.attrs, arc_size) for x in inputs]
    rng = np.random.default_rng(seed)

    # 1. pruner: every word picks its head among all words (local multiclass perceptron)
    prune = _Avg(np.zeros(prune_size), np.zeros(prune_size))
    pids = []
    for x, ps in zip(inputs, psides, strict=True):
        hh, dd = dense_pairs(x.size)
        pids.append(PRUNE.ids(x, ps, hh, dd, prune_size))
    step = 1
    for _epoch in range(prune_epochs if not window else 0):
        for i in rng.permutation(len(sents)):
            ids, gold = pids[i], gold_heads[i]
            n = len(gold) - 1
            sc = prune.w[ids].sum(axis=0)
            np.fill_diagonal(sc, -np.inf)
            pred = sc[:, 1:].argmax(axis=0)
            deps = np.arange(1, n + 1)
            bad = np.flatnonzero(pred != gold[1:])
            if len(bad):
                prune.update(ids[:, gold[1:][bad], deps[bad]].ravel(), 1.0, step)
                prune.update(ids[:, pred[bad], deps[bad]].ravel(), -1.0, step)
            step += 1
    model.prune_w = prune.averaged(step)
    if log:
        covered = total = 0
        for x, ps, a, g in zip(inputs, psides, asides, gold_heads, strict=True):
            _sc, hh, dd, _ids = model.arc_scores(x, ps, a)
            covered += int(len({(int(h), int(d)) for h, d in zip(hh.ravel(), dd.ravel(), strict=True)}
                               & {(int(g[d]), d) for d in range(1, len(g))}))
            total += len(g) - 1
        what = f"window {window} + verbs + ROOT" if window else f"{k} candidates + ROOT"
        msg = f"candidates ({what}): gold head among them for {100 * covered / total:.2f}% of training words"
        if dev is not None:
            cov_d = tot_d = 0
            for s in dev:
                x = model.featurizer.sentence(s.words)
                _sc, hh, dd, _ids = model.arc_scores(x, PRUNE.sides(x.attrs, prune_size), ARC.sides(x.attrs, arc_size))
                g = np.array([0] + s.heads)
                cov_d += int(len({(int(h), int(d)) for h, d in zip(hh.ravel(), dd.ravel(), strict=True)}
                                 & {(int(g[d]), d) for d in range(1, len(g))}))
                tot_d += len(s.heads)
            msg += f", {100 * cov_d / tot_d:.2f}% of dev words"
        print(msg, flush=True)

    # 2. arc scorer over the candidates (gold heads added while training)
    arc = _Avg(np.zeros(arc_size), np.zeros(arc_size))
    lab = _Avg(np.zeros((lab_size, len(labels))), np.zeros((lab_size, len(labels))))
    lab_ids = [label_feature_ids(x, g, lab_size) for x, g in zip(inputs, gold_heads, strict=True)]
    gold_labs = [np.array([lab_index[r] for r in s.rels]) for s in sents]
    eye = np.eye(len(labels))
    step = 1
    for epoch in range(epochs):
        t0 = time.perf_counter()
        wrong = total = 0
        for i in rng.permutation(len(sents)):
            x, gold = inputs[i], gold_heads[i]
            n = len(gold) - 1
            if n == 0:
                continue
            model.arc_w = arc.w  # scored with the current (not averaged) weights
            scores, hh, dd, _ids = model.arc_scores(x, psides[i], asides[i], gold)
            # cost-augmented decoding: every wrong arc gets +cost, so that updates keep a margin
            if decoder == "greedy":
                cand = scores[hh, dd] + cost * (hh != gold[dd])
                pred = decode_greedy(hh.ravel(), dd.ravel(), cand.ravel(), n + 1)
            else:
                scores += cost
                scores[gold[1:], np.arange(1, n + 1)] -= cost
                pred = decode(scores)
            bad = np.flatnonzero(pred[1:] != gold[1:]) + 1
            if len(bad):
                arc.update(ARC.ids(x, asides[i], gold[bad], bad, arc_size).ravel(), 1.0, step)
                arc.update(ARC.ids(x, asides[i], pred[bad], bad, arc_size).ravel(), -1.0, step)
            wrong += len(bad)
            total += n
            # relation classifier on gold arcs
            lids, glab = lab_ids[i], gold_labs[i]
            plab = lab.w[lids].sum(axis=1).argmax(axis=1)
            for d in np.flatnonzero(plab != glab):
                lab.update(lids[d], eye[glab[d]] - eye[plab[d]], step)
            step += 1
        model.arc_w, model.lab_w = arc.averaged(step), lab.averaged(step)
        msg = f"epoch {epoch + 1}: train arc errors {100 * wrong / max(total, 1):.1f}% ({time.perf_counter() - t0:.1f} s)"
        if dev is not None and log:
            sc = evaluate(model, dev)
            msg += (f"  dev UAS {sc.pct(sc.uas, sc.words):.2f} LAS {sc.pct(sc.las, sc.words):.2f}"
                    f"  (no punct {sc.pct(sc.uas_np, sc.words_np):.2f} / {sc.pct(sc.las_np, sc.words_np):.2f})"
                    f"  {sc.words / sc.seconds:,.0f} words/s")
        if log:
            print(msg, flush=True)
    model.arc_w, model.lab_w = arc.averaged(step), lab.averaged(step)
    return model


def train_averaged(sents: list[TreeSentence], seeds: int = 10, dev: list[TreeSentence] | None = None,
                   log: bool = True, **kw: Any) -> ParseModel:
    """:func:`train` once per shuffling seed (1…seeds), the arc and relation weights averaged: the scores of the
    average are the average of the models' scores (an ensemble at the cost of one model; the hashed feature ids
    are the same in every run, since the vocabularies grow in file order)."""
    model: ParseModel | None = None
    arc_sum: np.ndarray | None = None
    lab_sum: np.ndarray | None = None
    for seed in range(1, seeds + 1):
        m = train(sents, seed=seed, log=False, **kw)
        if model is None or arc_sum is None or lab_sum is None:
            model, arc_sum, lab_sum = m, m.arc_w.astype(np.float64), m.lab_w.astype(np.float64)
        else:
            arc_sum += m.arc_w
            lab_sum += m.lab_w
        if log:
            msg = f"seed {seed} trained"
            if dev is not None:
                model.arc_w = (arc_sum / seed).astype(np.float32)
                model.lab_w = (lab_sum / seed).astype(np.float32)
                sc = evaluate(model, dev)
                msg += (f"  dev UAS/LAS of the average of {seed}: {sc.pct(sc.uas, sc.words):.2f} / "
                        f"{sc.pct(sc.las, sc.words):.2f}")
            print(msg, flush=True)
    assert model is not None and arc_sum is not None and lab_sum is not None
    model.arc_w = (arc_sum / seeds).astype(np.float32)
    model.lab_w = (lab_sum / seeds).astype(np.float32)
    model.meta["seeds"] = seeds
    return model


def jackknife_tags(path: str | Path, trees: list[TreeSentence], folds: int = 5, freq_cache: Path | None = None,
                   log: bool = True) -> tuple[list[TreeSentence], float]:
    """The trees of ``path`` with UPOS and lemmas predicted by morph models that never saw them: the documents are
    dealt into ``folds`` parts, the morph stage is retrained on all parts but one (``khabar train morph``'s
    defaults) and tags that one. Returns the trees (file order) and the share of words whose tags are predicted
    (see :func:`with_predicted_tags`)."""
    import tempfile

    from khabar.models.morph.train import DEFAULT_EPOCHS, DEFAULT_PARAMS
    from khabar.models.morph.train import train as train_morph

    blocks = [b for b in Path(path).read_text(encoding="utf-8").split("\n\n") if b.strip()]
    if len(blocks) != len(trees):
        raise ValueError(f"{path}: {len(blocks)} sentence blocks, {len(trees)} trees")
    docs = list(dict.fromkeys(t.doc_id for t in trees))
    fold_of_doc = {d: i % folds for i, d in enumerate(docs)}
    fold = [fold_of_doc[t.doc_id] for t in trees]
    out: list[TreeSentence | None] = [None] * len(trees)
    predicted = total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(folds):
            train_file = Path(tmp) / f"train{f}.conllu"
            test_file = Path(tmp) / f"test{f}.conllu"
            train_file.write_text("\n\n".join(b for b, g in zip(blocks, fold, strict=True) if g != f) + "\n\n",
                                  encoding="utf-8")
            test_file.write_text("\n\n".join(b for b, g in zip(blocks, fold, strict=True) if g == f) + "\n\n",
                                 encoding="utf-8")
            t0 = time.perf_counter()
            morph, _held = train_morph(train_file, out=None, freq_cache=freq_cache, params=dict(DEFAULT_PARAMS),
                                       epochs=DEFAULT_EPOCHS)
            idx = [i for i, g in enumerate(fold) if g == f]
            tagged, share = with_predicted_tags(test_file, [trees[i] for i in idx], morph=morph)
            n = sum(len(trees[i].words) for i in idx)
            predicted += share * n
            total += n
            for i, t in zip(idx, tagged, strict=True):
                out[i] = t
            if log:
                print(f"fold {f + 1}/{folds}: morph trained on {len(blocks) - len(idx)} sentences, tags for "
                      f"{len(idx)} ({100 * share:.1f} % of words predicted) in {time.perf_counter() - t0:.0f} s",
                      flush=True)
    return [t for t in out if t is not None], predicted / max(total, 1.0)


def with_predicted_tags(path: str | Path, trees: list[TreeSentence],
                        morph: Any = None) -> tuple[list[TreeSentence], float]:
    """The same trees with UPOS and lemmas from the pipeline's morph stage run on the rebuilt surface text.

    Words keep their gold segmentation; where the morph stage split a surface token into a different number of
    words the gold tags stay (the returned share says for how many words the tags are predicted)."""
    from khabar.models.morph.conllu import join_document, load_sentences
    from khabar.models.morph.model import load_model as load_morph
    from khabar.models.morph_stage import analyse_tokens
    from khabar.pipeline import Pipeline

    gold_sents = load_sentences(path)
    if len(gold_sents) != len(trees):
        raise ValueError("sentence count differs between readers")
    text_layer = Pipeline(["tokenize", "sentences"])
    morph = morph if morph is not None else load_morph()
    out: list[TreeSentence] = []
    predicted = total = 0
    i = 0
    while i < len(gold_sents):
        j = i
        while j < len(gold_sents) and gold_sents[j].doc_id == gold_sents[i].doc_id:
            j += 1
        text, gold_tokens = join_document(gold_sents[i:j])
        doc = text_layer(text)
        analyse_tokens(morph, doc.text, doc.tokens)
        by_span = {(t.start, t.end): t for t in doc.tokens}
        k = 0
        for tree in trees[i:j]:
            words: list[ParseWord] = []
            for gt in gold_tokens[k : k + len({w.token for w in tree.words})]:
                pt = by_span.get((gt.start, gt.end))
                same = pt is not None and len(pt.words) == len(gt.words)
                for n, _gw in enumerate(gt.words):
                    w = tree.words[len(words)]
                    if same and pt is not None:
                        pw = pt.words[n]
                        words.append(ParseWord(w.form, pw.lemma or w.lemma, pw.pos or w.pos, w.token))
                        predicted += 1
                    else:
                        words.append(w)
                    total += 1
            k += len({w.token for w in tree.words})
            out.append(TreeSentence(words, tree.heads, tree.rels, tree.doc_id, tree.sent_id, tree.punct))
        i = j
    return out, predicted / max(total, 1)
