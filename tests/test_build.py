"""The build, end to end: the seeds in, a graph that matches their reference out."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, ROOT, SEEDS, kg
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

KG = Namespace("https://w3id.org/kg-news/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")


@pytest.fixture(scope="module")
def graph(seeds_build) -> Graph:
    g = Graph()
    g.parse(seeds_build / "graph.ttl", format="turtle")
    return g


def actor(g: Graph, qid: str) -> URIRef:
    nodes = list(g.subjects(OWL.sameAs, WD[qid]))
    assert len(nodes) == 1, f"one node for {qid}, found {nodes}"
    return nodes[0]


def test_seeds_meet_their_reference(seeds_build):
    result = kg("eval", seeds_build / "graph.ttl", "--gold", DATA / "seeds.gold.json", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["events"]["f1"] >= 0.95, report["false_events"]
    assert report["pairs"]["f1"] >= 0.95, report["pairs"]
    assert report["topics"]["f1"] >= 0.85, report["rows"]
    assert report["wikidata_links"]["linked"] == report["wikidata_links"]["of"]
    assert report["intruders"] == []


def test_the_28_january_call_is_one_event_from_three_articles(graph):
    putin, macron = actor(graph, "Q7747"), actor(graph, "Q3052772")
    calls = [
        e
        for e in graph.subjects(KG.date, Literal("2022-01-28", datatype=XSD.date))
        if {putin, macron} <= set(graph.objects(e, KG.participant))
    ]
    assert len(calls) == 1
    call = calls[0]
    assert (call, RDF.type, KG.PhoneCall) in graph
    sources = {
        str(graph.value(a, URIRef("https://schema.org/identifier"))) for a in graph.objects(call, PROV.wasDerivedFrom)
    }
    assert sources == {"000_e6aace36ca060dcf", "002_9af52fc60d6935b8", "003_16ca8a638563d6d7"}
    assert any("téléphonique" in str(s) for s in graph.objects(call, KG.evidence))


def test_one_node_per_actor_whatever_the_article_calls_them(graph):
    putin = actor(graph, "Q7747")
    assert str(graph.value(putin, RDFS.label)) == "Vladimir Poutine"
    assert (putin, RDF.type, KG.Person) in graph
    # "le président russe", "le chef du Kremlin", "son homologue russe" all resolve to him: no other Putin node
    labels = [str(o) for o in graph.objects(None, RDFS.label) if "Poutine" in str(o) and "–" not in str(o)]
    assert labels == ["Vladimir Poutine"]


def test_communicated_with_is_written_both_ways(graph):
    for a, b in graph.subject_objects(KG.communicatedWith):
        assert (b, KG.communicatedWith, a) in graph


def test_durations_dates_and_initiator(graph):
    putin, macron = actor(graph, "Q7747"), actor(graph, "Q3052772")
    by_date = {str(graph.value(e, KG.date)): e for e in graph.subjects(KG.participant, putin)}
    assert str(graph.value(by_date["2022-02-20"], KG.duration)) == "PT1H45M"
    assert str(graph.value(by_date["2022-01-28"], KG.duration)) == "PT1H"
    assert graph.value(by_date["2022-02-03"], KG.initiator) == macron
    assert (by_date["2020-06-26"], RDF.type, KG.VideoConference) in graph


def test_noise_gives_no_actor(graph):
    names = {str(o) for o in graph.objects(None, RDFS.label)}
    for noise in ("Léopold Moulin", "John Irish", "Didier Deschamps", "Michael Clementiev", "Reuters", "AFP"):
        assert not any(noise in n for n in names)


def test_the_build_is_deterministic(seeds_build, tmp_path):
    kg("build", SEEDS, "-o", tmp_path, check=True)
    assert (tmp_path / "graph.ttl").read_bytes() == (seeds_build / "graph.ttl").read_bytes()
    assert (tmp_path / "graph.html").read_bytes() == (seeds_build / "graph.html").read_bytes()


def test_committed_output_is_up_to_date(seeds_build):
    """output/ is what `make` writes from seeds/: the committed graph.ttl and graph.html are the bytes of a fresh build.

    The one test that reads the committed output/; every other test uses the fresh build (conftest's seeds_build),
    which this makes stand for output/."""
    for name in ("graph.ttl", "graph.html"):
        committed = ROOT / "output" / name
        assert committed.exists(), f"output/{name} is missing: run `make`"
        assert committed.read_bytes() == (seeds_build / name).read_bytes(), f"output/{name} is stale: run `make`"


def test_missing_input_is_a_usage_error(tmp_path):
    result = kg("build", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.returncode == 2
    assert "nowhere" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_of_an_unreadable_graph_says_so_in_one_line(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    result = kg("eval", bad, "--gold", DATA / "seeds.gold.json")
    assert result.returncode == 2
    assert "cannot read" in result.stderr and "Traceback" not in result.stderr
