"""Training the shared word vectors (``khabar train vectors``): gensim FastText (``train`` extra) on the
permissive corpora, in khabar's own token view, then pruned to the most frequent words plus the n-gram buckets and
stored as float16 (:mod:`khabar.models.vectors` reads the file)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from khabar.models.ner.resources import news_parts
from khabar.models.vectors import VECTORS_PATH, char_ngrams, ft_hash, key
from khabar.text.tokenize import iter_tokens

# Apache-2.0 news and CC BY-SA 3.0 WikiFANE text; no NC corpus (SaudiNewsNet is left out).
WIKI_FILE = "ner/fane/wikifane.txt.gz"


def tokens_of(text: str) -> list[str]:
    """The lookup keys (:func:`khabar.models.vectors.key`) of khabar's tokens of ``text``."""
    out: list[str] = []
    for s, e, _ in iter_tokens(text):
        k = key(text[s:e])
        if k:
            out.append(k)
    return out


def corpus(shared: Path, limit_docs: int | None = None) -> Iterator[list[str]]:
    """One token list per paragraph of every news article (title + text), then per WikiFANE sentence (its split
    clitics glued back the way the NER reader does)."""
    data = shared / "data"
    for part in news_parts(data / "news", limit_docs):
        for para in part.split("\n"):
            toks = tokens_of(para)
            if toks:
                yield toks
    wiki = data / WIKI_FILE
    if wiki.exists():
        from khabar.models.ner.conll import read_fane

        for words, _ in read_fane(wiki):
            toks = tokens_of(" ".join(words))
            if toks:
                yield toks


def train_vectors(shared: Path, out: Path = VECTORS_PATH, *, dim: int = 100, vocab: int = 80_000,
                  buckets: int = 40_000, minn: int = 3, maxn: int = 5, epochs: int = 5, min_count: int = 3,
                  window: int = 5, limit_docs: int | None = None, seed: int = 1,
                  log: Callable[[str], None] = print) -> dict[str, float]:
    """Train, prune and write the vectors; returns a few figures for the card."""
    from gensim.models import FastText  # train extra

    t0 = time.time()
    sents = list(corpus(shared, limit_docs))
    ntok = sum(len(s) for s in sents)
    log(f"corpus: {len(sents):,} paragraphs, {ntok:,} tokens in {time.time() - t0:.0f}s")
    model = FastText(vector_size=dim, window=window, min_count=min_count, min_n=minn, max_n=maxn,
                     bucket=buckets, sg=0, negative=5, workers=1, seed=seed, epochs=epochs)
    model.build_vocab(corpus_iterable=sents)
    model.train(corpus_iterable=sents, total_examples=len(sents), epochs=epochs)
    log(f"trained in {time.time() - t0:.0f}s ({len(model.wv.index_to_key):,} words)")
    wv = model.wv
    words = [w for w in wv.index_to_key[:vocab] if "\n" not in w]
    vecs = np.stack([wv.get_vector(w) for w in words]).astype(np.float16)
    ngrams = np.asarray(wv.vectors_ngrams, dtype=np.float16)
    # the n-gram hashing here must be the library's: an unknown word's vector is the mean of its buckets
    probe = "كسنجرستان"
    assert probe not in wv.key_to_index
    mine = np.mean([wv.vectors_ngrams[ft_hash(g) % buckets] for g in char_ngrams(probe, minn, maxn)], axis=0)
    if not np.allclose(mine, wv.get_vector(probe), atol=1e-4):
        raise RuntimeError("n-gram hashing differs from gensim's")
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
                        vectors=vecs, ngrams=ngrams, ngram_range=np.array([minn, maxn], dtype=np.int32))
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")
    return {"paragraphs": len(sents), "tokens": ntok, "seconds": time.time() - t0,
            "vocab_total": len(wv.index_to_key), "vocab": len(words)}
