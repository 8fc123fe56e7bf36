"""Token keys shared by the topic classifier, keyphrases and document frequencies.

A key is the token's matching form (``Token.norm``, already khabar-normalised) with the article and the
common conjunction/preposition + article prefixes stripped and ة folded to ه, so that الحكومة, والحكومة and
بالحكومه count as one word. It only reads ``norm`` and ``kind``, which the text layer fills, so training and
inference see the same keys whatever later stages do to ``seg`` or ``lemma``.
"""

from __future__ import annotations

from collections.abc import Iterable

from khabar.document import Token

# Longest first: وال before ال. لل (لـ + ال) only on longer words, where it is almost always a prefix.
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ال")
_CONTENT_KINDS = frozenset({"ARABIC", "LATIN"})
_KEY_CACHE: dict[str, str] = {}


def word_key(norm: str) -> str:
    """Key of one normalised word (see the module docstring)."""
    hit = _KEY_CACHE.get(norm)
    if hit is not None:
        return hit
    key = norm.lower()
    for p in _PREFIXES:
        if key.startswith(p) and len(key) - len(p) >= 2:
            key = key[len(p):]
            break
    else:
        if key.startswith("لل") and len(key) >= 5:
            key = key[2:]
    key = key.replace("ة", "ه")
    if len(_KEY_CACHE) > 200_000:  # unbounded input must not grow the cache without bound
        _KEY_CACHE.clear()
    _KEY_CACHE[norm] = key
    return key


_TOKEN_CACHE: dict[str, str | None] = {}


def token_keys(tokens: Iterable[Token]) -> list[str | None]:
    """One key per token; ``None`` for tokens that are not words (punctuation, numbers, symbols, URLs)."""
    out: list[str | None] = []
    append = out.append
    cache = _TOKEN_CACHE
    for t in tokens:
        kind = t.kind
        if kind in _CONTENT_KINDS or (kind is None and t.norm.isalpha()):
            norm = t.norm
            if norm in cache:
                append(cache[norm])
                continue
            k = word_key(norm)
            key = k if 2 <= len(k) <= 40 else None
            if len(cache) > 200_000:  # unbounded input must not grow the cache without bound
                cache.clear()
            cache[norm] = key
            append(key)
        else:
            append(None)
    return out


def doc_features(keys: list[str | None], stopwords: frozenset[str] = frozenset()) -> dict[str, int]:
    """Unigram and bigram counts over word keys; a non-word token breaks a bigram, stopwords are skipped."""
    counts: dict[str, int] = {}
    prev: str | None = None
    for k in keys:
        if k is None:
            prev = None
            continue
        if k in stopwords:
            continue
        counts[k] = counts.get(k, 0) + 1
        if prev is not None:
            bg = prev + " " + k
            counts[bg] = counts.get(bg, 0) + 1
        prev = k
    return counts
