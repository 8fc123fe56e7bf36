"""Train the morph model from PADT (labelled) and news word frequencies (unlabelled)."""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from khabar.models.morph.conllu import ENCLITICS as ENCLITIC_FORMS
from khabar.models.morph.conllu import GoldSentence, GoldToken, _is_enclitic, _is_proclitic, load_sentences
from khabar.models.morph.model import (
    _KEEP_AL,
    MODEL_PATH,
    MorphModel,
    Piece,
    context_features,
    key,
    neighbour_cluster,
    static_features,
    word_class,
)
from khabar.paths import shared_dir
from khabar.resources import package_file

SHARED = shared_dir()
DEFAULT_TRAIN = SHARED / "data/ud/padt-v1/dev.conllu"
DEFAULT_NEWS = [SHARED / "data/news/ant-v2.1-multisource.jsonl.gz", SHARED / "data/news/ant-v1.1-jawharafm.jsonl.gz",
                SHARED / "data/news/saudinewsnet-2015.jsonl.gz"]
# tuned on the held-out fifth of PADT dev articles (see MORPH_MODEL_CARD.md); self_train_docs > 0 (majority tags
# from news tagged by a first-round model as a feature) was tried and gave no gain, so it is off
# (issue 3, round 2) word-cluster features, pooled lemma rules ranked by news attestation, weak-verb restoration;
# half of PUD as extra tagger data was tried and lowered UPOS (-0.5: different conventions), so pud_path is off;
# ambiguity classes (tags seen per labelled form) as a feature also lowered it (-0.3)
DEFAULT_PARAMS: dict[str, float] = {"split_ratio": 0.5, "min_stem_freq": 1, "doc_weight": 20000, "sure_margin": 20,
                                    "lemma_attest": 0.05, "al_boost": 10, "self_train_docs": 0, "clusters": 1,
                                    "lemma_pool": 3, "lemma_beta": 0.3, "lemma_alts": 4, "weak_verbs": 1}
DEFAULT_EPOCHS = 12
# word clusters from Apache-2.0 news (built by the NER layer); copied into morph.json.gz, never read at runtime
DEFAULT_PUD = SHARED / "data/ud/pud/ar_pud-ud-test.conllu"
# PUD (UD v2) → PADT v1 conventions, so that PUD sentences can train the same tagger
PUD_TO_PADT1 = {"PROPN": "X", "SCONJ": "CCONJ", "AUX": "VERB", "INTJ": "X"}
DEFAULT_CLUSTERS = package_file("models", "ner", "data", "clusters.tsv.gz")
TAGS = ["NOUN", "ADJ", "ADP", "VERB", "CCONJ", "PUNCT", "PRON", "X", "NUM", "PART", "DET", "ADV", "SYM", "PROPN",
        "AUX", "SCONJ", "INTJ"]


# -------------------------------------------------------------------------------------- gold pieces
def gold_pieces(surface: str, tok: GoldToken) -> list[Piece]:
    """Express each gold word as an edit of a stretch of the surface token."""
    pieces: list[Piece] = []
    cursor = 0
    words = tok.words
    for i, w in enumerate(words):
        if _is_proclitic(w.form, w.upos) and i + 1 < len(words):
            role = "pro"
        elif i and _is_enclitic(w.form, w.upos, w.xpos):
            role = "enc"
        else:
            role = "stem"
        length = len(w.form)
        if i and words[i - 1].form == "ل" and w.form.startswith("ال") and len(w.form) > 2:
            length -= 1
        a, b = cursor, min(cursor + length, len(surface))
        if i == len(words) - 1:
            b = len(surface)
        piece = surface[a:b]
        if piece == w.form:
            pieces.append((a, b, "", 0, "", role))
        elif "ا" + piece == w.form:
            pieces.append((a, b, "ا", 0, "", role))
        elif piece[:-1] == w.form[:-1] and piece:
            pieces.append((a, b, "", 1, w.form[-1], role))
        else:
            pieces.append((a, b, w.form, b - a, "", role))
        cursor = b
    return pieces


def _code(pieces: list[Piece]) -> list[list[Any]]:
    if len(pieces) == 1 and pieces[0][2:5] == ("", 0, ""):
        return []
    return [list(p) for p in pieces]


