"""Turn paths into article records: .txt files, .html pages, JSONL(.gz) dumps, directory trees, stdin.

Every input yields either a :class:`Record` (text + meta, ready for ``khabar.analyze``) or an
:class:`InputError` naming the file (and line) and saying what is wrong, so that one bad file in a
corpus is reported and skipped instead of stopping the run.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.dates import date_problem

# Default ceiling for one article; a bigger input is reported, not analysed (a 20 MB "article" is a dump).
DEFAULT_MAX_BYTES = 10_000_000

TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(slots=True)
class Record:
    """One article: its text, an id (may be empty: the content hash is used) and metadata."""

    text: str
    id: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # "file" or "file:line", for messages
    warnings: list[str] = field(default_factory=list)  # kept but worth telling (an impossible date dropped)


@dataclass(slots=True)
class InputError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class InputProblem(ValueError):
    """Raised by the decoding helpers; turned into an :class:`InputError` by the readers."""


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _plausible(text: str) -> bool:
    """Most non-space characters are Arabic, Latin, digits or punctuation (not CJK pairs of stray bytes)."""
    chars = [c for c in text[:4096] if not c.isspace()]
    if not chars:
        return True
    ok = sum(1 for c in chars if c < "\u0250" or "\u0600" <= c <= "\u08ff" or "\u2000" <= c <= "\u206f"
             or "\ufb50" <= c <= "\ufeff")
    return ok >= 0.8 * len(chars)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 control characters in the first 8 KiB: not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def decode_text(data: bytes, origin: str) -> str:
    """UTF-8 (BOM allowed), UTF-16 with its BOM, or a clear :class:`InputProblem`; never guesses another
    encoding silently (UTF-16 without a BOM is reported as binary: its NUL bytes are all one can see)."""
    if data[:2] in _UTF16_BOMS:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputProblem(f"UTF-16 (byte order mark) but not valid UTF-16 at byte {err.start}; "
                               "re-encode the file as UTF-8") from None
        if not _plausible(text):  # b"\xff\xfe" then bytes that pair into CJK: Latin-1 or binary, not UTF-16
            raise InputProblem("starts with a UTF-16 byte order mark but does not decode to Arabic or Latin "
                               "text; re-encode the file as UTF-8")
        return text
    if looks_binary(data):
        raise InputProblem("looks like a binary file, not text (NUL or control bytes); skipped")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise InputProblem(
            f"not valid UTF-8 (byte 0x{bad} at offset {err.start}); re-encode the file as UTF-8"
        ) from None
    return text


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if max_bytes and size > max_bytes:
        raise InputProblem(
            f"too large for one article ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit; "
            "raise it with --max-bytes, or split the file)"
        )
    return path.read_bytes()


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    origin = str(path)
    try:
        text = decode_text(_read_bytes(path, max_bytes), origin)
    except (InputProblem, OSError) as err:
        yield InputError(origin, str(err) if isinstance(err, InputProblem) else f"cannot read: {err.strerror or err}")
        return
    yield Record(text=text, id=path.stem, meta={"source_path": origin}, origin=origin)


def read_html_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    origin = str(path)
    try:
        raw = _read_bytes(path, max_bytes)
        if looks_binary(raw):
            raise InputProblem("looks like a binary file, not HTML; skipped")
    except (InputProblem, OSError) as err:
        yield InputError(origin, str(err) if isinstance(err, InputProblem) else f"cannot read: {err.strerror or err}")
        return
    try:
        from khabar.ingest.html import extract_html
    except ImportError as err:  # trafilatura is an optional extra
        yield InputError(origin, f"HTML needs the 'ingest' extra (pip install 'khabar[ingest]'): {err}")
        return
    try:
        text, meta = extract_html(raw)
    except Exception as err:  # a broken page must not stop a corpus ingest
        yield InputError(origin, f"cannot extract the article text from this HTML: {type(err).__name__}: {err}")
        return
    if not text.strip():
        yield InputError(origin, "no article text found in this HTML page")
        return
    meta["source_path"] = origin
    yield Record(text=text, id=path.stem, meta=meta, origin=origin)


_RECORD_TEXT_KEYS = ("text", "body", "content")
_SURROGATE = re.compile("[\ud800-\udfff]")


def record_from_json(obj: Any, origin: str) -> Record | InputError:
    if not isinstance(obj, dict):
        return InputError(origin, f"a record must be a JSON object, got {type(obj).__name__}")
    text = next((obj[k] for k in _RECORD_TEXT_KEYS if k in obj), None)
    if text is None:
        return InputError(origin, "record has no 'text' field")
    if not isinstance(text, str):
        return InputError(origin, f"record 'text' must be a string, got {type(text).__name__}")
    meta = {k: v for k, v in obj.items() if k not in _RECORD_TEXT_KEYS and k not in ("id", "format")}
    if isinstance(obj.get("meta"), dict):  # a khabar document fed back in
        meta = {**obj["meta"], **{k: v for k, v in meta.items() if k != "meta"}}
    warnings = []
    pub = meta.get("published")
    if pub is not None and pub != "":
        problem = date_problem(pub)
        if problem:  # stored as unknown rather than as a string that sorts among real dates
            shown = json.dumps(pub, ensure_ascii=False)
            warnings.append(f"'published' {shown[:60]} is {problem}; stored as unknown")
            pub = None
    meta["published"] = pub or None
    if meta["published"] is None:
        del meta["published"]
    bad = _SURROGATE.search(text)
    if bad:
        return InputError(origin, f"record {'' if obj.get('id') is None else repr(str(obj.get('id'))) + ' '}'text' holds "
                                  f"a lone UTF-16 surrogate (\\u{ord(bad.group()):04x} at character {bad.start()}), "
                                  "which is not Unicode text; fix the producer's JSON escaping")
    rid = obj.get("id")
    return Record(text=text, id="" if rid is None else str(rid), meta=meta, origin=origin, warnings=warnings)


def _open_lines(path: Path, limit: int = 0) -> Iterator[bytes]:
    """The lines of a (gzipped) file as bytes; a line over ``limit`` bytes (0: no limit) is :data:`_TOO_LONG`."""
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        if fh.peek(2)[:2] not in _UTF16_BOMS:
            yield from _bounded(fh, limit)
            return
    # UTF-16 JSONL (a Windows export): its lines, re-encoded as UTF-8.
    with opener(path, "rt", encoding="utf-16", newline="") as tf:
        for line in _bounded(tf, limit // 2):
            yield line if line is _TOO_LONG else line.encode("utf-8", "surrogatepass")


_TOO_LONG: Any = object()  # stands for a line over the limit, which is never held in memory


def _bounded(fh: Any, limit: int) -> Iterator[Any]:
    """Lines of ``fh`` (bytes or text); one longer than ``limit`` (a 5 GB file without a newline…) is read
    through in chunks and yielded as :data:`_TOO_LONG`, so memory stays bounded by the limit."""
    if not limit:
        yield from fh
        return
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        nl = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) <= limit or line.endswith(nl):
            yield line
            continue
        while True:  # the rest of this line, a chunk at a time
            chunk = fh.readline(1 << 20)
            if not chunk or chunk.endswith(nl):
                break
        yield _TOO_LONG


def read_jsonl_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    """One record per non-blank line; a bad line is reported with its number and the rest still read."""
    origin = str(path)
    lineno = 0
    try:
        for lineno, raw in enumerate(_open_lines(path, max_bytes), 1):  # noqa: B007 - lineno used after the loop
            where = f"{origin}:{lineno}"
            if raw is _TOO_LONG:
                yield InputError(where, f"record too large (> {max_bytes / 1e6:.1f} MB limit)")
                continue
            if not raw.strip():
                continue
            if max_bytes and len(raw) > max_bytes:
                yield InputError(where, f"record too large ({len(raw) / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
                continue
            try:
                obj = json.loads(decode_text(raw, where))
            except InputProblem as err:
                yield InputError(where, str(err))
                continue
            except json.JSONDecodeError as err:
                yield InputError(where, f"invalid JSON: {err.msg} (column {err.colno})")
                continue
            yield record_from_json(obj, where)
    except UnicodeError as err:
        yield InputError(f"{origin}:{lineno + 1}", f"UTF-16 file (byte order mark) that is not valid UTF-16: {err}")
    except (OSError, EOFError, zlib.error) as err:
        yield InputError(f"{origin}:{lineno + 1}", f"cannot read (corrupt or truncated file?): {err}")


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
    if max_bytes and len(data) > max_bytes:
        yield InputError("<stdin>", f"too large for one article (> {max_bytes / 1e6:.1f} MB limit; use --max-bytes)")
        return
    try:
        yield Record(text=decode_text(data, "<stdin>"), origin="<stdin>")
    except InputProblem as err:
        yield InputError("<stdin>", str(err))


def walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` that khabar can read, in a stable (sorted) order; hidden entries skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            if kind_of(p) is not None:
                yield p


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    """Records from a file, a directory tree or ``-`` (stdin), in a deterministic order."""
    if str(path) == "-":
        yield from read_stdin(max_bytes)
        return
    if "://" in str(path)[:12]:  # a URL (page or feed); only http(s) is fetched
        from khabar.ingest.web import read_url

        yield from read_url(str(path), max_bytes)
        return
    p = Path(path)
    if not p.exists():
        yield InputError(str(p), "no such file or directory")
        return
    if p.is_dir():
        for f in walk(p):
            for rec in read_file(f, max_bytes):
                if isinstance(rec, Record) and kind_of(f) != "jsonl":
                    # Unique within the tree: the relative path without its suffix.
                    rec.id = f.relative_to(p).with_suffix("").as_posix()
                yield rec
        return
    yield from read_file(p, max_bytes)


def read_file(p: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    kind = kind_of(p)
    if kind == "jsonl":
        yield from read_jsonl_file(p, max_bytes)
    elif kind == "html":
        yield from read_html_file(p, max_bytes)
    elif p.name.lower().endswith(".gz"):
        yield InputError(str(p), "compressed input must be JSONL (name it .jsonl.gz)")
    else:  # .txt or anything named explicitly: treat as plain text
        yield from read_text_file(p, max_bytes)


def is_multi(path: str | Path) -> bool:
    """Whether a path stands for many articles (directory, JSONL, URL: maybe a feed) rather than one."""
    if str(path) == "-":
        return False
    if "://" in str(path)[:12]:
        return True
    p = Path(path)
    return p.is_dir() or kind_of(p) == "jsonl"


def count_inputs(path: str | Path) -> int | None:
    """How many records ``read_path`` will yield, cheaply (lines of JSONL, files of a tree); None for stdin."""
    if str(path) == "-" or "://" in str(path)[:12]:
        return None
    p = Path(path)
    files = list(walk(p)) if p.is_dir() else [p]
    total = 0
    for f in files:
        if kind_of(f) == "jsonl":
            try:
                total += sum(1 for line in _open_lines(f, DEFAULT_MAX_BYTES) if line.strip())
            except (OSError, EOFError, zlib.error, UnicodeError):
                total += 1
        else:
            total += 1
    return total
