"""The store: analysed documents kept and searchable. ``open_store(path)`` opens the embedded SQLite store.

The default location is ``khabar.db`` in the user's data directory (platformdirs); ``KHABAR_DB`` or an
explicit path overrides it.
"""

from __future__ import annotations

import os
from pathlib import Path

from khabar.store.sqlite import SCHEMA_VERSION, Hit, SQLiteStore, content_hash

__all__ = ["SCHEMA_VERSION", "Hit", "SQLiteStore", "content_hash", "default_db_path", "open_store"]


def default_db_path() -> Path:
    env = os.environ.get("KHABAR_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("khabar", appauthor=False)) / "khabar.db"


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> SQLiteStore:
    """Open (create or migrate) the store at ``path`` (default: :func:`default_db_path`). ``read_only``:
    open an existing store for reading only (works on a read-only file; writes are refused)."""
    target = str(path) if path else str(default_db_path())
    if target.startswith(("postgresql://", "postgres://")):
        from khabar.store.postgres import PostgresStore  # lazy: psycopg is an optional dependency

        store = PostgresStore(target)
        if read_only:
            store.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return store  # type: ignore[return-value]
    return SQLiteStore(target, read_only=read_only)