# ------------------------------------------------------------------------------------------ lemmas
def lemma_script(form: str, lemma: str, tag: str) -> tuple[str, tuple[int, str, int, str]]:
    base = form[2:] if form.startswith("ال") and len(form) > 3 and tag not in _KEEP_AL else form
    best: tuple[int, int] = (-1, 0)
    script = (0, "", len(base), lemma)
    for p in range(0, min(3, len(base))):
        for lp in (0, 1):
            if lp > len(lemma):
                continue
            rest, lrest = base[p:], lemma[lp:]
            c = 0
            while c < len(rest) and c < len(lrest) and rest[c] == lrest[c]:
                c += 1
            cand = (c, -(p + lp))
            if cand > best:
                best = cand
                script = (p, lemma[:lp], len(rest) - c, lrest[c:])
    return base, script


# -------------------------------------------------------------------------------------- perceptron
class Averaged:
    def __init__(self, n: int) -> None:
        self.n = n
        self.w: dict[str, list[float]] = {}
        self.totals: dict[str, list[float]] = {}
        self.stamps: dict[str, list[int]] = {}
        self.i = 0

    def score(self, feats: list[str]) -> list[float]:
        vec = [0.0] * self.n
        for f in feats:
            w = self.w.get(f)
            if w is not None:
                for j in range(self.n):
                    vec[j] += w[j]
        return vec

    def update(self, feats: list[str], truth: int, guess: int) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            w = self.w.setdefault(f, [0.0] * self.n)
            t = self.totals.setdefault(f, [0.0] * self.n)
            s = self.stamps.setdefault(f, [0] * self.n)
            for c, d in ((truth, 1.0), (guess, -1.0)):
                t[c] += (self.i - s[c]) * w[c]
                s[c] = self.i
                w[c] += d

    def averaged(self, prune: float = 1e-3) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for f, w in self.w.items():
            t, s = self.totals[f], self.stamps[f]
            sparse = {}
            for c in range(self.n):
                avg = (t[c] + (self.i - s[c]) * w[c]) / max(self.i, 1)
                if abs(avg) >= prune:
                    sparse[str(c)] = round(avg, 3)
            if sparse:
                out[f] = sparse
        return out


def _sentence_words(sent: GoldSentence, freq: dict[str, int], newstag: dict[str, str] | None = None,
                    clusters: dict[str, str] | None = None) -> list[tuple[list[str], str, str]]:
    """(static features, key, tag) for each gold word of a sentence, using the gold segmentation."""
    out = []
    for tok in sent.tokens:
        surface = sent.text[tok.start : tok.end]
        pieces = gold_pieces(surface, tok)
        has_enc = any(p[5] == "enc" for p in pieces)
        for i, (w, p) in enumerate(zip(tok.words, pieces, strict=True)):
            before = tok.words[i - 1].form if i and pieces[i - 1][5] == "pro" else ""
            feats = static_features(w.form, p[5], before, has_enc and p[5] == "stem", freq, newstag, clusters)
            out.append((feats, key(w.form), w.upos))
    return out


def train_tagger(sents: list[GoldSentence], freq: dict[str, int], epochs: int = 8,
                 seed: int = 1, newstag: dict[str, str] | None = None,
                 drop: tuple[float, float] = (0.5, 0.1),
                 clusters: dict[str, str] | None = None) -> dict[str, dict[str, float]]:
    rng = random.Random(seed)
    index = {t: i for i, t in enumerate(TAGS)}
    data = [_sentence_words(s, freq, newstag, clusters) for s in sents]
    form_counts = Counter(k for sent in data for _f, k, _t in sent)
    model = Averaged(len(TAGS))
    for _epoch in range(epochs):
        rng.shuffle(data)
        for sent in data:
            # word-form dropout: rare forms lose their identity now and then, so the affix features learn
            statics = []
            for feats, k, _t in sent:
                off = rng.random() < (drop[0] if form_counts[k] <= 1 else drop[1])
                statics.append([f for f in feats if not (off and f.startswith(("w=", "nt=")))])
            guesses = [TAGS[_argmax(model.score(f))] for f in statics]
            t1 = t2 = pw = "<s>"
            for j, (_feats, k, tag) in enumerate(sent):
                nw, ng = (sent[j + 1][1], guesses[j + 1]) if j + 1 < len(sent) else ("</s>", "</s>")
                allf = statics[j] + context_features(t1, t2, pw, nw, ng, word_class(k, pw))
                if clusters:
                    if pw != "<s>":
                        allf.append("pc=" + str(neighbour_cluster(pw, clusters)))
                    if nw != "</s>":
                        allf.append("nc=" + str(neighbour_cluster(nw, clusters)))
                g = _argmax(model.score(allf))
                model.update(allf, index[tag], g)
                t2, t1, pw = t1, TAGS[g], k
    return model.averaged()


