"""The shipped NER tagger: a linear-chain CRF (python-crfsuite) over :mod:`features`."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from khabar.models.ner.features import DATA_DIR, Featurizer

MODEL_PATH = DATA_DIR / "ner.crfsuite"
_MAX_SENT = 200  # long "sentences" are tagged in windows to bound the Viterbi cost


class NerTagger:
    def __init__(self, model_path: Path = MODEL_PATH, data_dir: Path = DATA_DIR) -> None:
        self.features = Featurizer(data_dir)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (PER/ORG/LOC/MISC) for one sentence of token strings."""
        if not tokens:
            return []
        out: list[str] = []
        for i in range(0, len(tokens), _MAX_SENT):
            chunk = tokens[i: i + _MAX_SENT]
            out.extend(self._tagger.tag(self.features.sentence(chunk)))
        return out


_LOCK = threading.Lock()
_DEFAULT: NerTagger | None = None


def default_tagger() -> NerTagger | None:
    """The packaged model, loaded once; None when the model file is missing."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None and MODEL_PATH.exists():
            _DEFAULT = NerTagger()
        return _DEFAULT
