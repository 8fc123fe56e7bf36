"""Story clusters: articles about the same story, across outlets, within a time window.

Near-duplicates (``khabar.extract.dedup``) catch copies of one text; a *story* is told in different words by
different outlets. Each article becomes a TF-IDF vector over its content words (title words count twice,
words in more than ``MAX_DF`` of the articles are dropped as function words) and its linked entities (weighted
like words, by rarity). Articles are taken in publication order; an article joins the story whose
centroid is most similar to it (cosine ≥ ``threshold``) among the stories with a member published at most
``window_days`` before it, provided it shares at least ``min_shared`` specific entities with that story
(countries and other entities in more than ``MAX_ENTITY_DF`` of the articles do not count); otherwise it
starts a story. Comparing with the centroid rather than the closest member keeps one story from chaining
into the next. A story's span is capped at ``max_span_days``.

Pure functions over plain records (an inverted index over the recent articles finds the candidates, so
the cost grows with the articles of a window, not with the corpus); ``khabar stories`` computes the stories
of a store and keeps them there.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from khabar.text.normalize import normalize

DEFAULT_THRESHOLD = 0.30  # chosen by reading the clusters of a dev slice (first 1,040 articles of April 2018)
DEFAULT_WINDOW_DAYS = 2
DEFAULT_MAX_SPAN_DAYS = 4
DEFAULT_MIN_SHARED = 1
MAX_DF = 0.05  # words in more articles than this share are function words here
MAX_ENTITY_DF = 0.03  # entities in more articles than this (countries, capitals) do not tie a story
DF_FLOOR = 20  # ... but in a small collection no word or entity is that common
MIN_WORD = 3
LEAD_CHARS = 1500  # the story is in the lead: later paragraphs drift to background


_WORD = re.compile(r"[^\W_]+")


def words(s: str) -> list[str]:
    """Words in the matching form of the search index (normalised, ة folded, lower-case)."""
    return _WORD.findall(normalize(s, ta_marbuta=True).lower())


@dataclass(slots=True)
class StoryInput:
    """One article as the clustering sees it."""

    id: str
    day: str | None  # YYYY-MM-DD
    source: str | None
    title: str
    text: str
    entities: list[str] = field(default_factory=list)  # corpus entity keys (QID or normalised name)


@dataclass(slots=True)
class Story:
    members: list[str]  # article ids, in publication order
    scores: list[float]  # each member's similarity to the story when it joined (1.0 for the first)
    first: str | None
    last: str | None
    sources: list[str]
    entities: list[str]  # the story's most shared entity keys

    @property
    def outlets(self) -> int:
        return len(set(self.sources))


def _ordinal(day: str | None) -> int | None:
    try:
        return date.fromisoformat(day[:10]).toordinal() if day else None
    except ValueError:
        return None


def cluster_stories(
    items: Iterable[StoryInput], *, threshold: float = DEFAULT_THRESHOLD, window_days: int = DEFAULT_WINDOW_DAYS,
    max_span_days: int = DEFAULT_MAX_SPAN_DAYS, min_shared: int = DEFAULT_MIN_SHARED,
    on_progress: Callable[[int], None] | None = None,
) -> list[Story]:
    """Stories of two or more articles, biggest first. Articles without a date are not clustered."""
    docs = [it for it in items if _ordinal(it.day) is not None]
    docs.sort(key=lambda it: (it.day or "", it.id))
    n = len(docs)
    if n < 2:
        return []
    toks: list[Counter[str]] = []
    ents: list[set[str]] = []
    df: Counter[str] = Counter()
    edf: Counter[str] = Counter()
    for it in docs:
        c: Counter[str] = Counter(w for w in words(it.text[:LEAD_CHARS]) if len(w) >= MIN_WORD and not w.isdigit())
        for w in words(it.title):
            if len(w) >= MIN_WORD and not w.isdigit():
                c[w] += 2
        toks.append(c)
        df.update(c.keys())
        es = {e for e in it.entities if e}
        ents.append(es)
        edf.update(es)
    max_df = max(DF_FLOOR, int(MAX_DF * n))
    max_edf = max(DF_FLOOR, int(MAX_ENTITY_DF * n))
    vecs: list[dict[str, float]] = []
    specific: list[set[str]] = []
    for c, es in zip(toks, ents, strict=True):
        v = {w: (1 + math.log(tf)) * math.log(n / df[w]) for w, tf in c.items() if 1 < df[w] <= max_df}
        for e in es:
            if edf[e] > 1:
                v["\x00" + e] = 2.0 * math.log(n / edf[e])  # an entity weighs like two rare words
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({k: x / norm for k, x in v.items()})
        specific.append({e for e in es if 1 < edf[e] <= max_edf})

    days = [_ordinal(it.day) or 0 for it in docs]
    story_of: list[int] = []
    centroids: list[dict[str, float]] = []
    norms2: list[float] = []  # squared norm of each centroid, kept up to date
    members: list[list[int]] = []
    scores: list[list[float]] = []
    story_ents: list[Counter[str]] = []
    story_first: list[int] = []
    postings: dict[str, list[int]] = defaultdict(list)  # term -> articles, in publication order
    for i in range(n):
        d = days[i]
        # Candidate stories: those of recent articles sharing a term with this one.
        cand: set[int] = set()
        for term in vecs[i]:
            for j in reversed(postings.get(term, ())):
                if days[j] < d - window_days:
                    break
                cand.add(story_of[j])
        best, best_sim, best_dot = -1, 0.0, 0.0
        for s in cand:
            if d - story_first[s] > max_span_days or len(specific[i] & story_ents[s].keys()) < min_shared:
                continue
            cen = centroids[s]
            dot = sum(x * cen.get(k, 0.0) for k, x in vecs[i].items())
            sim = dot / (math.sqrt(norms2[s]) or 1.0)
            if sim > best_sim:
                best, best_sim, best_dot = s, sim, dot
        if best >= 0 and best_sim >= threshold:
            s = best
            members[s].append(i)
            scores[s].append(best_sim)
        else:
            s, best_dot = len(members), 0.0
            members.append([i])
            scores.append([1.0])
            centroids.append({})
            norms2.append(0.0)
            story_ents.append(Counter())
            story_first.append(d)
        story_of.append(s)
        cen = centroids[s]
        for k, x in vecs[i].items():
            cen[k] = cen.get(k, 0.0) + x
            postings[k].append(i)
        norms2[s] += 2 * best_dot + sum(x * x for x in vecs[i].values())
        story_ents[s].update(specific[i])
        if on_progress:
            on_progress(i + 1)
    out = []
    for s, mem in enumerate(members):
        if len(mem) < 2:
            continue
        out.append(Story(
            members=[docs[i].id for i in mem], scores=[round(x, 4) for x in scores[s]],
            first=docs[mem[0]].day, last=max(docs[i].day or "" for i in mem) or None,
            sources=[docs[i].source or "" for i in mem],
            entities=[e for e, _ in story_ents[s].most_common(5)],
        ))
    out.sort(key=lambda st: (-len(set(st.sources)), -len(st.members), st.first or "", st.members[0]))
    return out
