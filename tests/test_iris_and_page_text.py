"""Every document id gives valid IRIs and exports, and no article text can turn the page's own text around."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.graph import formats, mapping
from kg.graph.turtle import turtle as turtle_of
from kg.model import Actor, ArticleInfo, Corpus, EventRecord
from kg.page import render

SCHEMA_IDENTIFIER = URIRef("https://schema.org/identifier")


def corpus_with(doc_id: str, title: str = "Titre", sentence: str = "Macron a appelé Poutine.") -> Corpus:
    people = (
        Actor("emmanuel-macron", "Emmanuel Macron", "Person"),
        Actor("vladimir-putin", "Vladimir Poutine", "Person"),
    )
    event = EventRecord(
        "PhoneCall", ("emmanuel-macron", "vladimir-putin"), "2022-02-03", evidence=(sentence,), sources=(doc_id,)
    )
    return Corpus((ArticleInfo(doc_id, date(2022, 2, 3), None, "AFP", title),), people, (event,), ())


@pytest.mark.parametrize("doc_id", [".", "..", "...", "abc.", "a..", "x/../y", "./a", "%2E%2E"])
def test_dot_ids_give_iris_that_no_resolution_changes_and_exports_that_read_back(tmp_path, doc_id):
    turtle = turtle_of(mapping.ntriples(corpus_with(doc_id)))
    (tmp_path / "graph.ttl").write_bytes(turtle)
    graph = Graph().parse(data=turtle.decode("utf-8"), format="turtle", publicID="https://example.org/base/")
    [article] = graph.subjects(SCHEMA_IDENTIFIER, None)
    assert str(graph.value(article, SCHEMA_IDENTIFIER)) == doc_id
    assert article == mapping.article_iri(doc_id) and str(article).startswith(str(mapping.ID) + "article/")
    segment = str(article).rsplit("/", 1)[1]
    assert segment.strip(".") and not segment.endswith(".")
    for fmt, name in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        parsed = Graph().parse(data=formats.serialize(tmp_path, fmt).decode("utf-8"), format=name)
        assert set(parsed) == set(graph), fmt
    dataset = Dataset().parse(data=formats.serialize(tmp_path, "trig").decode("utf-8"), format="trig")
    assert set(dataset.graph(URIRef(formats.GRAPH_IRI))) == set(graph)


def test_ordinary_ids_keep_their_iris():
    assert str(mapping.article_iri("000_e6aace36ca060dcf")).endswith("/article/000_e6aace36ca060dcf")
    assert str(mapping.article_iri("le.monde.2022")).endswith("/article/le.monde.2022")
    assert str(mapping.article_iri("café")).endswith("/article/caf%C3%A9")


def test_the_page_shows_no_bidirectional_control_character():
    spoof = "Rencontre\u202e)seludom 3( \u2066isolé\u2069 \u202bembed\u202c"
    page = render(corpus_with("a", title=spoof, sentence=spoof))
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert control not in page
    assert "Rencontre)seludom 3( isolé embed" in page
