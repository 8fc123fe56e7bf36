"""``khabar version`` and ``khabar analyze``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from khabar.cli.apps import app, fail
from khabar.cli.events import MIN_CONF_HELP, set_min_confidence
from khabar.document import Document


class OutFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    pretty = "pretty"


@app.command()
def version() -> None:
    """Print the khabar version."""
    from khabar import __version__

    typer.echo(__version__)


@app.command()
def analyze(
    path: Annotated[str, typer.Argument(help="A .txt/.html file, a directory, a JSONL(.gz) of {id,text,published,…} records, or - for stdin.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (anchors relative dates; a record's own date wins).")] = None,
    fmt: Annotated[OutFormat | None, typer.Option("--format", "-f", help="json (one document, indented), jsonl (one document a line; default for many), pretty (readable view).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs bigger than this many bytes (0 = no limit).")] = 10_000_000,
    min_confidence: Annotated[float | None, typer.Option(help=MIN_CONF_HELP)] = None,
) -> None:
    """Analyse Arabic news text and print khabar/1 documents (or a readable view with --format pretty).

    Inputs that cannot be read (not UTF-8, binary, too large) are reported on stderr with the file name;
    the others are still analysed. Exit status 1 when any input failed.
    """
    from khabar.ingest.readers import InputError, is_multi, read_path
    from khabar.ingest.run import analyse_all, check_date
    from khabar.models.files import ModelFileError

    set_min_confidence(min_confidence)
    try:
        check_date(published)
    except ValueError as err:
        raise fail(f"--published: {err}") from None
    if path != "-" and "://" not in path[:12] and not Path(path).exists():
        raise fail(f"{path}: no such file or directory")
    multi = is_multi(path)
    mode = fmt or (OutFormat.jsonl if multi else OutFormat.json)
    out: TextIO = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    failed = 0
    docs = []
    try:
        for _rec, res in analyse_all(read_path(path, max_bytes), published):
            if isinstance(res, InputError):
                failed += 1
                typer.echo(f"khabar: error: {res}", err=True)
                continue
            if mode is OutFormat.jsonl:
                out.write(res.to_json() + "\n")
            elif mode is OutFormat.pretty:
                out.write(render(res) + "\n")
            else:
                docs.append(res)
        if mode is OutFormat.json:
            if len(docs) == 1 and not multi:
                out.write(docs[0].to_json(indent=2) + "\n")
            elif docs or multi:
                out.write(json.dumps([d.to_dict() for d in docs], ensure_ascii=False, indent=2) + "\n")
        out.flush()
    except BrokenPipeError:  # `khabar analyze … | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    except ModelFileError as err:
        raise fail(str(err), 1) from None
    finally:
        if output:
            out.close()
    if failed:
        raise typer.Exit(1)


# -- pretty view ----------------------------------------------------------------------------------------
# A readable plain-text view of a document for terminals.
#
# Plain lines, no boxes or columns: a bidi-aware terminal then lays each Arabic line out correctly by
# itself, which rich tables (that pad and cut by visual width) would break. Each item is
# ``label  [start:end]  text`` with Latin labels on the left.

_WIDTH = 110


def _cut(s: str, n: int = _WIDTH) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render(doc: Document) -> str:
    meta = doc.meta or {}
    names = {e.id: (e.canonical_ar or e.canonical or ((e.mentions or e.coref_mentions)[0].text if e.mentions or e.coref_mentions else None) or e.id) for e in doc.entities}
    lines = [f"== {doc.id}", f"published: {meta.get('published') or '-'}   source: {meta.get('source') or '-'}"]
    if meta.get("title"):
        lines.append(f"title: {_cut(str(meta['title']))}")
    words = sum(1 for t in doc.tokens if t.kind not in ("PUNCT", "SYMBOL"))
    lines.append(
        f"{len(doc.text)} chars, {len(doc.sentences)} sentences, {words} tokens, {len(doc.entities)} entities, "
        f"{len(doc.quotes)} quotes, {len(doc.events)} events, {len(doc.times)} times"
        + (f", topic {doc.topic}" if doc.topic else "")
    )
    if doc.dateline:
        lines.append(f"dateline: {doc.dateline.text}")
    if doc.sentences:
        first = doc.sentences[0]
        lines.append(f"first sentence: {_cut(doc.text[first.start:first.end])}")

    lines.append("-- entities")
    for e in doc.entities:
        link = " ".join(x for x in (e.wikidata, e.country, e.sector) if x)
        spans = e.mentions or e.coref_mentions  # a nominal entity (issue 13) has coref mentions only
        surfaces = sorted({m.text or doc.text[m.start:m.end] for m in spans})
        lines.append(f"  {e.type:<4} {names[e.id]}" + (f"  ({e.canonical})" if e.canonical and e.canonical != names[e.id] else "")
                     + (f"  [{link}]" if link else "") + f"  x{len(spans)}" + ("" if e.mentions else " nominal")
                     + ": " + "، ".join(surfaces))
    lines.append("-- quotes")
    for q in doc.quotes:
        who = names.get(q.speaker or "", q.speaker or "?")
        content = q.content.text or doc.text[q.content.start:q.content.end]
        lines.append(f"  {q.type:<8} {who}: {_cut(content)}")
    lines.append("-- events")
    for ev in doc.events:
        actors = "، ".join(names.get(a, a) for a in ev.actor) or "?"
        recips = "، ".join(names.get(r, r) for r in ev.recipient) or "-"
        lines.append(f"  {ev.event:<9} {actors} -> {recips}  date {ev.date or '-'}  {ev.factuality}"
                     + (f"  cameo {ev.cameo}" if ev.cameo else ""))
        if ev.evidence:
            sp = ev.evidence[0]
            lines.append(f"            {_cut(sp.text or doc.text[sp.start:sp.end])}")
    lines.append("-- times")
    for t in doc.times:
        lines.append(f"  {t.type:<8} {t.value or '-':<12} {t.text}")
    return "\n".join(lines)
