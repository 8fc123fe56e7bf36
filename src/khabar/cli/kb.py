"""``khabar kb build|lookup|eval`` and ``khabar bench kb``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import bench_app, kb_app
from khabar.paths import SEED_DIR, SHARED_DATA

_KB_OPT = typer.Option("--kb", help="Extra KB entries (JSONL, curated format); may repeat.")
_DEV_DIR = Path(__file__).resolve().parents[3] / "tests" / "data" / "kb_dev"
_SEED = SEED_DIR / "gold.json"


@kb_app.command("build")
def build_cmd(
    shared: Annotated[Path, typer.Option(help="The shared data folder (gazetteers/, events/).")] = SHARED_DATA,
    out: Annotated[Path | None, typer.Option(help="Where to write the KB (default: the packaged file).")] = None,
    anergazet: Annotated[
        bool, typer.Option("--anergazet", help="Add ANERGazet type hints (research-use licence: not for the shipped KB).")
    ] = False,
) -> None:
    """Build the KB from the shared gazetteers, the Petrarch dictionaries and the curated list."""
    from khabar.kb.build import build
    from khabar.kb.kb import KB_FILE

    stats = build(shared, out or KB_FILE, anergazet=anergazet)
    table = Table(title=f"KB built: {out or KB_FILE}")
    table.add_column("part")
    table.add_column("count", justify="right")
    for k, v in stats.items():
        table.add_row(k, f"{v:,}")
    Console().print(table)


@kb_app.command("lookup")
def lookup_cmd(
    name: Annotated[str, typer.Argument(help="A name as written (Arabic), e.g. بوتين or الناتو.")],
    date: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for role-dependent ranking.")] = None,
    kb_files: Annotated[list[Path] | None, _KB_OPT] = None,
) -> None:
    """Show the KB entities a name may refer to, best first."""
    from khabar.kb import kb_key, load_kb

    kb = load_kb(extra=kb_files or [])
    hits = kb.lookup(name, date)
    table = Table(title=f"{name}  (key: {kb_key(name)})")
    for col in ("id", "type", "English", "Arabic", "QID", "country", "sector", "roles"):
        table.add_column(col)
    for e in hits:
        roles = "; ".join(f"{r} {o} {s or ''}–{t or ''}" for r, o, s, t in e.roles)
        table.add_row(e.id, e.type, e.en or "", e.ar or "", e.qid or "", e.country or "", e.sector or "", roles)
    adj = kb.adjective_country(kb_key(name))
    Console().print(table)
    if adj:
        typer.echo(f"nationality adjective of {adj}")
    if not hits and not adj:
        raise typer.Exit(1)


@kb_app.command("eval")
def eval_cmd(
    paths: Annotated[list[Path] | None, typer.Argument(help="Gold files (default: seed + tests/data/kb_dev).")] = None,
    mode: Annotated[str, typer.Option(help="gold-ner (fake NER from gold mentions), gaz (no NER at all) or pipeline (the real NER).")] = "gold-ner",
    kb_files: Annotated[list[Path] | None, _KB_OPT] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
) -> None:
    """Entity resolution + linking scores: entities found, linking accuracy (gold QIDs), nil accuracy."""
    from khabar.kb import load_kb
    from khabar.kb.evaluate import evaluate

    if not paths:
        paths = ([_SEED] if _SEED.exists() else []) + sorted(_DEV_DIR.glob("*.json"))
    total, per = evaluate(list(paths), load_kb(extra=kb_files or []), mode=mode)
    table = Table(title=f"entity resolution ({mode})")
    for col in ("doc", "gold ents", "found", "found %", "QID gold", "linked right", "link acc", "nil acc"):
        table.add_column(col, justify="right")
    for name, s in [*per.items(), ("ALL", total)]:
        table.add_row(name, str(s.gold), str(s.found), f"{s.found_rate:.3f}", str(s.linked_gold),
                      str(s.linked_right), f"{s.link_acc:.3f}", f"{s.nil_acc:.3f}")
    Console().print(table)
    if verbose:
        for e in total.errors:
            typer.echo(e)


@bench_app.command("kb")
def bench_kb(
    n: Annotated[int, typer.Option(help="Mentions to look up.")] = 200_000,
) -> None:
    """KB load time, size and lookup speed (mentions/s), plus resolution speed on the seed."""
    from khabar.kb.kb import KB_FILE, _load_cached, load_kb

    _load_cached.cache_clear()
    t0 = time.perf_counter()
    kb = load_kb()
    load_s = time.perf_counter() - t0
    names = [e.ar for e in kb.entities if e.ar] + [a for e in kb.entities for a in e.aliases]
    names += ["و" + x for x in names[:500]] + ["غير موجود", "الرئيس", "محمد"]
    batch = (names * (n // len(names) + 1))[:n]
    t0 = time.perf_counter()
    hits = sum(1 for x in batch if kb.lookup(x, "2021-12-12"))
    look_s = time.perf_counter() - t0
    table = Table(title="khabar KB")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("entities", f"{len(kb):,}")
    table.add_row("aliases (index keys)", f"{len(kb.alias):,}")
    table.add_row("file size", f"{KB_FILE.stat().st_size / 1e6:.2f} MB (gzip)")
    table.add_row("load time", f"{load_s:.3f} s")
    table.add_row("lookups", f"{n:,} ({hits / n:.0%} hit)")
    table.add_row("lookups/s", f"{n / look_s:,.0f}")
    if _SEED.exists():
        from khabar.kb.evaluate import fake_ner, load_gold
        from khabar.kb.resolve import Resolver

        gold, text = load_gold(_SEED)
        r = Resolver(kb)
        t0 = time.perf_counter()
        for _ in range(20):
            r(fake_ner(gold, text))
        table.add_row("resolve (seed, fake NER)", f"{(time.perf_counter() - t0) / 20 * 1000:.1f} ms/doc")
    Console().print(table)
