"""``khabar ingest``, ``search``, ``stats``, ``quotes``, ``events`` and ``export``: the corpus store."""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from khabar.cli.apps import app, bench_app, fail
from khabar.cli.events import MIN_CONF_HELP, set_min_confidence
from khabar.models.files import ModelFileError

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Store path (SQLite file). Default: khabar.db in the user data dir, or $KHABAR_DB."),
]


class SortOrder(StrEnum):
    relevance = "relevance"
    date = "date"


class TableFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def _open(db: str | None, must_exist: bool = False, read_only: bool = False) -> Any:
    from khabar.store import default_db_path, open_store

    target = db or str(default_db_path())
    is_url = "://" in target
    if must_exist and not is_url and target != ":memory:" and not Path(target).expanduser().exists():
        raise fail(f"no store at {target}; run `khabar ingest PATH --db {target}` first")
    try:
        return open_store(target, read_only=read_only)
    except Exception as err:  # not a database, newer schema, unsupported URL, read-only or damaged file…
        raise fail(f"cannot open store {target}: {store_problem(err)}") from None


_DAMAGED = ("the store file is damaged: restore it from a copy, or re-ingest into a new store; "
            "`sqlite3 STORE .recover` may save part of it")


def _where(db: str | None) -> str:
    """The store a command works on, for messages (a PostgreSQL URL without its password)."""
    from khabar.store import default_db_path

    target = db or str(default_db_path())
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", target)


def store_problem(err: BaseException) -> str:
    """One line saying what went wrong with a store and what to do, for a database or file-system error."""
    msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    low = msg.lower()
    if "readonly" in low or "read-only" in low or "permission denied" in low:
        return f"{msg} (the store or its directory is read-only; writing needs write access to both)"
    if "disk is full" in low or "no space" in low:
        return f"{msg} (free disk space, then run the same command again: it continues where it stopped)"
    if "malformed" in low or "not a database" in low or "corrupt" in low or "damaged" in low:
        return f"{msg} ({_DAMAGED})"
    if "connection" in low or "server" in low or "terminat" in low:
        return f"{msg} (the database server went away; run the same command again when it is back)"
    return f"{type(err).__name__}: {msg}"


