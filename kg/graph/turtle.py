"""graph.ttl from the corpus's sorted N-Triples (kg.graph.mapping): Oxigraph reads the lines once and writes them
as Turtle with the contract's prefixes, in their order (rdflib's serializer takes ~30 s for a million triples)."""

from __future__ import annotations

import pyoxigraph as ox

from kg import vocabulary

# The prefixes graph.ttl declares (kg.vocabulary.WRITTEN_PREFIXES, sorted): actor:vladimir-putin, event:2022-01-28-…
TURTLE_PREFIXES = dict(sorted(vocabulary.WRITTEN_PREFIXES.items()))


def turtle(ntriples: bytes) -> bytes:
    """The graph of NTRIPLES (sorted N-Triples lines, as kg.graph.mapping.ntriples makes them) as Turtle, the
    same bytes for the same triples: sorted by subject, predicate and object, a blank line before each subject."""
    body = ox.serialize(
        ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES
    )
    return turtle_header() + b"\n" + spaced_subjects(body)


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
