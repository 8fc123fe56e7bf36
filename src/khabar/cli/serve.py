"""``khabar serve``: the HTTP API and the web page over a store (read-only), with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from khabar.cli.apps import app

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Store path or postgresql:// URL. Default: khabar.db in the user data dir, or $KHABAR_DB.")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1 = this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    max_body: Annotated[int, typer.Option(min=1, help="Largest POST /api/analyze body, in bytes.")] = 2_000_000,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="A Host header name to accept (repeatable; '*.example.org' wildcards, '*' any). "
                               "Default: localhost, 127.0.0.1, [::1] and the --host address; others get 400.")] = None,
) -> None:
    """Serve the web page (/) and the JSON API (/api/…, OpenAPI schema at /openapi.json) over the store.

    Read-only: there is no ingest endpoint and store connections refuse writes; use `khabar ingest`.
    There is no authentication, so keep the default --host 127.0.0.1 unless the network is trusted."""
    try:
        import uvicorn

        from khabar.api import create_app
    except ImportError as err:
        typer.echo(f"khabar: error: serving needs the 'serve' extra (pip install 'khabar[serve]'): {err}", err=True)
        raise typer.Exit(2) from None
    from khabar.store import default_db_path

    target = db or str(default_db_path())
    if "://" not in target and not Path(target).expanduser().exists():
        typer.echo(f"khabar: warning: no store at {target}; search answers 503 until you run "
                   f"`khabar ingest PATH --db {target}` (the analyse page works meanwhile)", err=True)
    if host not in _LOOPBACK:
        typer.echo(f"khabar: warning: listening on {host} without authentication; anyone who can reach it can "
                   "read the store and use the server's CPU; browsers must reach it by a name given with --allowed-host "
                   "(or its address), other Host headers get 400", err=True)
    typer.echo(f"khabar: serving {target} at http://{'[' + host + ']' if ':' in host else host}:{port}/ "
               "(API reference at /docs, schema at /openapi.json; Ctrl-C stops)", err=True)
    from khabar.api.app import LOOPBACK_HOSTS

    # Host-header check (against DNS rebinding): loopback names and the address served on, plus --allowed-host.
    hosts = [*LOOPBACK_HOSTS, *([] if host in ("0.0.0.0", "::") else [host]), *(allowed_host or [])]
    typer.echo("khabar: loading the analysis models (warm-up)…", err=True)
    uvicorn.run(create_app(target, max_body=max_body, allowed_hosts=hosts, warm=True), host=host, port=port,
                log_level="info")
