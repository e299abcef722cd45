"""JSON-LD as people read it: compacted with the project's context, ontology/context.jsonld.

    {"@context": {...}, "@graph": [
    {"@id": "actor:vladimir-putin", "@type": ["Actor", "Person"], "label": "Vladimir Poutine", "sameAs": "wd:Q7747", ...},
    ...]}

The context (the file's, inlined, so that the document reads offline) gives every property of the graph
contract a short term with its type: IRIs as compact IRIs (`actor:…`), dates and durations as plain
strings, evidence as French strings. A value the term's type does not fit (an xsd:gMonthDay date, a
label in another language) is written as a value object, so nothing is lost: read back, the document
gives the same triples. Nodes come sorted by @id, values sorted, one node a line: the same graph always
gives the same bytes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Iterable

import pyoxigraph as ox

from kg.paths import ONTOLOGY
from kg.vocabulary import RDF, XSD

CONTEXT_FILE = ONTOLOGY / "context.jsonld"
RDF_TYPE = RDF + "type"
XSD_STRING = XSD + "string"


@lru_cache(maxsize=1)
def context() -> dict:
    """The project's JSON-LD context, as shipped in ontology/context.jsonld."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, str], dict[str, tuple[str, str | None, str | None]], dict[str, str]]:
    """From the context: prefixes (term -> namespace), properties (IRI -> (term, @type, @language)) and
    classes (IRI -> term)."""
    prefixes = {
        term: value for term, value in context().items() if isinstance(value, str) and value.endswith(("/", "#"))
    }

    def expand(value: str) -> str:
        prefix, _, local = value.partition(":")
        return prefixes[prefix] + local if prefix in prefixes and not local.startswith("//") else value

    properties, classes = {}, {}
    for term, value in context().items():
        if term in prefixes:
            continue
        if isinstance(value, str) and term[:1].isupper():
            classes[expand(value)] = term
        elif isinstance(value, str):
            properties[expand(value)] = (term, None, None)
        else:
            coerced = value.get("@type")
            properties[expand(value["@id"])] = (
                term,
                expand(coerced) if coerced and coerced != "@id" else coerced,
                value.get("@language"),
            )
    return prefixes, properties, classes


@lru_cache(maxsize=1)
def prefix_of() -> dict[str, str]:
    """Each namespace of the context with its prefix (every namespace ends with / or #)."""
    return {ns: term for term, ns in sorted(vocabulary()[0].items(), key=lambda item: -len(item[0]))}


def compact_iri(iri: str) -> str:
    """prefix:local with the longest namespace of the context that fits, else the IRI itself."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix = prefix_of().get(iri[:cut]) if 0 < cut < len(iri) else None
    if prefix is None:  # a local name holding / or #, or no namespace of the context
        found = [ns for ns in prefix_of() if iri.startswith(ns) and len(iri) > len(ns)]
        if not found:
            return iri
        cut = len(max(found, key=len))
        prefix = prefix_of()[iri[:cut]]
    return iri if iri[cut:].startswith("//") else f"{prefix}:{iri[cut:]}"


def node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact_iri(term.value)


def value(obj: ox.NamedNode | ox.BlankNode | ox.Literal, coerced: str | None, language: str | None):
    """OBJ under a term typed COERCED (an IRI, "@id" or None) with default LANGUAGE: a plain string where
    the term's definition says the rest, else a value object."""
    if not isinstance(obj, ox.Literal):
        return node_id(obj) if coerced == "@id" else {"@id": node_id(obj)}
    datatype = obj.datatype.value
    if obj.language:
        return (
            obj.value
            if language == obj.language and coerced is None
            else {"@value": obj.value, "@language": obj.language}
        )
    if coerced is not None and coerced == datatype:
        return obj.value
    if datatype == XSD_STRING:
        return obj.value if coerced is None and language is None else {"@value": obj.value}
    return {"@value": obj.value, "@type": compact_iri(datatype)}


def sort_key(item: str | dict) -> tuple:
    return (0, item, ()) if isinstance(item, str) else (1, "", tuple(sorted(item.items())))


def compacted(triples: Iterable[ox.Triple | ox.Quad]) -> bytes:
    """The triples (or the quads of one graph) as a compacted JSON-LD document, with the context inlined."""
    _, properties, classes = vocabulary()
    nodes: dict[str, dict[str, list]] = {}
    for triple in triples:
        subject = node_id(triple.subject)
        node = nodes.setdefault(subject, {})
        predicate = triple.predicate.value
        if predicate == RDF_TYPE and not isinstance(triple.object, ox.Literal):
            node.setdefault("@type", []).append(classes.get(triple.object.value) or node_id(triple.object))
            continue
        term, coerced, language = properties.get(predicate) or (compact_iri(predicate), None, None)
        node.setdefault(term, []).append(value(triple.object, coerced, language))
    lines = []
    for subject in sorted(nodes):
        node = {"@id": subject}
        for key in sorted(nodes[subject], key=lambda k: (k != "@type", k)):
            found = nodes[subject][key]
            items = found if len(found) == 1 else list({sort_key(v): v for v in sorted(found, key=sort_key)}.values())
            node[key] = items[0] if len(items) == 1 else items
        lines.append(json.dumps(node, ensure_ascii=False, separators=(", ", ": ")))
    terms = ",\n".join(
        f"  {json.dumps(term)}: {json.dumps(definition, ensure_ascii=False, separators=(', ', ': '))}"
        for term, definition in context().items()
    )
    return ('{\n "@context": {\n' + terms + '\n },\n "@graph": [\n' + ",\n".join(lines) + "\n ]\n}\n").encode("utf-8")
