"""The one place that knows IRIs: the resolved corpus mapped to RDF, once, as sorted N-Triples lines: the form
the build passes on. The SHACL check (kg.check.validate), graph.ttl (kg.graph.turtle) and the persisted store
(kg.graph.store) each read those bytes.

IRIs are readable and deterministic: actor/vladimir-putin, event/2022-01-28-phonecall-emmanuel-macron-vladimir-putin,
article/<document id>, topic/<notation>."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import permutations
from typing import Callable
from urllib.parse import quote

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg import vocabulary
from kg.model import Actor, ArticleInfo, Corpus, EventRecord, TopicConcept
from kg.text import slug as text_slug

# The namespaces of kg.vocabulary, as rdflib namespaces.
KG, ID, TOPIC, PROV, SCHEMA, WIKIDATA = (
    Namespace(ns)
    for ns in (vocabulary.KG, vocabulary.ID, vocabulary.TOPIC, vocabulary.PROV, vocabulary.SCHEMA, vocabulary.WIKIDATA)
)
SCHEME = TOPIC["scheme"]
KIND_LABEL = {
    "PhoneCall": "Appel téléphonique",
    "VideoConference": "Visioconférence",
    "Meeting": "Rencontre",
    "Communication": "Entretien",
}
# Characters that would make an IRI invalid in Turtle or N-Triples.
XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def slug(text: str) -> str:
    return text_slug(text) or "x"


def text(value: str) -> str:
    """A literal's text: characters XML and N-Triples tools reject are dropped."""
    return XML_INVALID.sub("", value)


def actor_iri(key: str) -> URIRef:
    return ID[f"actor/{slug(key.removeprefix('name:'))}"]


def segment(value: str) -> str:
    """VALUE as one IRI path segment, whatever it holds: percent-encoded, never a dot segment ("." or "..",
    which IRI resolution would remove with the segment before it) and never ending with a dot (a prefixed
    name cannot, so Turtle and TriG exports with the id: prefix would not read back)."""
    encoded = quote(text(value), safe="-_.~")
    if not encoded.strip("."):
        return encoded.replace(".", "%2E")
    return encoded[:-1] + "%2E" if encoded.endswith(".") else encoded


def article_iri(doc_id: str) -> URIRef:
    return ID[f"article/{segment(doc_id)}"]


def topic_iri(key: str) -> URIRef:
    return TOPIC[segment(key)]


def event_iris(events: tuple[EventRecord, ...]) -> list[URIRef]:
    """Readable, unique, and the same for the same input: day, kind, participants, and a counter if needed."""
    seen: dict[str, int] = {}
    slugs: dict[str, str] = {}
    iris = []
    for e in events:
        names = [slugs.get(p) or slugs.setdefault(p, slug(p.removeprefix("name:"))) for p in e.participants]
        base = "-".join([e.date.lstrip("-") if e.date else "undated", e.kind.lower(), *names])[:200]
        seen[base] = seen.get(base, 0) + 1
        iris.append(ID[f"event/{base}" + (f"-{seen[base]}" if seen[base] > 1 else "")])
    return iris


# --- the corpus as N-Triples ------------------------------------------------------------------
# The graph is made as the canonical N-Triples lines Oxigraph writes, one Python string per triple, and
# sorted: a million triples take seconds where rdflib's in-memory store took a minute and a half.


def iri(node: str) -> str:
    return f"<{node}>"


