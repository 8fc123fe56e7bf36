"""``khabar train topic``, ``khabar eval topic``, ``khabar dedup PATH | --db DB``."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import app, eval_app, train_app
from khabar.eval.metrics import f1_counts


def _score_table(title: str, rows: dict[str, dict[str, float]]) -> Table:
    table = Table(title=title)
    for col in ("set", "articles", "accuracy", "macro-F1"):
        table.add_column(col)
    for name, sc in rows.items():
        table.add_row(name, f"{int(sc['n']):,}", f"{100 * sc['accuracy']:.2f}", f"{100 * sc['macro_f1']:.2f}")
    return table


@train_app.command("topic")
def train_topic(
    out: Annotated[Path | None, typer.Option(help="Model file (default: the packaged topic.json.gz).")] = None,
    df_out: Annotated[Path | None, typer.Option(help="Keyphrase df table (default: data/topics/df.tsv.gz).")] = None,
    dry_run: Annotated[bool, typer.Option(help="Train and score, write nothing.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache the tokenised corpora here.")] = None,
) -> None:
    """Train the topic classifier on ANT v2.1 (80/10/10 by body hash; L2 tuned on dev; test scored once)."""
    from khabar.models.topic.train import ANT2, DF_PATH, MODEL_PATH
    from khabar.models.topic.train import train as run_train

    if not ANT2.exists():
        typer.echo(f"khabar: error: {ANT2}: no such file", err=True)
        raise typer.Exit(2)
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    rep = run_train(None if dry_run else (out or MODEL_PATH), None if dry_run else (df_out or DF_PATH),
                    cache_dir, log=lambda *a: typer.echo(" ".join(str(x) for x in a), err=True))
    con = Console()
    rows = {f"dev λ={lam:g}": sc for lam, sc in rep["dev"].items()}
    rows["test (ANT v2.1)"] = rep["test"]
    rows.update({f"test: {s}": sc for s, sc in rep["test_by_source"].items()})
    if "jawharafm" in rep:
        rows["Jawhara FM (5 mapped cats)"] = rep["jawharafm"]
    con.print(_score_table(f"topic classifier: {rep['features']:,} features, λ={rep['lambda']:g}", rows))
    con.print(f"trained in {time.perf_counter() - t0:.0f} s")


@eval_app.command("topic")
def eval_topic(
    split: Annotated[str, typer.Option(help="dev, test (ANT v2.1 by body hash) or jawharafm (out of domain).")] = "dev",
    limit: Annotated[int, typer.Option(help="Score at most this many articles (0 = all).")] = 0,
) -> None:
    """Score the packaged topic model through the real text layer (tokenize → classify)."""
    from khabar.models.topic.model import get_model
    from khabar.models.topic.train import ANT1, ANT2, article_text, read_corpus, scores, split_of
    from khabar.text.stage import tokenize_text

    model = get_model()
    if model is None:
        typer.echo("khabar: error: no topic model shipped; run `khabar train topic`", err=True)
        raise typer.Exit(2)
    if split not in ("dev", "test", "jawharafm"):
        typer.echo(f"khabar: error: unknown split {split!r}", err=True)
        raise typer.Exit(2)
    path = ANT1 if split == "jawharafm" else ANT2
    labels = model.labels
    gold: list[int] = []
    pred: list[int] = []
    t0 = time.perf_counter()
    for rec in read_corpus(path):
        if split != "jawharafm" and split_of(rec.get("text") or "") != split:
            continue
        if rec["category"] not in labels:
            continue
        res = model.predict_tokens(tokenize_text(article_text(rec)))
        gold.append(labels.index(rec["category"]))
        pred.append(labels.index(res[0]) if res else -1)
        if limit and len(gold) >= limit:
            break
    secs = time.perf_counter() - t0
    sc = scores(gold, pred, len(labels))
    con = Console()
    con.print(_score_table(f"topic: {split}", {split: sc}))
    per = Table(title="per category")
    for col in ("category", "gold", "predicted", "F1"):
        per.add_column(col)
    for c, lab in enumerate(labels):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        ng, np_ = gold.count(c), pred.count(c)
        f1 = f1_counts(tp, ng, np_)
        per.add_row(lab, str(ng), str(np_), f"{100 * f1:.1f}")
    con.print(per)
    con.print(f"{len(gold) / max(secs, 1e-9):,.0f} articles/s (tokenize + classify, one core)")


def _progress_bar(what: str) -> Any:
    from khabar.cli.store import _progress

    return _progress(Console(stderr=True), what)


@app.command("dedup")
def dedup(
    path: Annotated[Path | None, typer.Argument(help="Article file, JSONL(.gz) or directory.")] = None,
    db: Annotated[str | None, typer.Option(help="Cluster the documents of this store (path or URL).")] = None,
    threshold: Annotated[float, typer.Option(help="Jaccard threshold (MinHash LSH).")] = 0.7,
    min_chars: Annotated[int, typer.Option(help="Leave out texts shorter than this (normalised chars).")] = 100,
    limit: Annotated[int, typer.Option(help="Read at most this many articles (0 = all).")] = 0,
    sample: Annotated[int, typer.Option(help="Random sample of this many articles (0 = all), seeded.")] = 0,
    seed: Annotated[int, typer.Option(help="Seed of --sample.")] = 0,
    show: Annotated[int, typer.Option(help="Clusters to print (0 = all).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print clusters as JSON lines instead of a table.")] = False,
) -> None:
    """Print clusters of near-duplicate stories (e.g. one wire story carried by several outlets)."""
    from khabar.extract.dedup import find_duplicates

    if (path is None) == (db is None):
        typer.echo("khabar: error: give a PATH or --db (one of them)", err=True)
        raise typer.Exit(2)
    items: list[tuple[str, str, dict]] = []
    if path is not None:
        from khabar.ingest.readers import Record, read_path

        if not path.exists():
            typer.echo(f"khabar: error: {path}: no such file or directory", err=True)
            raise typer.Exit(2)
        for i, rec in enumerate(read_path(path)):
            if isinstance(rec, Record):
                items.append((rec.id or rec.origin or f"#{i}", rec.text, rec.meta))
            else:
                typer.echo(f"khabar: skipped {rec}", err=True)
            if limit and len(items) >= limit and not sample:
                break
    else:
        from khabar.cli.store import _progress
        from khabar.store import open_store

        store = open_store(db)
        try:
            with _progress(Console(stderr=True), "read") as bar:
                tick = bar(len(store))
                # The text and metadata columns only: parsing every document's JSON is the slow part.
                for doc_id, _day, source, title, body, _ents in store.story_inputs():
                    items.append((doc_id, body, {"source": source, "title": title}))
                    tick(len(items))
                    if limit and len(items) >= limit and not sample:
                        break
        finally:
            store.close()
    if sample and sample < len(items):
        items = random.Random(seed).sample(items, sample)
    t0 = time.perf_counter()
    with _progress_bar("dedup") as bar:
        res = find_duplicates([(i, t) for i, t, _ in items], threshold=threshold, min_chars=min_chars,
                              on_progress=bar(len(items)))
    secs = time.perf_counter() - t0
    meta = {i: m for i, _, m in items}
    text = {i: t for i, t, _ in items}
    shown = res.clusters if not show else res.clusters[:show]
    if as_json:
        for c in shown:
            typer.echo(json.dumps({"size": len(c), "ids": c,
                                   "sources": [meta.get(i, {}).get("source") for i in c]}, ensure_ascii=False))
        return
    con = Console()
    table = Table(title=f"near-duplicate clusters (Jaccard ≥ {threshold:g})")
    for col in ("#", "size", "sources", "ids", "first article"):
        table.add_column(col, overflow="fold")
    for n, c in enumerate(shown, 1):
        srcs = sorted({str(meta.get(i, {}).get("source") or "?") for i in c})
        first = meta.get(c[0], {}).get("title") or text.get(c[0], "")[:80]
        table.add_row(str(n), str(len(c)), ", ".join(srcs), " ".join(c[:6]) + (" …" if len(c) > 6 else ""),
                      " ".join(str(first).split())[:80])
    con.print(table)
    in_clusters = sum(len(c) for c in res.clusters)
    cross = sum(1 for c in res.clusters if len({meta.get(i, {}).get("source") for i in c}) > 1)
    con.print(f"{res.n_docs:,} articles ({res.n_empty} too short to judge): {len(res.clusters):,} clusters "
              f"({cross:,} across outlets) holding {in_clusters:,} articles; {secs:.1f} s")
