"""`kg build`: read articles → analyse (spaCy) → extract → resolve across the corpus → RDF → write.

Parsing and extraction run together, one batch of documents at a time, in N worker processes (--workers N,
default auto: one per core) forked from a server that loads the model while the input is read, or on a dask cluster
(--dask-scheduler ADDRESS).
Each article's extraction is cached (OUTDIR/.cache, see kg.cache), so a rebuild parses only what changed.
Whatever runs them, the extractions are merged in input order, so the graph is the same.

Outputs are written whole into a staging folder of OUTDIR, then switched in as one set, by one build at a
time (kg.outputs): a build that dies or fails leaves the previous outputs whole."""
from __future__ import annotations

import gzip
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg import nlp as nlp_stage
from kg import rdf
from kg.atomic import write_atomic
from kg.errors import InvalidGraph
from kg.model import Corpus, Document, Extraction, Problem

# Pieces of text spaCy analyses together.
BATCH_SIZE = 32
# Documents per task handed to a worker: big enough to keep spaCy's batches full, small enough to share out.
DOCUMENTS_PER_TASK = 16
# Tasks queued per worker process, so that none waits while the next batch is read.
TASKS_IN_FLIGHT_PER_WORKER = 3
# pyshacl takes minutes on graphs past this size; bigger graphs are written unchecked, and the build says so.
VALIDATE_MAX_TRIPLES = 200_000
# How often a worker looks whether the build's main process is still there.
MAIN_PROCESS_CHECK_SECONDS = 1.0
# The progress bar appears only for builds that last longer than this (seconds), and only on a terminal.
PROGRESS_DELAY = 2.0


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    built: int
    problems: tuple[Problem, ...]
    outputs: tuple[Path, ...]
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage; parse/extract summed over workers
    cached: int = 0  # documents whose extraction came from the cache
    validated: bool = False  # whether the SHACL shapes were checked


# ---------------------------------------------------------------- extraction (wherever it runs)

@lru_cache(maxsize=2)
def extraction_tools(model: str):
    """The pipeline and the extractor, loaded once per process (a worker keeps them for all its tasks)."""
    from threadpoolctl import threadpool_limits

    from kg import gazetteer
    from kg.extract import Extractor

    # One BLAS thread per process: parallelism comes from processes (--workers), and a second thread per
    # process only fights the other workers for the cores.
    threadpool_limits(1, user_api="blas")
    nlp = nlp_stage.load(model)
    return nlp, Extractor.build(nlp, gazetteer.load(), rdf.load_topic_scheme())


def analysed(documents: Iterable[Document], nlp) -> Iterator[tuple[Document, list]]:
    """Each document with the spaCy docs of its cleaned text (long texts in several pieces), in input order."""
    from kg.extract.clean import clean_text

    pending: dict[int, tuple[Document, int]] = {}

    def pieces() -> Iterator[tuple[str, int]]:
        for index, document in enumerate(documents):
            chunks = nlp_stage.chunks(nlp_stage.capped_runs(clean_text(document.text))) or [""]
            pending[index] = (document, len(chunks))
            for chunk in chunks:
                yield chunk, index

    current: int | None = None
    docs: list = []
    for doc, index in nlp.pipe(pieces(), as_tuples=True, batch_size=BATCH_SIZE):
        if current is not None and index != current:
            yield pending.pop(current)[0], docs
            docs = []
        current = index
        docs.append(doc)
    if current is not None:
        yield pending.pop(current)[0], docs


@dataclass(frozen=True)
class BatchResult:
    extractions: list[Extraction | None]  # None for a document that failed (see problems)
    load_seconds: float  # loading the model, the first time a process needs it
    parse_seconds: float
    extract_seconds: float
    problems: tuple[tuple[int, str], ...] = ()  # (index in the batch, reason) of each document that failed


def extract_batch(documents: list[Document], model: str) -> BatchResult:
    """Parse and extract a batch of documents: the unit of work of every runner (workers, dask). A document
    that fails, or takes longer than its budget, is a problem of its own (kg.guard); the others are kept."""
    from kg.guard import each_within_budget

    clock = time.perf_counter()
    nlp, extractor = extraction_tools(model)
    load = time.perf_counter() - clock + PRELOADED.pop(model, 0.0)
    seconds = {"parse": 0.0, "extract": 0.0}

    def analyse(batch: list[Document]) -> list[Extraction]:
        extractions = []
        clock = time.perf_counter()
        for document, docs in analysed(batch, nlp):
            ready = time.perf_counter()
            extractions.append(extractor.extract(document, docs))
            now = time.perf_counter()
            seconds["parse"] += ready - clock
            seconds["extract"] += now - ready
            clock = now
        return extractions

    extractions, problems = each_within_budget(documents, analyse)
    return BatchResult(extractions, load, seconds["parse"], seconds["extract"], tuple(problems))


