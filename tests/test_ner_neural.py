"""The shared word vectors and the neural NER tagger: n-gram hashing, unknown words, Viterbi against brute force,
numpy inference equal to the PyTorch model it was exported from, and the shipped tagger on a news sentence."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from khabar.models.ner.neural import NEURAL_PATH, viterbi
from khabar.models.vectors import VECTORS_PATH, char_ngrams, ft_hash, key

needs_vectors = pytest.mark.skipif(not VECTORS_PATH.exists(), reason="word vectors not built")
needs_neural = pytest.mark.skipif(not NEURAL_PATH.exists() or not VECTORS_PATH.exists(),
                                  reason="neural NER model not trained")


def test_ft_hash_is_fnv1a_with_signed_bytes() -> None:
    assert ft_hash("") == 2166136261
    assert ft_hash("a") == ((2166136261 ^ 97) * 16777619) & 0xFFFFFFFF
    # a byte ≥ 128 is xor-ed as a sign-extended char, as fastText does (plain FNV-1a would differ)
    plain = 2166136261
    for b in "é".encode():
        plain = ((plain ^ b) * 16777619) & 0xFFFFFFFF
    assert ft_hash("é") != plain
    assert char_ngrams("ab", 3, 4) == ["<ab", "ab>", "<ab>"]


def test_ft_hash_matches_gensim() -> None:
    fasttext_inner = pytest.importorskip("gensim.models.fasttext_inner")
    for word in ("بوتين", "<مو", "abc", "é"):
        assert ft_hash(word) == fasttext_inner.ft_hash_bytes(word.encode("utf-8"))


@needs_vectors
def test_shipped_vectors_known_and_unknown_words() -> None:
    from khabar.models.vectors import load_vectors

    vec = load_vectors()
    assert vec is load_vectors()
    assert vec.vectors.dtype == np.float16 and vec.dim == vec.vectors.shape[1]
    assert "موسكو" in vec and vec["موسكو"].shape == (vec.dim,)
    assert key("بوتيـــن") == "بوتين"  # tatweel and normalisation give the lookup key
    unknown = "موسكوفيتشستان"
    assert unknown not in vec
    v = vec[unknown]
    assert np.abs(v).sum() > 0  # built from its character n-grams

    def cos(a: np.ndarray, b: np.ndarray) -> float:
        return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))

    # neighbours in meaning are closer than unrelated words
    assert cos(vec["موسكو"], vec["بكين"]) > cos(vec["موسكو"], vec["قال"])


def test_viterbi_matches_brute_force() -> None:
    rng = np.random.default_rng(3)
    k = 3
    emis = rng.normal(size=(2, 4, k)).astype(np.float32)
    trans = rng.normal(size=(k, k)).astype(np.float32)
    start, end = rng.normal(size=k).astype(np.float32), rng.normal(size=k).astype(np.float32)
    lengths = np.array([4, 2])
    got = viterbi(emis, lengths, trans, start, end)
    for b, n in enumerate(lengths):
        def total(path: tuple[int, ...], b: int = b) -> float:
            s = start[path[0]] + end[path[-1]] + sum(emis[b, t, p] for t, p in enumerate(path))
            return float(s + sum(trans[a, c] for a, c in itertools.pairwise(path)))

        best = max(itertools.product(range(k), repeat=int(n)), key=total)
        assert got[b] == list(best)


@needs_vectors
def test_numpy_inference_equals_torch(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from khabar.models.ner import neural_train as nt
    from khabar.models.ner.neural import NeuralTagger

    sents = [
        (["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "."],
         ["O", "O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]),
        (["زار", "وفد", "من", "الأمم", "المتحدة", "بغداد"], ["O", "O", "O", "B-ORG", "I-ORG", "B-LOC"]),
        (["كأس", "العالم"], ["B-MISC", "I-MISC"]),
    ] * 4
    out = tmp_path / "neural.npz"
    res = nt.train_neural(sents, [(sents[0], 1)], out, dev=sents[:3], epochs=2, hidden=8, log=lambda _: None)
    assert out.exists() and out.with_suffix(".json").exists()
    net, enc = res["net"], res["encoder"]
    test = sorted([s for s in sents[:3]], key=lambda s: -len(s[0]))
    wmat = torch.from_numpy(enc.word_matrix())
    wv, chars, feats, mg, dom, lengths, _, _ = nt._batch([enc.encode(t, g, 0) for t, g in test], wmat)
    with torch.no_grad():
        want = net.emissions(wv, chars, feats, mg, dom, lengths).numpy()
    got, lens = NeuralTagger(out).emissions([t for t, _ in test])
    assert list(lens) == [len(t) for t, _ in test]
    for b, n in enumerate(lens):
        np.testing.assert_allclose(got[b, :n], want[b, :n], atol=5e-3)  # float16 weights


@needs_neural
def test_shipped_neural_tagger_on_news() -> None:
    from khabar.models.ner.neural import NeuralTagger
    from khabar.models.ner.tagger import default_tagger

    assert isinstance(default_tagger(), NeuralTagger)
    tagger = NeuralTagger()
    toks = ["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "إن", "بلاده", "مستعدة", "."]
    tags = tagger.tag(toks)
    assert tags[3:5] == ["B-PER", "I-PER"]
    assert tags[6] == "B-LOC"
    assert tags[0] == "O" and tags[-1] == "O"
    # a document is tagged as its sentences would be one by one (batching changes nothing)
    doc = [toks, ["وصل", "بوتين", "إلى", "باريس"], []]
    assert tagger.tag_doc(doc) == [tagger.tag(s) for s in doc]


def test_missing_or_damaged_files_are_model_file_errors(tmp_path: Path) -> None:
    from khabar.models.files import ModelFileError
    from khabar.models.vectors import WordVectors

    with pytest.raises(ModelFileError, match=r"vectors\.npz is missing"):
        WordVectors(tmp_path / "vectors.npz")
    (tmp_path / "vectors.npz").write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ModelFileError, match=r"vectors\.npz cannot be read"):
        WordVectors(tmp_path / "vectors.npz")
    (tmp_path / "vectors.npz").write_bytes(b"not numpy at all")
    with pytest.raises(ModelFileError, match=r"vectors\.npz cannot be read"):
        WordVectors(tmp_path / "vectors.npz")


@needs_vectors
def test_damaged_neural_model_is_a_model_file_error(tmp_path: Path) -> None:
    from khabar.models.files import ModelFileError
    from khabar.models.ner.neural import NeuralTagger
    from khabar.models.vectors import load_vectors

    with pytest.raises(ModelFileError, match=r"neural\.json is missing"):
        NeuralTagger(tmp_path / "neural.npz", vectors=load_vectors())
    (tmp_path / "neural.json").write_text("{}", encoding="utf-8")
    (tmp_path / "neural.npz").write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ModelFileError, match=r"neural\.npz cannot be read"):
        NeuralTagger(tmp_path / "neural.npz", vectors=load_vectors())