@contextmanager
def store_errors(what: str) -> Iterator[None]:
    """Database and file-system failures while using a store, as one ``khabar: error:`` line (exit 1)."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except ModelFileError as err:
        raise fail(str(err), 1) from None
    except (OSError, RuntimeError) as err:
        raise fail(f"{what}: {store_problem(err)}", 1) from None
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as err:  # a stored document that cannot be read
        raise fail(f"{what}: a stored document cannot be read ({type(err).__name__}: {err}); {_DAMAGED}", 1) from None
    except Exception as err:
        mod = type(err).__module__ or ""
        if mod.startswith(("sqlite3", "psycopg")) or isinstance(err, sqlite3.Error):
            raise fail(f"{what}: {store_problem(err)}", 1) from None
        raise


def _date(value: str | None, name: str) -> str | None:
    from khabar.ingest.run import check_date

    try:
        return check_date(value)
    except ValueError as err:
        raise fail(f"{name}: {err}") from None


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files (.txt, .html, .jsonl, .jsonl.gz), directories, or -.")] = None,
    db: DbOpt = None,
    demo: Annotated[bool, typer.Option("--demo", help="Also ingest the bundled demo corpus (300 ANT articles + the seed article).")] = False,
    published: Annotated[str | None, typer.Option(help="Default publication date YYYY-MM-DD for inputs without one.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-j", help="Analysis processes (0 = all cores).")] = 0,
    max_bytes: Annotated[int, typer.Option(help="Skip (and report) inputs bigger than this many bytes; 0 = no limit.")] = 10_000_000,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
    report_json: Annotated[bool, typer.Option("--json", help="Print the final report as JSON.")] = False,
    min_confidence: Annotated[float | None, typer.Option(help=MIN_CONF_HELP)] = None,
    check: Annotated[bool, typer.Option(help="Check the store file for damage before writing (SQLite quick_check; "
                                              "reads the whole file once).")] = True,
    engine: Annotated[str, typer.Option(help="Where analysis runs: local (process pool) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster of -j workers).")] = None,
    stories_after: Annotated[bool, typer.Option("--stories/--no-stories", help="Cluster the store into stories again when articles were added (khabar stories).")] = True,
) -> None:
    """Analyse articles and add them to the store. Idempotent (same text = no-op) and resumable:
    run it again after an interruption and it continues where it stopped. Failing inputs are listed."""
    from rich.console import Console

    from khabar.ingest.run import default_workers
    from khabar.ingest.run import ingest as run_ingest

    _date(published, "--published")
    set_min_confidence(min_confidence)
    paths = list(paths or [])
    if demo:
        from khabar.ingest.demo import demo_path

        paths.insert(0, str(demo_path()))
    if not paths:
        raise fail("give at least one PATH to ingest (or --demo)")
    for p in paths:
        if p != "-" and "://" not in p[:12] and not Path(p).exists():
            raise fail(f"{p}: no such file or directory")
    err = Console(stderr=True)
    nworkers = workers if workers > 0 else default_workers()
    if engine not in ("local", "dask"):
        raise fail(f"--engine: unknown engine {engine!r}; choose local or dask")
    with store_errors(f"ingest into {_where(db)}"), _open(db) as store:
        problem = store.check() if check else None
        if problem:  # writing into a damaged file would bury the damage under new pages
            raise fail(f"ingest into {store.path}: {store_problem(sqlite3.DatabaseError(problem))}", 1)
        show = progress and err.is_terminal
        if show:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            from khabar.ingest.readers import count_inputs

            counts = [count_inputs(p) for p in paths]
            total_in = None if any(c is None for c in counts) else sum(c or 0 for c in counts)
            bar = Progress(TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.description}"), TimeElapsedColumn(), TextColumn("ETA"),
                           TimeRemainingColumn(), console=err, transient=True)
            task = bar.add_task("", total=total_in)
            bar.start()

            def tick(r: Any) -> None:
                rate = r.added / r.seconds if r.seconds else 0.0
                bar.update(task, completed=max(r.done, r.added + r.skipped + len(r.errors)),
                           description=f"{r.added} added, {r.skipped} already there, {len(r.errors)} failed, "
                                       f"{rate:.1f} articles/s")
        try:
            report = run_ingest(paths, store, published=published, workers=nworkers, max_bytes=max_bytes,
                                on_progress=tick if show else None, engine=engine, scheduler=scheduler,
                                on_wait=lambda msg: typer.echo(f"khabar: {msg}", err=True))
        except KeyboardInterrupt:
            # Committed batches stay; the same command resumes (stored texts are not analysed again).
            typer.echo(f"\ninterrupted; the store holds {len(store)} documents. Run the same command again to "
                       "continue where it stopped.", err=True)
            raise typer.Exit(130) from None
        finally:
            if show:
                bar.stop()
        n_stories: int | None = None
        if stories_after and report.added:
            from khabar.extract.stories import StoryInput, cluster_stories

            with _progress(err, "stories", progress) as story_bar:
                items = [StoryInput(*r) for r in store.story_inputs()]
                n_stories = store.set_stories(cluster_stories(items, on_progress=story_bar(len(items))))
        total = len(store)
        store_path = store.path
    data = report.to_dict()
    data["store_documents"] = total
    data["stories"] = n_stories
    if report_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(f"ingested into {store_path}: {report.added} added, {report.skipped} already there, "
                   f"{len(report.errors)} failed (of {report.inputs} inputs); the store holds {total} documents")
        typer.echo(f"{report.words:,} words, {report.entities:,} entities, {report.quotes:,} quotes, "
                   f"{report.events:,} events, {report.times:,} times in {report.seconds:.1f} s "
                   f"({data['articles_per_s']} articles/s, {data['words_per_s']:,} words/s, {nworkers} workers)")
        if n_stories is not None:
            typer.echo(f"{n_stories} stories of 2+ articles (khabar stories)")
        shown = 20
        for w in report.warnings[:shown]:
            typer.echo(f"warning: {w}", err=True)
        if len(report.warnings) > shown:
            typer.echo(f"… and {len(report.warnings) - shown} more warnings (--json lists them all)", err=True)
        for e in report.errors[:shown]:
            typer.echo(f"failed: {e}", err=True)
        if len(report.errors) > shown:
            typer.echo(f"… and {len(report.errors) - shown} more failing inputs (--json lists them all)", err=True)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all required); spelling variants and clitics fold.")] = "",
    db: DbOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many results.")] = 10,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many results (the next page).")] = 0,
    sort: Annotated[SortOrder, typer.Option(help="relevance (BM25) or date (newest first).")] = SortOrder.relevance,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, jsonl (one hit a line) or json.")] = TableFormat.table,
    entity: Annotated[str | None, typer.Option(help="Only documents with this entity (name or Wikidata QID).")] = None,
    event: Annotated[str | None, typer.Option(help="Only documents with this PLOVER event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only documents with an event whose actor is this (ISO3 country, QID or name).")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only documents quoting this speaker (name or QID).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on or before YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Only this source (as stored in meta.source).")] = None,
) -> None:
    """Find stored documents by normalised full text (بوتين finds وبوتين and لبوتين) and filters."""
    _date(date_from, "--from")
    _date(date_to, "--to")
    if not query.strip() and not any((entity, event, actor, speaker, date_from, date_to, source)):
        raise fail("give a QUERY or at least one filter (--entity, --event, --actor, --speaker, --from, --to, --source)")
    with store_errors(f"search {_where(db)}"), _open(db, must_exist=True, read_only=True) as store:
        if not store.index_is_current:
            typer.echo("khabar: note: the search index was built by another khabar version and may miss matches; "
                       f"run `khabar reindex --db {store.path}`", err=True)
        page = store.search_page(query, offset=offset, limit=limit, sort=sort.value,
                                 facets=False, entity=entity, event=event, actor=actor, speaker=speaker,
                                 date_from=date_from, date_to=date_to, source=source)
    hits = page["hits"]
    if fmt is TableFormat.jsonl:
        for h in hits:
            typer.echo(json.dumps(h.to_dict(), ensure_ascii=False))
        return
    if fmt is TableFormat.json:
        typer.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo(f"no documents found (offset {offset}, {page['total']} in all)" if offset else "no documents found")
        return
    typer.echo(f"{offset + 1}–{offset + len(hits)} of {page['total']} documents")
    # Plain lines rather than a rich table: table cells break the terminal's bidi for Arabic.
    for i, h in enumerate(hits, offset + 1):
        typer.echo(f"{i:>3}. {h.id}  {h.published or '-'}  {h.source or '-'}  score {h.score:.2f}")
        if h.title:
            typer.echo(f"     {h.title}")
        typer.echo(f"     {h.snippet}")


@app.command()
def reindex(db: DbOpt = None) -> None:
    """Rebuild the full-text index with this version's normalisation (after an upgrade changed it)."""
    from rich.console import Console

    with store_errors(f"reindex {_where(db)}"), _open(db, must_exist=True) as store, \
            _progress(Console(stderr=True), "reindex") as bar:
        n = store.reindex(on_progress=bar(len(store)))
    typer.echo(f"reindexed {n} documents")


