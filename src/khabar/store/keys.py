"""Search keys: the normalised form of a word plus its clitic-stripped stems.

The full-text index holds, for every token, its matching form (``khabar.text.normalize`` with ة→ه) and
the stems left after removing proclitics (و ف, then ب ك ل س, then the article ال), so that a query for
بوتين finds وبوتين and لبوتين. Queries are normalised the same way but NOT stripped: the user's word is
looked up as written (stems of the documents do the clitic work), which keeps وزير from matching زير.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from khabar.text.normalize import normalize

# Words after normalisation: letters and digits of any script (Arabic punctuation is not \w).
_WORD = re.compile(r"[^\W_]+")
_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل", "س")
_MIN_STEM = 2
# Segments the text layer may put in Token.seg that are clitics, not the stem.
_CLITICS = frozenset({"و", "ف", "ب", "ك", "ل", "س", "ال", "لل", "ه", "ها", "هم", "هما", "هن", "كم", "كما",
                      "كن", "نا", "ي", "ني", "+ه", "+ها", "+هم", "+كم", "+نا", "+ي"})


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(s: str) -> str:
    """``s`` with lone UTF-16 surrogates (possible in a Python str, never in UTF-8) replaced by U+FFFD: a
    query argument must be encodable to reach the database."""
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def match_form(s: str) -> str:
    """The form both the index and the query use: normalised, ة→ه, lower-case Latin."""
    return valid_text(normalize(s, ta_marbuta=True).lower())


def words(s: str) -> list[str]:
    return _WORD.findall(match_form(s))


def stems(word: str) -> list[str]:
    """Clitic-stripped variants of an already-normalised word (the word itself excluded)."""
    out: list[str] = []
    cands = [word]
    if len(word) > _MIN_STEM + 1 and word.startswith(_CONJ):
        cands.append(word[1:])
    for w in list(cands):
        if len(w) > _MIN_STEM + 1 and w.startswith(_PREP):
            rest = w[1:]
            cands.append(rest)
            if w[0] == "ل" and rest.startswith("ل") and len(rest) > _MIN_STEM + 1:  # لل = ل + ال
                cands.append("ا" + rest)
    for w in list(cands):
        if len(w) > _MIN_STEM + 2 and w.startswith("ال"):
            cands.append(w[2:])
    for w in cands[1:]:
        if len(w) >= _MIN_STEM and w not in out and w != word:
            out.append(w)
    return out


def seg_stem(seg: Iterable[str]) -> str | None:
    """The stem a clitic segmentation gives (segments that are not clitics, joined), if any."""
    parts = [p.strip("+") for p in seg if p and p not in _CLITICS and p.strip("+") not in _CLITICS]
    stem = "".join(parts)
    return match_form(stem) if len(stem) >= _MIN_STEM else None


def index_text(text: str, segs: Iterable[Iterable[str]] = ()) -> str:
    """Space-separated search keys for a text: each word, then its stems (and any segmenter stems)."""
    keys: list[str] = []
    for w in words(text):
        keys.append(w)
        keys.extend(stems(w))
    for seg in segs:
        st = seg_stem(seg)
        if st:
            keys.append(st)
    return " ".join(keys)


# At most this many distinct words of a query are searched (the first ones); the rest are ignored. Ranking
# costs rows x terms, so a query of 1,000 repeated or distinct words must not cost 1,000 terms.
MAX_QUERY_TERMS = 32


def query_words(query: str) -> list[str]:
    """The distinct search words of a query in their first order, at most :data:`MAX_QUERY_TERMS`."""
    return list(dict.fromkeys(words(query)))[:MAX_QUERY_TERMS]


def fts_query(query: str, *, any_word: bool = False) -> str | None:
    """An FTS5 MATCH expression for a user query (every word required), or None when it has no words."""
    ws = query_words(query)
    if not ws:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in ws]
    return (" OR " if any_word else " AND ").join(quoted)


# Characters whose matching form a better normaliser might change; their forms fingerprint the key function.
_PROBE = ("أإآٱءؤئ ى ي ة ه ـ ً ٌ ٍ َ ُ ِ ّ ْ ٰ ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ﻻ ﷲ ﺑ \u200c\u200d\u200e\u200f\u202b\u2066 "
          "Ａ ﬁ ß İ ك ی ە ڤ گ پ چ وبالفيديو للرئيس فسيقول ولبوتين")


def fingerprint() -> str:
    """A short hash of how this version turns text into search keys; a stored index built with another
    fingerprint may miss matches (``khabar reindex`` rebuilds it)."""
    import hashlib

    return hashlib.sha256(index_text(_PROBE).encode("utf-8")).hexdigest()[:16]