# Canonical N-Triples escapes, as Oxigraph writes them.
NT_ESCAPES = {
    **{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}
NT_ESCAPE_TABLE = str.maketrans(NT_ESCAPES)
NT_SPECIAL = re.compile(r'[\x00-\x1f\x7f"\\]')


def quoted(value: str) -> str:
    return f'"{value.translate(NT_ESCAPE_TABLE) if NT_SPECIAL.search(value) else value}"'


def plain(value: str) -> str:
    """An xsd:string literal (N-Triples leaves its datatype out)."""
    return quoted(text(value))


def tagged(value: str, language: str) -> str:
    return f"{quoted(text(value))}@{language}"


def typed(value: str, datatype: URIRef) -> str:
    return f"{quoted(value)}^^<{datatype}>"


@lru_cache(maxsize=65_536)
def normalized(value: str, datatype: URIRef) -> str:
    """A literal of a datatype rdflib reads (xsd:date, xsd:duration), in the lexical form rdflib writes:
    PT90M is PT1H30M. rdflib leaves the other datatypes as they are."""
    return typed(str(Literal(value, datatype=datatype)), datatype)


def date_term(value: str) -> str:
    return normalized(value, XSD.date) if not value.startswith("--") else typed(value, XSD.gMonthDay)


# The IRIs of the vocabulary, in N-Triples.
TYPE, LABEL, ALT_LABEL, PREF_LABEL = iri(RDF.type), iri(RDFS.label), iri(SKOS.altLabel), iri(SKOS.prefLabel)
SAME_AS, DERIVED_FROM = iri(OWL.sameAs), iri(PROV.wasDerivedFrom)
IDENTIFIER, PUBLISHED, URL, PUBLISHER, HEADLINE = (
    iri(SCHEMA[name]) for name in ("identifier", "datePublished", "url", "publisher", "headline")
)
IN_SCHEME, NOTATION, BROADER, TOP_CONCEPT_OF, CONCEPT = (
    iri(SKOS[name]) for name in ("inScheme", "notation", "broader", "topConceptOf", "Concept")
)
K = {
    name: iri(KG[name])
    for name in (
        "Article",
        "Actor",
        "Person",
        "Organization",
        "Country",
        "Group",
        "Event",
        "Communication",
        "PhoneCall",
        "VideoConference",
        "Meeting",
        "Topic",
        "role",
        "participant",
        "initiator",
        "date",
        "duration",
        "place",
        "evidence",
        "concerns",
        "communicatedWith",
        "dateBasis",
    )
}
DATE_BASIS = {
    "text": iri(KG.DateFromText),
    "context": iri(KG.DateFromContext),
    "publication": iri(KG.DateFromPublication),
}


class Statements:
    """The triples of a corpus graph, distinct, by subject (each IRI made once, in N-Triples)."""

    def __init__(self) -> None:
        self.subjects: dict[str, set[str]] = {}  # subject -> {"predicate object .", ...}
        # Each node's IRI is made once per graph, in N-Triples.
        self.actor: Callable[[str], str] = cache(lambda key: iri(actor_iri(key)))
        self.article: Callable[[str], str] = cache(lambda doc_id: iri(article_iri(doc_id)))
        self.topic: Callable[[str], str] = cache(lambda key: iri(topic_iri(key)))

    def about(self, subject: str) -> Callable[[str], None]:
        """The function that adds a statement ("predicate object .") about SUBJECT."""
        found = self.subjects.get(subject)
        if found is None:
            found = self.subjects[subject] = set()
        return found.add

    def add_scheme(self) -> None:
        node = iri(SCHEME)
        add = self.about(node)
        add(f"{TYPE} {iri(SKOS.ConceptScheme)} .")
        add(f"{PREF_LABEL} {tagged('Sujets des communications', 'fr')} .")
        add(f"{PREF_LABEL} {tagged('Topics of communications', 'en')} .")

    def add_article(self, a: ArticleInfo) -> None:
        node = self.article(a.id)
        add = self.about(node)
        add(f"{TYPE} {K['Article']} .")
        add(f"{IDENTIFIER} {plain(a.id)} .")
        if a.published:
            add(f"{PUBLISHED} {normalized(a.published.isoformat(), XSD.date)} .")
        if a.url:
            add(f"{URL} {typed(text(a.url), XSD.anyURI)} .")
        if a.outlet:
            add(f"{PUBLISHER} {plain(a.outlet)} .")
        if a.title:
            add(f"{HEADLINE} {plain(a.title)} .")

    def add_actor(self, a: Actor) -> None:
        node = self.actor(a.key)
        add = self.about(node)
        add(f"{TYPE} {K['Actor']} .")
        if a.kind != "Actor":
            add(f"{TYPE} {K[a.kind]} .")
        add(f"{LABEL} {plain(a.label)} .")
        for name in a.alt_labels:
            add(f"{ALT_LABEL} {plain(name)} .")
        if a.wikidata:
            add(f"{SAME_AS} {iri(WIKIDATA[a.wikidata])} .")
        for role in a.roles:
            add(f"{K['role']} {tagged(role, 'fr')} .")

    def add_event(self, node: str, e: EventRecord, labels: dict[str, str]) -> None:
        add = self.about(node)
        for cls in ("Event", "Communication", e.kind):
            add(f"{TYPE} {K[cls]} .")
        names = " – ".join(labels.get(p, p) for p in e.participants)
        label = f"{KIND_LABEL[e.kind]} {names}" + (f", {e.date}" if e.date else "")
        add(f"{LABEL} {tagged(label, 'fr')} .")
        participants = [self.actor(p) for p in e.participants]
        for actor in participants:
            add(f"{K['participant']} {actor} .")
        if e.initiator:
            add(f"{K['initiator']} {self.actor(e.initiator)} .")
        if e.date:
            add(f"{K['date']} {date_term(e.date)} .")
            if e.date_basis:
                add(f"{K['dateBasis']} {DATE_BASIS[e.date_basis]} .")
        if e.duration:
            add(f"{K['duration']} {normalized(e.duration, XSD.duration)} .")
        if e.place:
            add(f"{K['place']} {plain(e.place)} .")
        for sentence in e.evidence:
            add(f"{K['evidence']} {tagged(sentence, 'fr')} .")
        for source in e.sources:
            add(f"{DERIVED_FROM} {self.article(source)} .")
        for topic in e.topics:
            add(f"{K['concerns']} {self.topic(topic)} .")
        for a, b in permutations(participants, 2):
            self.about(a)(f"{K['communicatedWith']} {b} .")

    def add_topic(self, t: TopicConcept) -> None:
        node, scheme = self.topic(t.key), iri(SCHEME)
        add = self.about(node)
        add(f"{TYPE} {K['Topic']} .")
        add(f"{TYPE} {CONCEPT} .")
        add(f"{IN_SCHEME} {scheme} .")
        add(f"{NOTATION} {quoted(t.key)} .")
        add(f"{PREF_LABEL} {tagged(t.label_fr, 'fr')} .")
        add(f"{PREF_LABEL} {tagged(t.label_en, 'en')} .")
        for cue in t.cues:
            add(f"{ALT_LABEL} {tagged(cue, 'fr')} .")
        if t.broader:
            add(f"{BROADER} {self.topic(t.broader)} .")
        else:
            add(f"{TOP_CONCEPT_OF} {scheme} .")


def ntriples(corpus: Corpus) -> bytes:
    """The corpus graph in N-Triples: its distinct triples, one line each, sorted (as UTF-8 bytes)."""
    out = Statements()
    out.add_scheme()
    for article in corpus.articles:
        out.add_article(article)
    labels = {a.key: a.label for a in corpus.actors}
    for actor in corpus.actors:
        out.add_actor(actor)
    for node, event in zip(event_iris(corpus.events), corpus.events):
        out.add_event(iri(node), event, labels)
    for topic in corpus.topics:
        out.add_topic(topic)
    # Sorted by subject, then by the rest of the line: the order of the whole lines, since a subject ends
    # with ">", which no IRI holds. Code points sort as their UTF-8 bytes do.
    return "".join(
        f"{subject} " + f"\n{subject} ".join(sorted(out.subjects[subject])) + "\n" for subject in sorted(out.subjects)
    ).encode("utf-8")
