"""Exports of a store: khabar/1 JSONL, Parquet (one row per document, layers as JSON), GDELT-style events CSV."""

from __future__ import annotations

import csv
import json
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO


@contextmanager
def _out(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with _atomic(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
            yield fh


@contextmanager
def _atomic(path: str) -> Iterator[str]:
    """A temporary name next to ``path``, renamed to it when the block succeeds and removed when it fails:
    a failed export (damaged store, full disk) never leaves a partial file or spoils an earlier export."""
    target = Path(path)
    tmp = str(target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part"))
    open(tmp, "x").close()  # noqa: SIM115 - created with the user's umask, as the final file would be
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


Progress = Callable[[int], None] | None


def _each(store: Any, on_progress: Progress) -> Iterator[Any]:
    """The store's documents, reporting how many were read so far."""
    for n, doc in enumerate(store.iter_documents(), 1):
        yield doc
        if on_progress:
            on_progress(n)


def export_jsonl(store: Any, path: str, on_progress: Progress = None) -> int:
    n = 0
    with _out(path) as fh:
        for doc in _each(store, on_progress):
            fh.write(doc.to_json() + "\n")
            n += 1
    return n


def export_parquet(store: Any, path: str, on_progress: Progress = None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: dict[str, list[Any]] = {k: [] for k in (
        "id", "title", "source", "url", "published", "text", "words", "topic",
        "entities", "times", "quotes", "events")}
    for doc in _each(store, on_progress):
        meta = doc.meta or {}
        cols["id"].append(doc.id)
        for key in ("title", "source", "url", "published"):
            cols[key].append(None if meta.get(key) is None else str(meta.get(key)))
        cols["text"].append(doc.text)
        cols["words"].append(sum(1 for t in doc.tokens if t.kind not in ("PUNCT", "SYMBOL")) if doc.tokens
                             else len(doc.text.split()))
        cols["topic"].append(doc.topic)
        for layer in ("entities", "times", "quotes", "events"):
            cols[layer].append(json.dumps([x.to_dict() for x in getattr(doc, layer)], ensure_ascii=False))
    with _atomic(path) as tmp:
        pq.write_table(pa.table(cols), tmp)
    return len(cols["id"])


# GDELT 2.0 event table column names (the subset khabar can fill), CAMEO codes from the nearest mapping.
EVENT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1Code", "Actor2Name", "Actor2Code",
                 "EventCode", "PloverType", "Factuality", "ActionGeo_FullName", "SOURCEURL", "DocId", "Evidence")


def export_events_csv(store: Any, path: str, on_progress: Progress = None) -> int:
    n = 0
    with _out(path) as fh:
        w = csv.writer(fh)
        w.writerow(EVENT_COLUMNS)
        for doc in _each(store, on_progress):
            names = {e.id: (e.canonical or e.canonical_ar or e.id, (e.country or "") + (e.sector or ""))
                     for e in doc.entities}
            for ev in doc.events:
                n += 1
                a1 = [names.get(a, (a, "")) for a in ev.actor]
                a2 = [names.get(a, (a, "")) for a in ev.recipient]
                date = (ev.date or doc.published or "")[:10].replace("-", "")
                w.writerow([
                    n, date, "; ".join(x[0] for x in a1), "; ".join(x[1] for x in a1 if x[1]),
                    "; ".join(x[0] for x in a2), "; ".join(x[1] for x in a2 if x[1]),
                    ev.cameo or "", ev.event, ev.factuality, ev.location or "", (doc.meta or {}).get("url") or "",
                    doc.id, " | ".join(s.text or doc.text[s.start:s.end] for s in ev.evidence),
                ])
    return n
