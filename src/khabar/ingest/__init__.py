"""Reading articles from files, pages, dumps and directories, and ingesting them into a store.

Python API (mirrors ``khabar ingest``)::

    from khabar.ingest import ingest
    from khabar.store import open_store

    with open_store("khabar.db") as store:
        report = ingest(["news.jsonl.gz"], store, workers=2)
        print(report.to_dict())
        hits = store.search("بوتين", entity="Q7747", date_from="2021-01-01")
"""

from khabar.ingest.readers import InputError, Record, read_path
from khabar.ingest.run import IngestReport, analyse_record, ingest

__all__ = ["IngestReport", "InputError", "Record", "analyse_record", "ingest", "read_path"]