@app.command()
def stats(
    db: DbOpt = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table or json.")] = TableFormat.table,
    top: Annotated[int, typer.Option(help="How many top entities and speakers to list.")] = 10,
) -> None:
    """Counts over the store: documents, words, entities, quotes, events, times; top entities and speakers."""
    with store_errors(f"stats of {_where(db)}"), _open(db, must_exist=True, read_only=True) as store:
        data = store.stats(top=top)
    if fmt is not TableFormat.table:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2 if fmt is TableFormat.json else None))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"khabar store {data['path']} (schema v{data['schema_version']})")
    t.add_column("what")
    t.add_column("count", justify="right")
    for key in ("documents", "words", "entities", "mentions", "quotes", "events", "times"):
        t.add_row(key, f"{data[key]:,}")
    t.add_row("published", f"{data['published']['first'] or '-'} … {data['published']['last'] or '-'}")
    t.add_row("asserted events dated after publication", f"{data['events_after_publication']:,}")
    share = data["share_on_publication_day"]
    t.add_row("asserted events on the publication day",
              f"{data['events_on_publication_day']:,} of {data['events_dated_asserted']:,}"
              + (f" ({100 * share:.1f}%)" if share is not None else ""))
    console = Console()
    console.print(t)
    for name, n in data["sources"].items():
        typer.echo(f"  source {name or '-'}: {n}")
    for e in data.get("top_entities", []):
        typer.echo(f"  entity {e['name']} ({e['type']}{', ' + e['wikidata'] if e['wikidata'] else ''}): {e['documents']} docs")
    for s in data.get("top_speakers", []):
        typer.echo(f"  speaker {s['name']}: {s['quotes']} quotes")
    for ev, n in data.get("events_by_type", {}).items():
        typer.echo(f"  event {ev}: {n}")
    # Events by month of their date (the article's date when the event has none); the JSON has them all.
    months = [(m, n) for m, n in data.get("events_by_month", {}).items() if m and len(m) == 7][-24:]
    if months:
        typer.echo("  events by month (last 24): " + ", ".join(f"{m} {n}" for m, n in months))


