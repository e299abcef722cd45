"""The build's extract stage: each document's extraction, from the cache or run by a runner (worker processes or a
dask cluster, kg.pipeline.workers), kept in the cache, and put at the document's place in the input."""

from __future__ import annotations

from typing import Callable, Iterable

from kg.model import Document, Extraction, Problem
from kg.pipeline.progress import Stopwatch


def extract(
    documents: Iterable[Document],
    store,
    runner,
    note: Callable[[Problem], None],
    watch: Stopwatch,
    advance: Callable[[int], object],
) -> list[Extraction]:
    """The extraction of each document, in input order: from the cache STORE, or run by RUNNER (and then
    kept in the cache). A document whose extraction fails is a problem (NOTE is told), and is left out.
    ADVANCE(n) moves the progress bar."""
    from kg.pipeline.workers import batches

    def lookup(document: Document) -> Extraction | None:
        with watch.stage("cache"):
            return store.get(document) if store else None

    found: dict[int, Extraction] = {}
    loading = 0.0  # the longest any worker (or the fork server they come from) took to load the model
    with watch.stage("read, parse and extract"):
        for batch, result in runner(batches(documents, lookup)):
            found.update(batch.cached)
            loading = max(loading, result.load_seconds)
            if batch.documents:
                watch.add("parse (all workers)", result.parse_seconds)
                watch.add("extract (all workers)", result.extract_seconds)
            for position, reason in result.problems:
                note(Problem(batch.documents[position].origin, reason))
            for slot, document, extraction in zip(batch.slots, batch.documents, result.extractions):
                if extraction is not None:
                    found[slot] = extraction
                    if store:
                        with watch.stage("cache"):
                            store.put(document, extraction)
            advance(len(batch.cached) + len(result.extractions))
    if loading:
        watch.add("load model (beside reading)", loading)
    return [found[slot] for slot in sorted(found)]
