"""GDELT-style CSV export of coded events (one row per event, actors by entity with country/sector codes)."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from khabar.document import Document

COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "DateBasis", "DocId", "SourceURL",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1Ids",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "Actor2Ids",
    "EventCode", "EventRootCode", "PLOVER", "Mode", "Context", "Factuality", "Location",
    "EvidenceStart", "EvidenceEnd", "Evidence", "NumMentions",
]


def _actor(doc: Document, ids: list[str]) -> list[str]:
    ents = [e for e in (doc.entity(i) for i in ids) if e is not None]
    if not ents:
        return ["", "", "", "", ""]
    e = ents[0]
    code = f"{e.country or ''}{e.sector or ''}"
    name = " | ".join(x.canonical or x.canonical_ar or ((x.mentions or x.coref_mentions)[0].text if x.mentions or x.coref_mentions else x.id) or x.id
                      for x in ents)
    return [code, name, e.country or "", e.sector or "", " ".join(i for i in ids)]


def _rows(docs: Iterable[Document]) -> Iterable[list[str]]:
    for doc in docs:
        for n, ev in enumerate(doc.events):
            ev_id = hashlib.sha1(f"{doc.id}:{n}".encode()).hexdigest()[:16]
            date = (ev.date or "").replace("-", "")
            first = ev.evidence[0] if ev.evidence else None
            cameo = (ev.cameo or "").split()[0] if ev.cameo else ""
            yield [
                ev_id, date, str(ev.extra.get("date_basis", "text" if ev.date else "")), doc.id,
                str(doc.meta.get("url", "")),
                *_actor(doc, ev.actor), *_actor(doc, ev.recipient),
                cameo, cameo[:2], ev.event, ";".join(ev.mode), ";".join(ev.context), ev.factuality,
                ev.location or "",
                str(first.start) if first else "", str(first.end) if first else "",
                (first.text or "").replace("\n", " ") if first else "", str(len(ev.evidence)),
            ]


def events_to_csv(docs: Iterable[Document], out: str | Path | IO[str]) -> int:
    """Write the events of ``docs`` as CSV to a path or an open text stream; returns the number of rows."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return events_to_csv(docs, fh)
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    n = 0
    for row in _rows(docs):
        writer.writerow(row)
        n += 1
    return n


def events_csv_text(docs: Iterable[Document]) -> str:
    buf = io.StringIO()
    events_to_csv(docs, buf)
    return buf.getvalue()
