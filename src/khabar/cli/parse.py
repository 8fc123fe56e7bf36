"""``khabar train parse``, ``khabar eval parse CONLLU``, ``khabar bench parse``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import bench_app, eval_app, train_app


@train_app.command("parse")
def train_parse(
    train: Annotated[Path | None, typer.Option(help="Labelled CoNLL-U (default: shared PADT v1 dev).")] = None,
    pud: Annotated[bool, typer.Option(help="Also train on the first 500 PUD sentences (mapped to PADT v1).")] = False,
    out: Annotated[Path | None, typer.Option(help="Model file to write (default: the packaged parse.npz).")] = None,
    holdout: Annotated[bool, typer.Option(help="Hold out every 5th document and score it each epoch (tuning).")] = False,
    epochs: Annotated[int, typer.Option(help="Perceptron epochs of the arc scorer.")] = 6,
    k: Annotated[int, typer.Option(help="Candidate heads per word kept by the pruner (with --window 0).")] = 8,
    window: Annotated[int, typer.Option(help="Candidate heads: words within this distance, verbs, ROOT (0: a "
                                              "trained pruner instead).")] = 8,
    decoder: Annotated[str, typer.Option(help="greedy (best-first, no cycles) or mst (Chu-Liu-Edmonds).")] = "greedy",
    seeds: Annotated[int, typer.Option(help="Train once per shuffling seed and average the weights (1: one run).")]
    = 10,
    jackknife: Annotated[bool, typer.Option(help="Also train on a copy of the trees with jackknifed morph-stage "
                                                 "tags (5 folds; slower; did not help on the held-out cut).")] = False,
) -> None:
    """Train the dependency parser (pruner, arc scorer, relation classifier) on gold words and write the model."""
    from khabar.models.parse.model import MODEL_PATH
    from khabar.models.parse.train import (
        DEFAULT_PUD,
        DEFAULT_TRAIN,
        PUD_TRAIN_SENTENCES,
        load_trees,
        split_holdout,
        train_averaged,
    )
    from khabar.models.parse.train import train as run_train

    train = train or DEFAULT_TRAIN
    if not train.exists():
        typer.echo(f"khabar: error: {train}: no such file", err=True)
        raise typer.Exit(2)
    sents = load_trees(train)
    if jackknife:
        from khabar.models.parse.train import jackknife_tags

        predicted, _share = jackknife_tags(train, sents)
        gold_ids = {id(s) for s in sents}
        sents = sents + predicted
    dev = None
    if holdout:
        sents, dev = split_holdout(sents)
        if jackknife:  # score the held-out cut with gold tags only
            dev = [s for s in dev if id(s) in gold_ids]
    if pud:
        sents += load_trees(DEFAULT_PUD)[:PUD_TRAIN_SENTENCES]
    target = out or (None if holdout else MODEL_PATH)
    t0 = time.perf_counter()
    if seeds > 1:
        model = train_averaged(sents, seeds=seeds, dev=dev, epochs=epochs, k=k, window=window, decoder=decoder)
    else:
        model = run_train(sents, epochs=epochs, k=k, dev=dev, window=window, decoder=decoder)
    model.meta.update({"trained_on": train.name + (" + PUD[:500]" if pud else ""), "sentences": len(sents),
                       "epochs": epochs, "seeds": seeds})
    if target is not None:
        model.save(target)
        typer.echo(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t0:.1f} s")


@eval_app.command("parse")
def eval_parse(
    conllu: Annotated[Path, typer.Argument(help="Gold CoNLL-U (PADT v1, or UD v2 such as PUD: mapped to v1).")],
    model: Annotated[Path | None, typer.Option(help="Model file (default: the packaged one).")] = None,
    skip: Annotated[int, typer.Option(help="Skip the first N sentences (PUD: --skip 500 scores the test-only half).")] = 0,
    pos: Annotated[str, typer.Option(help="gold: gold UPOS and lemmas; predicted: from the morph stage run on the "
                                          "rebuilt text (PADT v1 files).")] = "gold",
) -> None:
    """UAS and LAS with gold words as input, with and without punctuation."""
    from khabar.models.parse.model import load_model
    from khabar.models.parse.train import evaluate, load_trees, with_predicted_tags

    if not conllu.exists():
        typer.echo(f"khabar: error: {conllu}: no such file", err=True)
        raise typer.Exit(2)
    m = load_model(str(model) if model else None)
    sents = load_trees(conllu)
    note = "gold UPOS and lemmas"
    if pos == "predicted":
        sents, share = with_predicted_tags(conllu, sents)
        note = f"predicted UPOS and lemmas ({100 * share:.1f} % of words; gold where segmentation differs)"
    sents = sents[skip:]
    sc = evaluate(m, sents)
    table = Table(title=f"parse {conllu.name}" + (f" (sentences {skip + 1}…)" if skip else "")
                  + f": gold words, {note}")
    for col in ("metric", "all words", "without punctuation"):
        table.add_column(col)
    table.add_row("UAS", f"{sc.pct(sc.uas, sc.words):.2f}", f"{sc.pct(sc.uas_np, sc.words_np):.2f}")
    table.add_row("LAS", f"{sc.pct(sc.las, sc.words):.2f}", f"{sc.pct(sc.las_np, sc.words_np):.2f}")
    table.add_row("words", f"{sc.words:,}", f"{sc.words_np:,}")
    table.add_row("sentences", f"{len(sents):,}", "")
    table.add_row("words/s (CPU time)", f"{sc.words / sc.seconds:,.0f}" if sc.seconds else "-", "")
    Console().print(table)
    typer.echo("Relations are UD v1 (PADT v1); UD v2 gold is mapped to v1 (obj→dobj, obl→nmod, …) before scoring. "
               "Punctuation = gold UPOS PUNCT.")


@bench_app.command("parse")
def bench_parse(
    corpus: Annotated[Path | None, typer.Option(help="News JSONL(.gz) (default: shared ANT v2.1).")] = None,
    docs: Annotated[int, typer.Option(help="Number of articles.")] = 100,
    repeat: Annotated[int, typer.Option(help="Timed passes (the best is reported).")] = 3,
) -> None:
    """Words/s of the parse stage alone on one core (CPU time), on articles already through text + morph."""
    import gzip
    import json

    from khabar.models.morph.train import DEFAULT_NEWS
    from khabar.models.parse import model as parse_model
    from khabar.models.parse_stage import parse_stage
    from khabar.pipeline import Pipeline

    path = corpus or DEFAULT_NEWS[0]
    if not path.exists():
        typer.echo(f"khabar: error: {path}: no such file", err=True)
        raise typer.Exit(2)
    texts: list[str] = []
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append(f"{rec.get('title') or ''}\n{rec.get('text') or ''}")
            if len(texts) >= docs:
                break
    upstream = Pipeline(["tokenize", "sentences", "dateline", "morph"])
    analysed = [upstream(t) for t in texts]
    parse_model.load_model.cache_clear()
    t0 = time.process_time()
    parse_model.load_model()
    load_s = time.process_time() - t0
    tokens = sum(len(d.tokens) for d in analysed)
    words = sum(len(t.words) for d in analysed for t in d.tokens)
    best = float("inf")
    for _ in range(max(1, repeat)):
        t1 = time.process_time()
        for d in analysed:
            parse_stage(d)
        best = min(best, time.process_time() - t1)
    table = Table(title=f"parse stage on {len(analysed)} articles ({path.name}), one core, CPU time (best pass)")
    for col in ("metric", "value"):
        table.add_column(col)
    table.add_row("tokens / syntactic words", f"{tokens:,} / {words:,}")
    table.add_row("tokens/s", f"{tokens / best:,.0f}")
    table.add_row("words/s", f"{words / best:,.0f}")
    table.add_row("µs per word", f"{1e6 * best / max(words, 1):.1f}")
    table.add_row("model load (CPU)", f"{load_s:.2f} s")
    table.add_row("model size", f"{parse_model.MODEL_PATH.stat().st_size / 1e6:.2f} MB")
    Console().print(table)
