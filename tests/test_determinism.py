"""Analysis must not depend on PYTHONHASHSEED: the Dask engine's worker processes and two `khabar analyze` runs
have to agree with the local engine. Set iteration order differs between processes, not within one, so the
check runs the pipeline in two subprocesses with different hash seeds."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

from khabar.resources import data_file

# Demo articles with events and quotes; before the fix the first two gave different events under seeds 1 and 4
# (an actor phrase chosen by set order in the event coder).
IDS = ("SK-internationalNews-1598-20180516", "BB-middleEast-467-20180508", "FR-internationalNews-680-20180411")

_SCRIPT = """
import gzip, json, sys
from khabar.document import Document
from khabar.pipeline import Pipeline
recs = json.loads(sys.stdin.read())
pipe = Pipeline()
out = [pipe.run(Document(text=r["text"], id=r["id"], meta={"language": "ar", "published": r.get("published")}))
       .to_dict() for r in recs]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _records() -> list[dict[str, object]]:
    with gzip.open(data_file("demo", "demo.jsonl.gz"), "rt", encoding="utf-8") as fh:
        recs = {r["id"]: r for r in map(json.loads, fh) if r["id"] in IDS}
    return [recs[i] for i in IDS]


def _run(seed: str, payload: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "OMP_NUM_THREADS": "1"}
    res = subprocess.run([sys.executable, "-c", _SCRIPT], input=payload, capture_output=True, text=True, env=env,
                         check=True, timeout=300)
    return res.stdout


def test_same_documents_under_different_hash_seeds() -> None:
    recs = _records()
    payload = json.dumps(recs, ensure_ascii=False)
    a, b = _run("1", payload), _run("4", payload)
    docs = json.loads(a)
    assert len(docs) == len(IDS)
    assert sum(len(d.get("events", [])) for d in docs) > 0 and any(d.get("quotes") for d in docs)
    assert a == b
