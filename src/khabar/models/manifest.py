"""The model manifest: every shipped model and data file with its version, build step, data, licence and sha256.

``src/khabar/models/MANIFEST.json`` holds two lists. ``steps`` are the commands that rebuild the built files, in
the order they must run (a later step may read what an earlier one wrote); ``files`` name each shipped file by
its path inside the package, the step that writes it (``null`` for hand-written data), what it was trained or
built from, its licence and its sha256. A retrained model must update its hash (``khabar build manifest``),
which the test suite checks.
"""

from __future__ import annotations

import hashlib
import json
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.resources import PACKAGE_ROOT, package_file

MANIFEST_PATH = package_file("models", "MANIFEST.json")

# Shipped files that are documentation or code rather than data, and so are not listed.
_NOT_DATA_SUFFIXES = (".py", ".pyc", ".md", ".html", ".js", ".css")
_DATA_DIRS = ("data", "models", "kb")


@dataclass(frozen=True)
class Step:
    name: str
    command: str  # as a user would type it; ``khabar …`` and ``python -m …`` run with this interpreter
    writes: tuple[str, ...]
    needs_shared: bool
    time: str
    note: str = ""
    optional: bool = False  # run by `khabar build models` only when named with --only

    def argv(self) -> list[str]:
        """The command as an argument list for the running interpreter (no PATH lookup, no shell)."""
        words = shlex.split(self.command)
        if words[:1] == ["khabar"]:
            return [sys.executable, "-m", "khabar", *words[1:]]
        if words[:2] == ["python", "-m"]:
            return [sys.executable, *words[1:]]
        raise ValueError(f"step {self.name}: command must start with `khabar` or `python -m`: {self.command!r}")


@dataclass
class Entry:
    path: str  # relative to the package root (src/khabar)
    kind: str
    version: str
    step: str | None
    data: str
    licence: str
    sha256: str
    bytes: int


@dataclass
class Manifest:
    steps: list[Step]
    files: list[Entry]
    header: dict[str, Any]

    def step(self, name: str) -> Step:
        for s in self.steps:
            if s.name == name:
                return s
        raise KeyError(f"no build step {name!r}; the steps are {', '.join(s.name for s in self.steps)}")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_manifest(path: Path = MANIFEST_PATH) -> Manifest:
    raw = json.loads(path.read_text(encoding="utf-8"))
    steps = [Step(s["name"], s["command"], tuple(s["writes"]), bool(s["needs_shared"]), s["time"], s.get("note", ""),
                  bool(s.get("optional", False))) for s in raw["steps"]]
    files = [Entry(**f) for f in raw["files"]]
    header = {k: v for k, v in raw.items() if k not in ("steps", "files")}
    return Manifest(steps, files, header)


def save_manifest(manifest: Manifest, path: Path = MANIFEST_PATH) -> None:
    steps = []
    for s in manifest.steps:
        d: dict[str, Any] = {"name": s.name, "command": s.command, "writes": list(s.writes),
                             "needs_shared": s.needs_shared, "time": s.time}
        if s.note:
            d["note"] = s.note
        if s.optional:
            d["optional"] = True
        steps.append(d)
    out = {**manifest.header, "steps": steps, "files": [vars(f) for f in manifest.files]}
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def verify(manifest: Manifest, root: Path = PACKAGE_ROOT) -> list[str]:
    """One line per listed file that is missing or whose size or sha256 differs from the manifest."""
    problems = []
    for e in manifest.files:
        p = root / e.path
        if not p.is_file():
            problems.append(f"{e.path}: missing")
        elif (size := p.stat().st_size) != e.bytes or sha256_file(p) != e.sha256:
            problems.append(f"{e.path}: differs from the manifest ({size:,} bytes, sha256 {sha256_file(p)[:12]}…; "
                            f"listed {e.bytes:,} bytes, {e.sha256[:12]}…)")
    return problems


def refresh(manifest: Manifest, root: Path = PACKAGE_ROOT) -> list[str]:
    """Set each listed file's size and sha256 from disk; returns the paths that changed."""
    changed = []
    for e in manifest.files:
        p = root / e.path
        digest, size = sha256_file(p), p.stat().st_size
        if (digest, size) != (e.sha256, e.bytes):
            e.sha256, e.bytes = digest, size
            changed.append(e.path)
    return changed


def unlisted(manifest: Manifest, root: Path = PACKAGE_ROOT) -> list[str]:
    """Data files shipped in the package (under data/, models/, kb/) that the manifest does not list."""
    listed = {e.path for e in manifest.files} | {MANIFEST_PATH.relative_to(PACKAGE_ROOT).as_posix()}
    found = []
    for top in _DATA_DIRS:
        for p in sorted((root / top).rglob("*")):
            rel = p.relative_to(root).as_posix()
            if (p.is_file() and not p.name.endswith(_NOT_DATA_SUFFIXES) and "__pycache__" not in p.parts
                    and not p.name.startswith(("LICENSE", ".")) and rel not in listed):
                found.append(rel)
    return found
