"""The shipped topic classifier: numpy inference over a small JSON model, loaded lazily once."""

from __future__ import annotations

import gzip
import json
import math
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from khabar.document import Token
from khabar.models.topic.features import doc_features, token_keys, word_key
from khabar.resources import data_file, package_file
from khabar.text.normalize import normalize

MODEL_PATH = package_file("models", "topic", "topic.json.gz")
STOPWORDS_PATH = data_file("topics", "stopwords.txt")


@lru_cache(maxsize=1)
def load_stopwords(path: Path = STOPWORDS_PATH) -> frozenset[str]:
    """Stopword keys (normalised, article stripped) from the data file; ``#`` starts a comment."""
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].strip()
        if w:
            out.add(word_key(normalize(w)))
    return frozenset(out)


class TopicModel:
    def __init__(self, data: dict[str, Any], stopwords: frozenset[str] | None = None) -> None:
        self.labels: list[str] = list(data["labels"])
        scale = float(data.get("scale", 1))
        # feature -> weight row (one float per label)
        self.weights: dict[str, tuple[float, ...]] = {
            k: tuple(v / scale for v in row) for k, row in zip(data["vocab"], data["W"], strict=True)
        }
        self.bias: list[float] = [float(v) for v in data["b"]]
        # the same rows as one matrix (feature → row index)
        self._row: dict[str, int] = {k: i for i, k in enumerate(self.weights)}
        self._matrix = np.array(list(self.weights.values()), dtype=np.float64).reshape(len(self.weights),
                                                                                       len(self.labels))
        self.stopwords = load_stopwords() if stopwords is None else stopwords

    def predict_features(self, feats: dict[str, int]) -> tuple[str, float]:
        """(label, probability) for unigram/bigram counts (log(1 + tf), unit length, as in training)."""
        get = self._row.get
        hits = [(r, math.log1p(c)) for k, c in feats.items() if (r := get(k)) is not None]
        if not hits:
            return self.labels[max(range(len(self.bias)), key=self.bias.__getitem__)], 0.0
        norm = math.sqrt(sum(v * v for _, v in hits)) or 1.0
        scaled = np.array([v for _, v in hits], dtype=np.float64) / norm
        terms = self._matrix.take([r for r, _ in hits], axis=0) * scaled[:, None]
        # bias, then each feature's terms added in turn (a reduction along the first axis is sequential): the
        # floats of the per-label Python loop
        z: list[float] = np.add.reduce(np.vstack([np.array(self.bias, dtype=np.float64), terms]), axis=0).tolist()
        n = len(z)
        m = max(z)
        ex = [math.exp(x - m) for x in z]
        best = max(range(n), key=ex.__getitem__)
        return self.labels[best], ex[best] / sum(ex)

    def predict_keys(self, keys: list[str | None]) -> tuple[str, float] | None:
        if not any(k is not None for k in keys):
            return None
        return self.predict_features(doc_features(keys, self.stopwords))

    def predict_tokens(self, tokens: list[Token]) -> tuple[str, float] | None:
        """(label, probability), or ``None`` for a text with no words (no guess on empty input)."""
        return self.predict_keys(token_keys(tokens))

    def predict_text(self, text: str) -> tuple[str, float] | None:
        from khabar.text.stage import tokenize_text

        return self.predict_tokens(tokenize_text(text))


_LOCK = threading.Lock()
_MODEL: TopicModel | None = None


def get_model() -> TopicModel | None:
    """The packaged model (loaded on first use), or ``None`` when it has not been trained/shipped."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None and MODEL_PATH.exists():
                from khabar.models.files import model_file

                with model_file(MODEL_PATH), gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
                    _MODEL = TopicModel(json.load(fh))
    return _MODEL
