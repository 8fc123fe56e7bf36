"""Batch analysis beyond one process: partitions of records analysed on a local pool or a Dask cluster.

``khabar batch`` writes partitioned Parquet tables (:mod:`khabar.scale.tables`); ``khabar ingest --engine dask``
feeds the store. Analysis code is the same pipeline everywhere; only where it runs changes.
"""
