"""Extraction on a dask.distributed cluster: `kg build --dask-scheduler ADDRESS`.

Each task is a batch of documents; a worker process loads the model once (kg.pipeline.extract_batch keeps
it per process) and sends back the batch's Extraction records, which the build merges as if it had read
them itself. The workers need kg and the model installed, like the machine that runs `kg build`.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from kg.model import Document, Extraction

# Batches handed to the cluster at a time, per worker thread: enough to keep every worker busy.
BATCHES_IN_FLIGHT_PER_THREAD = 3


def extract_on_cluster(batches: Iterable[list[Document]], model: str, address: str) -> Iterator[list[Extraction]]:
    """The extractions of each batch, in the order of BATCHES, computed by the workers of the scheduler at ADDRESS."""
    try:
        from distributed import Client
    except ModuleNotFoundError:
        raise RuntimeError("dask is not installed: pip install 'kg-news[dask]' to build on a dask cluster") from None

    from kg.pipeline import extract_batch

    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise RuntimeError(f"cannot reach the dask scheduler at {address}: {exc}") from None
    with client:
        threads = max(1, sum(client.nthreads().values()))
        window = threads * BATCHES_IN_FLIGHT_PER_THREAD
        pending = []
        for batch in batches:
            pending.append(client.submit(extract_batch, batch, model, pure=False))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
