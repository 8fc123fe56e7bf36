"""Training the neural NER tagger with PyTorch on CPU (``khabar train ner-neural``; torch is in the ``train``
extra only) and exporting it to numpy (:mod:`khabar.models.ner.neural` reads the export).

Model: char CNN (24-dim characters, width 3, 50 filters, max-pooled) + frozen shared word vectors + embeddings of
the CRF's word features + a domain embedding (0 = ANERcorp news, the only one used at run time; 1 = Wikipedia,
2 = Wojood) → dropout → forward and backward LSTMs (one layer each; the backward one reads each sentence
reversed) → linear → CRF. Two plain LSTMs rather than a packed bidirectional one, so that numpy can run exactly the
same computation.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from khabar.eval.ner import score
from khabar.models.ner.conll import Sentence
from khabar.models.ner.features import DATA_DIR, Featurizer
from khabar.models.ner.neural import MAX_CHARS, WORD_FIELDS, word_fields
from khabar.models.vectors import WordVectors, load_vectors

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
FEAT_DIMS = {"w": 50, "c1": 8, "c2": 16, "g": 8, "t": 8, "sl": 8, "pre": 4, "sh": 8, "al": 2}
MG_DIM = 8
DOM_DIM = 8
CHAR_DIM, CHAR_FILTERS, CHAR_WIDTH = 24, 50, 3
MAX_TRAIN_LEN = 120
WORD_DROPOUT = 0.1  # share of training tokens whose trained word embedding is replaced by the unknown word's


class Encoded:
    """Index arrays of one sentence."""

    __slots__ = ("words", "chars", "feats", "mg", "tags", "dom")

    def __init__(self, words: np.ndarray, chars: np.ndarray, feats: np.ndarray, mg: np.ndarray,
                 tags: np.ndarray, dom: int) -> None:
        self.words, self.chars, self.feats, self.mg, self.tags, self.dom = words, chars, feats, mg, tags, dom


class Encoder:
    """Vocabularies (built on the training sentences) and sentence → index arrays."""

    def __init__(self, feats: Featurizer, vectors: WordVectors) -> None:
        self.feats = feats
        self.vectors = vectors
        self.chars: list[str] = ["<pad>", "<unk>"]
        self.vocabs: dict[str, list[str]] = {f: [""] for f in WORD_FIELDS}
        self.mg_vocab: list[str] = [""]
        self.word_keys: dict[str, int] = {}
        self._index: tuple[dict[str, int], dict[str, dict[str, int]], dict[str, int]] | None = None

    def build(self, sents: Sequence[Sentence]) -> None:
        cc: Counter[str] = Counter()
        fc: dict[str, Counter[str]] = {f: Counter() for f in WORD_FIELDS}
        for toks, _ in sents:
            for t in toks:
                fields, _, norm = word_fields(self.feats, t)
                cc.update(norm[:MAX_CHARS])
                for f, v in fields.items():
                    fc[f][v] += 1
        self.chars += sorted(c for c, n in cc.items() if n >= 2)
        for f in WORD_FIELDS:
            self.vocabs[f] += sorted(v for v, n in fc[f].items() if n >= 2 and v)
        self.mg_vocab += sorted({f"mg={p}-{c}" for c in self.feats.gazn.values() for p in "BI"})
        self._index = None

    def encode(self, toks: Sequence[str], tags: Sequence[str], dom: int) -> Encoded:
        if self._index is None:
            self._index = ({c: i for i, c in enumerate(self.chars)},
                           {f: {v: i for i, v in enumerate(vals)} for f, vals in self.vocabs.items()},
                           {v: i for i, v in enumerate(self.mg_vocab)})
        ci, vi, mi = self._index
        n = len(toks)
        words = np.zeros(n, dtype=np.int64)
        chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
        feats = np.zeros((n, len(WORD_FIELDS)), dtype=np.int64)
        ws = []
        for k, t in enumerate(toks):
            fields, _, norm = word_fields(self.feats, t)
            ws.append(self.feats.word(t))
            words[k] = self.word_keys.setdefault(norm, len(self.word_keys))
            for j, ch in enumerate(norm[:MAX_CHARS]):
                chars[k, j] = ci.get(ch, 1)
            for j, f in enumerate(WORD_FIELDS):
                feats[k, j] = vi[f].get(fields.get(f, ""), 0)
        mg = self.feats.gaz_bio([w[5] for w in ws], [w[6] for w in ws])
        mgi = np.array([mi.get(m, 0) for m in mg], dtype=np.int64)
        tg = np.array([TAGS.index(x) if x in TAGS else 0 for x in tags], dtype=np.int64)
        return Encoded(words, chars, feats, mgi, tg, dom)

    def word_matrix(self) -> np.ndarray:
        m = np.zeros((max(1, len(self.word_keys)), self.vectors.dim), dtype=np.float32)
        for w, i in self.word_keys.items():
            m[i] = self.vectors.get(w)
        return m


def _build_net(enc: Encoder, word_dim: int, hidden: int, dropout: float) -> Any:
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.char_emb = nn.Embedding(len(enc.chars), CHAR_DIM, padding_idx=0)
            self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, CHAR_WIDTH, padding=CHAR_WIDTH // 2)
            self.feat_emb = nn.ModuleList([nn.Embedding(len(enc.vocabs[f]), FEAT_DIMS[f]) for f in WORD_FIELDS])
            self.mg_emb = nn.Embedding(len(enc.mg_vocab), MG_DIM)
            self.dom_emb = nn.Embedding(3, DOM_DIM)
            d_in = word_dim + sum(FEAT_DIMS.values()) + CHAR_FILTERS + MG_DIM + DOM_DIM
            self.drop = nn.Dropout(dropout)
            self.fwd = nn.LSTM(d_in, hidden, batch_first=True)
            self.bwd = nn.LSTM(d_in, hidden, batch_first=True)
            self.out = nn.Linear(2 * hidden, len(TAGS))
            self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def emissions(self, wv: Any, chars: Any, feats: Any, mg: Any, dom: Any, lengths: Any) -> Any:
            b, t, _ = chars.shape
            ce = self.char_emb(chars.view(b * t, MAX_CHARS)).transpose(1, 2)  # BT × C × L
            h = torch.relu(self.conv(ce))
            valid = (chars.view(b * t, MAX_CHARS) > 0).unsqueeze(1)
            valid[:, :, 0] = True
            ch = (h * valid).max(dim=2).values.view(b, t, CHAR_FILTERS)
            fe = [emb(feats[:, :, j]) for j, emb in enumerate(self.feat_emb)]
            x = torch.cat([wv, *fe, ch, self.mg_emb(mg), self.dom_emb(dom).unsqueeze(1).expand(b, t, DOM_DIM)], dim=2)
            x = self.drop(x)
            hf, _ = self.fwd(x)
            idx = _reverse_index(lengths, t)
            xr = x.gather(1, idx.unsqueeze(2).expand_as(x))
            hbr, _ = self.bwd(xr)
            hb = hbr.gather(1, idx.unsqueeze(2).expand(b, t, hbr.shape[2]))
            return self.out(self.drop(torch.cat([hf, hb], dim=2)))

        def nll(self, emis: Any, tags: Any, mask: Any) -> Any:
            b, t, k = emis.shape
            ar = torch.arange(b)
            gold = self.start[tags[:, 0]] + emis[ar, 0, tags[:, 0]]
            alpha = self.start.unsqueeze(0) + emis[:, 0]
            for i in range(1, t):
                m = mask[:, i]
                gold = gold + (emis[ar, i, tags[:, i]] + self.trans[tags[:, i - 1], tags[:, i]]) * m
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + emis[:, i]
                alpha = torch.where(m.bool().unsqueeze(1), nxt, alpha)
            last = tags[ar, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            logz = torch.logsumexp(alpha + self.end.unsqueeze(0), dim=1)
            return (logz - gold).sum()

    def _reverse_index(lengths: Any, t: int) -> Any:
        pos = torch.arange(t).unsqueeze(0)
        ln = lengths.unsqueeze(1)
        return torch.where(pos < ln, ln - 1 - pos, pos)

    return Net()


def _batch(items: Sequence[Encoded], wmat: Any) -> tuple[Any, ...]:
    import torch

    b = len(items)
    t = max(len(e.tags) for e in items)
    words = torch.zeros(b, t, dtype=torch.long)
    chars = torch.zeros(b, t, MAX_CHARS, dtype=torch.long)
    feats = torch.zeros(b, t, len(WORD_FIELDS), dtype=torch.long)
    mg = torch.zeros(b, t, dtype=torch.long)
    tags = torch.zeros(b, t, dtype=torch.long)
    mask = torch.zeros(b, t)
    for k, e in enumerate(items):
        n = len(e.tags)
        words[k, :n] = torch.from_numpy(e.words)
        chars[k, :n] = torch.from_numpy(e.chars)
        feats[k, :n] = torch.from_numpy(e.feats)
        mg[k, :n] = torch.from_numpy(e.mg)
        tags[k, :n] = torch.from_numpy(e.tags)
        mask[k, :n] = 1
    dom = torch.tensor([e.dom for e in items], dtype=torch.long)
    lengths = torch.tensor([len(e.tags) for e in items], dtype=torch.long)
    return wmat[words], chars, feats, mg, dom, lengths, tags, mask


def _decode(net: Any, items: Sequence[Encoded], wmat: Any) -> list[list[str]]:
    import torch

    from khabar.models.ner.neural import viterbi

    out: list[list[str]] = []
    with torch.no_grad():
        for a in range(0, len(items), 128):
            wv, chars, feats, mg, dom, lengths, _, _ = _batch(items[a: a + 128], wmat)
            emis = net.emissions(wv, chars, feats, mg, dom, lengths).numpy()
            paths = viterbi(emis, lengths.numpy(), net.trans.detach().numpy(), net.start.detach().numpy(),
                            net.end.detach().numpy())
            out += [[TAGS[i] for i in p] for p in paths]
    return out


def _split_long(sents: Sequence[Sentence]) -> list[Sentence]:
    out: list[Sentence] = []
    for toks, tags in sents:
        for i in range(0, len(toks), MAX_TRAIN_LEN):
            if toks[i: i + MAX_TRAIN_LEN]:
                out.append((toks[i: i + MAX_TRAIN_LEN], tags[i: i + MAX_TRAIN_LEN]))
    return out


def train_neural(train: Sequence[Sentence], extra: Sequence[tuple[Sentence, int]], out: Path, *,
                 dev: Sequence[Sentence] = (), epochs: int = 10, hidden: int = 100, dropout: float = 0.5,
                 lr: float = 2e-3, batch: int = 32, seed: int = 1, max_minutes: float = 40.0,
                 data_dir: Path = DATA_DIR, vectors: WordVectors | None = None, crf_weight: float = 0.0,
                 log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train on ``train`` (domain 0) + ``extra`` ((sentence, domain) pairs), keep the epoch that scores best on
    ``dev`` (the last one without a dev set), export ``out`` (.npz) and its ``.json``."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    rng = random.Random(seed)
    vectors = vectors or load_vectors()
    feats = Featurizer(data_dir)
    enc = Encoder(feats, vectors)
    t0 = time.time()
    main_s = _split_long(train)
    extra_s = [(s, d) for s0, d in extra for s in _split_long([s0])]
    enc.build([*main_s, *(s for s, _ in extra_s)])
    items = [enc.encode(t, g, 0) for t, g in main_s] + [enc.encode(t, g, d) for (t, g), d in extra_s]
    dev_items = [enc.encode(t, g, 0) for t, g in dev]
    wmat = torch.from_numpy(enc.word_matrix())
    log(f"encoded {len(items):,} training sentences ({sum(len(e.tags) for e in items):,} tokens), "
        f"{len(dev_items):,} dev, {len(enc.word_keys):,} word types in {time.time() - t0:.0f}s")
    net = _build_net(enc, vectors.dim, hidden, dropout)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    best: tuple[float, dict[str, Any] | None, int] = (-1.0, None, 0)
    history: list[dict[str, float]] = []
    for ep in range(1, epochs + 1):
        net.train()
        # batches of similar length (less padding), in random order
        order = sorted(range(len(items)), key=lambda i: (len(items[i].tags), rng.random()))
        batches = [order[i: i + batch] for i in range(0, len(order), batch)]
        rng.shuffle(batches)
        total = 0.0
        for bi in batches:
            wv, chars, fts, mg, dom, lengths, tags, mask = _batch([items[i] for i in bi], wmat)
            if "w" in WORD_FIELDS:
                col = WORD_FIELDS.index("w")
                drop = torch.rand(fts.shape[:2]) < WORD_DROPOUT
                fts[:, :, col] = torch.where(drop, torch.zeros_like(fts[:, :, col]), fts[:, :, col])
            opt.zero_grad()
            loss = net.nll(net.emissions(wv, chars, fts, mg, dom, lengths), tags, mask)
            (loss / len(bi)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        net.eval()
        rec: dict[str, float] = {"epoch": ep, "loss": total / len(items), "minutes": (time.time() - t0) / 60}
        if dev_items:
            p, r, f = score([g for _, g in dev], _decode(net, dev_items, wmat)).prf()
            rec.update(P=100 * p, R=100 * r, F1=100 * f)
        history.append(rec)
        log(" ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in rec.items()))
        f1 = rec.get("F1", float(ep))
        if f1 > best[0]:
            best = (f1, {k: v.detach().clone() for k, v in net.state_dict().items()}, ep)
        if (time.time() - t0) / 60 > max_minutes:
            log(f"stopping after epoch {ep}: time budget of {max_minutes} min")
            break
    assert best[1] is not None
    net.load_state_dict(best[1])
    export(net, enc, out, hidden=hidden, word_dim=vectors.dim, crf_weight=crf_weight)
    log(f"kept epoch {best[2]}; wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")
    return {"best_epoch": best[2], "history": history, "net": net, "encoder": enc}


def export(net: Any, enc: Encoder, out: Path, *, hidden: int, word_dim: int, crf_weight: float = 0.0) -> None:
    """Weights as float16 numpy arrays (LSTM input weights split into the word-type part, the multiword
    gazetteer part and the domain part), vocabularies as JSON."""
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    n_word = word_dim + sum(FEAT_DIMS.values()) + CHAR_FILTERS
    arrays: dict[str, np.ndarray] = {
        "char_emb": sd["char_emb.weight"],
        # conv weight F × C × W → (W*C) × F, matching numpy's window-major concatenation
        "conv_w": sd["conv.weight"].transpose(2, 1, 0).reshape(CHAR_WIDTH * CHAR_DIM, CHAR_FILTERS),
        "conv_b": sd["conv.bias"],
        "mg_emb": sd["mg_emb.weight"], "dom_emb": sd["dom_emb.weight"],
        "out_w": sd["out.weight"].T, "out_b": sd["out.bias"],
        "trans": sd["trans"], "start": sd["start"], "end": sd["end"],
    }
    for j, f in enumerate(WORD_FIELDS):
        arrays["feat_" + f] = sd[f"feat_emb.{j}.weight"]
    for d in ("fwd", "bwd"):
        w_ih = sd[f"{d}.weight_ih_l0"].T  # D × 4H
        arrays[f"{d}_w_ih"] = w_ih[:n_word]
        arrays[f"{d}_w_ih_mg"] = w_ih[n_word: n_word + MG_DIM]
        arrays[f"{d}_w_ih_dom"] = w_ih[n_word + MG_DIM:]
        arrays[f"{d}_w_hh"] = sd[f"{d}.weight_hh_l0"].T
        arrays[f"{d}_b"] = sd[f"{d}.bias_ih_l0"] + sd[f"{d}.bias_hh_l0"]
    out.parent.mkdir(parents=True, exist_ok=True)
    half: dict[str, Any] = {k: v.astype(np.float16) for k, v in arrays.items()}
    np.savez_compressed(out, **half)
    conf = {"tags": TAGS, "chars": enc.chars, "vocabs": enc.vocabs, "fields": list(WORD_FIELDS),
            "mg_vocab": enc.mg_vocab, "hidden": hidden, "word_dim": word_dim, "char_width": CHAR_WIDTH,
            "crf_weight": crf_weight}
    out.with_suffix(".json").write_text(json.dumps(conf, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def load_data(shared: Path, *, fane: int = -1, full: bool = False, aqmar: bool = True, wojood: bool = True,
              dev_fraction: float = 0.1) -> tuple[list[Sentence], list[tuple[Sentence, int]], list[Sentence]]:
    """(ANERcorp train minus its last ``dev_fraction`` (all of it when ``full``), extra (sentence, domain)
    pairs, dev): AQMAR train+dev and ``fane`` WikiFANE sentences (evenly spaced, -1 = all; folded by
    :data:`khabar.models.ner.conll.FANE_MAP`) as domain 1 (Wikipedia), the Wojood sample train+val as domain 2."""
    from khabar.models.ner.conll import read_conll, read_fane

    ner = shared / "data/ner"
    aner = read_conll(ner / "anercorp/train.txt")
    cut = len(aner) if full else int(len(aner) * (1 - dev_fraction))
    extra: list[tuple[Sentence, int]] = []
    if aqmar:
        for p in ("aqmar/train.txt", "aqmar/dev.txt"):
            if (ner / p).exists():
                extra += [(s, 1) for s in read_conll(ner / p)]
    if wojood:
        for p in ("wojood-sample/train.txt", "wojood-sample/val.txt"):
            if (ner / p).exists():
                extra += [(s, 2) for s in read_conll(ner / p)]
    wiki = ner / "fane/wikifane.txt.gz"
    if fane and wiki.exists():
        sents = read_fane(wiki)
        if 0 < fane < len(sents):
            step = len(sents) / fane
            sents = [sents[int(k * step)] for k in range(fane)]
        extra += [(s, 1) for s in sents]
    return aner[:cut], extra, aner[cut:]
