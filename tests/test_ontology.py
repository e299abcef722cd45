"""The ontology, the topic scheme and the shapes: what the data files under ontology/ promise."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.check.validate import validate_graph

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology"
KG = Namespace("https://w3id.org/kg-news/ontology#")
TOPIC = Namespace("https://w3id.org/kg-news/topic/")
CAMEO = Namespace("https://w3id.org/kg-news/cameo/")

CONTRACT_CLASSES = [
    "Actor",
    "Person",
    "Organization",
    "Country",
    "Event",
    "Communication",
    "PhoneCall",
    "VideoConference",
    "Meeting",
    "Topic",
    "Article",
]
CONTRACT_PROPERTIES = [
    "participant",
    "initiator",
    "communicatedWith",
    "concerns",
    "date",
    "duration",
    "place",
    "evidence",
    "status",
    "role",
]
# Single words too vague to evoke one topic wherever they appear.
GENERIC_WORDS = {
    "guerre",
    "crise",
    "accord",
    "accords",
    "paix",
    "conflit",
    "sécurité",
    "tensions",
    "situation",
    "négociations",
    "pourparlers",
    "souveraineté",
    "gaz",
}


def parse(name: str) -> Graph:
    return Graph().parse(ONTOLOGY / name, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return parse("kg.ttl")


@pytest.fixture(scope="module")
def topics() -> Graph:
    return parse("topics.ttl")


def languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {value.language for value in graph.objects(subject, predicate) if isinstance(value, Literal)}


def topic_by_key(topics: Graph) -> dict[str, URIRef]:
    return {str(key): concept for concept, key in topics.subject_objects(SKOS.notation)}


def fold(text: str) -> str:
    return text.replace("’", "'").casefold()


# ---------------------------------------------------------------- the ontology


def test_the_three_files_parse():
    for name in ("kg.ttl", "topics.ttl", "shapes.ttl"):
        assert len(parse(name)) > 0, name


def test_the_namespace_is_declared_once_as_an_owl_ontology(ontology):
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [URIRef("https://w3id.org/kg-news/ontology")]
    assert dict(ontology.namespaces())["kg"] == URIRef(str(KG))


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_every_contract_class_is_declared_with_french_and_english_labels(ontology, name):
    term = KG[name]
    assert (term, RDF.type, OWL.Class) in ontology
    assert {"fr", "en"} <= languages(ontology, term, RDFS.label)
    assert {"fr", "en"} <= languages(ontology, term, RDFS.comment)


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES)
def test_every_contract_property_is_declared_with_labels_and_a_domain(ontology, name):
    term = KG[name]
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property}
    assert {"fr", "en"} <= languages(ontology, term, RDFS.label)
    assert {"fr", "en"} <= languages(ontology, term, RDFS.comment)
    assert ontology.value(term, RDFS.domain) is not None


def test_the_class_hierarchy_of_the_contract(ontology):
    def is_a(sub: str, sup: str) -> bool:
        return (KG[sub], RDFS.subClassOf, KG[sup]) in ontology

    assert all(is_a(kind, "Actor") for kind in ("Person", "Organization", "Country"))
    assert is_a("Communication", "Event")
    assert all(is_a(kind, "Communication") for kind in ("PhoneCall", "VideoConference", "Meeting"))
    assert (KG.Topic, RDFS.subClassOf, SKOS.Concept) in ontology


def test_communicated_with_is_symmetric_between_actors(ontology):
    assert (KG.communicatedWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert ontology.value(KG.communicatedWith, RDFS.domain) == KG.Actor
    assert ontology.value(KG.communicatedWith, RDFS.range) == KG.Actor


def test_classes_are_aligned_with_schema_org_sem_and_prov(ontology):
    schema = Namespace("https://schema.org/")
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    prov = Namespace("http://www.w3.org/ns/prov#")
    for sub, sup in [
        (KG.Person, schema.Person),
        (KG.Organization, schema.Organization),
        (KG.Country, schema.Country),
        (KG.Event, schema.Event),
        (KG.Event, sem.Event),
        (KG.Actor, sem.Actor),
        (KG.Actor, prov.Agent),
        (KG.Article, schema.NewsArticle),
        (KG.Article, prov.Entity),
    ]:
        assert (sub, RDFS.subClassOf, sup) in ontology, (sub, sup)
    assert (KG.participant, RDFS.subPropertyOf, sem.hasActor) in ontology
    assert (KG.date, RDFS.subPropertyOf, sem.hasTimeStamp) in ontology


def cameo_notations(ontology: Graph, cls: URIRef) -> set[str]:
    return {str(ontology.value(code, SKOS.notation)) for code in ontology.objects(cls, KG.cameoCode)}


def test_communication_kinds_carry_their_cameo_codes(ontology):
    assert cameo_notations(ontology, KG.PhoneCall) == {"041"}
    assert cameo_notations(ontology, KG.VideoConference) == {"041"}
    assert cameo_notations(ontology, KG.Meeting) == {"042", "043", "044", "046"}
    assert (KG.PhoneCall, SKOS.exactMatch, CAMEO["041"]) in ontology


def test_cameo_codes_are_concepts_of_a_cameo_scheme(ontology):
    for code in ("041", "042", "043", "044", "046"):
        concept = CAMEO[code]
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert ontology.value(concept, SKOS.inScheme) == CAMEO.scheme
        assert str(ontology.value(concept, SKOS.notation)) == code
        assert "en" in languages(ontology, concept, SKOS.prefLabel)


# ---------------------------------------------------------------- the topic scheme


def test_every_topic_has_a_key_labels_and_cues(topics):
    concepts = set(topics.subjects(RDF.type, KG.Topic))
    assert len(concepts) >= 60
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in topics, concept
        assert topics.value(concept, SKOS.notation) is not None, concept
        assert {"fr", "en"} <= languages(topics, concept, SKOS.prefLabel), concept
        assert "fr" in languages(topics, concept, SKOS.altLabel), concept
        assert topics.value(concept, SKOS.inScheme) == TOPIC.scheme, concept


def test_topic_iris_are_made_of_their_keys_and_keys_are_unique(topics):
    keys = Counter(str(key) for key in topics.objects(None, SKOS.notation))
    assert [key for key, count in keys.items() if count > 1] == []
    for key, concept in topic_by_key(topics).items():
        assert concept == TOPIC[key]


def test_topics_form_one_hierarchy_under_top_concepts(topics):
    for concept in topics.subjects(RDF.type, KG.Topic):
        parents = set(topics.objects(concept, SKOS.broader))
        is_top = (concept, SKOS.topConceptOf, TOPIC.scheme) in topics
        assert is_top or parents, f"{concept} is neither a top concept nor narrower than one"
        assert all((parent, RDF.type, KG.Topic) in topics for parent in parents), concept


def test_the_seed_topics_are_evoked_by_their_reference_cues(topics):
    reference = json.loads((ROOT / "tests/data/seeds.gold.json").read_text(encoding="utf-8"))["topics"]
    concepts = topic_by_key(topics)
    for key, expected in reference.items():
        assert key in concepts, key
        cues = {fold(str(label)) for label in topics.objects(concepts[key], SKOS.altLabel)}
        missing = [cue for cue in expected["cues"] if fold(cue) not in cues]
        assert missing == [], key


def test_cues_are_specific_phrases_each_evoking_one_topic(topics):
    owners: dict[str, set[str]] = {}
    for concept, cue in topics.subject_objects(SKOS.altLabel):
        owners.setdefault(fold(str(cue)), set()).add(str(topics.value(concept, SKOS.notation)))
    assert sorted(cue for cue in owners if cue in GENERIC_WORDS) == []
    assert {cue: keys for cue, keys in owners.items() if len(keys) > 1} == {}


def test_a_preferred_label_is_never_also_a_cue_literal(topics):
    # SKOS: prefLabel and altLabel are disjoint.
    for concept in topics.subjects(RDF.type, KG.Topic):
        assert set(topics.objects(concept, SKOS.prefLabel)).isdisjoint(topics.objects(concept, SKOS.altLabel))


def test_the_topic_scheme_conforms_to_the_shapes(topics):
    assert validate_graph(topics) == []
