"""``khabar bench text``: speed and memory of the text layer vs a regex floor and spaCy's blank tokenizer."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import bench_app, eval_app


@bench_app.command("text")
def bench_text(
    limit: Annotated[int, typer.Option(help="Number of articles (the first N of the corpus).")] = 5000,
    corpus: Annotated[Path | None, typer.Option(help="JSONL(.gz) of {text,…} records, a .txt file or a directory; default: ANT v2.1 from shared/, else the bundled demo corpus.")] = None,
    spacy: Annotated[bool, typer.Option("--spacy/--no-spacy", help="Include spaCy's blank('ar') tokenizer (needs the 'bench' extra).")] = True,
    memory: Annotated[bool, typer.Option("--memory/--no-memory", help="Second pass under tracemalloc for peak memory.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON instead of a table.")] = False,
) -> None:
    """Words/s (CPU time, one core) and peak memory of normalise + tokenise + segment + sentences + dateline,
    next to a single re.findall(r"\\w+") pass (the floor) and spaCy's blank Arabic tokenizer, with ratios."""
    from khabar.bench.text import default_corpus, load_texts, run

    path = corpus or default_corpus()
    if path is None:
        typer.echo("khabar: error: no corpus: shared/ is absent and no bundled demo corpus was found; pass --corpus", err=True)
        raise typer.Exit(2)
    if not path.exists():
        typer.echo(f"khabar: error: {path}: no such file or directory", err=True)
        raise typer.Exit(2)
    try:
        texts = load_texts(path, max(limit, 1))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        typer.echo(f"khabar: error: {path}: cannot read corpus ({err})", err=True)
        raise typer.Exit(2) from None
    if not texts:
        typer.echo(f"khabar: error: {path}: no texts found", err=True)
        raise typer.Exit(2)
    results = run(texts, include_spacy=spacy, memory=memory)
    floor = results[0]
    ours = results[1]
    if as_json:
        out = {
            "corpus": str(path),
            "articles": len(texts),
            "words": floor.words,
            "systems": [
                {
                    "name": r.name,
                    "seconds": None if math.isnan(r.seconds) else round(r.seconds, 4),
                    "words_per_s": None if math.isnan(r.seconds) else round(r.words_per_s),
                    "peak_memory_mb": None if r.peak_bytes is None else round(r.peak_bytes / 2**20, 2),
                    "note": r.note,
                }
                for r in results
            ],
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"khabar bench text — {len(texts)} articles, {floor.words:,} words (\\w+), {path.name}")
    table.add_column("system")
    table.add_column("words/s (CPU, 1 core)", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("peak MB", justify="right")
    table.add_column("speed / floor", justify="right")
    table.add_column("khabar / this", justify="right")
    for r in results:
        if math.isnan(r.seconds):
            table.add_row(r.name, "—", "—", "—", "—", "—")
            continue
        table.add_row(
            r.name,
            f"{r.words_per_s:,.0f}",
            f"{r.seconds:.2f}",
            "—" if r.peak_bytes is None else f"{r.peak_bytes / 2**20:.1f}",
            f"{r.words_per_s / floor.words_per_s:.3f}",
            f"{ours.words_per_s / r.words_per_s:.2f}",
        )
    console = Console()
    console.print(table)
    for r in results:
        console.print(f"  {r.name}: {r.note}")
    target = 200_000
    verdict = "meets" if ours.words_per_s >= target else "is BELOW"
    console.print(f"khabar text layer {verdict} the {target:,} words/s target ({ours.words_per_s:,.0f} words/s).")


@eval_app.command("clitics")
def eval_clitics(
    conllu: Annotated[Path | None, typer.Option(help="CoNLL-U with SpaceAfter=No (default: UD Arabic-PUD from shared/).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the rule-based clitic segmenter against UD words glued by SpaceAfter=No (article not counted)."""
    from khabar.bench.text import UD_PUD, segmentation_scores, ud_surface_words

    path = conllu or UD_PUD
    if not path.exists():
        typer.echo(f"khabar: error: {path}: no such file (pass --conllu)", err=True)
        raise typer.Exit(2)
    scores = segmentation_scores(ud_surface_words(path))
    if as_json:
        typer.echo(json.dumps({"conllu": str(path), **scores}, indent=2))
        return
    table = Table(title=f"clitic segmentation vs {path.name} (exact cuts per surface word)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in scores.items():
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else f"{value:,}")
    Console().print(table)
