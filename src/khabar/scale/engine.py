"""Where analysis runs: in this process, a local process pool, or a Dask cluster — same results everywhere.

An engine maps a function over tasks and yields the results in submission order with a bounded number of
tasks in flight, so memory stays flat however long the input is. The Dask engine starts a LocalCluster of
worker processes unless it is given a scheduler address, loads the models once per worker (a worker plugin),
and lets Dask retry the tasks of a worker that dies.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")


def warm_up() -> None:
    """Load every model of the default pipeline in this process (once; later calls are free)."""
    from khabar.pipeline import default_pipeline

    default_pipeline()("تمهيد: قال الرئيس في القاهرة يوم الأحد إن المحادثات ستستمر.", published="2020-01-01")


class Engine(Protocol):
    workers: int

    def map_ordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


def _bounded(submit: Callable[[T], Any], result: Callable[[Any], R], tasks: Iterable[T], window: int) -> Iterator[R]:
    pending: deque[Any] = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


class LocalEngine:
    """This process (``workers=1``) or a pool of forked worker processes."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=warm_up)

    def map_ordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        if self._pool is None:
            for task in tasks:
                yield fn(task)
            return
        pool = self._pool

        def submit(task: T) -> Future[R]:
            return pool.submit(fn, task)

        yield from _bounded(submit, lambda f: f.result(), tasks, self.workers * 3)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskEngine:
    """Tasks on a Dask cluster: ``scheduler`` is an address (``tcp://host:8786``), else a LocalCluster."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, memory_limit: str = "2GB",
                 retries: int = 2) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:  # the dask extra is optional
            raise RuntimeError("the Dask engine needs dask[distributed]: pip install 'khabar[scale]'") from err
        from distributed.diagnostics.plugin import WorkerPlugin

        class WarmPipeline(WorkerPlugin):  # type: ignore[misc]
            name = "khabar-warm-pipeline"

            def setup(self, worker: Any) -> None:
                warm_up()

        self.retries = retries
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                         dashboard_address=":0", memory_limit=memory_limit,
                                         silence_logs=40)  # logging.ERROR
            self._client = Client(self._cluster)
        self._client.register_plugin(WarmPipeline())
        self.workers = len(self._client.scheduler_info()["workers"]) or max(1, workers)

    @property
    def client(self) -> Any:
        return self._client

    def map_ordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        client = self._client

        def submit(task: T) -> Any:
            return client.submit(fn, task, pure=False, retries=self.retries)

        yield from _bounded(submit, lambda f: f.result(), tasks, self.workers * 3)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str = "local", workers: int = 1, scheduler: str | None = None) -> Engine:
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(workers, scheduler)
    raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")


def rss_mb() -> float:
    """Resident memory of this process in MiB (Linux /proc; 0 elsewhere)."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
