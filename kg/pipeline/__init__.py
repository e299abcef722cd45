"""`kg build`: read → extract (cached or run) → resolve → map → check → write.

- read: the articles of the inputs, as Documents (kg.read.inputs); each bad one is a Problem, reported at once.
- extract: each article's extraction comes from the cache (kg.pipeline.cache, OUTDIR/.cache) or is parsed and extracted
  in worker processes or on a dask cluster (kg.pipeline.workers), beside the reading; every extraction is put at its
  document's place in the input, so the graph is the same whatever ran them (kg.pipeline.extraction).
- resolve: one actor per real-world actor, one event per real-world event, across the corpus (kg.resolve).
- map: the corpus as RDF, once, as sorted N-Triples lines (kg.graph.mapping), which the check, graph.ttl and
  graph.oxigraph each read.
- check: the SHACL shapes of the contract (kg.check.validate), on graphs small enough for pyshacl.
- write: graph.ttl (kg.graph.turtle), graph.oxigraph (kg.graph.store) and graph.html (kg.page), written whole into
  a staging folder of OUTDIR, then switched in as one set, by one build at a time (kg.write.outputs): a build that
  dies or fails leaves the previous outputs whole.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.model import BuildResult, Corpus, Document, Problem
from kg.nlp import DEFAULT_MODEL
from kg.pipeline.extraction import extract
from kg.pipeline.progress import Stopwatch
from kg.write.atomic import write_atomic

# pyshacl takes minutes on graphs past this size; bigger graphs are written unchecked, and the build says so.
VALIDATE_MAX_TRIPLES = 200_000


def build(
    inputs: Iterable[str | os.PathLike],
    outdir: str | os.PathLike,
    *,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    validate: bool = True,
    report: Callable[[Problem], None] | None = None,
    cache: bool | str | os.PathLike = True,
    dask_scheduler: str | None = None,
    progress: bool = False,
) -> BuildResult:
    """Build the graph of INPUTS into OUTDIR (graph.ttl, graph.html, graph.oxigraph, replaced as one set).

    MODEL: the spaCy model; WORKERS: processes that parse and extract; VALIDATE: check the SHACL shapes first
    (raises kg.errors.InvalidGraph, and writes nothing, when the graph breaks them); REPORT(problem) is told
    of each bad document; CACHE: True keeps extractions in OUTDIR/.cache, a path keeps them there, False
    keeps none; DASK_SCHEDULER: extract on that dask cluster instead; PROGRESS: show a progress bar (on
    stderr, when it is a terminal). Raises kg.errors.OutputBusy when another build is writing into OUTDIR."""
    from kg.write.outputs import exclusive

    with exclusive(outdir):
        return build_held(
            inputs,
            outdir,
            model=model,
            workers=workers,
            validate=validate,
            report=report,
            cache=cache,
            dask_scheduler=dask_scheduler,
            progress=progress,
        )


def build_held(
    inputs: Iterable[str | os.PathLike],
    outdir: str | os.PathLike,
    *,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    validate: bool = True,
    report: Callable[[Problem], None] | None = None,
    cache: bool | str | os.PathLike = True,
    dask_scheduler: str | None = None,
    progress: bool = False,
) -> BuildResult:
    """build(), OUTDIR being held (kg.write.outputs.exclusive)."""
    from kg import knowledge
    from kg.graph.mapping import ntriples
    from kg.pipeline.progress import estimated_documents, progress_bar
    from kg.pipeline.workers import runner_for
    from kg.resolve import resolve

    inputs = [Path(i) for i in inputs]
    outdir = Path(outdir)
    started = time.monotonic()
    watch = Stopwatch()
    problems: list[Problem] = []

    def note(problem: Problem) -> None:
        problems.append(problem)
        if report is not None:
            report(problem)

    store = open_cache(cache, outdir, model)
    bar = progress_bar(estimated_documents(inputs) if progress else None, progress and sys.stderr.isatty())
    with bar:
        documents = watch.timed("read", read(inputs, note))
        built = extract(documents, store, runner_for(model, workers, dask_scheduler), note, watch, bar.update)
    with watch.stage("resolve"):
        corpus = resolve(built, knowledge.topic_scheme())
    outputs: tuple[Path, ...] = ()
    validated = False
    if built:
        with watch.stage("RDF graph"):
            lines = ntriples(corpus)
        if validate:
            with watch.stage("SHACL validation"):
                validated = check(lines, store.checked_nodes if store else None)
        outputs = write(outdir, lines, corpus, watch)
    return BuildResult(
        corpus,
        len(built),
        tuple(problems),
        outputs,
        time.monotonic() - started,
        dict(watch.seconds),
        store.hits if store else 0,
        validated,
    )


def read(inputs: list[Path], note: Callable[[Problem], None]) -> Iterator[Document]:
    """The documents of INPUTS, in order; NOTE is told of each problem."""
    from kg.read.inputs import read_documents

    for item in read_documents(inputs):
        if isinstance(item, Problem):
            note(item)
        else:
            yield item


def open_cache(cache: bool | str | os.PathLike, outdir: Path, model: str):
    from kg.pipeline.cache import CACHE_FOLDER, ExtractionCache, fingerprint

    if cache is False or cache is None:
        return None
    folder = outdir / CACHE_FOLDER if cache is True else Path(cache)
    return ExtractionCache(folder, fingerprint(model)).open()


def check(ntriples: bytes, checked_nodes: Path | None = None) -> bool:
    """Raise kg.errors.InvalidGraph on a violation of the shapes by the graph NTRIPLES (one line a triple); False
    when it is too big to be checked. CHECKED_NODES: the validator's memory of the last graph that conformed
    (see kg.check.validate.check_build)."""
    from kg.check import validate

    if ntriples.count(b"\n") > VALIDATE_MAX_TRIPLES:
        return False
    validate.check_build(ntriples, checked_nodes)
    return True


def write(outdir: Path, ntriples: bytes, corpus: Corpus, watch: Stopwatch) -> tuple[Path, ...]:
    """graph.ttl and graph.oxigraph (each read from NTRIPLES, the graph's sorted N-Triples lines) and graph.html,
    written whole into a staging folder, then switched in as one set."""
    from kg.graph.store import write_graph_store
    from kg.graph.turtle import turtle
    from kg.page import render
    from kg.write.outputs import staged, switch

    with staged(outdir) as stage:
        with watch.stage("Turtle"):
            written = turtle(ntriples)
            write_atomic(stage / "graph.ttl", written)
        with watch.stage("store"):
            write_graph_store(stage, ntriples, written)
        with watch.stage("page"):
            write_atomic(stage / "graph.html", render(corpus).encode("utf-8"))
        with watch.stage("switch"):
            switch(outdir, stage)
    return (outdir / "graph.ttl", outdir / "graph.html", outdir / "graph.oxigraph")
