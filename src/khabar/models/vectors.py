"""Subword-aware word vectors (fastText style) shared by the models: a pruned vocabulary of normalised words plus
hashed character n-gram buckets, float16, in one ``.npz`` (``models/vectors/vectors.npz``).

The view of the text is khabar's own: :func:`khabar.text.tokenize.iter_tokens` tokens, each normalised with
:func:`khabar.text.normalize.normalize` and tatweel removed (:func:`key`). A known word's vector is its trained
fastText vector (word + its n-grams); an unknown word gets the mean of its n-gram bucket vectors, hashed exactly as
fastText/gensim do (FNV-1a over UTF-8 bytes, signed chars), so the same word gets the same vector here as in the
training library. A word with no n-gram in range gets zeros.

Built by ``khabar train vectors`` (:mod:`khabar.models.vectors_train`, gensim in the ``train`` extra) from the
permissive corpora ANT v2.1, ANT v1.1 (Jawhara FM) and the WikiFANE text; see ``models/vectors/VECTORS_CARD.md``.
"""

from __future__ import annotations

import threading
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from khabar.models.files import model_file
from khabar.resources import package_file
from khabar.text.normalize import normalize

VECTORS_PATH = package_file("models", "vectors", "vectors.npz")


def key(token: str) -> str:
    """The form a word is looked up by: normalised, tatweel removed (the NER featuriser's ``n``)."""
    return normalize(token).replace("\u0640", "")


def ft_hash(s: str) -> int:
    """fastText's n-gram hash: 32-bit FNV-1a over the UTF-8 bytes, each byte read as a signed char."""
    h = 2166136261
    for b in s.encode("utf-8", "surrogatepass"):
        h ^= (b - 256) & 0xFFFFFFFF if b >= 128 else b
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def char_ngrams(word: str, minn: int, maxn: int) -> list[str]:
    """The n-grams of ``<word>`` with minn ≤ n ≤ maxn characters (fastText's order)."""
    w = f"<{word}>"
    out: list[str] = []
    for n in range(minn, maxn + 1):
        for i in range(0, len(w) - n + 1):
            out.append(w[i: i + n])
    return out


class WordVectors:
    """Word → float32 vector; ``dim`` columns. ``index`` maps known words to rows of ``vectors``."""

    def __init__(self, path: Path = VECTORS_PATH) -> None:
        with model_file(path):
            try:
                with np.load(path, allow_pickle=False) as z:
                    words = bytes(z["words"].tobytes()).decode("utf-8").split("\n")
                    self.vectors: np.ndarray = z["vectors"]
                    self.ngrams: np.ndarray = z["ngrams"]
                    self.minn, self.maxn = (int(x) for x in z["ngram_range"])
            except zipfile.BadZipFile as err:  # a truncated file
                raise ValueError(str(err)) from None
            if len(words) != self.vectors.shape[0]:
                raise ValueError(f"{len(words)} words for {self.vectors.shape[0]} vectors")
        self.index: dict[str, int] = {w: i for i, w in enumerate(words)}
        self.words = words
        self.dim = int(self.vectors.shape[1])
        self._oov: dict[str, np.ndarray] = {}

    def oov(self, word: str) -> np.ndarray:
        """Mean of the n-gram bucket vectors of a word not in the vocabulary (zeros when it has none)."""
        hit = self._oov.get(word)
        if hit is not None:
            return hit
        nb = self.ngrams.shape[0]
        rows = [ft_hash(g) % nb for g in char_ngrams(word, self.minn, self.maxn)] if nb else []
        v = (self.ngrams[rows].astype(np.float32).mean(axis=0) if rows
             else np.zeros(self.dim, dtype=np.float32))
        if len(self._oov) < 200_000:
            self._oov[word] = v
        return v

    def get(self, word: str) -> np.ndarray:
        """The vector of an already normalised word (see :func:`key`)."""
        i = self.index.get(word)
        if i is not None:
            return self.vectors[i].astype(np.float32)
        return self.oov(word)

    def __getitem__(self, token: str) -> np.ndarray:
        """The vector of a raw token (normalised here)."""
        return self.get(key(token))

    def __contains__(self, token: str) -> bool:
        return key(token) in self.index

    def matrix(self, tokens: list[str]) -> np.ndarray:
        """``len(tokens) × dim`` float32 matrix of raw tokens."""
        out = np.zeros((len(tokens), self.dim), dtype=np.float32)
        for i, t in enumerate(tokens):
            out[i] = self[t]
        return out


_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _load(path: str) -> WordVectors:
    return WordVectors(Path(path))


def load_vectors(path: Path = VECTORS_PATH) -> WordVectors:
    """The shipped vectors, loaded once per process (a missing or damaged file is a ModelFileError)."""
    with _LOCK:
        return _load(str(path))
