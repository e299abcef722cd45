"""The one place that knows IRIs: the resolved corpus as an RDF graph, and the topic scheme read from SKOS.

IRIs are readable and deterministic: actor/vladimir-putin, event/2022-01-28-phonecall-emmanuel-macron-vladimir-putin,
article/<document id>, topic/<notation>."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import permutations
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.model import Actor, ArticleInfo, Corpus, EventRecord, TopicConcept
from kg.text import slug as text_slug
from kg.paths import ONTOLOGY

KG = Namespace("https://w3id.org/kg-news/ontology#")
ID = Namespace("https://w3id.org/kg-news/id/")
TOPIC = Namespace("https://w3id.org/kg-news/topic/")
SCHEME = TOPIC["scheme"]
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
PREFIXES = {"kg": KG, "id": ID, "topic": TOPIC, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "prov": PROV,
            "schema": SCHEMA, "xsd": XSD, "wd": WIKIDATA}
KIND_LABEL = {"PhoneCall": "Appel téléphonique", "VideoConference": "Visioconférence", "Meeting": "Rencontre",
              "Communication": "Entretien"}
# Characters that would make an IRI invalid in Turtle or N-Triples.
XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def slug(text: str) -> str:
    return text_slug(text) or "x"


def text(value: str) -> str:
    """A literal's text: characters XML and N-Triples tools reject are dropped."""
    return XML_INVALID.sub("", value)


def actor_iri(key: str) -> URIRef:
    return ID[f"actor/{slug(key.removeprefix('name:'))}"]


def article_iri(doc_id: str) -> URIRef:
    return ID[f"article/{quote(text(doc_id), safe='-_.~')}"]


def topic_iri(key: str) -> URIRef:
    return TOPIC[quote(text(key), safe="-_.~")]


def event_iris(events: tuple[EventRecord, ...]) -> list[URIRef]:
    """Readable, unique, and the same for the same input: day, kind, participants, and a counter if needed."""
    seen: dict[str, int] = {}
    iris = []
    for e in events:
        base = "-".join([e.date.lstrip("-") if e.date else "undated", e.kind.lower(),
                         *(slug(p.removeprefix("name:")) for p in e.participants)])[:200]
        seen[base] = seen.get(base, 0) + 1
        iris.append(ID[f"event/{base}" + (f"-{seen[base]}" if seen[base] > 1 else "")])
    return iris


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.date if not value.startswith("--") else XSD.gMonthDay)


def add_article(g: Graph, a: ArticleInfo) -> None:
    node = article_iri(a.id)
    g.add((node, RDF.type, KG.Article))
    g.add((node, SCHEMA.identifier, Literal(text(a.id))))
    if a.published:
        g.add((node, SCHEMA.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
    if a.url:
        g.add((node, SCHEMA.url, Literal(text(a.url), datatype=XSD.anyURI)))
    if a.outlet:
        g.add((node, SCHEMA.publisher, Literal(text(a.outlet))))
    if a.title:
        g.add((node, SCHEMA.headline, Literal(text(a.title))))


def add_actor(g: Graph, a: Actor) -> None:
    node = actor_iri(a.key)
    g.add((node, RDF.type, KG.Actor))
    if a.kind != "Actor":
        g.add((node, RDF.type, KG[a.kind]))
    g.add((node, RDFS.label, Literal(text(a.label))))
    for name in a.alt_labels:
        g.add((node, SKOS.altLabel, Literal(text(name))))
    if a.wikidata:
        g.add((node, OWL.sameAs, WIKIDATA[a.wikidata]))
    for role in a.roles:
        g.add((node, KG.role, Literal(text(role), lang="fr")))


def add_event(g: Graph, node: URIRef, e: EventRecord, labels: dict[str, str]) -> None:
    for cls in (KG.Event, KG.Communication, KG[e.kind]):
        g.add((node, RDF.type, cls))
    names = " – ".join(labels.get(p, p) for p in e.participants)
    g.add((node, RDFS.label, Literal(text(f"{KIND_LABEL[e.kind]} {names}" + (f", {e.date}" if e.date else "")), lang="fr")))
    for p in e.participants:
        g.add((node, KG.participant, actor_iri(p)))
    if e.initiator:
        g.add((node, KG.initiator, actor_iri(e.initiator)))
    if e.date:
        g.add((node, KG.date, date_literal(e.date)))
    if e.duration:
        g.add((node, KG.duration, Literal(e.duration, datatype=XSD.duration)))
    if e.place:
        g.add((node, KG.place, Literal(text(e.place))))
    for sentence in e.evidence:
        g.add((node, KG.evidence, Literal(text(sentence), lang="fr")))
    for source in e.sources:
        g.add((node, PROV.wasDerivedFrom, article_iri(source)))
    for topic in e.topics:
        g.add((node, KG.concerns, topic_iri(topic)))
    for a, b in permutations(e.participants, 2):
        g.add((actor_iri(a), KG.communicatedWith, actor_iri(b)))


def add_topic(g: Graph, t: TopicConcept) -> None:
    node = topic_iri(t.key)
    g.add((node, RDF.type, KG.Topic))
    g.add((node, RDF.type, SKOS.Concept))
    g.add((node, SKOS.inScheme, SCHEME))
    g.add((node, SKOS.notation, Literal(t.key)))
    g.add((node, SKOS.prefLabel, Literal(text(t.label_fr), lang="fr")))
    g.add((node, SKOS.prefLabel, Literal(text(t.label_en), lang="en")))
    for cue in t.cues:
        g.add((node, SKOS.altLabel, Literal(text(cue), lang="fr")))
    if t.broader:
        g.add((node, SKOS.broader, topic_iri(t.broader)))
    else:
        g.add((node, SKOS.topConceptOf, SCHEME))


def to_graph(corpus: Corpus) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    g.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SCHEME, SKOS.prefLabel, Literal("Sujets des communications", lang="fr")))
    g.add((SCHEME, SKOS.prefLabel, Literal("Topics of communications", lang="en")))
    for article in corpus.articles:
        add_article(g, article)
    labels = {a.key: a.label for a in corpus.actors}
    for actor in corpus.actors:
        add_actor(g, actor)
    for node, event in zip(event_iris(corpus.events), corpus.events):
        add_event(g, node, event, labels)
    for topic in corpus.topics:
        add_topic(g, topic)
    return g


