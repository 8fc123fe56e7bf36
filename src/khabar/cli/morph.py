"""``khabar train morph``, ``khabar eval morph CONLLU``, ``khabar bench morph``."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import bench_app, eval_app, train_app
from khabar.resources import data_file


@train_app.command("morph")
def train_morph(
    train: Annotated[Path | None, typer.Option(help="Labelled CoNLL-U (default: shared PADT v1 dev).")] = None,
    news: Annotated[list[Path] | None, typer.Option(help="Unlabelled news JSONL(.gz) for word counts (repeatable).")] = None,
    out: Annotated[Path | None, typer.Option(help="Model file to write (default: the packaged morph.json.gz).")] = None,
    freq_cache: Annotated[Path | None, typer.Option(help="Cache of the news word counts (gz JSON).")] = None,
    holdout: Annotated[bool, typer.Option(help="Hold out every 5th article and score it (tuning run).")] = False,
    epochs: Annotated[int, typer.Option(help="Perceptron epochs.")] = 12,
) -> None:
    """Train the clitic segmenter, UPOS tagger and lemmatiser and write the model file."""
    from khabar.eval.morph import evaluate_sentences
    from khabar.models.morph.model import MODEL_PATH
    from khabar.models.morph.train import DEFAULT_NEWS, DEFAULT_PARAMS, DEFAULT_TRAIN
    from khabar.models.morph.train import train as run_train

    train = train or DEFAULT_TRAIN
    news_paths = list(news) if news else [p for p in DEFAULT_NEWS if p.exists()]
    if not train.exists():
        typer.echo(f"khabar: error: {train}: no such file", err=True)
        raise typer.Exit(2)
    # a tuning run (--holdout) never overwrites the packaged model unless --out says so
    target = out or (None if holdout else MODEL_PATH)
    t0 = time.perf_counter()
    model, held = run_train(train, news_paths, target, holdout=holdout, freq_cache=freq_cache,
                            params=dict(DEFAULT_PARAMS), epochs=epochs)
    if target is not None:
        typer.echo(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t0:.1f} s")
    if held:
        _print_scores("held-out slice of " + train.name, evaluate_sentences(held, model))


def _print_scores(title: str, res) -> None:  # type: ignore[no-untyped-def]
    sc = res.scores
    table = Table(title=title)
    for col in ("metric", "value"):
        table.add_column(col)
    table.add_row("Words F1", f"{100 * sc.words_f1:.2f}")
    table.add_row("UPOS F1", f"{100 * sc.upos_f1:.2f}")
    table.add_row("Lemmas F1", f"{100 * sc.lemmas_f1:.2f}")
    table.add_row("Tokens F1", f"{100 * sc.tokens_f1:.2f}")
    table.add_row("gold / predicted words", f"{sc.gold_words} / {sc.pred_words}")
    table.add_row("words/s (morph stage)", f"{res.morph_wps:,.0f}")
    table.add_row("words/s (text layer + morph)", f"{res.layer_wps:,.0f}")
    Console().print(table)


@eval_app.command("morph")
def eval_morph(
    conllu: Annotated[Path, typer.Argument(help="Gold CoNLL-U (PADT v1 without surface text, or UD v2 with # text).")],
    model: Annotated[Path | None, typer.Option(help="Model file (default: the packaged one).")] = None,
    tagset: Annotated[str, typer.Option(help="'native', or 'padt1' to map gold PROPN→X, SCONJ→CCONJ, AUX→VERB.")] = "native",
    skip: Annotated[int, typer.Option(help="Skip the first N sentences (PUD: --skip 500 scores the test-only half).")] = 0,
) -> None:
    """Rebuild the surface text, run text layer + morph on it, score Words/UPOS/Lemmas F1 (CoNLL 2018 style)."""
    from khabar.eval.morph import PADT1_TAGSET, evaluate
    from khabar.models.morph.model import load_model

    if not conllu.exists():
        typer.echo(f"khabar: error: {conllu}: no such file", err=True)
        raise typer.Exit(2)
    m = load_model(str(model) if model else None)
    if skip:
        from khabar.eval.morph import evaluate_sentences
        from khabar.models.morph.conllu import load_sentences

        res = evaluate_sentences(load_sentences(conllu)[skip:], m, PADT1_TAGSET if tagset == "padt1" else None)
    else:
        res = evaluate(conllu, m, PADT1_TAGSET if tagset == "padt1" else None)
    _print_scores(f"morph on {conllu.name}" + (f" (sentences {skip + 1}…)" if skip else "")
                  + (" (gold mapped to PADT v1 tags)" if tagset == "padt1" else ""), res)


@bench_app.command("morph")
def bench_morph(
    corpus: Annotated[Path | None, typer.Option(help="News JSONL(.gz) (default: shared ANT v2.1).")] = None,
    docs: Annotated[int, typer.Option(help="Number of articles.")] = 2000,
    repeat: Annotated[int, typer.Option(help="Timed passes over the articles (the best is reported).")] = 2,
) -> None:
    """Words/s of the morph stage on one core (segment + tag + lemmatise), model load time and size.

    Times are CPU seconds of this process (time.process_time), so a busy shared machine does not skew them.
    """
    from khabar.models.morph import model as morph_model
    from khabar.models.morph.train import DEFAULT_NEWS
    from khabar.models.morph_stage import analyse_tokens
    from khabar.pipeline import Pipeline

    path = corpus or DEFAULT_NEWS[0]
    if not path.exists() and corpus is None:
        path = data_file("demo", "demo.jsonl.gz")  # the bundled demo corpus
    texts: list[str] = []
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") if str(path).endswith(".gz") else open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                texts.append(f"{rec.get('title') or ''}\n{rec.get('text') or ''}")
                if len(texts) >= docs:
                    break
    if not texts:
        typer.echo("khabar: error: no corpus found", err=True)
        raise typer.Exit(2)
    morph_model.load_model.cache_clear()
    t0, w0 = time.process_time(), time.perf_counter()
    m = morph_model.load_model()
    load_s, load_wall = time.process_time() - t0, time.perf_counter() - w0
    text_layer = Pipeline(["tokenize", "sentences"])
    tokenised = [text_layer(t) for t in texts]
    n_tokens = sum(len(d.tokens) for d in tokenised)
    timings: list[float] = []
    n_words = 0
    for _ in range(max(1, repeat)):
        fresh = [text_layer(t) for t in texts]
        t1 = time.process_time()
        for d in fresh:
            analyse_tokens(m, d.text, d.tokens)
        timings.append(time.process_time() - t1)
        n_words = sum(len(t.words) for d in fresh for t in d.tokens)
    cold, best = timings[0], min(timings)
    size = morph_model.MODEL_PATH.stat().st_size
    table = Table(title=f"morph stage on {len(texts)} articles ({path.name}), one core, CPU time")
    for col in ("metric", "value"):
        table.add_column(col)
    table.add_row("tokens", f"{n_tokens:,}")
    table.add_row("words after clitic split", f"{n_words:,}")
    table.add_row("tokens/s, first pass (cold caches)", f"{n_tokens / cold:,.0f}")
    table.add_row("tokens/s, warm caches (best pass)", f"{n_tokens / best:,.0f}")
    table.add_row("syntactic words/s, first pass", f"{n_words / cold:,.0f}")
    table.add_row("model load time (CPU / wall)", f"{load_s:.2f} s / {load_wall:.2f} s")
    table.add_row("model size", f"{size / 1e6:.2f} MB")
    Console().print(table)
