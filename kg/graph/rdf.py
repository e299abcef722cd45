"""The corpus graph the build checks and writes: to_graph gives rdflib's Graph API, but its triples are the
sorted N-Triples lines of kg.graph.mapping, from which turtle() has Oxigraph write graph.ttl; they become rdflib
objects only if something reads the graph through rdflib (the build's SHACL check, on graphs small enough
for it)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Identifier

from kg import vocabulary
from kg.graph.mapping import ntriples
from kg.model import Corpus

# The prefixes bound on the graphs of to_graph.
PREFIXES = {
    prefix: Namespace(vocabulary.PREFIXES[prefix])
    for prefix in ("kg", "id", "topic", "rdfs", "owl", "skos", "prov", "schema", "xsd", "wd")
}


class CorpusStore(Memory):
    """rdflib's in-memory store, filled from the corpus's N-Triples only when rdflib first reads or changes it.

    turtle() writes graph.ttl straight from the sorted lines, so the million triples of a big corpus never
    become rdflib objects; SHACL validation, done on graphs small enough for pyshacl, reads them through
    rdflib as usual. `ntriples` is dropped as soon as anything changes the graph."""

    def __init__(self, ntriples: bytes, graph: Identifier) -> None:
        super().__init__()
        self.ntriples: bytes | None = ntriples
        self.count = ntriples.count(b"\n")
        self.graph = graph  # the identifier of the one graph it holds
        self.state = "deferred"  # then "loading", "loaded"

    def ensure_loaded(self, changing: bool = False) -> None:
        if self.state == "deferred":
            self.state = "loading"
            Graph(store=self, identifier=self.graph).parse(data=self.ntriples, format="nt")
            self.state = "loaded"
        if changing and self.state == "loaded":
            self.ntriples = None

    def __len__(self, context=None) -> int:
        if self.ntriples is not None and self.state != "loading":
            return self.count if context is None or getattr(context, "identifier", context) == self.graph else 0
        return super().__len__(context)

    def triples(self, triple_pattern, context=None):
        self.ensure_loaded()
        return super().triples(triple_pattern, context)

    def contexts(self, triple=None):
        self.ensure_loaded()
        return super().contexts(triple)

    def query(self, *args, **kwargs):
        self.ensure_loaded()
        return super().query(*args, **kwargs)

    def update(self, *args, **kwargs):
        self.ensure_loaded(changing=True)
        return super().update(*args, **kwargs)

    def add(self, triple, context, quoted=False) -> None:
        self.ensure_loaded(changing=True)
        super().add(triple, context, quoted)

    def remove(self, triple_pattern, context=None) -> None:
        self.ensure_loaded(changing=True)
        super().remove(triple_pattern, context)

    def add_graph(self, graph) -> None:
        self.ensure_loaded(changing=True)
        super().add_graph(graph)

    def remove_graph(self, graph) -> None:
        self.ensure_loaded(changing=True)
        super().remove_graph(graph)


def to_graph(corpus: Corpus) -> Graph:
    """The corpus as an rdflib Graph. Its triples are made as N-Triples (see ntriples), and become rdflib
    terms only if something reads the graph through rdflib."""
    identifier = BNode()
    g = Graph(store=CorpusStore(ntriples(corpus), identifier), identifier=identifier)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def turtle(graph: Graph) -> bytes:
    """GRAPH as Turtle, the same bytes for the same triples: sorted by subject, predicate and object.

    Written by Oxigraph (rdflib's serializer takes ~30 s for a million triples): the triples, as sorted
    N-Triples lines, come back as Turtle with the contract's prefixes. A graph of to_graph has its lines
    already; any other rdflib graph is written out as N-Triples first."""
    body = ox.serialize(
        ox.parse(sorted_ntriples(graph), format=ox.RdfFormat.N_TRIPLES),
        format=ox.RdfFormat.TURTLE,
        prefixes=TURTLE_PREFIXES,
    )
    return turtle_header() + b"\n" + spaced_subjects(body)


def sorted_ntriples(graph: Graph) -> bytes:
    """GRAPH as sorted N-Triples lines: those it was made from for a graph of to_graph, without reading it
    through rdflib; any other graph is written out by Oxigraph first."""
    store = graph.store
    if isinstance(store, CorpusStore) and store.ntriples is not None and graph.identifier == store.graph:
        return store.ntriples
    lines = ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
    lines.sort()
    return b"".join(lines)


# The prefixes graph.ttl declares (kg.vocabulary.WRITTEN_PREFIXES, sorted): actor:vladimir-putin, event:2022-01-28-…
TURTLE_PREFIXES = dict(sorted(vocabulary.WRITTEN_PREFIXES.items()))


def turtle_header() -> bytes:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in TURTLE_PREFIXES.items()).encode("utf-8")


def spaced_subjects(body: bytes) -> bytes:
    """Oxigraph's Turtle without its prefix lines, a blank line before each subject (literals escape their
    line breaks, so every line that does not start with a tab starts a subject)."""
    statements = [line for line in body.split(b"\n") if line and not line.startswith(b"@prefix ")]
    return (
        b"\n".join(line if line.startswith(b"\t") or i == 0 else b"\n" + line for i, line in enumerate(statements))
        + b"\n"
    )


def oxigraph_triples(graph: Graph) -> list:
    """The triples of an rdflib graph as pyoxigraph triples (each distinct term converted once)."""
    converted: dict = {}

    def term(node):
        found = converted.get(node)
        if found is None:
            if isinstance(node, URIRef):
                found = ox.NamedNode(str(node))
            elif isinstance(node, Literal):
                if node.language:
                    found = ox.Literal(str(node), language=node.language)
                else:
                    found = ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD.string)))
            else:
                found = ox.BlankNode(str(node))
            converted[node] = found
        return found

    return [ox.Triple(term(s), term(p), term(o)) for s, p, o in graph]