@lru_cache(maxsize=4)
def load_topic_scheme(path: Path = ONTOLOGY / "topics.ttl") -> tuple[TopicConcept, ...]:
    """The concepts of the SKOS topic scheme, with their French cue phrases."""
    if not Path(path).exists():
        return ()
    g = Graph()
    g.parse(path, format="turtle")
    concepts = []
    for node in sorted(set(g.subjects(SKOS.notation, None))):
        key = str(g.value(node, SKOS.notation))
        labels = {lit.language: str(lit) for lit in g.objects(node, SKOS.prefLabel)}
        cues = tuple(sorted(str(lit) for lit in g.objects(node, SKOS.altLabel) if lit.language in ("fr", None)))
        broader_keys = sorted(str(n) for b in g.objects(node, SKOS.broader) for n in g.objects(b, SKOS.notation))
        broader_key = broader_keys[0] if broader_keys else None  # one, the same every time, where SKOS allows several
        concepts.append(TopicConcept(key, labels.get("fr", key), labels.get("en", labels.get("fr", key)), cues, broader_key))
    return tuple(sorted(concepts, key=lambda c: c.key))


def turtle(graph: Graph) -> bytes:
    """GRAPH as Turtle, the same bytes for the same triples: sorted by subject, predicate and object.

    Written by Oxigraph (rdflib's serializer takes ~30 s for a million triples): the triples go out as
    N-Triples, whose lines sort in that order, and come back as Turtle with the contract's prefixes."""
    import pyoxigraph as ox

    lines = ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
    lines.sort()
    body = ox.serialize(ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                        prefixes=TURTLE_PREFIXES)
    return turtle_header() + b"\n" + spaced_subjects(body)


# The prefixes graph.ttl declares; id: is left out, its local names ("actor/…") would need escaping.
TURTLE_PREFIXES = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items()) if prefix != "id"}


def turtle_header() -> bytes:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in TURTLE_PREFIXES.items()).encode("utf-8")


def spaced_subjects(body: bytes) -> bytes:
    """Oxigraph's Turtle without its prefix lines, a blank line before each subject (literals escape their
    line breaks, so every line that does not start with a tab starts a subject)."""
    statements = [line for line in body.split(b"\n") if line and not line.startswith(b"@prefix ")]
    return b"\n".join(line if line.startswith(b"\t") or i == 0 else b"\n" + line
                      for i, line in enumerate(statements)) + b"\n"


def oxigraph_triples(graph: Graph) -> list:
    """The triples of an rdflib graph as pyoxigraph triples (each distinct term converted once)."""
    import pyoxigraph as ox

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
