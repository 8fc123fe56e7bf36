"""``khabar batch`` (partitioned Parquet out, local or Dask) and ``khabar bench scale``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from khabar.cli.apps import app, bench_app, fail


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Inputs (.jsonl[.gz], .parquet, .txt, .html, directories), then OUT_DIR last.")],
    engine: Annotated[str, typer.Option(help="local (process pool) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address; default: a LocalCluster of --workers processes.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-j", help="Worker processes (local pool or LocalCluster).")] = 1,
    partition_size: Annotated[int, typer.Option(help="Records per partition (one Parquet file per table each).")] = 64,
    published: Annotated[str | None, typer.Option(help="Default publication date YYYY-MM-DD.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Skip (and report) inputs bigger than this many bytes.")] = 10_000_000,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
    report_json: Annotated[bool, typer.Option("--json", help="Print the final report as JSON.")] = False,
) -> None:
    """Analyse INPUTS into partitioned Parquet tables under OUT_DIR (documents, entities, mentions, quotes,
    events, times; schema in OUT_DIR/_schema.json). Resumable: finished partitions are skipped on a rerun."""
    from rich.console import Console

    from khabar.ingest.run import check_date
    from khabar.scale.batch import batch as run_batch

    if len(inputs) < 2:
        raise fail("give at least one INPUT and the OUT_DIR")
    *paths, out_dir = inputs
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise fail(f"{p}: no such file or directory")
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise fail(f"{out_dir}: exists and is not a directory")
    if engine not in ("local", "dask"):
        raise fail(f"--engine: unknown engine {engine!r}; choose local or dask")
    try:
        check_date(published)
    except ValueError as bad:
        raise fail(f"--published: {bad}") from None
    err = Console(stderr=True)
    show = progress and err.is_terminal
    tick = None
    if show:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        bar = Progress(SpinnerColumn(), TextColumn("[bold]batch[/] {task.description}"), TimeElapsedColumn(),
                       console=err, transient=True)
        task = bar.add_task("starting", total=None)
        bar.start()

        def tick(r: Any) -> None:
            bar.update(task, description=f"{r.done} partitions done, {r.skipped} skipped, {r.documents} articles, "
                                         f"{r.documents / max(r.seconds, 1e-9):.1f} articles/s")
    try:
        report = run_batch(paths, out_dir, engine=engine, workers=max(1, workers), scheduler=scheduler,
                           partition_size=partition_size, published=published, max_bytes=max_bytes, on_progress=tick)
    except RuntimeError as e:
        raise fail(str(e)) from None
    finally:
        if show:
            bar.stop()
    data = report.to_dict()
    if report_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(f"batch into {out_dir}: {report.done} partitions written, {report.skipped} already done, "
                   f"{report.documents} articles, {len(report.errors)} failed inputs, {report.seconds:.1f} s "
                   f"({data['articles_per_s']} articles/s, {data['words_per_s']:,} words/s, {report.workers} workers, "
                   f"peak worker RSS {data['peak_worker_rss_mb']} MiB)")
        typer.echo("rows: " + ", ".join(f"{k} {v:,}" for k, v in sorted(report.rows.items())))
        for o, m in report.errors[:20]:
            typer.echo(f"failed: {o}: {m}", err=True)
    if report.errors:
        raise typer.Exit(1)


@bench_app.command("scale")
def bench_scale(
    path: Annotated[str, typer.Argument(help="JSONL(.gz) of articles (default: ANT v2.1 from ../shared).")] = "",
    limit: Annotated[int, typer.Option(help="Articles to analyse per run.")] = 300,
    workers: Annotated[str, typer.Option(help="Comma-separated worker counts to compare.")] = "1,2",
    engine: Annotated[str, typer.Option(help="local or dask.")] = "dask",
    partition_size: Annotated[int, typer.Option(help="Records per partition.")] = 16,
) -> None:
    """Articles/s and words/s of `khabar batch` for 1, 2, … workers, and the scaling efficiency."""
    from khabar.scale.bench import run_scale_bench

    try:
        counts = [int(w) for w in workers.split(",") if w.strip()]
    except ValueError:
        raise fail("--workers: give numbers like 1,2") from None
    run_scale_bench(path or None, limit, counts, engine, partition_size, typer.echo)