@app.command()
def quotes(
    path: Annotated[str | None, typer.Argument(help="Analyse this article file (or -) instead of reading the store.")] = None,
    published: Annotated[str | None, typer.Option("--published", help="With PATH: publication date YYYY-MM-DD.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or QID.")] = None,
    db: DbOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0)] = 20,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Stored quotes, optionally only those of one speaker; with PATH, the quotes of that article."""
    if path is not None:
        from khabar.cli.extract import show_quotes

        show_quotes(path, published=published, entities=None, fmt="pretty" if fmt is TableFormat.table else "json")
        return
    with store_errors(f"quotes in {_where(db)}"), _open(db, must_exist=True, read_only=True) as store:
        rows = store.quotes(speaker=speaker, limit=limit)
    _rows_out(rows, fmt, lambda r: f"{r['doc']}  {r['speaker_name'] or '?'} ({r['type']}): {r['text']}")


@app.command()
def events(
    path: Annotated[str | None, typer.Argument(help="Code this article file (or -) instead of reading the store.")] = None,
    published: Annotated[str | None, typer.Option("--published", help="With PATH: publication date YYYY-MM-DD.")] = None,
    all_factuality: Annotated[bool, typer.Option("--all", help="With PATH: also negated/hypothetical/future.")] = False,
    event: Annotated[str | None, typer.Option(help="PLOVER event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor: ISO3 country, QID or name.")] = None,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    after_publication: Annotated[bool, typer.Option(
        "--after-publication", help="Only asserted events dated after their article's publication (errors).")] = False,
    db: DbOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0)] = 20,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Stored events, filtered by type, actor and date; with PATH, the PLOVER events coded in that article."""
    if path is not None:
        from khabar.cli.events import show_events

        show_events(path, published=published, fmt="table" if fmt is TableFormat.table else "json",
                    all_factuality=all_factuality)
        return
    _date(date_from, "--from")
    _date(date_to, "--to")
    with store_errors(f"events in {_where(db)}"), _open(db, must_exist=True, read_only=True) as store:
        rows = store.events(event=event, actor=actor, date_from=date_from, date_to=date_to, limit=limit,
                            after_publication=after_publication)
    _rows_out(rows, fmt, lambda r: f"{r['doc']}  {r['date'] or '-'}  {r['event']}  "
                                   f"{'، '.join(r['actors']) or '?'} -> {'، '.join(r['recipients']) or '-'}")


def _rows_out(rows: list[dict[str, Any]], fmt: TableFormat, line: Any) -> None:
    if fmt is TableFormat.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
    elif fmt is TableFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        typer.echo("nothing found")
    else:
        for r in rows:
            typer.echo(line(r))


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    events_csv = "events-csv"


