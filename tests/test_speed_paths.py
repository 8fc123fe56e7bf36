"""Fast paths must give what the plain computation gives: timex pattern gates, the resolver's fuzzy look-up by
key length, morph's numpy sum of static feature rows."""

from __future__ import annotations

import gzip
import json
import random
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from khabar.extract.timex.normtext import NormText
from khabar.extract.timex.rules import Recognizer

DEV = Path(__file__).parent / "data" / "dev_quotes_times"


def _texts() -> list[str]:
    from khabar.ingest.demo import demo_path

    with gzip.open(demo_path(), "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    texts += [json.loads(f.read_text(encoding="utf-8"))["text"] for f in sorted(DEV.glob("*.json"))]
    return texts


def _found(rec: Recognizer, text: str) -> list[tuple[Any, ...]]:
    return [(t.start, t.end, t.type, t.value, t.kind, sorted(t.extra.items()))
            for t in rec.find(text, date(2018, 5, 15))]


def test_timex_gates_change_no_result() -> None:
    gated, plain = Recognizer(), Recognizer()
    plain._gates = {}
    texts = _texts()
    total = skipped = 0
    for text in texts:
        out = _found(gated, text)
        assert out == _found(plain, text)
        total += len(out)
        s = NormText(text).norm
        skipped += sum(g.search(s) is None for g in gated._gates.values())
    assert total > 200 and skipped > 0  # real times found, and some patterns were not searched


def test_every_timex_match_contains_its_gate() -> None:
    rec = Recognizer()
    seen: set[str] = set()
    for text in _texts():
        s = NormText(text).norm
        for name, rx, _handler in rec.patterns:
            gate = rec._gates.get(name)
            if gate is None:
                continue
            for m in rx.finditer(s):
                if m.end("x") > m.start("x"):
                    seen.add(name)
                    assert gate.search(s, m.start(), m.end()) is not None, (name, m.group())
    assert {"date", "month", "year", "duration", "weekday", "relday"} <= seen


def test_fuzzy_by_length_picks_what_one_scan_picks() -> None:
    from rapidfuzz import fuzz, process

    from khabar.kb.resolve import Resolver

    res = Resolver()
    res._choose = lambda *_args: None  # type: ignore[method-assign]  # only the key it looks up is checked here
    res._fuzzy(SimpleNamespace(key="xxxxxxx"), None, None)  # type: ignore[arg-type]  # builds the key lists
    keys = res._fuzzy_keys
    assert keys
    rng = random.Random(7)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي "
    picked = 0
    for k in rng.sample(keys, min(400, len(keys))):
        q = list(k)
        for _ in range(rng.randint(0, 3)):
            i = rng.randrange(len(q))
            op = rng.random()
            if op < 0.3:
                del q[i]
            elif op < 0.6:
                q.insert(i, rng.choice(letters))
            else:
                q[i] = rng.choice(letters)
        query = "".join(q)
        res._fuzzy_hits.clear()
        res._fuzzy(SimpleNamespace(key=query), None, None)  # type: ignore[arg-type]
        hit = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=88)
        assert res._fuzzy_hits[query] == (None if hit is None else hit[0]), query
        picked += hit is not None
    assert picked > 50


def test_morph_static_scores_are_the_python_sums() -> None:
    from khabar.models.morph.model import load_model, static_features

    model = load_model()
    words = [w for w in list(model.freq)[:5000:10] if len(w) > 1]
    assert words
    for w in words:
        vec = model._word_scores(w, w, "stem", "", False)[0]
        feats = static_features(w, "stem", "", False, model.freq, model.newstag, model.clusters)
        rows = [r for r in map(model.weights.get, feats) if r]
        expected = [sum(col) for col in zip(*rows, strict=True)] if rows else [0.0] * len(model.tags)
        assert list(vec) == expected  # the very floats


def test_topic_scores_are_the_python_loop() -> None:
    import math

    from khabar.document import Document
    from khabar.models.topic.features import doc_features, token_keys
    from khabar.models.topic.model import get_model
    from khabar.pipeline import Pipeline

    model = get_model()
    tok = Pipeline(["tokenize"])
    for text in _texts()[:60]:
        feats = doc_features(token_keys(tok.run(Document(text=text)).tokens), model.stopwords)
        hits = [(w, math.log1p(c)) for k, c in feats.items() if (w := model.weights.get(k)) is not None]
        if not hits:
            continue
        norm = math.sqrt(sum(v * v for _, v in hits)) or 1.0
        z = list(model.bias)
        for w, v in hits:
            v /= norm
            for i in range(len(z)):
                z[i] += w[i] * v
        top = max(z)
        ex = [math.exp(x - top) for x in z]
        best = max(range(len(z)), key=ex.__getitem__)
        assert model.predict_features(feats) == (model.labels[best], ex[best] / sum(ex))
