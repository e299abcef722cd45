"""The SKOS topic scheme (ontology/topics.ttl) as TopicConcept records, read with Oxigraph's parser."""

from __future__ import annotations

from collections import defaultdict

from kg.model import TopicConcept
from kg.vocabulary import SKOS

NOTATION, PREF_LABEL, ALT_LABEL, BROADER = (SKOS + name for name in ("notation", "prefLabel", "altLabel", "broader"))


def concepts(turtle: str) -> tuple[TopicConcept, ...]:
    """The concepts of the scheme TURTLE: each node with a skos:notation (its key), its labels by language, its
    French (or untagged) skos:altLabel cues, sorted, and the notation of its broader concept (the first in
    order, where SKOS allows several). Sorted by key."""
    import pyoxigraph as ox

    notation: dict[str, str] = {}
    labels: dict[str, dict[str | None, str]] = defaultdict(dict)
    cues: dict[str, set[str]] = defaultdict(set)
    broader: dict[str, set[str]] = defaultdict(set)
    for triple in ox.parse(turtle, format=ox.RdfFormat.TURTLE):
        node, predicate, value = str(triple.subject), triple.predicate.value, triple.object
        if predicate == NOTATION:
            notation[node] = value.value
        elif predicate == PREF_LABEL and isinstance(value, ox.Literal):
            labels[node][value.language] = value.value
        elif predicate == ALT_LABEL and isinstance(value, ox.Literal) and value.language in ("fr", None):
            cues[node].add(value.value)
        elif predicate == BROADER:
            broader[node].add(str(value))
    found = []
    for node, key in sorted(notation.items()):
        named = labels[node]
        broader_keys = sorted(notation[b] for b in broader[node] if b in notation)
        found.append(
            TopicConcept(
                key,
                named.get("fr", key),
                named.get("en", named.get("fr", key)),
                tuple(sorted(cues[node])),
                broader_keys[0] if broader_keys else None,
            )
        )
    return tuple(sorted(found, key=lambda c: c.key))
