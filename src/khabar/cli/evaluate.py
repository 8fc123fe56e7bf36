"""``khabar eval docs`` (document-level scoring) and ``khabar bench pipeline`` (per-stage timing)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import bench_app, eval_app

_ROWS: tuple[tuple[str, str], ...] = (
    ("mentions_exact", "mentions exact"),
    ("mentions_overlap", "mentions overlap"),
    ("entities", "entities found"),
    ("linking", "linking"),
    ("times", "times"),
    ("times_span", "  span only"),
    ("quotes", "quotes+speaker"),
    ("quotes_span", "  content only"),
    ("quote_type", "  quote type"),
    ("events", "events"),
    ("events_type", "  type+evidence"),
    ("event_date", "  event date"),
    ("event_mode", "  event mode"),
    ("event_factuality", "  factuality"),
)
_LEGEND = (
    "P/R/F1 in %; acc = right/matched pairs; linking: R = right links / linkable gold, acc = right / found. "
    "neutral = output items that only hit optional gold. Rules: khabar.eval.docs docstring."
)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def _table(result: dict[str, Any]) -> Table:
    title = f"khabar eval docs: {result['documents']} gold document(s), {result['matched']} with output" + (
        ", all factualities" if result.get("all_factuality") else ""
    )
    table = Table(title=title, caption=_LEGEND)
    table.add_column("layer", no_wrap=True)
    for col in ("P", "R", "F1", "acc", "gold", "output", "matched", "neutral"):
        table.add_column(col, justify="right", no_wrap=True)
    layers = result["layers"]
    for key, label in _ROWS:
        v = layers.get(key)
        if v is None:
            continue
        if "precision" in v:
            matched = (
                str(v["tp_gold"]) if v["tp_gold"] == v["tp_pred"] else f"{v['tp_gold']} / {v['tp_pred']}"
            )
            row = [
                _pct(v["precision"]),
                _pct(v["recall"]),
                _pct(v["f1"]),
                "",
                str(v["gold"]),
                str(v["pred"]),
                matched,
                str(v["neutral"]),
            ]
        elif key == "linking":
            row = [
                "",
                _pct(v["recall"]),
                "",
                _pct(v["accuracy"]),
                str(v["gold"]),
                "",
                f"{v['correct']}/{v['found']}",
                "",
            ]
        else:
            row = ["", "", "", _pct(v["accuracy"]), "", "", f"{v['correct']}/{v['matched']}", ""]
        table.add_row(label, *row)
    return table


def _round(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_round(v) for v in obj]
    return obj


@eval_app.command("docs")
def eval_docs(
    gold: Annotated[list[Path], typer.Argument(help="Gold khabar/1 JSON or JSONL files.")],
    pred: Annotated[Path, typer.Option("--pred", help="Output documents: JSONL (or a JSON file).")],
    text: Annotated[
        Path | None,
        typer.Option("--text", help="The article text, for gold files that only carry text_sha256."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    all_factuality: Annotated[
        bool, typer.Option("--all-factuality", help="Count every event, not only asserted ones.")
    ] = False,
    per_document: Annotated[
        bool, typer.Option("--per-document", help="Include per-document figures in JSON.")
    ] = False,
) -> None:
    """Score output documents against gold (matching rules of document-format.md; see khabar.eval.docs)."""
    from khabar.eval.docs import EvalError, load_gold, read_documents, score_documents

    err = Console(stderr=True)
    if fmt not in ("table", "json"):
        err.print(f"[red]unknown --format {fmt!r}[/red] (use table or json)")
        raise typer.Exit(2)
    try:
        golds = [doc for path in gold for doc in load_gold(path, text)]
        preds = read_documents(pred)
        result = score_documents(golds, preds, all_factuality=all_factuality)
    except EvalError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    for warning in result["warnings"]:
        err.print(f"[yellow]warning:[/yellow] {warning}")
    if fmt == "json":
        if not per_document:
            result.pop("per_document")
        typer.echo(json.dumps(_round(result), ensure_ascii=False, indent=2))
        return
    console = Console()
    console.width = max(console.width, 100)
    console.print(_table(result))
    diag = result["diagnostics"]
    if diag:
        console.print(
            "output quotes on gold non-quotes: {q}; output events on not-coded spans: {e}".format(
                q=diag.get("quotes_on_non_quotes", 0), e=diag.get("events_on_not_coded", 0)
            )
        )


@bench_app.command("pipeline")
def bench_pipeline(
    limit: Annotated[int, typer.Option("--limit", help="Number of articles.")] = 200,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="JSONL(.gz) of {id,text,published}, a .txt file or a folder."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    stages: Annotated[
        str | None, typer.Option("--stages", help="Comma-separated stage names (default: the full pipeline).")
    ] = None,
) -> None:
    """Time every stage of the default pipeline over news articles (ANT, or the bundled demo corpus)."""
    from khabar.bench.pipeline import default_corpus, run

    err = Console(stderr=True)
    path = corpus or default_corpus()
    if path is None or not path.exists():
        err.print(f"[red]error:[/red] corpus not found: {path or 'no ANT data and no bundled demo corpus'}")
        raise typer.Exit(2)
    if limit < 1:
        err.print("[red]error:[/red] --limit must be at least 1")
        raise typer.Exit(2)
    names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    try:
        result = run(path, limit, names).as_dict()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        err.print(f"[red]error:[/red] cannot read {path}: {exc}")
        raise typer.Exit(2) from None
    except (KeyError, ValueError) as exc:  # an unknown stage, or stages whose requirements nobody provides
        err.print(f"[red]error:[/red] cannot build the pipeline: {exc}")
        raise typer.Exit(2) from None
    if fmt == "json":
        typer.echo(json.dumps(_round(result), ensure_ascii=False, indent=2))
        return
    table = Table(
        title=f"khabar bench pipeline: {result['docs']} articles, {result['words']:,} words ({Path(result['corpus']).name})"
    )
    for col in ("stage", "wall s", "cpu s", "share %", "cpu share %", "ms/doc", "words/s", "errors"):
        table.add_column(col, justify="left" if col == "stage" else "right", no_wrap=True)
    for st in result["stages"]:
        table.add_row(
            st["name"],
            f"{st['seconds']:.3f}",
            f"{st['cpu_seconds']:.3f}",
            _pct(st["share"]),
            _pct(st["cpu_share"]),
            "–" if st["ms_per_doc"] is None else f"{st['ms_per_doc']:.2f}",
            "–" if st["words_per_second"] is None else f"{st['words_per_second']:,.0f}",
            str(st["errors"]),
        )
    total = result["total_seconds"]
    table.add_row(
        "[bold]total[/bold]",
        f"{total:.3f}",
        f"{result['total_cpu_seconds']:.3f}",
        "100.0" if total else "–",
        "100.0" if result["total_cpu_seconds"] else "–",
        f"{1000 * total / result['docs']:.2f}" if result["docs"] else "–",
        "–" if result["words_per_second"] is None else f"{result['words_per_second']:,.0f}",
        str(sum(s["errors"] for s in result["stages"])),
    )
    console = Console()
    console.width = max(console.width, 100)
    console.print(table)
    dps = result["docs_per_second"]
    wcpu = "–" if result["words_per_cpu_second"] is None else f"{result['words_per_cpu_second']:,.0f}"
    console.print(
        f"docs/s: {'–' if dps is None else f'{dps:,.1f}'} (wall)   words/s by CPU time: {wcpu}   "
        f"pipeline setup: {result['setup_seconds']:.2f} s"
    )
    console.print(
        f"warm-up (first article, model loading): {result['warmup_seconds']:.2f} s   peak RSS: {result['peak_rss_mib']:.0f} MiB (before building the pipeline: {result['rss_before_mib']:.0f} MiB)"
    )
    for st in result["stages"]:
        if st["first_error"]:
            console.print(f"[yellow]{st['name']}[/yellow] failed {st['errors']}×, first: {st['first_error']}")