Runner = Callable[[Iterable[list[Document]]], Iterator[BatchResult]]

# The model the workers' fork server loads as it starts (read by kg.preload, which the server imports).
PRELOAD_VARIABLE = "KG_PRELOAD_MODEL"
# Seconds the fork server took to load each model; the workers forked from it inherit this and report it once.
PRELOADED: dict[str, float] = {}


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
    """Where the workers come from, and whether a fork server was started for them now.

    Where there is a fork server (Linux, macOS), it is started at once and loads the model while the main
    process reads the input and looks up the cache; each worker is then forked from it with the model
    already in memory (shared, as spaCy's n_process shares it). Elsewhere workers are spawned and each
    loads the model on its first batch."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn"), False
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.preload"])
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
    def run(batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        context, started = worker_context(model)  # the model loads from now on, beside the reading
        pool = None
        pending: deque = deque()
        try:
            for batch in batches:
                if pool is None:  # the first batch to parse
                    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=exit_with, initargs=(os.getpid(),))
                pending.append(pool.submit(extract_batch, batch, model))
                if len(pending) >= workers * TASKS_IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
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


def on_dask_cluster(model: str, address: str) -> Runner:
    def run(batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        from kg.distributed import extract_on_cluster
        return extract_on_cluster(batches, model, address)
    return run


def runner_for(model: str, workers: int, dask_scheduler: str | None) -> Runner:
    if dask_scheduler:
        return on_dask_cluster(model, dask_scheduler)
    return in_worker_processes(model, workers)


# ---------------------------------------------------------------- timings and progress

class Stopwatch:
    """Seconds spent per stage, added up over the stage's visits."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def timed(self, name: str, items: Iterable) -> Iterator:
        """ITEMS, with the time spent producing them counted as stage NAME."""
        iterator = iter(items)
        while True:
            with self.stage(name):
                item = next(iterator, StopIteration)
            if item is StopIteration:
                return
            yield item


def estimated_documents(inputs: Iterable[str | os.PathLike]) -> int | None:
    """About how many documents INPUTS hold (lines of JSON Lines files, article files of folders), for the
    progress bar's time-left estimate; counting is much cheaper than reading."""
    from kg.documents import ARTICLE_SUFFIXES, JSONL_SUFFIXES
    from kg.intake import Refused, count_lines, open_regular

    def lines(path: Path) -> int:  # never a pipe or a device, never a whole line in memory
        try:
            with open_regular(path) as raw:
                compressed = path.name.lower().endswith(".gz")
                with gzip.GzipFile(fileobj=raw) if compressed else raw as stream:
                    return count_lines(stream)
        except (OSError, EOFError, Refused):
            return 0

    total = 0
    for path in map(Path, inputs):
        if path.is_dir():
            total += sum(1 for f in path.iterdir() if f.name.lower().endswith(ARTICLE_SUFFIXES))
        elif path.name.lower().endswith(JSONL_SUFFIXES):
            total += lines(path)
        else:
            total += 1
    return total or None


def progress_bar(total: int | None, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="kg build", disable=not enabled, delay=PROGRESS_DELAY,
                file=sys.stderr, dynamic_ncols=True, leave=False)


# ---------------------------------------------------------------- the build

def build(inputs: Iterable[str | os.PathLike], outdir: str | os.PathLike, **options) -> BuildResult:
    """Build the graph of INPUTS into OUTDIR (graph.ttl, graph.html, graph.oxigraph, replaced as one set).

    Options (see build_held): model, workers, validate, report(problem) told of each bad document, cache,
    dask_scheduler, progress. Raises kg.outputs.OutputBusy when another build is writing into OUTDIR."""
    from kg.outputs import exclusive

    with exclusive(outdir):
        return build_held(inputs, outdir, **options)