@app.command()
def export(
    output: Annotated[str, typer.Argument(help="Output file, or - for stdout (jsonl and events-csv only).")],
    db: DbOpt = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl (khabar/1 documents), parquet (one row per document), events-csv (GDELT-style).")] = ExportFormat.jsonl,
) -> None:
    """Export the store: khabar/1 JSONL, Parquet, or a GDELT-style events CSV."""
    from khabar.store.export import export_events_csv, export_jsonl, export_parquet

    if output == "-" and fmt is ExportFormat.parquet:
        raise fail("Parquet needs a file name, not -")
    from rich.console import Console

    with store_errors(f"export of {_where(db)}"), _open(db, must_exist=True, read_only=True) as store, \
            _progress(Console(stderr=True), "export") as bar:
        tick = bar(len(store))
        try:
            if fmt is ExportFormat.parquet:
                n = export_parquet(store, output, tick)
            elif fmt is ExportFormat.events_csv:
                n = export_events_csv(store, output, tick)
            else:
                n = export_jsonl(store, output, tick)
        except ImportError as err:
            raise fail(f"{fmt.value} export needs the 'ingest' extra (pip install 'khabar[ingest]'): {err}") from None
    if output != "-":
        typer.echo(f"wrote {n} rows to {output}", err=True)


@bench_app.command("store")
def bench_store(
    source: Annotated[str | None, typer.Option(help="JSONL(.gz) corpus; default ../shared ANT v2.1, else the demo corpus.")] = None,
    n: Annotated[int, typer.Option("--n", help="Articles to ingest (first N records).")] = 2000,
    workers: Annotated[int, typer.Option("--workers", "-j", help="Analysis processes (0 = all cores).")] = 0,
    db: Annotated[str | None, typer.Option("--db", help="Store to fill (default: a temporary file, removed after).")] = None,
    queries: Annotated[int, typer.Option(help="Search queries to time per kind.")] = 200,
    text_only: Annotated[bool, typer.Option("--text-only", help="Analyse with the text stages only (fast; no entities, quotes, events).")] = False,
) -> None:
    """Ingest throughput (articles/s, words/s) and search latency (p50/p95 ms) on a slice of a corpus."""
    import gzip
    import itertools
    import random
    import tempfile
    import time

    from rich.console import Console
    from rich.table import Table

    from khabar.ingest.demo import DEFAULT_SHARED, demo_path
    from khabar.ingest.run import default_workers
    from khabar.ingest.run import ingest as run_ingest
    from khabar.store import open_store

    ant = DEFAULT_SHARED / "data" / "news" / "ant-v2.1-multisource.jsonl.gz"
    src = Path(source) if source else (ant if ant.exists() else demo_path())
    nworkers = workers if workers > 0 else default_workers()
    with tempfile.TemporaryDirectory() as tmp:
        sliced = Path(tmp) / "slice.jsonl"
        opener = gzip.open if src.name.endswith(".gz") else open
        with opener(src, "rt", encoding="utf-8") as fin, open(sliced, "w", encoding="utf-8") as fout:
            fout.writelines(itertools.islice(fin, n))
        target = db or str(Path(tmp) / "bench.db")
        with open_store(target) as store:
            pipe = None
            if text_only:
                from khabar.pipeline import Pipeline

                pipe = Pipeline(["tokenize", "sentences", "dateline"])
            rep = run_ingest([str(sliced)], store, workers=nworkers, pipeline=pipe)
            # Search latency: words drawn from stored titles, with and without entity / date filters.
            rng = random.Random(13)
            titles = [r[0] for r in store.conn.execute("SELECT title FROM documents WHERE title IS NOT NULL")]
            words = [w for t in titles for w in t.split() if len(w) > 3] or ["خبر"]
            ents = [r[0] for r in store.conn.execute("SELECT DISTINCT name_key FROM entities LIMIT 500")] or [None]
            kinds = {
                "text": lambda: {"query": rng.choice(words)},
                "text+entity": lambda: {"query": rng.choice(words), "entity": rng.choice(ents)},
                "text+date": lambda: {"query": rng.choice(words), "date_from": "2018-03-01", "date_to": "2018-06-30"},
                "text+entity+date": lambda: {"query": rng.choice(words), "entity": rng.choice(ents),
                                             "date_from": "2018-03-01", "date_to": "2018-06-30"},
            }
            if ents == [None]:  # nothing to filter by (e.g. --text-only): entity kinds would be plain text
                kinds = {k: v for k, v in kinds.items() if "entity" not in k}
            lat: dict[str, list[float]] = {}
            for kind, make in kinds.items():
                times = []
                for _ in range(queries):
                    args = make()
                    t0 = time.perf_counter()
                    store.search(limit=10, **args)
                    times.append((time.perf_counter() - t0) * 1000)
                lat[kind] = sorted(times)
            total = len(store)
    what = "text stages only" if text_only else "full pipeline"
    t = Table(title=f"khabar bench store: {n} records of {src.name}, {what}, {nworkers} workers, {total} docs in store")
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_row("added (already there)", f"{rep.added} ({rep.skipped})")
    t.add_row("words analysed", f"{rep.words:,}")
    t.add_row("failed", str(len(rep.errors)))
    t.add_row("seconds", f"{rep.seconds:.1f}")
    t.add_row("articles/s", f"{rep.added / max(rep.seconds, 1e-9):.1f}")
    t.add_row("words/s", f"{rep.words / max(rep.seconds, 1e-9):,.0f}")
    for kind, ts in lat.items():
        t.add_row(f"search {kind} p50 / p95 ms", f"{ts[len(ts) // 2]:.2f} / {ts[int(len(ts) * 0.95) - 1]:.2f}")
    Console().print(t)


