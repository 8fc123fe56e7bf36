"""``khabar events PATH`` (events of one article, as a table, JSON or GDELT-style CSV, via :func:`show_events`) and
``khabar eval gsr [FILE]`` (PLOVER type recall and source-actor match on the UniversalPetrarch Arabic GSR).

Without a PATH, ``khabar events`` lists the events kept in the store (``khabar.cli.store``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import eval_app, fail, train_app

MIN_CONF_HELP = ("Drop PROTEST/ASSAULT events whose detection confidence is below this (0-1; default: the "
                 "detector's precision-favouring threshold, see data/events/DETECTOR_MODEL_CARD.md).")


def set_min_confidence(value: float | None) -> None:
    """Pass --min-confidence to the events stage (through the environment, so worker processes see it too)."""
    import os

    from khabar.extract.eventcoder.detector import ENV_MIN

    if value is None:
        return
    if not 0.0 <= value <= 1.0:
        raise fail(f"--min-confidence must be between 0 and 1, got {value}")
    os.environ[ENV_MIN] = repr(float(value))


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    if not p.is_file():
        raise typer.BadParameter(f"no such file: {path}")
    return p.read_text(encoding="utf-8", errors="replace")


def show_events(
    path: Annotated[str, typer.Argument(help="Article text file (UTF-8), or - for stdin.")],
    published: Annotated[str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv (GDELT-style).")] = "table",
    all_factuality: Annotated[bool, typer.Option("--all", help="Also list negated/hypothetical/future.")] = False,
) -> None:
    """Analyse one article and list its PLOVER events (actor → recipient, date, factuality, evidence)."""
    from khabar.extract.eventcoder.export import events_to_csv
    from khabar.pipeline import analyze

    doc = analyze(_read(path), published=published)
    if not all_factuality:
        doc.events = [e for e in doc.events if e.factuality == "asserted"]
    if fmt == "json":
        typer.echo(json.dumps([e.to_dict() for e in doc.events], ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        events_to_csv([doc], sys.stdout)
        return

    def names(ids: list[str]) -> str:
        out = []
        for i in ids:
            ent = doc.entity(i)
            label = (ent.canonical or ent.canonical_ar or ((ent.mentions or ent.coref_mentions)[0].text if ent.mentions or ent.coref_mentions else i)) if ent else i
            code = f" [{ent.country or ''}{ent.sector or ''}]" if ent and (ent.country or ent.sector) else ""
            out.append(f"{label}{code}")
        return ", ".join(out)

    table = Table(title=f"{len(doc.events)} event(s)")
    for col in ("event", "cameo", "actor", "recipient", "date", "factuality", "evidence"):
        table.add_column(col)
    for e in doc.events:
        date = (e.date or "") + (" (published)" if e.extra.get("date_basis") == "published" else "")
        ev = " | ".join((s.text or "")[:60] for s in e.evidence[:3])
        table.add_row(e.event, e.cameo or "", names(e.actor), names(e.recipient), date, e.factuality, ev)
    Console().print(table)


@eval_app.command("gsr")
def eval_gsr(
    path: Annotated[Path | None, typer.Argument(help="GSR JSONL (default: shared gsr-dev.jsonl).")] = None,
    pipeline: Annotated[bool, typer.Option("--pipeline", help="Run the full pipeline, not the coder alone.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    spans: Annotated[Path | None, typer.Option(help="Gold source/target spans JSONL (default: shared spans-dev.jsonl).")] = None,
) -> None:
    """PLOVER type recall and source-actor match on GSR sentences (even rows tune, odd rows check, all)."""
    from khabar.eval import events_gsr as gsr

    src = path or gsr.DEFAULT_GSR
    if not src.is_file():
        raise typer.BadParameter(f"no such file: {src}")
    rows = [s.row() for s in gsr.evaluate(src, pipeline=pipeline)]
    span_src = spans or gsr.DEFAULT_SPANS
    args = gsr.score_spans(span_src, pipeline) if span_src.is_file() else None
    if fmt == "json":
        typer.echo(json.dumps({"gsr": rows, "arguments": args}, ensure_ascii=False, indent=1))
        return
    keys = ["sentences", "type_recall", "type_recall_at_threshold", "type_recall_asserted", "nothing_coded", "source_rows", "source_match",
            "code_rows", "source_code_match", "recall_ASSAULT", "recall_PROTEST", "events_per_sentence",
            "ms_per_sentence"]
    table = Table(title=f"khabar eval gsr: {src.name}" + (" (full pipeline)" if pipeline else " (event coder)"),
                  caption="type recall: some event of the gold type; source match: an actor of such an event shares "
                          "a word stem with the gold source text (rows with one); code match: gold country/sector.")
    table.add_column("measure")
    for r in rows:
        table.add_column(str(r["split"]), justify="right")
    for k in keys:
        if any(k in r for r in rows):
            table.add_row(k, *[str(r.get(k, "")) for r in rows])
    Console().print(table)
    if args:
        how = "full pipeline" if pipeline else "event coder"
        at = Table(title=f"arguments: {span_src.name} ({args['sentences']} sentences, {how}, every candidate)",
                   caption="filled: an event of the gold type has the role; matched: a filler shares a word stem "
                           "with the gold span")
        for col in ("role", "gold rows", "filled", "matched", "precision", "recall", "F1"):
            at.add_column(col, justify="right")
        for role in ("source", "target"):
            v = args[role]
            at.add_row(role, str(v["gold_rows"]), str(v["filled"]), str(v["matched"]), f"{v['precision']:.3f}",
                       f"{v['recall']:.3f}", f"{v['f1']:.3f}")
        Console().print(at)


@train_app.command("events")
def train_events(
    path: Annotated[Path | None, typer.Argument(help="Detection JSONL (default: shared detection-dev.jsonl).")] = None,
    out: Annotated[Path | None, typer.Option(help="Model file (default: the packaged data/events/detector.json.gz).")] = None,
    dry_run: Annotated[bool, typer.Option(help="Train and score, write nothing.")] = False,
    cache: Annotated[Path | None, typer.Option(help="Cache the analysed sentences here (JSONL.gz).")] = None,
) -> None:
    """Train the event detector (logistic regression over the coder's candidates; needs the `train` extra).

    Split by sha1(id): 80 % train, 20 % dev; L2 and the per-type thresholds chosen by 5-fold CV on train; dev scored once.
    """
    from khabar.extract.eventcoder import detection, detector

    src = path or detection.DETECTION_DEV
    if not src.is_file():
        raise fail(f"no such file: {src}")
    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
    except ImportError:
        raise fail("training needs numpy and scipy: pip install -e '.[train]'") from None
    rep = detection.train(src, None if dry_run else (out or detector.MODEL_PATH),
                          log=lambda m: typer.echo(m, err=True), cache=cache)
    con = Console()
    con.print(f"lambda {rep['lambda']:g}, thresholds {_thr(rep['threshold'])}, {rep['features']:,} features")
    con.print(_prf_table("train split, out-of-fold (5 folds)", rep["oof"]))
    con.print(_prf_table("dev split (20 %, not used for any choice)", rep["dev"]))
    con.print(_prf_table("dev split, no parse features (the weights for unparsed documents)", rep["dev_noparse"]))


def _thr(t: float | dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in t.items()) if isinstance(t, dict) else f"{t:.2f}"


def _prf_table(title: str, scores: dict[str, dict[str, float]]) -> Table:
    table = Table(title=title)
    for col in ("type", "sentences", "gold yes", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(col, justify="right")
    for name, v in scores.items():
        table.add_row(name, str(v["sentences"]), str(v["gold"]), str(v["tp"]), str(v["fp"]), str(v["fn"]),
                      f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}")
    return table


@eval_app.command("events-detection")
def eval_events_detection(
    path: Annotated[Path | None, typer.Argument(help="Detection JSONL: id, text, event_type, label (default: shared detection-dev.jsonl).")] = None,
    split: Annotated[str, typer.Option(help="dev (20 % by sha1(id)), train or all.")] = "dev",
    threshold: Annotated[float | None, typer.Option(help="Confidence threshold (default: the shipped one).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    cache: Annotated[Path | None, typer.Option(help="Cache the analysed sentences here (JSONL.gz).")] = None,
) -> None:
    """Sentence-level PROTEST/ASSAULT detection P/R/F1 per type: a sentence is positive when an event of its
    type is coded with confidence ≥ the threshold (no candidate = no event)."""
    from khabar.extract.eventcoder import detection

    src = path or detection.DETECTION_DEV
    if not src.is_file():
        raise fail(f"no such file: {src}")
    if split not in ("dev", "train", "all"):
        raise fail(f"--split must be dev, train or all, got {split!r}")
    try:
        res = detection.evaluate(src, split, threshold, cache=cache)
    except ValueError as err:
        raise fail(str(err)) from None
    if fmt == "json":
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    con = Console()
    con.print(_prf_table(f"{src.name}, split {split}: threshold {_thr(res['threshold'])}", res["scores"]))
    con.print(_prf_table("every candidate counted (threshold 0: the coder alone)", res["candidates_only"]))
