"""``khabar build models`` reruns every model and data build step of the manifest in order; ``build manifest``
checks or refreshes the manifest's hashes."""

from __future__ import annotations

import os
import subprocess
import time
from typing import Annotated

import typer

from khabar.cli.apps import build_app, fail
from khabar.models.manifest import MANIFEST_PATH, load_manifest, refresh, save_manifest, unlisted, verify
from khabar.paths import shared_dir


@build_app.command("models")
def models_cmd(
    only: Annotated[list[str] | None, typer.Option("--only", help="Run only these steps (may repeat).")] = None,
    start: Annotated[str | None, typer.Option("--from", help="Start at this step and run the rest.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List the steps and their commands; run nothing.")] = False,
) -> None:
    """Rebuild the shipped models and data files from ../shared (or $KHABAR_SHARED), in dependency order.

    The whole run takes about 20-45 minutes (NER is most of it); each step's expected time is listed with
    --dry-run. Afterwards the manifest's hashes are refreshed: review the changed files and bump their versions.
    """
    manifest = load_manifest()
    names = [s.name for s in manifest.steps]
    for n in [*(only or []), *([start] if start else [])]:
        if n not in names:
            raise fail(f"no build step {n!r}; the steps are {', '.join(names)}")
    steps = manifest.steps[names.index(start):] if start else manifest.steps
    steps = [s for s in steps if s.name in only] if only else [s for s in steps if not s.optional]
    shared = shared_dir()
    for s in steps:
        typer.echo(f"{s.name:<15} {s.command}  ({s.time})  → {', '.join(s.writes)}")
        if s.note and dry_run:
            typer.echo(f"{'':<15} {s.note}")
    if dry_run:
        return
    if any(s.needs_shared for s in steps) and not (shared / "data").is_dir():
        raise fail(f"the shared data folder {shared} is missing (set KHABAR_SHARED or put shared/ beside the repo)")
    env = {**os.environ, "KHABAR_SHARED": str(shared)}
    for s in steps:
        typer.echo(f"== {s.name}: {s.command}")
        t0 = time.perf_counter()
        run = subprocess.run(s.argv(), env=env, check=False)
        if run.returncode != 0:
            raise fail(f"build step {s.name} failed (exit {run.returncode}): {s.command}", code=1)
        typer.echo(f"== {s.name}: done in {time.perf_counter() - t0:.0f} s")
    changed = refresh(manifest)
    save_manifest(manifest)
    typer.echo(f"manifest: {len(changed)} files changed" + (": " + ", ".join(changed) if changed else ""))


@build_app.command("manifest")
def manifest_cmd(
    check: Annotated[bool, typer.Option("--check", help="Only report files that differ; exit 1 if any.")] = False,
) -> None:
    """Check the shipped files against src/khabar/models/MANIFEST.json, or refresh its sizes and hashes."""
    manifest = load_manifest()
    missing = unlisted(manifest)
    if check:
        problems = verify(manifest) + [f"{p}: shipped but not in the manifest" for p in missing]
        for p in problems:
            typer.echo(p)
        if problems:
            raise typer.Exit(1)
        typer.echo(f"{len(manifest.files)} files match {MANIFEST_PATH.name}")
        return
    if missing:
        raise fail("add these files to the manifest first: " + ", ".join(missing))
    if any(p.endswith(": missing") for p in verify(manifest)):
        raise fail("; ".join(p for p in verify(manifest) if p.endswith(": missing")))
    changed = refresh(manifest)
    save_manifest(manifest)
    typer.echo(f"manifest: {len(changed)} files changed" + (": " + ", ".join(changed) if changed else ""))
