"""Event detection confidence: does a coded trigger report a specific event of its type?

A logistic regression over binary features of one candidate (a trigger hit of the coder with its roles): the
trigger stem and form, the words around it, factuality, the kind of actor/recipient found, entities nearby, quote
context and cue-word roles from ``data/events/cues.tsv`` (background, statistics, organisation names, genres,
modals …). Weights ship as ``data/events/detector.json.gz`` (trained by ``khabar train events``, see
``detector_train`` and ``data/events/DETECTOR_MODEL_CARD.md``); inference is a sum of weights and a sigmoid.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from khabar.resources import data_file

if TYPE_CHECKING:
    from khabar.extract.eventcoder.coder import Coder, Hit, Tok

MODEL_PATH = data_file("events", "detector.json.gz")
ENV_MIN = "KHABAR_EVENTS_MIN_CONFIDENCE"
WINDOW = 3  # context words each side, as a bag
ROLE_WINDOW = 6  # cue roles looked for this many tokens each side (and anywhere in the sentence, separately)
ROLES = ("neg", "hyp", "fut", "speech", "background", "stat", "orghead", "genre", "modal", "nature", "sport",
         "source", "light", "intent", "when")
PARSE_PREFIX = "dep_"  # features read off the dependency parse (syntax.ParseView)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ف")


@lru_cache(maxsize=100_000)
def ckey(w: str) -> str:
    """Context-word key: a normalised word without و/ف and the article."""
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def features(coder: Coder, toks: list[Tok], hit: Hit, fact: str, n_same: int, sent_idx: int,
             in_quote: bool, ent_types: list[str], time_near: str = "") -> list[str]:
    """Binary features of one candidate event (names only; absent = 0)."""
    t = hit.trig
    ev = t.event
    w = toks[hit.i].norm
    f = [f"ev={ev}", f"stem={ev}:{t.stem}", f"pos={ev}:{t.pos}", f"fact={fact}", f"fact={ev}:{fact}",
         f"cameo={t.cameo}"]
    proc = hit.proclitic
    if "ال" in proc or "لل" in proc:
        f.append(f"def={ev}")
    if "|n" in proc:
        f.append(f"plural={ev}")
    if "|i" in proc:
        f.append(f"imperfect={ev}")
    head = proc.split("|")[0].lstrip("وف")
    if head in ("ب", "ل", "بال", "لل"):
        f.append(f"prep_clitic={ev}")
    if t.second:
        f.append(f"companion={ev}")
    f.append(f"word={ev}:{ckey(w)}")
    # roles found by the coder
    f.append(f"actors={ev}:{min(len(hit.actors), 2)}")
    f.append(f"recips={min(len(hit.recipients), 2)}")
    for c in hit.actors[:2]:
        f.append(f"actor_kind={c.kind or '-'}")
        f.append(f"actor_sector={ev}:{c.sector or '-'}")
        if c.entity:
            f.append("actor_entity")
    for c in hit.recipients[:1]:
        f.append(f"recip_kind={c.kind or '-'}")
    # context words
    n = len(toks)
    for k in range(max(0, hit.i - WINDOW), hit.i):
        if toks[k].word:
            f.append(f"L={ckey(toks[k].norm)}")
    for k in range(hit.last + 1, min(n, hit.last + 1 + WINDOW)):
        if toks[k].word:
            f.append(f"R={ckey(toks[k].norm)}")
    if hit.i > 0:
        f.append(f"L1={ckey(toks[hit.i - 1].norm)}")
    if hit.last + 1 < n:
        f.append(f"R1={ckey(toks[hit.last + 1].norm)}")
    # cue roles near the trigger and in the sentence
    near: set[str] = set()
    for k in range(max(0, hit.i - ROLE_WINDOW), min(n, hit.last + 1 + ROLE_WINDOW)):
        near.update(coder.roles_of(toks[k].norm))
    f += [f"near:{r}" for r in sorted(near)]
    f += sentence_feats(coder, toks)
    if hit.i > 0 and "orghead" in coder.roles_of(toks[hit.i - 1].norm):
        f.append("after_orghead")
    # numbers, years, position, length
    if any(tok.norm.isdigit() for tok in toks[max(0, hit.i - 4): hit.last + 5]):
        f.append("digit_near")
    f.append(f"pos_in_sent={_bucket(hit.i, (2, 6, 15, 30))}")
    f.append(f"sent_len={_bucket(n, (10, 25, 50, 100))}")
    f.append(f"sent_idx={_bucket(sent_idx, (0, 2, 6))}")
    f.append(f"same_type_hits={min(n_same, 3)}")
    if time_near:
        f.append(f"time={time_near}")
    if in_quote:
        f.append("in_quote")
    for et in sorted(set(ent_types)):
        f.append(f"ent_near={et}")
    if not ent_types:
        f.append("no_ent_near")
    return f


def sentence_feats(coder: Coder, toks: list[Tok]) -> list[str]:
    """The features of the whole sentence (its words, cue roles, a year): the same for every trigger in it, so
    computed once per sentence (the list object is the cache key)."""
    key = id(toks)
    hit = _SENT_CACHE.get(key)
    if hit is not None and hit[0] is toks:
        return hit[1]
    roles: set[str] = set()
    words: set[str] = set()
    year = False
    for tok in toks:
        if tok.word:
            roles.update(coder.roles_of(tok.norm))
            words.add(ckey(tok.norm))
            year = year or bool(_YEAR.match(tok.norm))
    out = [f"sent:{r}" for r in sorted(roles)] + [f"S={w}" for w in sorted(words)]
    if year:
        out.append("year_in_sentence")
    _SENT_CACHE.clear()  # one sentence at a time: the coder scores a sentence's triggers together
    _SENT_CACHE[key] = (toks, out)
    return out


_SENT_CACHE: dict[int, tuple[list[Tok], list[str]]] = {}


@dataclass
class Detector:
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    meta: dict[str, object] = field(default_factory=dict)
    types: frozenset[str] = frozenset()  # event types it was trained on; only these are filtered by confidence
    thresholds: dict[str, float] = field(default_factory=dict)  # per type; ``threshold`` for the others
    conjoin: bool = False  # every feature also as a copy prefixed with the candidate's type ("ASSAULT|S=…")
    # weights for documents without a dependency parse (the coder run alone): the same model fitted without the
    # parse features, so that their absence does not shift every score (empty: score with ``weights``)
    weights_noparse: dict[str, float] = field(default_factory=dict)
    bias_noparse: float = 0.0

    def score(self, feats: list[str]) -> float:
        w, b = self.weights, self.bias
        if self.weights_noparse and not any(x.startswith(PARSE_PREFIX) for x in feats):
            w, b = self.weights_noparse, self.bias_noparse
        # fsum: exact, so the score does not depend on the set's (hash-seeded) iteration order
        z = b + math.fsum(w.get(x, 0.0) for x in expand(feats, self.conjoin))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def threshold_for(self, event_type: str | None) -> float:
        return self.thresholds.get(event_type or "", self.threshold)

    def to_json(self) -> dict[str, object]:
        return {"format": "khabar-event-detector/1", "bias": self.bias, "threshold": self.threshold,
                "thresholds": dict(sorted(self.thresholds.items())), "conjoin": self.conjoin,
                "types": sorted(self.types), "meta": self.meta, "weights": dict(sorted(self.weights.items())),
                **({"bias_noparse": self.bias_noparse, "weights_noparse": dict(sorted(self.weights_noparse.items()))}
                   if self.weights_noparse else {})}


def expand(feats: list[str], conjoin: bool) -> set[str]:
    """The model's inputs: the features, plus (``conjoin``) a type-specific copy of each, so that one model learns
    both what PROTEST and ASSAULT share and how they differ (the type comes from the ``ev=`` feature)."""
    out = set(feats)
    if conjoin:
        ev = next((x[3:] for x in feats if x.startswith("ev=")), "")  # the list, not the set: first in order
        if ev:
            out |= {f"{ev}|{x}" for x in feats}
    return out


def save(det: Detector, path: Path = MODEL_PATH) -> None:
    data = json.dumps(det.to_json(), ensure_ascii=False, indent=0, sort_keys=False).encode("utf-8")
    with gzip.GzipFile(path, "wb", mtime=0) as fh:  # mtime=0: the same model gives the same bytes
        fh.write(data)


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> Detector | None:
    """The shipped detector, or None when no model file is there (every event then gets confidence None)."""
    if not path.exists():
        return None
    data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return Detector({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                    float(data["threshold"]), dict(data.get("meta", {})), frozenset(data.get("types", ())),
                    {str(k): float(v) for k, v in data.get("thresholds", {}).items()}, bool(data.get("conjoin")),
                    {str(k): float(v) for k, v in data.get("weights_noparse", {}).items()},
                    float(data.get("bias_noparse", 0.0)))


def default_min_confidence(event_type: str | None = None) -> float:
    """``$KHABAR_EVENTS_MIN_CONFIDENCE`` if set, else the model's precision-favouring threshold for ``event_type``
    (per type where the model has one; 0 without a model)."""
    env = os.environ.get(ENV_MIN, "").strip()
    if env:
        try:
            return float(env)
        except ValueError:
            pass
    det = load()
    return det.threshold_for(event_type) if det is not None else 0.0
