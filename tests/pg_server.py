"""A throw-away PostgreSQL server for tests and benchmarks: initdb on a temp dir, pg_ctl on a free port.

No mocks: the store tests talk to a real server. Binaries come from ``$PG_BINDIR``, ``pg_config --bindir``,
``/usr/lib/postgresql/*/bin`` (Debian's package; ``.ci/postgres.sh`` installs it) or ``PATH``. initdb refuses
to run as root, so under root the server runs as the ``postgres`` user (created if missing). Set
``KHABAR_TEST_PG_DSN`` to use an existing server instead (databases are created and dropped on it).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any


def find_bindir() -> Path | None:
    """The directory holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    cands: list[Path] = []
    if os.environ.get("PG_BINDIR"):
        cands.append(Path(os.environ["PG_BINDIR"]))
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=False)
            if out.returncode == 0 and out.stdout.strip():
                cands.append(Path(out.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name)) or (0,)

    cands += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        cands.append(Path(initdb).resolve().parent)
    for c in cands:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> tuple[str | None, Any]:
    """(user name, pwd entry) to run the server as: None when not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None, None
    import pwd

    for name in ("postgres", "khabar-pg"):
        try:
            return name, pwd.getpwnam(name)
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "khabar-pg"],
                   check=True, capture_output=True, timeout=30)
    return "khabar-pg", pwd.getpwnam("khabar-pg")


class TempPostgres:
    """``with TempPostgres() as pg: dsn = pg.new_database()`` — a private server, removed on exit."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.settings = settings or {}  # extra server settings (-c name=value), e.g. shared_buffers
        self.external = os.environ.get("KHABAR_TEST_PG_DSN")
        self.bindir = None if self.external else find_bindir()
        self.dir: Path | None = None
        self.port = 0
        self.running = False
        self._opts = ""
        self._dbs: list[str] = []

    @property
    def available(self) -> bool:
        return bool(self.external) or self.bindir is not None

    def _run(self, args: list[str], pw: Any) -> subprocess.CompletedProcess[str]:
        kw: dict[str, Any] = {}
        if pw is not None:  # root: drop to the unprivileged server user
            kw = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": [], "env": {**os.environ, "HOME": str(self.dir)}}
        return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False, cwd=self.dir, **kw)

    def start(self) -> TempPostgres:
        if self.external or self.running:
            return self
        if self.bindir is None:
            raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl) found")
        _, pw = _server_user()
        self.dir = Path(tempfile.mkdtemp(prefix="khabar-pg-", dir="/tmp" if Path("/tmp").is_dir() else None))
        if pw is not None:
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        data = self.dir / "data"
        res = self._run([str(self.bindir / "initdb"), "-D", str(data), "-U", "khabar", "-A", "trust", "-E", "UTF8",
                         "--no-locale", "--no-sync"], pw)
        if res.returncode:
            raise RuntimeError(f"initdb failed: {res.stderr.strip() or res.stdout.strip()}")
        # Durability off: a test server is thrown away, and fsync on a loaded disk only adds seconds.
        for _attempt in range(3):  # the free port may be taken between choosing and binding
            self.port = _free_port()
            opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
                    " -c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
                    + "".join(f" -c {k}={v}" for k, v in self.settings.items()))
            res = self._run([str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "server.log"),
                             "-w", "-t", "60", "-o", opts, "start"], pw)
            if res.returncode == 0:
                self._opts = opts
                self.running = True
                atexit.register(self.stop)
                return self
        log = (self.dir / "server.log").read_text("utf-8", "replace")[-2000:] if (self.dir / "server.log").exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {res.stderr.strip()}\n{log}")

    def restart(self) -> None:
        """Stop the server abruptly (as a crash would) and start it again on the same port and data."""
        if self.external or not self.running or self.dir is None or self.bindir is None:
            raise RuntimeError("only a private running server can be restarted")
        _, pw = _server_user()
        data = str(self.dir / "data")
        self._run([str(self.bindir / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"], pw)
        res = self._run([str(self.bindir / "pg_ctl"), "-D", data, "-l", str(self.dir / "server.log"),
                         "-w", "-t", "60", "-o", self._opts, "start"], pw)
        if res.returncode:
            raise RuntimeError(f"pg_ctl restart failed: {res.stderr.strip()}")

    def dsn(self, dbname: str = "postgres") -> str:
        if self.external:  # the same server URL with another database name
            from urllib.parse import urlsplit, urlunsplit

            return urlunsplit(urlsplit(self.external)._replace(path="/" + dbname))
        return f"postgresql://khabar@127.0.0.1:{self.port}/{dbname}"

    def new_database(self, prefix: str = "t") -> str:
        """Create an empty database and return its DSN."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        self._dbs.append(name)
        return self.dsn(name)

    def stop(self) -> None:
        if self.external:
            import psycopg

            with psycopg.connect(self.dsn("postgres"), autocommit=True) as con:
                for name in self._dbs:
                    con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._dbs.clear()
            return
        if self.running and self.dir is not None and self.bindir is not None:
            _, pw = _server_user()
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop"], pw)
            self.running = False
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def __enter__(self) -> TempPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
