"""Where extraction runs: worker processes forked from a server that loads the model once, or a dask cluster.

The unit of work is a Batch: documents, DOCUMENTS_PER_TASK at a time, each with its place in the input (its
slot), and the extractions the cache gave since the batch before (they travel with it, so that the build keeps
no state beside its loop). extract_batch parses and extracts one batch wherever it runs; a runner takes the
batches and gives each back with its BatchResult. The build puts every extraction at its slot, so the graph is
the same whatever ran them, in whatever order they come back.

- Worker processes (--workers N): where there is a fork server (Linux, macOS), it is started at once and
  loads the model (kg.pipeline.preload) while the main process reads the input and looks up the cache; each worker
  is forked from it with the model already in memory. Elsewhere workers are spawned and each loads the
  model on its first batch. A worker ends once the build's main process is gone.
- A dask.distributed cluster (--dask-scheduler ADDRESS): each task is a batch; a worker process loads the
  model once (extraction_tools keeps it per process). The workers need kg and the model installed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from kg.model import Document, Extraction

# Documents per task handed to a worker: big enough to keep spaCy's batches full, small enough to share out.
DOCUMENTS_PER_TASK = 16
# Tasks queued per worker process, so that none waits while the next batch is read.
TASKS_IN_FLIGHT_PER_WORKER = 3
# Batches handed to a dask cluster at a time, per worker thread: enough to keep every worker busy.
BATCHES_IN_FLIGHT_PER_THREAD = 3
# How often a worker looks whether the build's main process is still there.
MAIN_PROCESS_CHECK_SECONDS = 1.0
# The model the workers' fork server loads as it starts (read by kg.pipeline.preload, which the server imports).
PRELOAD_VARIABLE = "KG_PRELOAD_MODEL"
# Seconds the fork server took to load each model; the workers forked from it inherit this and report it once.
PRELOADED: dict[str, float] = {}


@dataclass(frozen=True)
class Batch:
    """Documents to extract with their slots (places in the input), and the cache's answers for other slots."""

    slots: tuple[int, ...] = ()
    documents: tuple[Document, ...] = ()
    cached: tuple[tuple[int, Extraction], ...] = ()


@dataclass(frozen=True)
class BatchResult:
    extractions: list[Extraction | None]  # None for a document that failed (see problems)
    load_seconds: float  # loading the model, the first time a process needs it
    parse_seconds: float
    extract_seconds: float
    problems: tuple[tuple[int, str], ...] = ()  # (index in the batch, reason) of each document that failed


NOTHING_TO_DO = BatchResult([], 0.0, 0.0, 0.0)

Runner = Callable[[Iterable[Batch]], Iterator[tuple[Batch, BatchResult]]]


def batches(documents: Iterable[Document], lookup: Callable[[Document], Extraction | None]) -> Iterator[Batch]:
    """DOCUMENTS in batches of DOCUMENTS_PER_TASK to extract, those LOOKUP answers (the cache) carried along."""
    slots: list[int] = []
    todo: list[Document] = []
    cached: list[tuple[int, Extraction]] = []
    for slot, document in enumerate(documents):
        found = lookup(document)
        if found is not None:
            cached.append((slot, found))
        else:
            slots.append(slot)
            todo.append(document)
        if len(todo) == DOCUMENTS_PER_TASK:
            yield Batch(tuple(slots), tuple(todo), tuple(cached))
            slots, todo, cached = [], [], []
        elif len(cached) == DOCUMENTS_PER_TASK:
            yield Batch(cached=tuple(cached))
            cached = []
    if todo or cached:
        yield Batch(tuple(slots), tuple(todo), tuple(cached))


# ---------------------------------------------------------------- one batch, wherever it runs


@lru_cache(maxsize=2)
def extraction_tools(model: str):
    """The pipeline and the extractor, loaded once per process (a worker keeps them for all its tasks)."""
    from threadpoolctl import threadpool_limits

    from kg import knowledge, nlp
    from kg.extract import Extractor
    from kg.knowledge import gazetteer

    # One BLAS thread per process: parallelism comes from processes (--workers), and a second thread per
    # process only fights the other workers for the cores.
    threadpool_limits(1, user_api="blas")
    pipeline = nlp.load(model)
    return pipeline, Extractor.build(pipeline, gazetteer.load(), knowledge.topic_scheme())


def extract_batch(documents: list[Document] | tuple[Document, ...], model: str) -> BatchResult:
    """Parse and extract a batch of documents: the unit of work of every runner (workers, dask). A document
    that fails, or takes longer than its budget, is a problem of its own (kg.pipeline.guard); the others are kept."""
    from kg.nlp import analysed
    from kg.pipeline.guard import each_within_budget

    clock = time.perf_counter()
    pipeline, extractor = extraction_tools(model)
    load = time.perf_counter() - clock + PRELOADED.pop(model, 0.0)
    seconds = {"parse": 0.0, "extract": 0.0}

    def analyse(batch: list[Document]) -> list[Extraction]:
        extractions = []
        clock = time.perf_counter()
        for document, docs in analysed(batch, pipeline):
            ready = time.perf_counter()
            extractions.append(extractor.extract(document, docs))
            now = time.perf_counter()
            seconds["parse"] += ready - clock
            seconds["extract"] += now - ready
            clock = now
        return extractions

    extractions, problems = each_within_budget(documents, analyse)
    return BatchResult(extractions, load, seconds["parse"], seconds["extract"], tuple(problems))


