"""Token features for the CRF tagger: word, normal form, clitic-stripped stem, affixes, shape, news-corpus
clusters at three prefix lengths, gazetteer membership (single words and multiword matches in BIO) and
trigger words, in a ±2 window. Per-word features are cached, so a sentence costs a few list joins."""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from khabar.memo import Memo
from khabar.models.files import model_file
from khabar.resources import package_file
from khabar.text.normalize import normalize

DATA_DIR = package_file("models", "ner", "data")
_MAX_GAZ_LEN = 6
_DOC_MIN_RANK = 300  # the 300 most frequent news words (في, الله …) carry no document-level cues
_DOC_MAX_CUES = 8


def _shape(w: str) -> str:
    out: list[str] = []
    for ch in w[:6]:
        if "\u0600" <= ch <= "\u06ff":
            c = "a"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "L" if ch.isupper() else "l"
        else:
            c = ch if ch in ".,،؛:;!?؟\"'«»()-/" else "p"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


class Featurizer:
    """Holds the feature resources and turns token strings into crfsuite feature lists."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.rank: dict[str, int] = {}
        self.cluster: dict[str, str] = {}
        cpath = data_dir / "clusters.tsv.gz"
        if cpath.exists():
            with model_file(cpath), gzip.open(cpath, "rt", encoding="utf-8") as fh:
                for i, line in enumerate(fh):
                    w, _, path = line.rstrip("\n").partition("\t")
                    self.rank[w] = i
                    self.cluster[w] = path
        self.gaz1: dict[str, str] = {}
        self.gazn: dict[str, str] = {}
        gpath = data_dir / "gazetteer.tsv.gz"
        if gpath.exists():
            with model_file(gpath), gzip.open(gpath, "rt", encoding="utf-8") as fh:
                for line in fh:
                    name, _, cls = line.rstrip("\n").partition("\t")
                    table = self.gaz1 if " " not in name else self.gazn
                    prev = table.get(name)
                    table[name] = cls if prev is None or prev == cls else "+".join(sorted({*prev.split("+"), cls}))
        self.silver: dict[str, str] = {}
        spath = data_dir / "silver.tsv.gz"
        if spath.exists():
            with model_file(spath), gzip.open(spath, "rt", encoding="utf-8") as fh:
                for line in fh:
                    stem, typ, bucket = line.rstrip("\n").split("\t")
                    self.silver[stem] = typ + bucket
        self.trigger: dict[str, str] = {}
        self.media: frozenset[str] = frozenset()
        tpath = data_dir / "triggers.json"
        if tpath.exists():
            with model_file(tpath):
                triggers = json.loads(tpath.read_text(encoding="utf-8"))
            for cls, words in triggers.items():
                if cls == "MEDIA":
                    self.media = frozenset(words)
                elif not cls.startswith("_"):
                    for w in words:
                        self.trigger.setdefault(w, cls)
        # document-level features are used only by a model trained with them (``features.json`` says so)
        fpath = data_dir / "features.json"
        with model_file(fpath):
            conf = json.loads(fpath.read_text(encoding="utf-8")) if fpath.exists() else {}
        self.doc_features: bool = bool(conf.get("doc_features", False))
        self._cache: Memo[str, tuple[list[str], list[str], list[str], list[str], list[str], str, str, str]] = Memo(
            "ner.word_features", 2800, 0.30)

    # -- clitics -------------------------------------------------------------------------------------
    def split(self, n: str) -> tuple[str, str]:
        """(proclitic, stem) of a normalised word. و/ف come off when the rest is a more usual word (or the
        word is unknown); ب/ل/ك start many names (بايدن, لندن), so they come off only before ال or when the
        rest is a far more usual word (لروسيا → روسيا)."""
        rank = self.rank
        unknown = 10**9
        pre, cur = "", n
        if len(cur) > 3 and cur[0] in "وف":
            r0 = rank.get(cur, unknown)
            r = rank.get(cur[1:], unknown)
            if r < r0 or r0 == unknown:
                pre, cur = cur[0], cur[1:]
        if len(cur) > 3 and cur[0] in "بلك":
            stem = "ا" + cur[1:] if cur.startswith("لل") and len(cur) > 4 else cur[1:]
            if (stem.startswith("ال") and len(stem) > 3) or rank.get(stem, unknown) * 10 < rank.get(cur, unknown):
                pre, cur = pre + cur[0], stem
        return pre, cur

    # -- per-word features ---------------------------------------------------------------------------
    def word(self, w: str) -> tuple[list[str], list[str], list[str], list[str], list[str], str, str, str]:
        """(own, -1, +1, -2, +2 feature lists, stem, normal form, context cue for the document features)."""
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        n = normalize(w).replace("\u0640", "")
        pre, stem = self.split(n)
        cl = self.cluster.get(n) or self.cluster.get(stem)
        parts = cl.split(".") if cl else []
        c1 = parts[0] if parts else "?"
        c2 = ".".join(parts[:2]) if parts else "?"
        c3 = cl or "?"
        g = self.gaz1.get(stem) or self.gaz1.get(n) or ""
        if not g and stem.startswith("ال") and len(stem) > 4:
            g = self.gaz1.get(stem[2:], "")
        trig = self.trigger.get(stem, "")
        sil = self.silver.get(stem, "")
        sh = _shape(w)
        ln = len(stem)
        own = [
            "w=" + n, "s=" + stem, "pre=" + pre, "p2=" + stem[:2], "p3=" + stem[:3],
            "x1=" + stem[-1:], "x2=" + stem[-2:], "x3=" + stem[-3:], "sh=" + sh,
            "ln=" + (str(ln) if ln < 5 else ("5" if ln < 8 else "8")), "c1=" + c1, "c2=" + c2, "c3=" + c3,
        ]
        if g:
            own.append("g=" + g)
        if trig:
            own.append("t=" + trig)
        if sil:
            own.append("sl=" + sil)
        if stem.startswith("ال"):
            own.append("al")
        if n != w:
            own.append("diac" if any("\u064b" <= ch <= "\u0652" for ch in w) else "norm")
        m1 = ["-1s=" + stem, "-1c2=" + c2, "-1c3=" + c3, "-1sh=" + sh, "-1g=" + g, "-1t=" + trig, "-1x2=" + stem[-2:], "-1sl=" + sil]
        p1 = ["+1s=" + stem, "+1c2=" + c2, "+1c3=" + c3, "+1sh=" + sh, "+1g=" + g, "+1t=" + trig, "+1x2=" + stem[-2:], "+1sl=" + sil]
        m2 = ["-2s=" + stem, "-2c2=" + c2, "-2t=" + trig]
        p2 = ["+2s=" + stem, "+2c2=" + c2, "+2t=" + trig]
        # what this word says about a name next to it, aggregated over the document by :meth:`document`
        cue = trig or ("NAT" if g == "NAT" else "") or (sil[:-2] if sil.endswith("hi") else "")
        out = (own, m1, p1, m2, p2, stem, n, cue)
        return self._cache.put(w, out)

    # -- sentence -------------------------------------------------------------------------------------
    def gaz_bio(self, stems: Sequence[str], norms: Sequence[str]) -> list[str]:
        """Longest multiword gazetteer match from each position (first word clitic-stripped)."""
        n = len(stems)
        out = [""] * n
        gazn = self.gazn
        if not gazn:
            return out
        i = 0
        while i < n:
            hit = 0
            cls = ""
            for j in range(min(n, i + _MAX_GAZ_LEN), i + 1, -1):
                key = " ".join([stems[i], *norms[i + 1: j]])
                c = gazn.get(key)
                if c:
                    hit, cls = j, c
                    break
            if hit:
                out[i] = "mg=B-" + cls
                for k in range(i + 1, hit):
                    out[k] = "mg=I-" + cls
                i = hit
            else:
                i += 1
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        words = [self.word(t) for t in tokens]
        n = len(words)
        stems = [w[5] for w in words]
        norms = [w[6] for w in words]
        mg = self.gaz_bio(stems, norms)
        seq: list[list[str]] = []
        for i, (own, _, _, _, _, stem, _, _) in enumerate(words):
            f = ["b", *own]
            if i > 0:
                f += words[i - 1][1]
                f.append("bg-=" + stems[i - 1] + "|" + stem)
                if i > 1:
                    f += words[i - 2][3]
                else:
                    f.append("BOS2")
            else:
                f.append("BOS")
            if i + 1 < n:
                f += words[i + 1][2]
                f.append("bg+=" + stem + "|" + stems[i + 1])
                if i + 2 < n:
                    f += words[i + 2][4]
                else:
                    f.append("EOS2")
            else:
                f.append("EOS")
            if mg[i]:
                f.append(mg[i])
                f.append("-1" + (mg[i - 1] if i > 0 and mg[i - 1] else "mg=O"))
            seq.append(f)
        return seq

    def document(self, sents: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        """Sentence features plus document-level context aggregation: every word also sees the cues (trigger
        word, nationality adjective, confidently typed silver name) next to its OTHER occurrences in the
        document, so a name in a weak context borrows the strong context it has elsewhere."""
        seqs = [self.sentence(toks) for toks in sents]
        if not self.doc_features or (len(sents) < 2 and sum(len(t) for t in sents) < 30):
            return seqs
        rank = self.rank
        unknown = 10**9
        words = [[self.word(t) for t in toks] for toks in sents]
        seen: Counter[str] = Counter()
        cues: dict[str, Counter[str]] = defaultdict(Counter)
        for ws in words:
            n = len(ws)
            for i, w in enumerate(ws):
                stem = w[5]
                if len(stem) < 3 or rank.get(stem, unknown) < _DOC_MIN_RANK or not stem[0].isalpha():
                    continue
                seen[stem] += 1
                if i > 0 and ws[i - 1][7]:
                    cues[stem]["dp=" + ws[i - 1][7]] += 1
                if i + 1 < n and ws[i + 1][7]:
                    cues[stem]["dn=" + ws[i + 1][7]] += 1
                if i > 1 and ws[i - 2][7].endswith("T"):  # الرئيس جو بايدن: the title two words back
                    cues[stem]["dq=" + ws[i - 2][7]] += 1
        if not cues:
            return seqs
        for ws, seq in zip(words, seqs, strict=True):
            n = len(ws)
            for i, w in enumerate(ws):
                stem = w[5]
                if seen.get(stem, 0) < 2 or stem not in cues:
                    continue
                own: Counter[str] = Counter()
                if i > 0 and ws[i - 1][7]:
                    own["dp=" + ws[i - 1][7]] += 1
                if i + 1 < n and ws[i + 1][7]:
                    own["dn=" + ws[i + 1][7]] += 1
                if i > 1 and ws[i - 2][7].endswith("T"):
                    own["dq=" + ws[i - 2][7]] += 1
                other = [c for c, k in cues[stem].items() if k > own.get(c, 0)]
                seq[i].extend(sorted(other)[:_DOC_MAX_CUES])
        return seqs
