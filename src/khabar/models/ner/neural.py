"""The neural NER tagger at run time, in numpy: a character CNN, the shared subword word vectors
(:mod:`khabar.models.vectors`) and the CRF tagger's cheap word features (gazetteer, trigger, silver lexicon,
cluster, proclitic, shape, multiword gazetteer BIO) feed a BiLSTM whose scores a linear-chain CRF decodes
(Viterbi). Trained with PyTorch (:mod:`khabar.models.ner.neural_train`, ``train`` extra); the weights ship as
``data/neural.npz`` with their vocabularies in ``data/neural.json``.

Speed: everything that depends on the word alone — its vector, its character features, its feature embeddings —
is pushed through the LSTM input projection once per word type and cached, so a document costs one cached row
per token plus the recurrence over its sentences, all sentences of the document batched together.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from khabar.memo import Memo
from khabar.models.files import model_file
from khabar.models.ner.features import DATA_DIR, Featurizer
from khabar.models.ner.tagger import _SURROGATE, NerTagger
from khabar.models.vectors import VECTORS_PATH, WordVectors, load_vectors

NEURAL_PATH = DATA_DIR / "neural.npz"
NEURAL_CONF = DATA_DIR / "neural.json"
MAX_CHARS = 20
_MAX_SENT = 200
# word-level categorical features: the normalised word itself (a trained embedding of the training vocabulary,
# next to the fixed shared vectors), clusters, gazetteer, trigger, silver, proclitic, shape, ال
WORD_FIELDS = ("w", "c1", "c2", "g", "t", "sl", "pre", "sh", "al")


def word_fields(feats: Featurizer, token: str) -> tuple[dict[str, str], str, str]:
    """(feature field → value, stem, normal form) of one token, from the CRF featuriser's cached word features."""
    own, _, _, _, _, stem, norm, _ = feats.word(token)
    out: dict[str, str] = {}
    for f in own:
        name, sep, val = f.partition("=")
        if sep and name in WORD_FIELDS:
            out[name] = val
        elif f == "al":
            out["al"] = "1"
    return out, stem, norm


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def viterbi(emis: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> list[list[int]]:
    """Best tag sequence of each sentence: ``emis`` is ``B × T × K``, padded after each length."""
    b, t_max, _ = emis.shape
    score = start[None, :] + emis[:, 0]
    back = np.zeros((b, t_max, emis.shape[2]), dtype=np.int32)
    for t in range(1, t_max):
        cand = score[:, :, None] + trans[None, :, :]  # from × to
        best = cand.argmax(axis=1)
        nxt = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + emis[:, t]
        live = (t < lengths)[:, None]
        score = np.where(live, nxt, score)
        back[:, t] = best
    out: list[list[int]] = []
    final = score + end[None, :]
    for k in range(b):
        n = int(lengths[k])
        if n == 0:
            out.append([])
            continue
        tag = int(final[k].argmax())
        path = [tag]
        for t in range(n - 1, 0, -1):
            tag = int(back[k, t, tag])
            path.append(tag)
        path.reverse()
        out.append(path)
    return out


class NeuralTagger:
    """Same interface as :class:`khabar.models.ner.tagger.NerTagger` (``tag``, ``tag_doc``, ``features``)."""

    def __init__(self, model_path: Path = NEURAL_PATH, conf_path: Path | None = None,
                 data_dir: Path = DATA_DIR, vectors: WordVectors | None = None,
                 crf: NerTagger | None = None, crf_weight: float | None = None) -> None:
        """``crf`` (with ``crf_weight`` > 0; default: the weight in the model's .json) joins the decision: its
        per-token marginal log-probabilities, times the weight, are added to the network's tag scores before the
        Viterbi search (a product of experts)."""
        conf_path = conf_path or model_path.with_suffix(".json")
        self.crf = crf
        self.features = crf.features if crf is not None else Featurizer(data_dir)
        self.vectors = vectors if vectors is not None else load_vectors(VECTORS_PATH)
        with model_file(conf_path):
            conf = json.loads(conf_path.read_text(encoding="utf-8"))
        with model_file(model_path):
            try:
                with np.load(model_path, allow_pickle=False) as z:
                    w = {k: z[k].astype(np.float32) for k in z.files}
            except zipfile.BadZipFile as err:  # a truncated file
                raise ValueError(str(err)) from None
        with model_file(model_path):  # a file of the wrong shape (missing keys, wrong sizes) names the model
            self._setup(conf, w)
        self.crf_weight = float(conf.get("crf_weight", 0.0)) if crf_weight is None else crf_weight
        self._proj: Memo[str, np.ndarray] = Memo("ner.neural_proj", 8 * self.hidden * 4 + 200, 0.10)

    def _setup(self, conf: dict[str, Any], w: dict[str, np.ndarray]) -> None:
        self.tags: list[str] = conf["tags"]
        self.chars: dict[str, int] = {c: i for i, c in enumerate(conf["chars"])}
        self.vocabs: dict[str, dict[str, int]] = {f: {v: i for i, v in enumerate(vals)}
                                                  for f, vals in conf["vocabs"].items()}
        self.fields: list[str] = conf["fields"]
        self.hidden = int(conf["hidden"])
        if self.vectors.dim != int(conf["word_dim"]):
            raise ValueError(f"vectors have {self.vectors.dim} dims, the tagger wants {conf['word_dim']}")
        self.char_emb = w["char_emb"]
        self.conv_w = w["conv_w"]  # (width*cdim) × filters
        self.conv_b = w["conv_b"]
        self.width = int(conf["char_width"])
        self.feat_emb = {f: w["feat_" + f] for f in self.fields}
        self.w_ih = {d: w[f"{d}_w_ih"] for d in ("fwd", "bwd")}  # D × 4H
        self.w_hh = {d: w[f"{d}_w_hh"] for d in ("fwd", "bwd")}  # H × 4H
        self.bias = {d: w[f"{d}_b"] + w["dom_emb"][0] @ w[f"{d}_w_ih_dom"] for d in ("fwd", "bwd")}
        self.mg_proj = {d: w["mg_emb"] @ w[f"{d}_w_ih_mg"] for d in ("fwd", "bwd")}  # n_mg × 4H
        self.mg_vocab: dict[str, int] = {v: i for i, v in enumerate(conf["mg_vocab"])}
        self.out_w = w["out_w"]  # 2H × K
        self.out_b = w["out_b"]
        self.trans, self.start, self.end = w["trans"], w["start"], w["end"]

    # -- per word type ---------------------------------------------------------------------------------
    def _char_feats(self, words: list[str]) -> np.ndarray:
        u = len(words)
        idx = np.zeros((u, MAX_CHARS), dtype=np.int64)
        lens = np.zeros(u, dtype=np.int64)
        unk = self.chars.get("<unk>", 1)
        for k, wd in enumerate(words):
            cs = wd[:MAX_CHARS]
            lens[k] = max(1, len(cs))
            for j, ch in enumerate(cs):
                idx[k, j] = self.chars.get(ch, unk)
        x = self.char_emb[idx]  # U × L × C
        pad = self.width // 2
        xp = np.pad(x, ((0, 0), (pad, pad), (0, 0)))
        cols = np.concatenate([xp[:, j: j + MAX_CHARS] for j in range(self.width)], axis=2)
        h = np.maximum(cols @ self.conv_w + self.conv_b, 0.0)  # U × L × F
        h *= (np.arange(MAX_CHARS)[None, :] < lens[:, None])[:, :, None]
        out: np.ndarray = h.max(axis=1)
        return out

    def _project(self, tokens: Sequence[str]) -> dict[str, np.ndarray]:
        """Input projection (both directions side by side, ``8H``) of every distinct token, cached."""
        proj = self._proj
        found: dict[str, np.ndarray] = {}
        todo: list[str] = []
        for t in dict.fromkeys(tokens):
            hit = proj.get(t)
            if hit is None:
                todo.append(t)
            else:
                found[t] = hit
        if todo:
            feats = self.features
            rows = []
            keys = []
            for t in todo:
                fields, _, norm = word_fields(feats, t)
                parts = [self.vectors.get(norm)]
                for f in self.fields:
                    parts.append(self.feat_emb[f][self.vocabs[f].get(fields.get(f, ""), 0)])
                rows.append(np.concatenate(parts))
                keys.append(norm)
            x = np.concatenate([np.stack(rows), self._char_feats(keys)], axis=1)
            p = np.concatenate([x @ self.w_ih["fwd"], x @ self.w_ih["bwd"]], axis=1)
            for t, row in zip(todo, p, strict=True):
                found[t] = proj.put(t, row)
        return found

    # -- sentences -------------------------------------------------------------------------------------
    def _lstm(self, xp: np.ndarray, lengths: np.ndarray, d: str) -> np.ndarray:
        b, t_max, _ = xp.shape
        hid = self.hidden
        h = np.zeros((b, hid), dtype=np.float32)
        c = np.zeros((b, hid), dtype=np.float32)
        out = np.zeros((b, t_max, hid), dtype=np.float32)
        w_hh = self.w_hh[d]
        for t in range(t_max):
            n_live = int((lengths > t).sum())  # sentences are sorted by length, longest first
            g = xp[:n_live, t] + h[:n_live] @ w_hh
            i = sigmoid(g[:, :hid])
            f = sigmoid(g[:, hid: 2 * hid])
            gg = np.tanh(g[:, 2 * hid: 3 * hid])
            o = sigmoid(g[:, 3 * hid:])
            c[:n_live] = f * c[:n_live] + i * gg
            h[:n_live] = o * np.tanh(c[:n_live])
            out[:n_live, t] = h[:n_live]
        return out

    def _tag_chunks(self, chunks: list[Sequence[str]]) -> list[list[str]]:
        order = sorted(range(len(chunks)), key=lambda k: -len(chunks[k]))
        emis, lengths = self.emissions([chunks[k] for k in order])
        if self.crf is not None and self.crf_weight > 0:
            for b, lp in enumerate(self.crf_logp([chunks[k] for k in order])):
                emis[b, : len(lp)] += self.crf_weight * lp
        paths = viterbi(emis, lengths, self.trans, self.start, self.end)
        out: list[list[str]] = [[] for _ in chunks]
        for k, path in zip(order, paths, strict=True):
            out[k] = [self.tags[i] for i in path]
        return out

    def emissions(self, sents: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(``B × T × K`` tag scores, lengths) of sentences sorted longest first."""
        lengths = np.array([len(s) for s in sents], dtype=np.int64)
        b, t_max, h4 = len(sents), int(lengths.max()), 4 * self.hidden
        proj = self._project([t for s in sents for t in s])
        xf = np.zeros((b, t_max, h4), dtype=np.float32)
        xb = np.zeros((b, t_max, h4), dtype=np.float32)
        feats = self.features
        mg_f, mg_b = self.mg_proj["fwd"], self.mg_proj["bwd"]
        for k, s in enumerate(sents):
            n = len(s)
            rows = np.stack([proj[t] for t in s])
            words = [feats.word(t) for t in s]
            mg = feats.gaz_bio([w[5] for w in words], [w[6] for w in words])
            mi = np.array([self.mg_vocab.get(m, 0) for m in mg], dtype=np.int64)
            xf[k, :n] = rows[:, :h4] + mg_f[mi] + self.bias["fwd"]
            xb[k, :n] = (rows[:, h4:] + mg_b[mi] + self.bias["bwd"])[::-1]
        hf = self._lstm(xf, lengths, "fwd")
        hb_rev = self._lstm(xb, lengths, "bwd")
        hb = np.zeros_like(hb_rev)
        for k in range(b):
            n = int(lengths[k])
            hb[k, :n] = hb_rev[k, :n][::-1]
        emis: np.ndarray = np.concatenate([hf, hb], axis=2) @ self.out_w + self.out_b
        return emis, lengths

    def crf_logp(self, sents: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, ``n × K`` log marginal probabilities of this tagger's tags under the CRF (its features
        see the sentences as one document)."""
        crf = self.crf
        assert crf is not None
        if any(_SURROGATE.search(t) for toks in sents for t in toks):
            sents = [[_SURROGATE.sub("\ufffd", t) for t in toks] for toks in sents]
        ct = crf._tagger
        known = set(ct.labels())
        out: list[np.ndarray] = []
        for seq in crf.features.document(sents):
            m = np.full((len(seq), len(self.tags)), 1e-6, dtype=np.float32)
            if seq:
                ct.set(seq)
                for j, lab in enumerate(self.tags):
                    if lab in known:
                        m[:, j] = [ct.marginal(lab, i) for i in range(len(seq))]
            out.append(np.log(np.maximum(m, 1e-6)))
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_doc([tokens])[0]

    def tag_doc(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence of one document (sentences batched; long ones tagged in windows)."""
        chunks: list[Sequence[str]] = []
        owner: list[int] = []
        for k, toks in enumerate(sents):
            for i in range(0, len(toks), _MAX_SENT):
                chunks.append(toks[i: i + _MAX_SENT])
                owner.append(k)
        out: list[list[str]] = [[] for _ in sents]
        block = 256  # sentences per batch
        for a in range(0, len(chunks), block):
            for k, tags in zip(owner[a: a + block], self._tag_chunks(chunks[a: a + block]), strict=True):
                out[k].extend(tags)
        return out