def in_order(
    batches: Iterable[Batch], submit: Callable[[Batch], object], window: int
) -> Iterator[tuple[Batch, BatchResult]]:
    """Each batch with its result: SUBMIT(batch) gives a future; at most WINDOW are pending at a time. A batch
    with nothing to extract (the cache answered it all) is given back at once."""
    pending: deque = deque()
    for batch in batches:
        if not batch.documents:
            yield batch, NOTHING_TO_DO
            continue
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


# ---------------------------------------------------------------- worker processes


def preload(model: str | None) -> None:
    """Load MODEL's tools in this process (the fork server) for the workers forked from it. A model that fails
    to load is left for the workers to load, so that the error reaches the build from them."""
    if not model:
        return
    clock = time.perf_counter()
    try:
        extraction_tools(model)
    except Exception:  # noqa: BLE001 - reported by the first worker that needs the model
        return
    PRELOADED[model] = time.perf_counter() - clock


def worker_context(model: str) -> tuple[multiprocessing.context.BaseContext, bool]:
    """Where the workers come from, and whether a fork server was started for them now (see the module's
    description)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn"), False
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.pipeline.preload"])
    running = fork_server_pid() is not None
    previous = os.environ.get(PRELOAD_VARIABLE)
    os.environ[PRELOAD_VARIABLE] = model  # the server starts with this process's environment
    try:
        forkserver.ensure_running()
    finally:
        if previous is None:
            del os.environ[PRELOAD_VARIABLE]
        else:
            os.environ[PRELOAD_VARIABLE] = previous
    return context, not running


def fork_server_pid() -> int | None:
    from multiprocessing import forkserver

    return forkserver._forkserver._forkserver_pid  # multiprocessing keeps its one server there


def stop_fork_server() -> None:
    """Stop a fork server no worker came from (the cache answered the whole build). Its model may still be
    loading, and it holds this process's standard streams: a pipe reading them would wait for it to finish.
    multiprocessing has no public way to stop its server; this is what its own tests do."""
    from multiprocessing import forkserver

    pid = fork_server_pid()
    if pid is None:
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    forkserver._forkserver._stop()


def exit_with(main_pid: int) -> None:
    """Worker initializer: end this worker once the build's main process is gone. Killed, it could not say
    so, and the worker would wait for work forever, keeping its fork server alive."""
    if os.name != "posix":  # elsewhere os.kill(pid, 0) would end the main process, not look at it
        return

    def watch() -> None:
        while True:
            time.sleep(MAIN_PROCESS_CHECK_SECONDS)
            try:
                os.kill(main_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass  # alive, under another user (cannot happen for our own parent, but harmless)

    threading.Thread(target=watch, name="kg-main-process-watch", daemon=True).start()


def in_worker_processes(model: str, workers: int) -> Runner:
    def run(batches: Iterable[Batch]) -> Iterator[tuple[Batch, BatchResult]]:
        from concurrent.futures import ProcessPoolExecutor

        context, started = worker_context(model)  # the model loads from now on, beside the reading
        pool = None

        def submit(batch: Batch):
            nonlocal pool
            if pool is None:  # the first batch to parse
                pool = ProcessPoolExecutor(workers, mp_context=context, initializer=exit_with, initargs=(os.getpid(),))
            return pool.submit(extract_batch, batch.documents, model)

        try:
            yield from in_order(batches, submit, workers * TASKS_IN_FLIGHT_PER_WORKER)
        except BaseException:  # interrupted (Ctrl-C) or failed: stop at once, without waiting for the workers
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            if started:
                stop_fork_server()  # a server still loading the model would fork the workers asked for meanwhile
            raise
        if pool is not None:
            pool.shutdown(wait=True)
        elif started:
            stop_fork_server()

    return run


# ---------------------------------------------------------------- a dask cluster


def on_dask_cluster(model: str, address: str) -> Runner:
    def run(batches: Iterable[Batch]) -> Iterator[tuple[Batch, BatchResult]]:
        try:
            from distributed import Client
        except ModuleNotFoundError:
            raise RuntimeError(
                "dask is not installed: pip install 'kg-news[dask]' to build on a dask cluster"
            ) from None
        try:
            client = Client(address, timeout="10s")
        except OSError as exc:
            raise RuntimeError(f"cannot reach the dask scheduler at {address}: {exc}") from None
        with client:
            threads = max(1, sum(client.nthreads().values()))
            yield from in_order(
                batches,
                lambda batch: client.submit(extract_batch, batch.documents, model, pure=False),
                threads * BATCHES_IN_FLIGHT_PER_THREAD,
            )

    return run


def runner_for(model: str, workers: int, dask_scheduler: str | None) -> Runner:
    if dask_scheduler:
        return on_dask_cluster(model, dask_scheduler)
    return in_worker_processes(model, workers)