def _argmax(v: list[float]) -> int:
    return max(range(len(v)), key=v.__getitem__)


# ------------------------------------------------------------------------------------------- build
def build_model(sents: list[GoldSentence], freq: dict[str, int], params: dict[str, float] | None = None,
                epochs: int = 8, newstag: dict[str, str] | None = None,
                clusters: dict[str, str] | None = None,
                extra_tagger: list[GoldSentence] | None = None) -> dict[str, Any]:
    seg_exact: dict[str, Counter[str]] = defaultdict(Counter)
    seg_key: dict[str, Counter[str]] = defaultdict(Counter)
    lem: dict[str, Counter[str]] = defaultdict(Counter)
    lem_key: dict[str, Counter[str]] = defaultdict(Counter)
    lem_any: dict[str, Counter[str]] = defaultdict(Counter)
    rules: dict[str, Counter[tuple[int, str, int, str]]] = defaultdict(Counter)
    for s in sents:
        for tok in s.tokens:
            surface = s.text[tok.start : tok.end]
            code = json.dumps(_code(gold_pieces(surface, tok)), ensure_ascii=False)
            seg_exact[surface][code] += 1
            seg_key[key(surface)][code] += 1
            for w in tok.words:
                lem[w.form + "\t" + w.upos][w.lemma] += 1
                lem_key[key(w.form) + "\t" + w.upos][w.lemma] += 1
                lem_any[key(w.form)][w.lemma] += 1
                base, script = lemma_script(w.form, w.lemma, w.upos)
                for n in range(0, 5):
                    if n > len(base):
                        break
                    suffix = base[len(base) - n :]
                    rules[w.upos + "\t" + base[:1] + "\t" + suffix][script] += 1
                    rules[w.upos + "\t\t" + suffix][script] += 1
    p = params or {}
    lemma_rules: dict[str, list[Any]] = {}
    n_alt = int(p.get("lemma_alts", 4))
    for k, c in rules.items():
        top = c.most_common(n_alt)
        if top[0][1] >= 2 or k.endswith("\t"):
            # alternatives with their counts: the runtime picks among them by attestation in news
            lemma_rules[k] = [[*script, n] for script, n in top if n >= 2 or script == top[0][0]]
    return {
        "tags": TAGS,
        "seg_exact": {k: json.loads(c.most_common(1)[0][0]) for k, c in seg_exact.items()},
        "seg_key": {k: json.loads(c.most_common(1)[0][0]) for k, c in seg_key.items()},
        "freq": freq,
        "lemma_lex": {k: c.most_common(1)[0][0] for k, c in lem.items()},
        "lemma_key": {k: c.most_common(1)[0][0] for k, c in lem_key.items()},
        "lemma_any": {k: c.most_common(1)[0][0] for k, c in lem_any.items()},
        "lemma_rules": lemma_rules,
        "weights": train_tagger(sents + (extra_tagger or []), freq, epochs=epochs, newstag=newstag,
                                drop=(float(p.get("drop_rare", 0.5)), float(p.get("drop_other", 0.1))),
                                clusters=clusters),
        "params": params or {},
        **({"newstag": newstag} if newstag is not None else {}),
        **({"clusters": clusters} if clusters else {}),
    }


_NEWS_TOKEN = re.compile(r"[\u0621-\u064a]+|[0-9٠-٩]+|[^\s\u0621-\u064a0-9٠-٩]")


