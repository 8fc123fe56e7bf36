"""The Parquet tables written by ``khabar batch``: one row layout per layer, versioned.

Schema version 1 (``SCHEMA_VERSION``), one folder per table under the output directory, one file per
partition (``<table>/part-<partition id>.parquet``). Offsets are code-point offsets into ``documents.text``.

- documents: doc_id, hash, title, source, url, published, topic, chars, words, sentences, tokens, text, json
  (the whole khabar/1 document, so nothing of the analysis is lost)
- entities:  doc_id, entity_id, type, canonical, canonical_ar, wikidata, country, sector, mentions
- mentions:  doc_id, entity_id, start, end, text, coref (a title/pronoun in ``coref_mentions``)
- quotes:    doc_id, n, type, speaker, addressee, cue_start, cue_end, cue_text, content_start, content_end, content_text
- events:    doc_id, n, event, cameo, factuality, date, location, confidence, actor[], recipient[], mode[],
             context[], evidence_start[], evidence_end[], evidence_text[]
- times:     doc_id, start, end, text, type, value
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from khabar.document import Document
from khabar.store.base import content_hash, word_count

SCHEMA_VERSION = 1

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_LS, _LI = pa.list_(pa.string()), pa.list_(pa.int64())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", _S), ("hash", _S), ("title", _S), ("source", _S), ("url", _S), ("published", _S),
        ("topic", _S), ("chars", _I), ("words", _I), ("sentences", _I), ("tokens", _I), ("text", _S), ("json", _S),
    ]),
    "entities": pa.schema([
        ("doc_id", _S), ("entity_id", _S), ("type", _S), ("canonical", _S), ("canonical_ar", _S),
        ("wikidata", _S), ("country", _S), ("sector", _S), ("mentions", _I),
    ]),
    "mentions": pa.schema([
        ("doc_id", _S), ("entity_id", _S), ("start", _I), ("end", _I), ("text", _S), ("coref", _B),
    ]),
    "quotes": pa.schema([
        ("doc_id", _S), ("n", _I), ("type", _S), ("speaker", _S), ("addressee", _S), ("cue_start", _I),
        ("cue_end", _I), ("cue_text", _S), ("content_start", _I), ("content_end", _I), ("content_text", _S),
    ]),
    "events": pa.schema([
        ("doc_id", _S), ("n", _I), ("event", _S), ("cameo", _S), ("factuality", _S), ("date", _S),
        ("location", _S), ("confidence", _F), ("actor", _LS), ("recipient", _LS), ("mode", _LS),
        ("context", _LS), ("evidence_start", _LI), ("evidence_end", _LI), ("evidence_text", _LS),
    ]),
    "times": pa.schema([
        ("doc_id", _S), ("start", _I), ("end", _I), ("text", _S), ("type", _S), ("value", _S),
    ]),
}
TABLES = tuple(SCHEMAS)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The rows each table gets from one analysed document."""
    did = doc.id
    meta = doc.meta
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["documents"].append({
        "doc_id": did, "hash": content_hash(doc.text), "title": _opt_str(meta.get("title")),
        "source": _opt_str(meta.get("source")), "url": _opt_str(meta.get("url")),
        "published": _opt_str(meta.get("published")), "topic": doc.topic, "chars": len(doc.text),
        "words": word_count(doc), "sentences": len(doc.sentences), "tokens": len(doc.tokens), "text": doc.text,
        "json": doc.to_json(),
    })
    for ent in doc.entities:
        rows["entities"].append({
            "doc_id": did, "entity_id": ent.id, "type": ent.type, "canonical": ent.canonical,
            "canonical_ar": ent.canonical_ar, "wikidata": ent.wikidata, "country": ent.country,
            "sector": ent.sector, "mentions": len(ent.mentions),
        })
        for coref, spans in ((False, ent.mentions), (True, ent.coref_mentions)):
            rows["mentions"].extend(
                {"doc_id": did, "entity_id": ent.id, "start": m.start, "end": m.end, "text": m.text, "coref": coref}
                for m in spans
            )
    for n, q in enumerate(doc.quotes):
        rows["quotes"].append({
            "doc_id": did, "n": n, "type": q.type, "speaker": q.speaker, "addressee": q.addressee,
            "cue_start": q.cue.start if q.cue else None, "cue_end": q.cue.end if q.cue else None,
            "cue_text": q.cue.text if q.cue else None, "content_start": q.content.start,
            "content_end": q.content.end, "content_text": q.content.text,
        })
    for n, ev in enumerate(doc.events):
        conf = getattr(ev, "confidence", None)
        if conf is None:
            conf = ev.extra.get("confidence")
        rows["events"].append({
            "doc_id": did, "n": n, "event": ev.event, "cameo": ev.cameo, "factuality": ev.factuality,
            "date": ev.date, "location": ev.location, "confidence": None if conf is None else float(conf),
            "actor": list(ev.actor), "recipient": list(ev.recipient), "mode": list(ev.mode),
            "context": list(ev.context), "evidence_start": [s.start for s in ev.evidence],
            "evidence_end": [s.end for s in ev.evidence], "evidence_text": [s.text for s in ev.evidence],
        })
    rows["times"].extend(
        {"doc_id": did, "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        for t in doc.times
    )
    return rows


def tables_for(docs: list[Document]) -> dict[str, pa.Table]:
    """One Arrow table per layer for a list of documents (empty tables keep their schema)."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for doc in docs:
        for table, part in document_rows(doc).items():
            rows[table].extend(part)
    return {t: pa.Table.from_pylist(rows[t], schema=SCHEMAS[t]) for t in TABLES}
