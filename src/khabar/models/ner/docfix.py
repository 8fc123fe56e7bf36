"""Document-level repairs after tagging each sentence.

* Name propagation: a name the tagger found once (جو بايدن, حلف شمال الأطلسي) is tagged again where it recurs
  untagged in the same document, and a person's last name alone (بايدن) counts as that person — the CRF sees one
  sentence at a time and misses names in weak contexts.
* Verb overrun: a person span never ends in a word that reads as an inflected verb — dual/plural/feminine
  endings (ا, وا, ان) on a stem the news uses more often than the word itself (جو بايدن استأنفا → جو بايدن),
  unless the silver lexicon knows the word as a name.
* Broadcaster names: a place (or organisation) name right after قناة/تلفزيون … and followed by a number (روسيا 1,
  فرنسا 24) is the channel (ORG), number included. The trigger words live in ``data/triggers.json`` (class MEDIA).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from khabar.models.ner.conll import spans
from khabar.models.ner.features import Featurizer

_MAX_LEN = 6
_COMMON_RANK = 300  # a last name among the 300 most frequent news words (الله …) is not propagated alone
_VERB_ENDINGS = ("وا", "ان", "ا")
_VERB_BASE_RANK = 30_000  # the stem without the ending must be a common news word


def verb_like(feats: Featurizer, stem: str) -> bool:
    """Does a (clitic-stripped, normalised) word read as an inflected verb rather than a name?"""
    if feats.silver.get(stem, "").endswith(("hi", "mid")) or stem.startswith("ال"):
        return False
    rank = feats.rank
    r_word = rank.get(stem, 10**9)
    for end in _VERB_ENDINGS:
        if stem.endswith(end) and len(stem) - len(end) >= 3:
            base = stem[: -len(end)]
            r = rank.get(base, 10**9)
            if r < _VERB_BASE_RANK and r < r_word and not feats.silver.get(base, "").endswith(("hi", "mid")):
                return True
    return False


def _fill(tags: list[str], i: int, j: int, typ: str) -> None:
    tags[i] = "B-" + typ
    for k in range(i + 1, j):
        tags[k] = "I-" + typ


def refine(words: Sequence[Sequence[str]], tags: list[list[str]], feats: Featurizer) -> None:
    """Repair the tags of one document (its sentences in order) in place."""
    media = feats.media
    stems = [[feats.word(w)[5] for w in ws] for ws in words]
    norms = [[feats.word(w)[6] for w in ws] for ws in words]
    for si, tg in enumerate(tags):
        for i, j, typ in spans(tg):
            if typ == "PER" and j - i >= 2 and verb_like(feats, stems[si][j - 1]):
                tg[j - 1] = "O"
    for si, ws in enumerate(words):
        tg = tags[si]
        for i, j, typ in spans(tg):
            # the CRF reads the channel as the place (LOC) or already as an organisation (ORG): either way the
            # number belongs to the name
            if (typ in ("LOC", "ORG") and i > 0 and stems[si][i - 1] in media and j < len(ws)
                    and norms[si][j].isdigit() and tg[j] == "O"):
                _fill(tg, i, j + 1, "ORG")
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for si, tg in enumerate(tags):
        for i, j, typ in spans(tg):
            key = (stems[si][i], *norms[si][i + 1: j])
            votes[key][typ] += 1
            if typ == "PER" and j - i >= 2:
                last = stems[si][j - 1]
                if len(last) >= 3 and feats.rank.get(last, 10**9) >= _COMMON_RANK:
                    votes[(last,)]["PER"] += 1
    if not votes:
        return
    known = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    firsts = {k[0] for k in known}
    for si, tg in enumerate(tags):
        n = len(tg)
        i = 0
        while i < n:
            if tg[i] != "O" or stems[si][i] not in firsts:
                i += 1
                continue
            hit = 0
            for j in range(min(n, i + _MAX_LEN), i, -1):
                if all(t == "O" for t in tg[i:j]):
                    key = (stems[si][i], *norms[si][i + 1: j])
                    if key in known:
                        hit = j
                        break
            if hit:
                _fill(tg, i, hit, known[(stems[si][i], *norms[si][i + 1: hit])])
                i = hit
            else:
                i += 1