def build_held(inputs: Iterable[str | os.PathLike], outdir: str | os.PathLike, *,
               model: str = nlp_stage.DEFAULT_MODEL, workers: int = 1, validate: bool = True, report=None,
               cache: bool | str | os.PathLike = True, dask_scheduler: str | None = None,
               progress: bool = False) -> BuildResult:
    """build(), OUTDIR being held (kg.outputs.exclusive). REPORT(problem) is told of each bad document.

    CACHE: True keeps extractions in OUTDIR/.cache, a path keeps them there, False keeps none.
    PROGRESS: show a progress bar (on stderr, when it is a terminal)."""
    from kg.outputs import staged, switch
    from kg.resolve import resolve

    inputs = [Path(i) for i in inputs]
    outdir = Path(outdir)
    started = time.monotonic()
    watch = Stopwatch()
    problems: list[Problem] = []
    report = report or (lambda p: None)
    store = open_cache(cache, outdir, model)

    def documents() -> Iterator[Document]:
        from kg.documents import read_documents

        for item in read_documents(inputs):
            if isinstance(item, Problem):
                problems.append(item)
                report(item)
            else:
                yield item

    bar = progress_bar(estimated_documents(inputs) if progress else None, progress and sys.stderr.isatty())
    extractions: list[Extraction | None] = []
    waiting: deque[list[tuple[int, Document]]] = deque()  # the batches handed to the runner, in order

    def batches() -> Iterator[list[Document]]:
        batch: list[tuple[int, Document]] = []
        for document in watch.timed("read", documents()):
            extractions.append(None)
            with watch.stage("cache"):
                found = store.get(document) if store else None
            if found is not None:
                extractions[-1] = found
                bar.update()
                continue
            batch.append((len(extractions) - 1, document))
            if len(batch) == DOCUMENTS_PER_TASK:
                waiting.append(batch)
                yield [d for _, d in batch]
                batch = []
        if batch:
            waiting.append(batch)
            yield [d for _, d in batch]

    loading = 0.0  # the longest any worker (or the fork server they come from) took to load the model
    with bar, watch.stage("read, parse and extract"):
        for result in runner_for(model, workers, dask_scheduler)(batches()):
            loading = max(loading, result.load_seconds)
            watch.add("parse (all workers)", result.parse_seconds)
            watch.add("extract (all workers)", result.extract_seconds)
            batch = waiting.popleft()
            for position, reason in result.problems:
                problems.append(Problem(batch[position][1].origin, reason))
                report(problems[-1])
            for (index, document), extraction in zip(batch, result.extractions):
                extractions[index] = extraction
                if store and extraction is not None:
                    with watch.stage("cache"):
                        store.put(document, extraction)
            bar.update(len(result.extractions))
    if loading:
        watch.add("load model (beside reading)", loading)

    built = [e for e in extractions if e is not None]
    with watch.stage("resolve"):
        corpus = resolve(built, rdf.load_topic_scheme(), problems)
    outputs: list[Path] = []
    validated = False
    if built:
        with watch.stage("RDF graph"):
            graph = rdf.to_graph(corpus)
        if validate:
            with watch.stage("SHACL validation"):
                validated = check_shapes(graph, store.checked_nodes if store else None)
        # Written whole into a staging folder, then switched in as one set (kg.outputs).
        with staged(outdir) as stage:
            with watch.stage("Turtle"):
                turtle = rdf.turtle(graph)
                write_atomic(stage / "graph.ttl", turtle)
            with watch.stage("store"):
                from kg.graphstore import write_graph_store
                write_graph_store(stage, turtle)
            with watch.stage("page"):
                from kg.page import render
                write_atomic(stage / "graph.html", render(corpus).encode("utf-8"))
            with watch.stage("switch"):
                switch(outdir, stage)
        outputs += [outdir / "graph.ttl", outdir / "graph.html", outdir / "graph.oxigraph"]
    return BuildResult(corpus, len(built), tuple(problems), tuple(outputs), time.monotonic() - started,
                       dict(watch.seconds), store.hits if store else 0, validated)


def open_cache(cache: bool | str | os.PathLike, outdir: Path, model: str):
    from kg.cache import CACHE_FOLDER, ExtractionCache, fingerprint

    if cache is False or cache is None:
        return None
    folder = outdir / CACHE_FOLDER if cache is True else Path(cache)
    return ExtractionCache(folder, fingerprint(model)).open()


def check_shapes(graph, checked_nodes: Path | None = None) -> bool:
    """Raise InvalidGraph on a violation of the shapes; False when the graph is too big to be checked.

    CHECKED_NODES keeps the node digests of the last graph that conformed: then only what changed since,
    with its neighbours, is checked (see kg.validate.validate_changes)."""
    try:
        from kg import validate
    except ModuleNotFoundError:
        return False
    if len(graph) > VALIDATE_MAX_TRIPLES:
        return False
    nodes = validate.NodeStatements.of(rdf.sorted_ntriples(graph))
    before = validate.read_digests(checked_nodes) if checked_nodes else {}
    violations = validate.validate_changes(graph, nodes, before)
    if violations:
        raise InvalidGraph(f"{len(violations)} SHACL violation(s), first: {violations[0].describe(graph)}")
    if checked_nodes:
        write_atomic(checked_nodes, validate.digests_text(nodes.digests))
    return True