def tag_news(model: MorphModel, path: Path, n_docs: int, min_count: int = 3, min_share: float = 0.5) -> dict[str, str]:
    """Majority tag of each stem word over the first ``n_docs`` articles of a news JSONL.gz."""
    from khabar.document import Token
    from khabar.models.morph_stage import analyse_tokens

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= n_docs:
                break
            rec = json.loads(line)
            text = f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
            tokens = [Token(m.start(), m.end()) for m in _NEWS_TOKEN.finditer(text)]
            analyse_tokens(model, text, tokens)
            for tok in tokens:
                for w in tok.words:
                    if w.pos and len(w.form) > 1:
                        counts[key(w.form)][w.pos] += 1
    out = {}
    for k, c in counts.items():
        total = sum(c.values())
        tag, n = c.most_common(1)[0]
        if total >= min_count and n >= min_share * total:
            out[k] = tag
    return out


def pud_half(path: Path, part: int) -> list[GoldSentence]:
    """PUD sentences with index % 2 == part, glued into written tokens (PUD lists ل and لسلطة as two tokens) and
    tagged with PADT v1 conventions. Odd sentences (part 1) train the tagger; even ones (part 0) stay a test."""
    out = []
    for i, sent in enumerate(load_sentences(path)):
        if i % 2 != part:
            continue
        merged: list[GoldToken] = []
        for tok in sent.tokens:
            w = tok.words[0]
            w.upos = PUD_TO_PADT1.get(w.upos, w.upos)
            prev = merged[-1] if merged else None
            glued = prev is not None and prev.end == tok.start and sent.text[tok.start : tok.end].isalpha()
            if prev is not None and glued and w.upos == "PRON" and w.form in ENCLITIC_FORMS:
                w.xpos = "SP------2-"  # the PADT-style marker _is_enclitic looks for
                prev.words.append(w)
                prev.end = tok.end
            elif prev is not None and glued and _is_proclitic(prev.words[-1].form, prev.words[-1].upos):
                prev.words.append(w)
                prev.end = tok.end
            else:
                merged.append(GoldToken(tok.start, tok.end, [w]))
        out.append(GoldSentence(sent.text, merged, sent.sent_id, sent.doc_id))
    return out


def load_clusters(path: Path | None) -> dict[str, str]:
    """word → hierarchical cluster id ("a.b.c"), keys normalised like :func:`key`."""
    if path is None or not path.exists():
        return {}
    out: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                out[key(parts[0])] = parts[1]
    return out


def save_model(data: dict[str, Any], path: Path = MODEL_PATH) -> Path:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    return path


def split_holdout(sents: list[GoldSentence], every: int = 5) -> tuple[list[GoldSentence], list[GoldSentence]]:
    """Every ``every``-th source article is held out for tuning (whole articles, like an unseen test set)."""
    docs: dict[str, int] = {}
    for s in sents:
        docs.setdefault(s.doc_id, len(docs))
    train = [s for s in sents if docs[s.doc_id] % every]
    held = [s for s in sents if not docs[s.doc_id] % every]
    return train, held


def train(train_path: Path = DEFAULT_TRAIN, news: list[Path] | None = None, out: Path | None = MODEL_PATH,
          holdout: bool = False, freq_cache: Path | None = None, min_count: int = 3,
          params: dict[str, float] | None = None, epochs: int = 8,
          clusters_path: Path | None = DEFAULT_CLUSTERS,
          pud_path: Path | None = None) -> tuple[MorphModel, list[GoldSentence]]:
    from khabar.models.morph.newsfreq import load_or_count

    sents = load_sentences(train_path)
    held: list[GoldSentence] = []
    if holdout:
        sents, held = split_holdout(sents)
    freq = load_or_count(news if news is not None else DEFAULT_NEWS, freq_cache, min_count=min_count)
    clusters = load_clusters(clusters_path) if (params or {}).get("clusters", 1) else {}
    # half of PUD trains the tagger only (its lemmas and clitic conventions differ from PADT's)
    extra = pud_half(pud_path, 1) if pud_path is not None and pud_path.exists() else []
    data = build_model(sents, freq, params, epochs=epochs, clusters=clusters, extra_tagger=extra)
    n_self = int((params or {}).get("self_train_docs", 0))
    news_paths = news if news is not None else DEFAULT_NEWS
    if n_self and news_paths:
        # second round: the first model tags unlabelled news; each frequent word's majority tag becomes a feature
        newstag = tag_news(MorphModel(data), news_paths[0], n_self)
        data = build_model(sents, freq, params, epochs=epochs, newstag=newstag, clusters=clusters)
    if out is not None:
        save_model(data, out)
    return MorphModel(data), held
