"""The typer apps every CLI module attaches its commands to (one module per face of the CLI), and ``fail``."""

from __future__ import annotations

import typer

app = typer.Typer(help="khabar: Arabic news to structured, searchable facts.", no_args_is_help=True)


def _version(value: bool) -> None:
    if value:
        from khabar import __version__

        typer.echo(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the khabar version and exit."),
) -> None:
    """khabar: Arabic news to structured, searchable facts."""
eval_app = typer.Typer(help="Score khabar output against gold data.", no_args_is_help=True)
train_app = typer.Typer(help="Train the models shipped in the package.", no_args_is_help=True)
bench_app = typer.Typer(help="Speed and memory benchmarks, printed as tables.", no_args_is_help=True)
kb_app = typer.Typer(help="The knowledge base: build and look up entities.", no_args_is_help=True)
build_app = typer.Typer(help="Rebuild every shipped model and data file; check the model manifest.",
                        no_args_is_help=True)

app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
app.add_typer(bench_app, name="bench")
app.add_typer(kb_app, name="kb")
app.add_typer(build_app, name="build")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``khabar: error: …`` on stderr and return the Exit to raise (no traceback for users)."""
    typer.echo(f"khabar: error: {message}", err=True)
    return typer.Exit(code)
