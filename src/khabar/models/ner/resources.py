"""Build the NER feature resources (training time only; the runtime reads the files they write).

* word clusters from the unlabelled Apache-2.0 news (ANT v2.1 + ANT v1.1): left/right neighbour co-occurrence,
  PPMI, truncated SVD, then hierarchical k-means so that a cluster id has Brown-like prefixes (``3.11.5``);
* a gazetteer of normalised names with a class (PER, LOC, ORG, MISC, NAT, ACT) from the khabar knowledge base
  (Apache-2.0), the countries list (ODbL) and the UniversalPetrarch actor dictionary (MIT) — no ANERGazet.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from khabar.resources import package_file
from khabar.text.normalize import normalize

_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[0-9]+|[A-Za-z]+")
DATA_DIR = package_file("models", "ner", "data")
NEWS_FILES = ("ant-v2.1-multisource.jsonl.gz", "ant-v1.1-jawharafm.jsonl.gz")  # Apache-2.0 only, no NC text


def news_parts(news_dir: Path, limit_docs: int | None = None) -> Iterator[str]:
    """Title, then text, of every article of the permissive news files (the first ``limit_docs`` of each file)."""
    for name in NEWS_FILES:
        path = news_dir / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if limit_docs is not None and i >= limit_docs:
                    break
                rec = json.loads(line)
                yield rec.get("title") or ""
                yield rec.get("text") or ""


def corpus_words(news_dir: Path, limit_docs: int | None = None) -> Iterator[list[str]]:
    """Normalised words per line of every article (title + text)."""
    for part in news_parts(news_dir, limit_docs):
        for para in normalize(part).split("\n"):
            words = _WORD.findall(para)
            if words:
                yield words


def _kmeans(x: np.ndarray, k: int, iters: int = 15, seed: int = 0) -> np.ndarray:
    """Spherical k-means on L2-normalised rows (numpy only); returns labels."""
    n = x.shape[0]
    if n <= k:
        return np.arange(n)
    rng = np.random.default_rng(seed)
    cent = x[rng.choice(n, k, replace=False)].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        labels = np.argmax(x @ cent.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c = members.sum(0)
                cent[j] = c / (np.linalg.norm(c) + 1e-9)
            else:
                cent[j] = x[rng.integers(n)]
    return labels


def build_clusters(
    news_dir: Path, out: Path, *, vocab_size: int = 60000, ctx_size: int = 10000, dim: int = 100,
    branching: tuple[int, ...] = (32, 16, 8), min_count: int = 5, seed: int = 0, log=print,
) -> int:
    """Write ``word<TAB>cluster-path`` lines (gzip); returns the number of words clustered."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    t0 = time.time()
    counts: Counter[str] = Counter()
    lines: list[list[str]] = []
    for words in corpus_words(news_dir):
        counts.update(words)
        lines.append(words)
    log(f"corpus: {sum(counts.values()):,} words, {len(counts):,} types ({time.time() - t0:.0f}s)")
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.fromiter(
        (index.get(w, -1) for words in lines for w in ([*words, "\n"])), dtype=np.int64
    )  # "\n" (-1) separates lines so neighbours never cross a paragraph
    del lines
    n, c = len(vocab), min(ctx_size, len(vocab))
    rows, cols = [], []
    for off, base in ((-1, 0), (1, c), (-2, 2 * c), (2, 3 * c)):
        a = ids[max(0, -off): len(ids) - max(0, off)]
        b = ids[max(0, off): len(ids) - max(0, -off)]
        keep = (a >= 0) & (b >= 0) & (b < c)
        rows.append(a[keep])
        cols.append(b[keep] + base)
    r = np.concatenate(rows)
    col = np.concatenate(cols)
    m = coo_matrix((np.ones(len(r), dtype=np.float32), (r, col)), shape=(n, 4 * c)).tocsr()
    m.sum_duplicates()
    # PPMI with context-distribution smoothing (alpha 0.75)
    total = m.sum()
    row_sum = np.asarray(m.sum(1)).ravel()
    col_sum = np.asarray(m.sum(0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col] + 1e-9))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep].astype(np.float32), (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    log(f"ppmi {ppmi.shape} nnz={ppmi.nnz:,} ({time.time() - t0:.0f}s)")
    u, s, _ = svds(ppmi, k=dim, random_state=seed)  # seeded start vector: the same clusters every build
    emb = u * np.sqrt(s)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    log(f"svd done ({time.time() - t0:.0f}s)")
    paths = [""] * n

    def split(idx: np.ndarray, level: int, prefix: str) -> None:
        if level >= len(branching) or len(idx) < 2:
            for i in idx:
                paths[i] = prefix or "0"
            return
        labels = _kmeans(emb[idx], branching[level], seed=seed + level)
        for j in range(branching[level]):
            sub = idx[labels == j]
            if len(sub):
                split(sub, level + 1, f"{prefix}.{j}" if prefix else str(j))

    split(np.arange(n), 0, "")
    log(f"k-means done ({time.time() - t0:.0f}s)")
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for w, p in zip(vocab, paths, strict=True):
            fh.write(f"{w}\t{p}\n")
    return n


KB_DIR = package_file("kb")  # khabar.kb (Apache-2.0): curated entities, countries


def _name(s: str) -> str:
    return " ".join(_WORD.findall(normalize(s)))


def build_gazetteer(shared: Path, out: Path, kb_dir: Path = KB_DIR) -> int:
    """Write ``normalised name<TAB>CLASS`` lines (gzip); returns the number of entries.

    Only permissively licensed sources: the khabar knowledge base (curated entities and countries with their
    aliases and capitals; nationality adjectives as class NAT — Apache-2.0), the countries list (ODbL 1.0) and
    the UniversalPetrarch actor dictionary (MIT, class ACT). ANERGazet (research use only) is deliberately not
    read, so nothing shipped — gazetteer or model weights — derives from it."""
    entries: set[tuple[str, str]] = set()
    stop_path = kb_dir / "sources/gaz_stop.txt"  # ambiguous one-word aliases (ابي, عون …) stay out
    stop = {_name(x) for x in stop_path.read_text(encoding="utf-8").splitlines()
            if x.strip() and not x.startswith("#")} if stop_path.exists() else set()
    kb_path = kb_dir / "data/kb.json.gz"
    if kb_path.exists():
        with gzip.open(kb_path, "rt", encoding="utf-8") as fh:
            kb = json.load(fh)
        for e in kb.get("entities") or []:
            cls = e.get("type")
            if cls not in ("PER", "ORG", "LOC", "MISC"):
                continue
            for alias in [e.get("ar") or "", *(e.get("aliases") or [])]:
                name = _name(alias)
                if name and len(name) > 1 and name not in stop:
                    entries.add((name, cls))
        for adj in kb.get("adjectives") or {}:
            name = _name(adj)
            if len(name) > 2 and " " not in name:
                entries.add((name, "NAT"))
                if name.endswith("يه"):  # the KB keys are normalised with ة → ه
                    entries.add((name[:-1] + "ة", "NAT"))
    tsv = kb_dir / "sources/countries_ar.tsv"
    if tsv.exists():
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split("\t")
            for col in (2, 4):  # extra country names, capitals
                if col < len(cols):
                    for alias in cols[col].split("|"):
                        name = _name(alias)
                        if name and alias != "-":
                            entries.add((name, "LOC"))
    gaz = shared / "data/gazetteers"
    cpath = gaz / "countries/countries.json"
    if cpath.exists():
        for c in json.loads(cpath.read_text(encoding="utf-8")):
            ara = (c.get("translations") or {}).get("ara") or {}
            for key in ("common", "official"):
                name = _name(ara.get(key) or "")
                if name:
                    entries.add((name, "LOC"))
    apath = shared / "data/events/universalpetrarch-arabic/actor_dict_ar_v4.txt"
    if apath.exists():
        for line in apath.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip() or line.startswith(("#", "\t", " \t")) or line.lstrip().startswith("["):
                continue
            head = line.split("[")[0].strip()
            if not head or head.startswith("+"):
                continue
            # entries are lemma-ish phrases joined by "_"; keep those that read as surface names
            name = _name(head.replace("_", " "))
            if name and len(name) > 2:
                entries.add((name, "ACT"))
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for name, cls in sorted(entries):
            fh.write(f"{name}\t{cls}\n")
    return len(entries)


if __name__ == "__main__":  # python -m khabar.models.ner.resources /work/shared
    import sys

    shared_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
    print("gazetteer entries:", build_gazetteer(shared_dir, DATA_DIR / "gazetteer.tsv.gz"))
    print("clustered words:", build_clusters(shared_dir / "data/news", DATA_DIR / "clusters.tsv.gz"))
