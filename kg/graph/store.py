"""The build's graph as a persisted Oxigraph store, OUTDIR/graph.oxigraph, so that queries need not load graph.ttl.

Loading a million-triple graph.ttl into an in-memory store takes seconds on every `kg query`; the build
loads the same triples once, from the N-Triples lines graph.ttl is written from (kg.graph.mapping), into an
on-disk Oxigraph (RocksDB) store beside it, which `kg query` opens read-only in milliseconds and `kg serve`
serves a copy of.

- The store is made in a temporary folder of OUTDIR, then renamed into place: a reader sees the old
  store, no store, or the new one, never a partial one.
- It records the SHA-256 of the graph.ttl written with it, in graph.oxigraph/graph.ttl.sha256
  (the format of `sha256sum`: `cd OUTDIR && sha256sum -c graph.oxigraph/graph.ttl.sha256` checks it).
  A store whose graph.ttl has changed since, by a later build or by hand, is never used: the readers
  load graph.ttl itself.
- Its files are Oxigraph's and not byte-identical from one build to the next; it holds the triples of
  graph.ttl in the graph's named graph (kg.vocabulary.GRAPH_IRI, recorded in graph.oxigraph/graph.iri), as a
  triplestore does after `kg load`. A store without that record (from an older kg) is not used.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from kg.vocabulary import GRAPH_IRI
from kg.write.atomic import current_umask

STORE_NAME = "graph.oxigraph"
DIGEST_NAME = "graph.ttl.sha256"
SOURCE_NAME = "graph.ttl"
GRAPH_NAME = "graph.iri"


def write_graph_store(outdir: str | os.PathLike, ntriples: bytes, turtle: bytes) -> Path:
    """Write OUTDIR/graph.oxigraph atomically, a store of the graph NTRIPLES (N-Triples lines) whose Turtle,
    OUTDIR/graph.ttl, is TURTLE (only hashed); its path."""
    outdir = Path(outdir)
    target = outdir / STORE_NAME
    work = Path(tempfile.mkdtemp(dir=outdir, prefix=f".{STORE_NAME}.", suffix=".tmp"))
    try:
        store = ox.Store(str(work))
        store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(GRAPH_IRI))
        store.optimize()  # compacted: a third faster to query, for a few seconds per million triples
        del store  # closes the database before it is moved
        write_synced(work / GRAPH_NAME, f"{GRAPH_IRI}\n".encode())
        write_synced(work / DIGEST_NAME, f"{hashlib.sha256(turtle).hexdigest()}  {SOURCE_NAME}\n".encode())
        os.chmod(work, 0o777 & ~current_umask())
        replace_folder(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder NEW at TARGET; an old TARGET is moved aside first, then deleted."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
        os.replace(target, old)  # over the empty folder just made
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def file_digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def matching_store(graph_file: str | os.PathLike) -> Path | None:
    """The persisted store made from exactly this graph.ttl (same SHA-256), or None."""
    graph_file = Path(graph_file)
    if graph_file.name != SOURCE_NAME:
        return None
    store = graph_file.parent / STORE_NAME
    try:
        recorded = (store / DIGEST_NAME).read_text(encoding="ascii").split()[0]
        if (store / GRAPH_NAME).read_text(encoding="utf-8").strip() != GRAPH_IRI:
            return None
        return store if file_digest(graph_file) == recorded else None
    except (OSError, UnicodeDecodeError, IndexError):
        return None


def open_read_only(graph_file: str | os.PathLike, warn: Callable[[str], None] | None = None) -> ox.Store | None:
    """The persisted store of this graph.ttl opened read-only, or None when there is none that matches it (or
    it cannot be opened: then WARN is told why)."""
    store = matching_store(graph_file)
    if store is None:
        return None
    try:
        return ox.Store.read_only(str(store))
    except FileNotFoundError:  # removed or replaced meanwhile: the caller reads graph.ttl
        return None
    except Exception as exc:  # noqa: BLE001 - corrupted or not a store: it is only a cache of graph.ttl
        if warn is not None:
            warn(f"{store} cannot be opened ({store_error(exc)}); reading {SOURCE_NAME} instead")
        return None


def store_error(exc: BaseException) -> str:
    """The storage engine's message, short and on one line."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 160 else message[:159] + "…"
