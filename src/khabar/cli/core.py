"""``khabar version`` (and, from the foundation issue, ``khabar analyze``)."""

from __future__ import annotations

import typer

from khabar.cli.apps import app


@app.command()
def version() -> None:
    """Print the khabar version."""
    from khabar import __version__

    typer.echo(__version__)