@app.command()
def stories(
    db: DbOpt = None,
    show: Annotated[int, typer.Option(help="Stories to print after clustering (0 = none).")] = 10,
    min_outlets: Annotated[int, typer.Option(help="Print only stories carried by at least this many outlets.")] = 2,
    threshold: Annotated[float, typer.Option(help="Cosine similarity an article needs to join a story.")] = 0.30,
    window: Annotated[int, typer.Option(help="Days back an article looks for its story.")] = 2,
    max_span: Annotated[int, typer.Option(help="Days a story may span at most.")] = 4,
    list_only: Annotated[bool, typer.Option("--list", help="Print the stored stories; do not cluster again.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stories as JSON lines.")] = False,
) -> None:
    """Cluster the stored articles into stories (the same story across outlets within a few days: shared
    entities and content words) and store them; each document then carries its story id."""
    from rich.console import Console

    from khabar.extract.stories import StoryInput, cluster_stories

    err = Console(stderr=True)
    with _open(db, must_exist=True) as store:
        if not list_only:
            with _progress(err, "stories", progress) as tick:
                items = [StoryInput(*r) for r in store.story_inputs()]
                found = cluster_stories(items, threshold=threshold, window_days=window, max_span_days=max_span,
                                        on_progress=tick(len(items)))
            n = store.set_stories(found)
            multi = sum(1 for s in found if s.outlets >= 2)
            typer.echo(f"{n} stories of 2+ articles among {len(items)} documents ({multi} carried by 2+ outlets, "
                       f"{sum(len(s.members) for s in found)} articles in a story)", err=True)
        page = store.stories(limit=show, min_outlets=min_outlets)
    for s in page["stories"]:
        if as_json:
            typer.echo(json.dumps(s, ensure_ascii=False))
            continue
        typer.echo(f"story {s['id']}: {s['outlets']} outlets, {s['documents']} articles, {s['first']} … {s['last']}")
        for m in s["members"]:
            typer.echo(f"    {m['source'] or '-'}  {(m['published'] or '-')[:10]}  {m['id']}  {m['title'] or ''}")


def _no_progress(done: int) -> None:
    return None


class _progress:
    """A rich progress bar on stderr from the first item (only on a terminal, and when asked): ``with
    _progress(console, "what", show) as tick: work(on_progress=tick(total))``; ``tick(n)`` gives the callback."""

    def __init__(self, console: Any, what: str, show: bool = True) -> None:
        self.console = console
        self.what = what
        self.show = show and console.is_terminal
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.show:
            return lambda total=None: _no_progress
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn(f"[bold]{self.what}[/]"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=self.console, transient=True)
        self.bar.start()

        def make(total: int | None = None) -> Any:
            task = self.bar.add_task("", total=total)
            return lambda done: self.bar.update(task, completed=done)

        return make

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
