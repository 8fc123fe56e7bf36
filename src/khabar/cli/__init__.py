"""Command-line interface. Each module in ``COMMAND_MODULES`` registers its commands on the shared apps."""

from __future__ import annotations

import importlib

from khabar.cli.apps import app

COMMAND_MODULES: tuple[str, ...] = (
    "khabar.cli.core",  # version, analyze
    "khabar.cli.store",  # ingest, search, stats, quotes, events, export
    "khabar.cli.evaluate",  # eval docs
    "khabar.cli.text",  # bench text
    "khabar.cli.morph",  # train/eval/bench morph
    "khabar.cli.parse",  # train/eval/bench parse
    "khabar.cli.ner",  # train/eval/bench ner
    "khabar.cli.kb",  # kb build/lookup
    "khabar.cli.extract",  # times/quotes views, eval of times/quotes
    "khabar.cli.events",  # events listing, gsr eval
    "khabar.cli.topics",  # train/eval topic, dedup
    "khabar.cli.serve",  # serve (HTTP API + web page)
    "khabar.cli.scale",  # batch (Parquet, local or Dask), bench scale
    "khabar.cli.build",  # build models (every training/build step), build manifest
)


def _load() -> None:
    # Every listed module ships with khabar: a missing one fails loudly instead of dropping its commands.
    for mod in COMMAND_MODULES:
        importlib.import_module(mod)


def main() -> None:
    _load()
    app()
