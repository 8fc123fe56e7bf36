"""Views and scores of the times and quotes layers.

``khabar times PATH`` and ``khabar quotes PATH`` (via :func:`show_quotes`) show what the extractors find in an article (``--format
pretty`` table by default, or ``json``); ``khabar eval quotes-times`` scores them against khabar/1 gold files
(entities from the gold file by default, to judge these stages alone); ``khabar eval timex-omani`` checks the
time recogniser on the Omani TimeML files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import app, eval_app
from khabar.paths import SHARED_DATA

_MAX_BYTES = 20_000_000


def _read_text(path: str) -> str:
    import sys

    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    data = p.read_bytes()[:_MAX_BYTES]
    return data.decode("utf-8", errors="replace")


def _analyse(text: str, published: str | None, entities_from: Path | None) -> Any:
    """Run the pipeline up to times+quotes; ``entities_from`` (a khabar/1 JSON) replaces NER+KB."""
    from khabar.document import Document, Entity
    from khabar.extract.quotes import quotes_stage
    from khabar.extract.times import times_stage

    if entities_from is not None:
        gold = json.loads(entities_from.read_text(encoding="utf-8"))
        doc = Document(text=text, meta={"published": published} if published else {})
        doc.entities = [Entity.from_dict(e) for e in gold.get("entities", [])]
        times_stage(doc)
        quotes_stage(doc)
        return doc
    from khabar.pipeline import Pipeline

    names = ["tokenize", "sentences", "dateline", "morph", "parse", "ner", "resolve", "clauses", "times",
             "quotes"]
    pipe = Pipeline(names)
    return pipe(text, published=published)


@app.command("times")
def times_cmd(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file (or - for stdin).")],
    published: Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="pretty or json.")] = "pretty",
) -> None:
    """Time expressions (TIMEX3 type and ISO value) of one article."""
    from khabar.extract.times import extract_times
    from khabar.extract.timex.rules import parse_anchor

    text = _read_text(path)
    times = extract_times(text, published)
    if fmt == "json":
        typer.echo(json.dumps([t.to_dict() for t in times], ensure_ascii=False, indent=1))
        return
    anchor = parse_anchor(published)
    title = f"{len(times)} time expression(s); anchor: {anchor or 'none — relative values left unresolved'}"
    table = Table(title=title)
    for col in ("start", "end", "text", "type", "value"):
        table.add_column(col)
    for t in times:
        table.add_row(str(t.start), str(t.end), t.text, t.type, str(t.value))
    Console().print(table)


def show_quotes(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file (or - for stdin).")],
    published: Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD.")] = None,
    entities: Annotated[
        Path | None, typer.Option("--entities", help="Take entities from this khabar/1 JSON instead of NER+KB.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="pretty or json.")] = "pretty",
) -> None:
    """Quotations of one article: type, speaker, addressee, cue and content."""
    text = _read_text(path)
    doc = _analyse(text, published, entities)
    if fmt == "json":
        typer.echo(json.dumps([q.to_dict() for q in doc.quotes], ensure_ascii=False, indent=1))
        return
    names = {e.id: (e.canonical_ar or ((e.mentions or e.coref_mentions)[0].text if e.mentions or e.coref_mentions else e.id)) for e in doc.entities}
    table = Table(title=f"{len(doc.quotes)} quotation(s)")
    for col in ("type", "speaker", "addressee", "cue", "content"):
        table.add_column(col, overflow="fold")
    for q in doc.quotes:
        table.add_row(
            q.type,
            names.get(q.speaker, q.speaker or "–"),
            names.get(q.addressee, q.addressee or "–"),
            q.cue.text if q.cue else "–",
            q.content.text or "",
        )
    Console().print(table)


def _row(table: Table, name: str, prf: Any) -> None:
    table.add_row(name, f"{100 * prf.p:.1f}", f"{100 * prf.r:.1f}", f"{100 * prf.f1:.1f}",
                  str(prf.tp), str(prf.fp), str(prf.fn))


@eval_app.command("quotes-times")
def eval_quotes_times(
    gold: Annotated[list[Path], typer.Argument(help="khabar/1 gold JSON files (or folders of them).")],
    text: Annotated[Path | None, typer.Option("--text", help="Article text for gold files without text.")] = None,
    upstream: Annotated[
        str, typer.Option("--upstream", help="gold: entities from the gold file; pipeline: NER+KB run.")
    ] = "gold",
    per_document: Annotated[bool, typer.Option("--per-document", help="One row per document.")] = False,
) -> None:
    """Score the times and quotes layers (time value, quote+speaker) against gold."""
    from khabar.eval.times_quotes import PRF, gold_text, run_on_gold, score_quotes, score_times

    files: list[Path] = []
    for g in gold:
        files += sorted(g.glob("*.json")) if g.is_dir() else [g]
    tot = {k: PRF() for k in ("tv", "ts", "qs", "qc")}
    table = Table(title=f"khabar eval quotes-times: {len(files)} document(s), upstream={upstream}")
    for col in ("layer", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "layer" else "left")
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        doc = run_on_gold(g, gold_text(g, text), upstream)
        ents = g.get("entities", [])
        parts = {
            "tv": score_times(doc.times, g.get("times", [])),
            "ts": score_times(doc.times, g.get("times", []), value=False),
            "qs": score_quotes(doc.quotes, doc.entities, g.get("quotes", []), ents),
            "qc": score_quotes(doc.quotes, doc.entities, g.get("quotes", []), ents, speaker=False),
        }
        for k, v in parts.items():
            tot[k].add(v)
        if per_document:
            _row(table, f"{f.stem[:28]} times", parts["tv"])
            _row(table, f"{f.stem[:28]} quotes", parts["qs"])
    for k, label in (("tv", "time value"), ("ts", "  time span"), ("qs", "quote+speaker"), ("qc", "  quote content")):
        _row(table, label, tot[k])
    Console().print(table)


@eval_app.command("timex-omani")
def eval_timex_omani(
    folder: Annotated[Path, typer.Argument(help="Folder of .tml files.")] = SHARED_DATA / "timex/omani-news/tml",
) -> None:
    """Time expressions against the Omani TimeML files (tags may be imperfect; no document date given:
    it is inferred from a gold اليوم/أمس/غدا where there is one, else relative values cannot be scored)."""
    from khabar.eval.times_quotes import PRF, infer_dct, read_tml, score_times
    from khabar.extract.times import extract_times

    span, value, value_dct = PRF(), PRF(), PRF()
    n_dct = 0
    files = sorted(folder.glob("*.tml"))
    for f in files:
        text, gold = read_tml(f)
        dct = infer_dct(gold)
        times = extract_times(text, dct)
        span.add(score_times(times, gold, value=False))
        v = score_times(times, gold)
        value.add(v)
        if dct:
            n_dct += 1
            value_dct.add(v)
    table = Table(title=f"khabar eval timex-omani: {len(files)} files ({n_dct} with an inferable document date)")
    for col in ("layer", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "layer" else "left")
    _row(table, "span overlap", span)
    _row(table, "value (all files)", value)
    _row(table, "value (files with date)", value_dct)
    Console().print(table)
