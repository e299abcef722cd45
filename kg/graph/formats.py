"""Reading a built graph from any RDF file, and writing it in the usual RDF serialisations.

Whatever file a graph comes from (a build folder's graph.ttl, N-Triples, JSON-LD, or a TriG dataset
whose graphs are merged), it is read as one graph. Oxigraph (pyoxigraph) does the work: nothing is
collected, deduplicated or sorted in Python, which took seconds per million triples.

- Export streams the file through Oxigraph's parser into its serialiser: the triples come out as the
  file gives them, in its order, so the same file always gives the same bytes (the build's graph.ttl
  is sorted, and so are its exports; a file that states a triple twice, which the build never writes,
  gives it twice).
- A dataset (TriG, N-Quads) is first loaded into an Oxigraph store, where its graphs are merged into
  the graph's named graph and a triple stated in several graphs becomes one.
- Stores hold the graph in its named graph, kg.vocabulary.GRAPH_IRI, as a triplestore does after `kg load`;
  kg query sees it as the default graph too (use_default_graph_as_union).
- Queries run on the build's persisted store (OUTDIR/graph.oxigraph, see kg.graph.store), opened
  read-only, when it was made from the very graph.ttl named; on any other file, or when the store is
  missing or stale, on an in-memory Oxigraph store loaded straight from the file.
- Export reads the file even when a persisted store exists: the store writes its triples out several
  times slower than Oxigraph parses the file (each term is looked up in the database), and in another
  order (by the store's term hashes).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox

from kg.errors import GraphError, InterruptedSwitch
from kg.graph.store import open_read_only
from kg.vocabulary import GRAPH_IRI, WRITTEN_PREFIXES
from kg.write.outputs import settle

# The graph's named graph: in TriG and N-Quads exports, triplestores and kg query's store (see kg.vocabulary).
GRAPH = ox.NamedNode(GRAPH_IRI)

# Export format names, as the command line spells them.
FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,  # compacted with ontology/context.jsonld by kg.graph.jsonld
}

# Files a graph can be read from, by extension.
READABLE = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
# Formats of datasets: several graphs, merged into one when read.
DATASETS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
# A dataset's graphs, merged into the graph's named graph.
MERGE_GRAPHS = (
    f"INSERT {{ GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }} }} WHERE {{ {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }} ;"
    f"DROP DEFAULT ; DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{GRAPH_IRI}>) }}"
)


def graph_file(path: str | os.PathLike) -> Path:
    """The RDF file a GRAPH argument names: a build folder means its graph.ttl."""
    path = Path(path)
    if path.is_dir():
        try:
            settle(path)  # a build switching its outputs in: wait for it, or finish what a dead one left
        except InterruptedSwitch as exc:
            raise GraphError(str(exc)) from None
        path = path / "graph.ttl"
        if not path.is_file():
            raise GraphError(f"{path.parent}: no graph.ttl in this folder (build it with `kg build`)")
    elif not path.is_file():
        raise GraphError(f"{path}: no such file or folder")
    if path.suffix.lower() not in READABLE:
        known = ", ".join(sorted(READABLE))
        raise GraphError(f"{path}: unknown RDF file extension (expected one of {known})")
    return path


@contextmanager
def reading(file: Path) -> Iterator[None]:
    """Parse and file errors met while reading FILE, as one-line GraphErrors naming it."""
    try:
        yield
    except SyntaxError as exc:
        raise GraphError(f"{file}: not valid RDF: {' '.join(str(exc).split())}") from None
    except OSError as exc:
        raise GraphError(f"{file}: {exc.strerror or exc}") from None


def read_store(path: str | os.PathLike) -> ox.Store:
    """An in-memory Oxigraph store holding the graph (a file or a build folder) in its named graph GRAPH."""
    file = graph_file(path)
    fmt = READABLE[file.suffix.lower()]
    store = ox.Store()
    with reading(file):
        if fmt in DATASETS:
            store.load(path=file, format=fmt)
            store.update(MERGE_GRAPHS)
        else:
            store.load(path=file, format=fmt, to_graph=GRAPH)
    return store


def open_store(path: str | os.PathLike, warn: Callable[[str], None] | None = None) -> ox.Store:
    """The graph to query: the build's persisted store of this graph.ttl (read-only) when there is one made
    from it, else read_store(path). Either holds the same triples in its named graph GRAPH: query it with
    use_default_graph_as_union, so that queries see them with or without FROM <GRAPH_IRI>. WARN is told
    when the persisted store cannot be opened."""
    file = graph_file(path)
    persisted = open_read_only(file, warn)
    return persisted if persisted is not None else read_store(file)  # not `or`: that would count the triples


def serialize(graph: str | os.PathLike | ox.Store, fmt: str) -> bytes:
    """The graph (a file, a build folder or a store) in one of FORMATS, the same bytes every time.

    A file's triples keep the file's order; a store's come in the store's order, which depends only
    on what was loaded into it and in what order. TriG and N-Quads put the triples in the named graph
    GRAPH_IRI; the other formats write a plain graph. JSON-LD is compacted (kg.graph.jsonld).
    """
    if fmt not in FORMATS:
        raise GraphError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt == "jsonld":
        from kg.graph.jsonld import compacted

        return compacted(triples(graph))
    target = ox.RdfFormat.TURTLE if fmt == "trig" else ox.RdfFormat.N_TRIPLES if fmt == "nq" else FORMATS[fmt]
    prefixes = WRITTEN_PREFIXES if fmt in ("ttl", "trig", "rdfxml") else None
    if not isinstance(graph, ox.Store) and READABLE[graph_file(graph).suffix.lower()] in DATASETS:
        graph = read_store(graph)  # its graphs merged
    if isinstance(graph, ox.Store):
        data = graph.dump(format=target, from_graph=GRAPH, prefixes=prefixes)
    else:
        file = graph_file(graph)
        with reading(file):
            data = ox.serialize(triples(file), format=target, prefixes=prefixes)
    if fmt == "trig":
        return in_named_graph(data)
    return in_named_graph_lines(data) if fmt == "nq" else data


def triples(graph: str | os.PathLike | ox.Store) -> Iterator[ox.Quad]:
    """The statements of the graph, as quads of one graph (a store's named graph GRAPH, or the default graph
    of a file streamed through the parser): read their subject, predicate and object."""
    if isinstance(graph, ox.Store):
        return graph.quads_for_pattern(None, None, None, GRAPH)
    file = graph_file(graph)
    source = READABLE[file.suffix.lower()]
    if source in DATASETS:
        return triples(read_store(file))

    def parsed() -> Iterator[ox.Quad]:
        with reading(file):
            yield from ox.parse(path=file, format=source)

    return parsed()


def in_named_graph_lines(ntriples: bytes) -> bytes:
    """N-Triples lines as N-Quads lines in the named graph GRAPH_IRI."""
    return ntriples.replace(b" .\n", f" <{GRAPH_IRI}> .\n".encode())


def in_named_graph(turtle: bytes) -> bytes:
    """Oxigraph's Turtle as TriG, its triples in the named graph GRAPH_IRI: the prefix lines, then the
    statements in a graph block, indented (literals escape their line breaks: every line break is Turtle's)."""
    start = 0
    while turtle.startswith(b"@prefix ", start):
        start = turtle.index(b"\n", start) + 1
    statements = turtle[start:]
    if statements and not statements.endswith(b"\n"):
        statements += b"\n"
    block = b"\t" + statements.replace(b"\n", b"\n\t")[:-1] if statements else b""
    return turtle[:start] + f"<{GRAPH_IRI}> {{\n".encode() + block + b"}\n"
