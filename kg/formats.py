"""Reading a built graph from any RDF file, and writing it in the usual RDF serialisations.

A graph is a set of triples: whatever file it comes from (a build folder's graph.ttl, N-Triples,
JSON-LD, or a TriG dataset whose graphs are merged), it is read into one in-memory triple list.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import write_atomic

# The graph's named graph in TriG exports and in triplestores.
GRAPH_IRI = "https://w3id.org/kg-news/graph"

# The prefixes of the graph contract, used to write Turtle and TriG and predeclared in queries.
PREFIXES = {
    "kg": "https://w3id.org/kg-news/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
    "id": "https://w3id.org/kg-news/id/",
    "topic": "https://w3id.org/kg-news/topic/",
}

# Export format names, as the command line spells them.
FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
}

# Files a graph can be read from, by extension.
READABLE = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}


class GraphError(Exception):
    """A graph that cannot be found or read: reported in one line."""


def graph_file(path: str | os.PathLike) -> Path:
    """The RDF file a GRAPH argument names: a build folder means its graph.ttl."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.ttl"
        if not path.is_file():
            raise GraphError(f"{path.parent}: no graph.ttl in this folder (build it with `kg build`)")
    elif not path.is_file():
        raise GraphError(f"{path}: no such file or folder")
    if path.suffix.lower() not in READABLE:
        known = ", ".join(sorted(READABLE))
        raise GraphError(f"{path}: unknown RDF file extension (expected one of {known})")
    return path


def read_triples(path: str | os.PathLike) -> list[ox.Triple]:
    """The triples of a graph file or build folder, graphs of a dataset merged, without duplicates."""
    file = graph_file(path)
    try:
        quads = ox.parse(path=file, format=READABLE[file.suffix.lower()])
        triples = {ox.Triple(quad.subject, quad.predicate, quad.object) for quad in quads}
    except SyntaxError as exc:
        raise GraphError(f"{file}: not valid RDF: {exc}") from None
    except OSError as exc:
        raise GraphError(f"{file}: {exc.strerror or exc}") from None
    return sorted(triples, key=_triple_order)


def read_store(path: str | os.PathLike) -> ox.Store:
    """An in-memory Oxigraph store holding the graph in its default graph."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in read_triples(path))
    return store


def serialize(graph: str | os.PathLike | ox.Store, fmt: str) -> bytes:
    """The graph (a file, a build folder or a store) in one of FORMATS, triples in a stable order.

    TriG puts the triples in the named graph GRAPH_IRI; the other formats write a plain graph.
    """
    if fmt not in FORMATS:
        raise GraphError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    triples = _triples_of(graph)
    if fmt == "trig":
        name = ox.NamedNode(GRAPH_IRI)
        statements = [ox.Quad(t.subject, t.predicate, t.object, name) for t in triples]
    else:
        statements = triples
    prefixes = PREFIXES if fmt in ("ttl", "trig") else None
    return ox.serialize(statements, format=FORMATS[fmt], prefixes=prefixes)


def export(graph: str | os.PathLike | ox.Store, fmt: str, target: str | os.PathLike) -> Path:
    """Write serialize(graph, fmt) to target atomically; returns the target path."""
    target = Path(target)
    write_atomic(target, serialize(graph, fmt))
    return target


def _triples_of(graph: str | os.PathLike | ox.Store) -> list[ox.Triple]:
    if isinstance(graph, ox.Store):
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in graph}
        return sorted(triples, key=_triple_order)
    return read_triples(graph)


def _triple_order(triple: ox.Triple) -> tuple[str, str, str]:
    return str(triple.subject), str(triple.predicate), str(triple.object)
