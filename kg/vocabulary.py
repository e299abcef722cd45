"""The vocabulary of the graph: its namespaces and prefixes, the named graph it lives in, and IRIs as the
prefixed names users see and paste. Standard library only: every module that names an IRI takes it from here
(kg.graph.mapping and kg.graph.turtle write them, kg.graph.formats, kg.sparql.query, kg.graph.exports, kg.check.validate and kg.check.evaluate read them).

Every IRI a command prints is either a prefixed name that SPARQL and Turtle accept as it is
(`actor:vladimir-putin`, `event:2022-01-28-phonecall-emmanuel-macron-vladimir-putin`,
`article:000_e6aace36ca060dcf`, `topic:minsk-agreements`, `wd:Q7747`, `kg:PhoneCall`) or the whole
IRI in angle brackets: pasted into a query, either runs.
"""

from __future__ import annotations

import re

# The namespaces.
KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
ACTOR = ID + "actor/"
EVENT = ID + "event/"
ARTICLE = ID + "article/"
TOPIC = "https://w3id.org/kg-news/topic/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
WIKIDATA = "http://www.wikidata.org/entity/"

# Where the graph's triples live in a triplestore (kg load, kg serve) and in the embedded store of kg query;
# the queries of queries/ name it with FROM.
GRAPH_IRI = "https://w3id.org/kg-news/graph"

# The prefixes of the graph contract: predeclared in kg query, written in Turtle and JSON-LD.
PREFIXES = {
    "kg": KG,
    "actor": ACTOR,
    "event": EVENT,
    "article": ARTICLE,
    "topic": TOPIC,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "schema": SCHEMA,
    "xsd": XSD,
    "wd": WIKIDATA,
    "id": ID,  # the parent of actor:, event: and article:, kept for queries written before them
}
# The prefixes files declare (graph.ttl, Turtle, TriG and RDF/XML exports, CONSTRUCT results): id: is left out,
# its local names ("actor/…") would need escaping, and article: too, as an article id may end with a dot, which
# needs an escape some parsers refuse: article IRIs stay whole.
WRITTEN_PREFIXES = {prefix: ns for prefix, ns in PREFIXES.items() if prefix not in ("id", "article")}

# A local name SPARQL 1.1 and Turtle both read without escapes: PN_CHARS, with inner dots and %XX escapes
# (PN_LOCAL without its backslash escapes, which some parsers refuse at the end of a name).
_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS = _PN_CHARS_BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = "%[0-9A-Fa-f]{2}"
LOCAL_NAME = re.compile(f"(?:[{_PN_CHARS_BASE}_0-9]|{_PLX})(?:(?:[{_PN_CHARS}.]|{_PLX})*(?:[{_PN_CHARS}]|{_PLX}))?")
# Longest namespace first, so that actor: wins over id:.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def prefixed_name(iri: str, prefixes: dict[str, str] | None = None) -> str:
    """IRI as a prefixed name of PREFIXES (the project's by default) that parses as it is, else <IRI>."""
    candidates = _BY_LENGTH if prefixes is None else sorted(prefixes.items(), key=lambda item: -len(item[1]))
    for prefix, namespace in candidates:
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if local == "" or LOCAL_NAME.fullmatch(local):
                return f"{prefix}:{local}"
    return f"<{iri}>"


def prefix_lines(prefixes: dict[str, str] | None = None) -> str:
    """SPARQL PREFIX declarations, one a line."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or PREFIXES).items())


def declared_prefixes(query: str) -> set[str]:
    """The prefixes a SPARQL query declares itself (PREFIX p: <…>)."""
    without_comments = re.sub(r"(?m)#[^\n<>]*$", "", query)
    return set(re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*|):", without_comments))


def with_prefixes(query: str) -> str:
    """QUERY with PREFIX lines for the project prefixes it uses but does not declare, so that it runs on
    any SPARQL endpoint as it runs in kg query."""
    declared = declared_prefixes(query)
    used = set(re.findall(r"(?<![\w:<?$\"'])([A-Za-z][\w-]*):(?!//)", query))
    missing = {p: ns for p, ns in PREFIXES.items() if p in used and p not in declared}
    return prefix_lines(missing) + query if missing else query
