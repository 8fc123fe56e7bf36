"""CoNLL 2018 shared-task style scoring: predicted and gold words aligned through the characters.

Words of single-word tokens align when their character spans are equal. Where a multi-word token (on
either side) is involved, the overlapping stretch of gold and predicted words is aligned by the longest
common subsequence of their forms, as in ``conll18_ud_eval.py``. Forms and lemmas are compared with
diacritics removed (lemmas also with the wasla alef unified).
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.eval.metrics import f1_counts
from khabar.models.morph.conllu import strip_diacritics


@dataclass(slots=True)
class EvalWord:
    start: int  # the span of its token
    end: int
    form: str
    upos: str
    lemma: str
    multi: bool  # part of a multi-word token


@dataclass(slots=True)
class Scores:
    gold_words: int = 0
    pred_words: int = 0
    aligned: int = 0
    upos: int = 0
    lemmas: int = 0
    gold_tokens: int = 0
    pred_tokens: int = 0
    tokens: int = 0

    def f1(self, correct: int) -> float:
        return f1_counts(correct, self.gold_words, self.pred_words)

    @property
    def words_f1(self) -> float:
        return self.f1(self.aligned)

    @property
    def upos_f1(self) -> float:
        return self.f1(self.upos)

    @property
    def lemmas_f1(self) -> float:
        return self.f1(self.lemmas)

    @property
    def tokens_f1(self) -> float:
        return f1_counts(self.tokens, self.gold_tokens, self.pred_tokens)


def _lcs_pairs(g: list[EvalWord], p: list[EvalWord]) -> list[tuple[int, int]]:
    n, m = len(g), len(p)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if g[i].form == p[j].form:
                table[i][j] = 1 + table[i + 1][j + 1]
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if g[i].form == p[j].form:
            pairs.append((i, j))
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def align(gold: list[EvalWord], pred: list[EvalWord]) -> list[tuple[EvalWord, EvalWord]]:
    """Aligned (gold, predicted) word pairs; both lists in text order."""
    out: list[tuple[EvalWord, EvalWord]] = []
    gi = pi = 0
    while gi < len(gold) and pi < len(pred):
        g, p = gold[gi], pred[pi]
        if g.multi or p.multi:
            # the stretch of overlapping tokens, as the official script does
            g_end, p_end = gi, pi
            region_end = max(g.end, p.end)
            while True:
                moved = False
                while g_end < len(gold) and gold[g_end].start < region_end:
                    region_end = max(region_end, gold[g_end].end)
                    g_end += 1
                    moved = True
                while p_end < len(pred) and pred[p_end].start < region_end:
                    region_end = max(region_end, pred[p_end].end)
                    p_end += 1
                    moved = True
                if not moved:
                    break
            gs, ps = gold[gi:g_end], pred[pi:p_end]
            for a, b in _lcs_pairs(gs, ps):
                out.append((gs[a], ps[b]))
            gi, pi = max(g_end, gi + 1), max(p_end, pi + 1)
        elif (g.start, g.end) == (p.start, p.end):
            out.append((g, p))
            gi += 1
            pi += 1
        elif g.start <= p.start:
            gi += 1
        else:
            pi += 1
    return out


def norm_lemma(s: str) -> str:
    return strip_diacritics(s or "")


def score(gold: list[EvalWord], pred: list[EvalWord], gold_tokens: list[tuple[int, int]],
          pred_tokens: list[tuple[int, int]], scores: Scores | None = None) -> Scores:
    sc = scores or Scores()
    sc.gold_words += len(gold)
    sc.pred_words += len(pred)
    sc.gold_tokens += len(gold_tokens)
    sc.pred_tokens += len(pred_tokens)
    sc.tokens += len(set(gold_tokens) & set(pred_tokens))
    for g, p in align(gold, pred):
        sc.aligned += 1
        if g.upos == p.upos:
            sc.upos += 1
        if norm_lemma(g.lemma) == norm_lemma(p.lemma):
            sc.lemmas += 1
    return sc
