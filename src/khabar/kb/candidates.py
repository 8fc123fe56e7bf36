"""The most-mentioned names in the news, ranked: ``khabar kb candidates`` (issue 13).

Runs the real stages (text, morph, NER) and the resolver over a deterministic sample of ANT v2.1 articles and
counts the resolved entity clusters: per cluster key (the KB id when linked, else the type and the normalised
canonical Arabic surface, article-less), the number of articles and of mentions, the commonest surface forms and
the KB link. Articles whose id appears in the repository (gold, dev, blind and demo sets) or in ``exclude`` are
skipped, so no evaluation article shapes the KB. The output TSV is the worklist for ``sources/curated.jsonl``:
unlinked names at the top are the ones to curate.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.kb.kb import kb_key, strip_al

ID_RE = re.compile(r"\b(?:AL|BB|CN|FR|SK)-[A-Za-z]+-\d+-\d{8}\b")
SALT = "khabar-kbcand-2026:"


def repo_ids(root: Path) -> set[str]:
    """Every ANT id named in the repository's tracked files (gzipped ones included) — never sampled."""
    seen: set[str] = set()
    try:
        files = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return seen
    for name in files.split():
        path = root / name
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if name.endswith(".gz"):
            try:
                raw = gzip.decompress(raw)
            except OSError:
                continue
        seen.update(ID_RE.findall(raw.decode("utf-8", "replace")))
        seen.update(ID_RE.findall(name))
    return seen


def sample_articles(corpus: Path, n: int, exclude: set[str], categories: Iterable[str] | None = None
                    ) -> list[dict[str, Any]]:
    """``n`` articles ordered by sha1(SALT + id) (a fixed, spread-out sample), ids in ``exclude`` skipped."""
    cats = set(categories) if categories else None
    keyed: list[tuple[str, dict[str, Any]]] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in exclude or (cats and rec.get("category") not in cats) or not rec.get("text"):
                continue
            keyed.append((hashlib.sha1((SALT + rec["id"]).encode()).hexdigest(), rec))
    keyed.sort(key=lambda kr: kr[0])
    return [r for _, r in keyed[:n]]


@dataclass
class Cand:
    key: str
    type: str
    docs: int = 0
    mentions: int = 0
    kb_id: str = ""
    qid: str = ""
    forms: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)


def cluster_key(ent: Any) -> tuple[str, str]:
    """(key, kb id) of one resolved entity: the KB id when linked (the resolver then sets ``canonical`` and the
    id ``ent_<kb id>``), else type + article-less canonical Arabic."""
    if ent.canonical:
        kb_id = ent.id[4:] if ent.id.startswith("ent_") else ent.id
        return f"kb:{ent.canonical}", kb_id
    surf = kb_key(ent.canonical_ar or "")
    return f"{ent.type}:{' '.join(strip_al(w) for w in surf.split())}", ""


def count(docs: Iterable[Any]) -> dict[str, Cand]:
    """Cluster counts over resolved documents."""
    out: dict[str, Cand] = {}
    for doc in docs:
        seen: set[str] = set()
        for ent in doc.entities:
            if not ent.mentions:
                continue
            key, kb_id = cluster_key(ent)
            if key.endswith(":"):
                continue
            c = out.get(key)
            if c is None:
                c = out[key] = Cand(key, ent.type, kb_id=kb_id, qid=ent.wikidata or "")
            c.types[ent.type] += 1
            c.mentions += len(ent.mentions)
            for m in ent.mentions:
                c.forms[doc.text[m.start:m.end]] += 1
            if key not in seen:
                c.docs += 1
                seen.add(key)
    return out


def run(corpus: Path, n: int, exclude: set[str], categories: Iterable[str] | None = None,
        log: Callable[[str], None] = print) -> tuple[dict[str, Cand], int]:
    from khabar.kb.resolve import Resolver
    from khabar.pipeline import Pipeline

    arts = sample_articles(corpus, n, exclude, categories)
    upstream = Pipeline(["tokenize", "sentences", "dateline", "morph", "ner"])
    resolver = Resolver()

    def docs() -> Iterator[Any]:
        for i, a in enumerate(arts, 1):
            doc = upstream(a["text"], meta={"published": str(a.get("published") or "")[:10], "id": a["id"]})
            resolver(doc)
            if i % 250 == 0:
                log(f"{i:,}/{len(arts):,} articles")
            yield doc

    return count(docs()), len(arts)


def write_tsv(cands: dict[str, Cand], path: Path, header: str, top: int = 0) -> int:
    rows = sorted(cands.values(), key=lambda c: (-c.docs, -c.mentions, c.key))
    if top:
        rows = rows[:top]
    lines = ["# " + h for h in header.splitlines()]
    lines.append("# rank\tdocs\tmentions\ttype\tkey\tkb_id\tqid\tforms (commonest first)")
    for i, c in enumerate(rows, 1):
        forms = "|".join(f for f, _ in c.forms.most_common(5))
        typ = c.types.most_common(1)[0][0] if c.types else c.type
        lines.append(f"{i}\t{c.docs}\t{c.mentions}\t{typ}\t{c.key}\t{c.kb_id}\t{c.qid}\t{forms}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)
