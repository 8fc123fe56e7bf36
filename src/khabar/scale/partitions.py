"""Cut the records of many inputs into partitions with stable ids, so a rerun can skip finished ones.

A partition is a run of consecutive records in input order. Its id is a hash of the content hashes of its
records, so the same inputs cut with the same partition size give the same ids on every run and machine.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from khabar.ingest.readers import DEFAULT_MAX_BYTES, InputError, Record, read_path
from khabar.store.base import content_hash

PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(slots=True)
class Partition:
    id: str
    records: list[Record]
    errors: list[InputError] = field(default_factory=list)  # read errors that fell in this stretch of input


def read_parquet_records(path: Path, batch_rows: int = 1024) -> Iterator[Record | InputError]:
    """Records from a Parquet file with at least a ``text`` column (``id``, ``published``… become meta)."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # damaged or not Parquet: report, never crash the run
        yield InputError(str(path), f"cannot read Parquet: {err}")
        return
    if "text" not in pf.schema_arrow.names:
        yield InputError(str(path), "Parquet file has no 'text' column")
        return
    row = 0
    for batch in pf.iter_batches(batch_size=batch_rows):
        for rec in batch.to_pylist():
            row += 1
            origin = f"{path}:{row}"
            text = rec.pop("text")
            if not isinstance(text, str):
                yield InputError(origin, "'text' is not a string")
                continue
            meta: dict[str, Any] = {k: v for k, v in rec.items() if v is not None and k != "id"}
            if "published" in meta:
                meta["published"] = str(meta["published"])
            yield Record(text=text, id=str(rec.get("id") or ""), meta=meta, origin=origin)


def read_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | InputError]:
    for path in paths:
        p = Path(path)
        if p.is_file() and p.name.lower().endswith(PARQUET_SUFFIXES):
            yield from read_parquet_records(p)
        else:
            yield from read_path(path, max_bytes)


def partition_id(records: list[Record]) -> str:
    h = hashlib.sha1()
    for rec in records:
        h.update(content_hash(rec.text).encode())
    return h.hexdigest()[:20]


def partitions(
    items: Iterable[Record | InputError], size: int, skip_hashes: set[str] | None = None
) -> Iterator[Partition]:
    """Consecutive partitions of ``size`` records; duplicate texts (within the run or in ``skip_hashes``) dropped."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    seen: set[str] = set(skip_hashes or ())
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        recs: list[Record] = []
        errs: list[InputError] = []
        for item in chunk:
            if isinstance(item, InputError):
                errs.append(item)
                continue
            digest = content_hash(item.text)
            if digest not in seen:
                seen.add(digest)
                recs.append(item)
        if recs or errs:
            yield Partition(partition_id(recs), recs, errs)
