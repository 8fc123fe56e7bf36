"""Train and score the event detector on arabic_event_gsr detection data (``khabar train events``,
``khabar eval events-detection``).

Rows: ``{"id", "text", "event_type": PROTEST|ASSAULT, "label": yes|easy no|difficult no}``. Each sentence is run
through the pipeline up to the events stage, then the coder collects its candidate events with their features.
Training instances are the candidates of the row's own type (one per sentence and type: the union of the features of
its triggers), with the share of annotators who accepted the row as target (soft labels). A sentence is
predicted positive for its type when a candidate of that type has confidence ≥ the threshold; sentences without
a candidate count as "no event".

Split: ``sha1(id)``'s first 8 hex digits as an integer, mod 10: 0-7 train (80 %), 8-9 dev (20 %). The threshold
is chosen on out-of-fold predictions of the train split (5 folds by the same hash), never on dev.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from khabar.eval.metrics import prf as _prf
from khabar.extract.eventcoder import detector
from khabar.extract.eventcoder.coder import code_document
from khabar.paths import SHARED_DATA

DETECTION_DEV = SHARED_DATA / "events/arabic-event-gsr/detection-dev.jsonl"
TYPES = ("PROTEST", "ASSAULT")
MIN_COUNT = 2  # a feature seen in fewer training candidates is dropped
LAMBDAS = (3.0, 10.0, 30.0)  # L2 strength (on the summed log-loss), chosen by 5-fold CV on train
MIN_PRECISION = 0.60  # per type: each type's threshold keeps its out-of-fold precision at least this high
CONJOIN = True  # type-specific copies of every feature (detector.expand)
FOLDS = 5


def split_of(row_id: str) -> str:
    h = int(hashlib.sha1(row_id.encode("utf-8")).hexdigest()[:8], 16)
    return "train" if h % 10 < 8 else "dev"


def fold_of(row_id: str) -> int:
    return int(hashlib.sha1(("fold:" + row_id).encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def load_rows(path: Path = DETECTION_DEV) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{n}: not JSON ({err.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "event_type" not in row \
                or "label" not in row:
            raise ValueError(f"{path}:{n}: needs text, event_type and label")
        row.setdefault("id", f"row{n}")
        rows.append(row)
    return rows


@dataclass
class Row:
    id: str
    event_type: str
    gold: bool
    cands: list[tuple[str, list[str]]]  # (event type, features) per sentence and type the coder found
    target: float | None = None  # share of annotators who accepted (soft label); None = gold as 0/1


def analyse(rows: Iterable[dict[str, Any]], log: Callable[[str], None] | None = None,
            cache: Path | None = None) -> list[Row]:
    """Run the pipeline up to events on each sentence and collect the coder's candidates (no confidence filter).

    ``cache``: a JSONL.gz of the analysed documents (before events), written on the first run and read after it,
    so that changing the coder or its features does not re-run morphology and NER."""
    from khabar.document import Document
    from khabar.pipeline import DEFAULT_STAGES, Pipeline

    rows = list(rows)
    docs: dict[str, Document] = {}
    if cache is not None and cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = Document.from_dict(json.loads(line))
                docs[d.id] = d
    missing = [r for r in rows if str(r["id"]) not in docs]
    if missing:
        pipe = Pipeline([s for s in DEFAULT_STAGES if s not in ("events", "topics")])
        for k, row in enumerate(missing):
            docs[str(row["id"])] = pipe(str(row["text"]), doc_id=str(row["id"]))
            if log and (k + 1) % 500 == 0:
                log(f"  analysed {k + 1} of {len(missing)} sentences")
        if cache is not None:
            with gzip.open(cache, "wt", encoding="utf-8") as fh:
                for d in docs.values():
                    fh.write(d.to_json() + "\n")
    out = []
    for row in rows:
        doc = Document.from_dict(docs[str(row["id"])].to_dict())  # a copy: the coder may add actor entities
        got: list[tuple[str, list[str], tuple[int, int]]] = []
        code_document(doc, min_confidence=0.0, collect=got)
        gold = str(row.get("label", "")) == "yes"
        acc, tot = row.get("accept"), row.get("total")
        target = acc / tot if isinstance(acc, int) and isinstance(tot, int) and tot > 0 else None
        out.append(Row(str(row["id"]), str(row["event_type"]), gold, [(t, f) for t, f, _ in got], target))
    return out


def _prob(w: dict[str, float], b: float, feats: list[str]) -> float:
    z = b + math.fsum(w.get(x, 0.0) for x in detector.expand(feats, CONJOIN))  # order-free, as Detector.score
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows: list[Row], lam: float) -> tuple[dict[str, float], float]:
    """L2 logistic regression over the candidates of each row's own type (numpy/scipy: the ``train`` extra).

    The target is the share of annotators who accepted the sentence (a "difficult no" is not as wrong as an "easy
    no"); rows without annotator counts use 0/1."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import minimize

    inst = [(sorted(detector.expand(f, CONJOIN)), float(r.gold) if r.target is None else r.target)
            for r in rows for t, f in r.cands if t == r.event_type]
    counts = Counter(x for f, _ in inst for x in set(f))
    vocab = sorted(x for x, c in counts.items() if c >= MIN_COUNT)
    index = {x: i for i, x in enumerate(vocab)}
    ri, ci = [], []
    for n, (f, _) in enumerate(inst):
        for x in set(f):
            if x in index:
                ri.append(n)
                ci.append(index[x])
    X = sparse.csr_matrix((np.ones(len(ri)), (ri, ci)), shape=(len(inst), len(vocab)))
    y = np.array([g for _, g in inst])

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = X @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        loss = -np.sum(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)) + 0.5 * lam * np.dot(w, w)
        g = p - y
        return loss, np.concatenate([X.T @ g + lam * w, [g.sum()]])

    res = minimize(objective, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = {x: round(float(v), 5) for x, v in zip(vocab, res.x[:-1], strict=True) if abs(v) >= 1e-4}
    return w, round(float(res.x[-1]), 5)


def without_parse(rows: list[Row]) -> list[Row]:
    """The rows with every parse feature (``dep_…``) removed from their candidates."""
    return [Row(r.id, r.event_type, r.gold, [(t, [x for x in f if not x.startswith(detector.PARSE_PREFIX)])
                                             for t, f in r.cands], r.target) for r in rows]


def row_scores(rows: list[Row], score: Callable[[list[str]], float]) -> list[float]:
    """Per row: the highest confidence of a candidate of the row's type (-1 when there is none)."""
    return [max((score(f) for t, f in r.cands if t == r.event_type), default=-1.0) for r in rows]


def prf(rows: list[Row], best: list[float], thr: float | dict[str, float],
        etype: str | None = None) -> dict[str, float]:
    """Sentence-level P/R/F1 at ``thr`` (one threshold, or one per type)."""
    tp = fp = fn = n = 0
    for r, s in zip(rows, best, strict=True):
        if etype and r.event_type != etype:
            continue
        n += 1
        pred = s >= (thr.get(r.event_type, 0.5) if isinstance(thr, dict) else thr)
        tp += pred and r.gold
        fp += pred and not r.gold
        fn += (not pred) and r.gold
    p, rec, f1 = _prf(tp, tp + fp, tp + fn)
    return {"sentences": n, "gold": tp + fn, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": rec, "f1": f1}


def choose_threshold(rows: list[Row], best: list[float]) -> dict[str, float]:
    """Per type: the highest F1 with precision ≥ MIN_PRECISION (else the highest F1). PROTEST and ASSAULT scores
    are not on one scale (PROTEST has fewer positives), so one shared threshold cost PROTEST most of its recall."""
    grid = [k / 100 for k in range(5, 96)]
    out = {}
    for e in TYPES:
        sc = {t: prf(rows, best, t, e) for t in grid}
        ok = [t for t in grid if sc[t]["precision"] >= MIN_PRECISION and sc[t]["tp"] > 0]
        out[e] = max(ok or grid, key=lambda t: (round(sc[t]["f1"], 4), t))
    return out


def train(path: Path = DETECTION_DEV, out: Path | None = detector.MODEL_PATH,
          log: Callable[[str], None] | None = None, cache: Path | None = None) -> dict[str, Any]:
    rows = load_rows(path)
    analysed = analyse(rows, log, cache)
    tr = [r for r in analysed if split_of(r.id) == "train"]
    dv = [r for r in analysed if split_of(r.id) == "dev"]
    cv: dict[float, tuple[float, list[float]]] = {}
    for lam in LAMBDAS:
        oof = [0.0] * len(tr)
        for k in range(FOLDS):
            w, b = fit([r for r in tr if fold_of(r.id) != k], lam)
            held = [(n, r) for n, r in enumerate(tr) if fold_of(r.id) == k]
            for (n, _), s in zip(held, row_scores([r for _, r in held], partial(_prob, w, b)), strict=True):
                oof[n] = s
        thr = choose_threshold(tr, oof)
        cv[lam] = (prf(tr, oof, thr)["f1"], oof)
        if log:
            log(f"  lambda {lam:g}: out-of-fold F1 {cv[lam][0]:.3f} at {thr}")
    lam = max(LAMBDAS, key=lambda x: (round(cv[x][0], 4), x))
    oof = cv[lam][1]
    thr = choose_threshold(tr, oof)
    w, b = fit(tr, lam)
    # the same fit without the parse features, for documents analysed without a parse (same λ and thresholds)
    wn, bn = fit(without_parse(tr), lam)
    det = detector.Detector(w, b, min(thr.values()), types=frozenset(TYPES), thresholds=thr, conjoin=CONJOIN,
                            weights_noparse=wn, bias_noparse=bn, meta={
        "trained_on": f"{path.name} train split (sha1(id)[:8] mod 10 < 8)", "lambda": lam,
        "threshold_rule": f"per type: max out-of-fold F1 (5 folds, train split) with precision >= {MIN_PRECISION}",
        "train_sentences": len(tr), "train_candidates": sum(1 for r in tr for t, _ in r.cands if t == r.event_type),
    })
    dev_best = row_scores(dv, det.score)
    dev_noparse = row_scores(without_parse(dv), det.score)
    report = {
        "lambda": lam, "threshold": thr, "features": len(w),
        "oof": {e or "both": prf(tr, oof, thr, e) for e in (*TYPES, None)},
        "dev": {e or "both": prf(dv, dev_best, thr, e) for e in (*TYPES, None)},
        "dev_noparse": {e or "both": prf(dv, dev_noparse, thr, e) for e in (*TYPES, None)},
        "dev_no_candidate": sum(1 for r in dv if r.gold and not any(t == r.event_type for t, _ in r.cands)),
    }
    if out is not None:
        detector.save(det, out)
        detector.load.cache_clear()
    return report


def evaluate(path: Path = DETECTION_DEV, split: str = "dev", threshold: float | None = None,
             log: Callable[[str], None] | None = None, cache: Path | None = None) -> dict[str, Any]:
    """P/R/F1 per type at the shipped threshold (or ``threshold``) on ``split`` (dev, train or all)."""
    det = detector.load()
    if det is None:
        raise ValueError(f"no detector model at {detector.MODEL_PATH}; run `khabar train events`")
    rows = [r for r in load_rows(path) if split == "all" or split_of(str(r["id"])) == split]
    analysed = analyse(rows, log, cache)
    thr: float | dict[str, float] = ({e: det.threshold_for(e) for e in TYPES} if threshold is None
                                     else threshold)
    best = row_scores(analysed, det.score)
    return {"split": split, "threshold": thr, "sentences": len(analysed),
            "scores": {e or "both": prf(analysed, best, thr, e) for e in (*TYPES, None)},
            "candidates_only": {e or "both": prf(analysed, best, -0.5, e) for e in (*TYPES, None)}}
