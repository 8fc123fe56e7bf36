"""The shipped NER tagger: a linear-chain CRF (python-crfsuite) over :mod:`features`."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import pycrfsuite

from khabar.models.ner.features import DATA_DIR, Featurizer

MODEL_PATH = DATA_DIR / "ner.crfsuite"
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_SENT = 200  # long "sentences" are tagged in windows to bound the Viterbi cost
_DOC_BLOCK = 20_000


class Tagger(Protocol):
    """What the NER stage needs of a tagger: the featuriser (for the document repairs) and BIO tags."""

    features: Featurizer

    def tag(self, tokens: Sequence[str]) -> list[str]: ...

    def tag_doc(self, sents: Sequence[Sequence[str]]) -> list[list[str]]: ...


class NerTagger:
    def __init__(self, model_path: Path = MODEL_PATH, data_dir: Path = DATA_DIR) -> None:
        from khabar.models.files import model_file

        self.features = Featurizer(data_dir)
        self._tagger = pycrfsuite.Tagger()
        with model_file(model_path):
            if not Path(model_path).exists():
                raise FileNotFoundError(model_path)
            self._tagger.open(str(model_path))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (PER/ORG/LOC/MISC) for one sentence of token strings (a document of one sentence)."""
        return self.tag_doc([tokens])[0]

    def tag_doc(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence of one document (the features see the whole document)."""
        if any(_SURROGATE.search(t) for toks in sents for t in toks):
            # crfsuite encodes features as UTF-8: a lone surrogate (possible in a Python str) cannot be.
            sents = [[_SURROGATE.sub("\ufffd", t) for t in toks] for toks in sents]
        chunks: list[Sequence[str]] = []
        owner: list[int] = []
        for k, toks in enumerate(sents):
            for i in range(0, len(toks), _MAX_SENT):
                chunks.append(toks[i: i + _MAX_SENT])
                owner.append(k)
        out: list[list[str]] = [[] for _ in sents]
        a = 0
        while a < len(chunks):  # documents are featurised in blocks of ~_DOC_BLOCK tokens to bound memory
            b, size = a, 0
            while b < len(chunks) and (b == a or size + len(chunks[b]) <= _DOC_BLOCK):
                size += len(chunks[b])
                b += 1
            for k, seq in zip(owner[a:b], self.features.document(chunks[a:b]), strict=True):
                out[k].extend(self._tagger.tag(seq))
            a = b
        return out


def load_shipped() -> Tagger:
    """A fresh copy of the shipped tagger: the neural one (``neural.npz``) when it ships — with the CRF's
    marginals joining its scores when ``neural.json`` gives them a weight — else the CRF."""
    import json

    from khabar.models.files import model_file
    from khabar.models.ner.neural import NEURAL_CONF, NEURAL_PATH, NeuralTagger

    if not NEURAL_PATH.exists():
        return NerTagger()
    with model_file(NEURAL_CONF):
        weight = float(json.loads(NEURAL_CONF.read_text(encoding="utf-8")).get("crf_weight", 0.0))
    return NeuralTagger(crf=NerTagger() if weight > 0 else None)


_LOCK = threading.Lock()
_DEFAULT: Tagger | None = None


def default_tagger() -> Tagger | None:
    """The packaged model, loaded once: the neural tagger (``neural.npz``) when it ships, else the CRF; a missing
    or damaged file is a ModelFileError naming it."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = load_shipped()
        return _DEFAULT
