"""kg export for other tools: compacted JSON-LD, RDF/XML, N-Quads, GEXF, GraphML and CSV, each read back by a
standard tool (rdflib, rapper, networkx, Python's csv)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import networkx as nx
import pytest
import rdflib
from fixtures_store import GRAPH_IRI, ROOT, kg, kg_json
from rdflib.compare import isomorphic

RAPPER = shutil.which("rapper")
PAIRS = """SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?a ?b WHERE {
  ?e a kg:Communication ; kg:participant ?a, ?b . FILTER (STR(?a) < STR(?b)) } } }"""
ACTORS = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Actor }"
EVENTS = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Communication }"


@pytest.fixture(scope="module")
def built_graph(seeds_build) -> rdflib.Graph:
    return rdflib.Graph().parse(seeds_build / "graph.ttl", format="turtle")


def count(seeds_build, query: str) -> int:
    return int(kg_json(seeds_build, query)[0]["n"])


def exported(seeds_build, tmp_path, fmt: str, name: str | None = None):
    target = tmp_path / (name or f"graph.{fmt}")
    done = kg("export", seeds_build, "--format", fmt, "-o", target)
    assert done.returncode == 0, done.stderr
    return target


def rapper_reads(path, syntax: str) -> int:
    checked = subprocess.run(["rapper", "-i", syntax, "-c", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    return int(checked.stderr.split("returned ")[1].split()[0])


# --- RDF ----------------------------------------------------------------------------------------


def test_json_ld_is_compacted_with_the_shipped_context_and_reads_back_as_the_graph(seeds_build, built_graph, tmp_path):
    path = exported(seeds_build, tmp_path, "jsonld")
    document = json.loads(path.read_text(encoding="utf-8"))
    shipped = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == shipped["@context"]
    putin = next(node for node in document["@graph"] if node["@id"] == "actor:vladimir-putin")
    assert (
        putin["@type"] == ["Actor", "Person"] and putin["label"] == "Vladimir Poutine" and putin["sameAs"] == "wd:Q7747"
    )
    call = next(
        node
        for node in document["@graph"]
        if node["@id"] == "event:2022-01-28-phonecall-emmanuel-macron-vladimir-putin"
    )
    assert call["date"] == "2022-01-28" and call["duration"] == "PT1H" and "actor:vladimir-putin" in call["participant"]
    assert "https://w3id.org/kg-news/ontology#participant" not in path.read_text(encoding="utf-8")
    assert isomorphic(rdflib.Graph().parse(path, format="json-ld"), built_graph)
    size = {fmt: exported(seeds_build, tmp_path, fmt).stat().st_size for fmt in ("nt", "jsonld")}
    assert size["jsonld"] < size["nt"] / 2


def test_json_ld_keeps_values_the_context_does_not_type(tmp_path):
    turtle = tmp_path / "graph.ttl"
    turtle.write_text(
        """@prefix kg: <https://w3id.org/kg-news/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/kg-news/id/event/x> a kg:Communication ; kg:date "--02-03"^^xsd:gMonthDay ;
  kg:evidence "en anglais"@en, "sans langue" ; <http://example.org/other> 3, <http://example.org/o> .
""",
        encoding="utf-8",
    )
    done = kg("export", turtle, "--format", "jsonld")
    assert done.returncode == 0, done.stderr
    assert isomorphic(rdflib.Graph().parse(data=done.stdout, format="json-ld"), rdflib.Graph().parse(turtle))


@pytest.mark.skipif(not RAPPER, reason="rapper is not installed (apt-get install raptor2-utils)")
def test_rdf_xml_reads_back_in_rdflib_and_rapper(seeds_build, built_graph, tmp_path):
    path = exported(seeds_build, tmp_path, "rdfxml", "graph.rdf")
    assert isomorphic(rdflib.Graph().parse(path, format="xml"), built_graph)
    assert rapper_reads(path, "rdfxml") == len(built_graph)


@pytest.mark.skipif(not RAPPER, reason="rapper is not installed (apt-get install raptor2-utils)")
def test_n_quads_hold_the_graph_in_its_named_graph(seeds_build, built_graph, tmp_path):
    path = exported(seeds_build, tmp_path, "nq")
    dataset = rdflib.Dataset()
    dataset.parse(path, format="nquads")
    named = dataset.graph(rdflib.URIRef(GRAPH_IRI))
    assert isomorphic(named, built_graph)
    assert len(list(dataset.quads())) == len(built_graph)
    assert rapper_reads(path, "nquads") == len(built_graph)
    assert kg_json(path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": str(len(built_graph))}]


# --- the actor network --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_the_actor_network_reads_back_in_networkx(seeds_build, tmp_path, fmt):
    path = exported(seeds_build, tmp_path, fmt)
    network = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert network.number_of_nodes() == count(seeds_build, ACTORS)
    assert network.number_of_edges() == count(seeds_build, PAIRS)
    putin = network.nodes["actor:vladimir-putin"]
    assert putin["label"] == "Vladimir Poutine" and putin["kind"] == "Person" and putin["wikidata"] == "Q7747"
    edge = network.edges["actor:emmanuel-macron", "actor:vladimir-putin"]
    assert int(edge["weight"]) >= 4 and (edge["first"], edge["last"]) == ("2020-06-26", "2022-02-20")


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "jsonld", "rdfxml", "nq", "pairs-csv", "events-csv"])
def test_every_export_is_the_same_bytes_every_time(seeds_build, tmp_path, fmt):
    first = exported(seeds_build, tmp_path, fmt, "first").read_bytes()
    assert first == exported(seeds_build, tmp_path, fmt, "second").read_bytes()


# --- CSV ----------------------------------------------------------------------------------------


def test_pairs_csv_lists_each_pair_with_its_events_and_dates(seeds_build, tmp_path):
    path = exported(seeds_build, tmp_path, "pairs-csv", "pairs.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == count(seeds_build, PAIRS)
    pair = next(r for r in rows if {r["source_label"], r["target_label"]} == {"Emmanuel Macron", "Vladimir Poutine"})
    assert int(pair["weight"]) >= 4 and (pair["first"], pair["last"]) == ("2020-06-26", "2022-02-20")
    assert pair["source"] == "actor:emmanuel-macron"


def test_events_csv_has_a_row_per_event(seeds_build, tmp_path):
    path = exported(seeds_build, tmp_path, "events-csv", "events.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == count(seeds_build, EVENTS)
    call = next(r for r in rows if r["event"] == "event:2022-01-28-phonecall-emmanuel-macron-vladimir-putin")
    assert call["kind"] == "PhoneCall" and call["date"] == "2022-01-28" and call["duration"] == "PT1H"
    assert call["participants"] == "Emmanuel Macron; Vladimir Poutine"
    assert "security-guarantees" in call["topics"].split("; ")
    reports = "SELECT (COUNT(?a) AS ?n) WHERE { event:2022-01-28-phonecall-emmanuel-macron-vladimir-putin prov:wasDerivedFrom ?a }"
    assert len(call["articles"].split("; ")) == count(seeds_build, reports) >= 2


def test_the_format_is_told_from_the_output_name(seeds_build, tmp_path):
    for name, check in (
        ("graph.rdf", "<rdf:RDF"),
        ("graph.gexf", "<gexf"),
        ("graph.graphml", "<graphml"),
        ("pairs.csv", "source,target"),
        ("events.csv", "event,date"),
    ):
        done = kg("export", seeds_build, "-o", tmp_path / name)
        assert done.returncode == 0, done.stderr
        assert check in (tmp_path / name).read_text(encoding="utf-8")[:2000]
    ambiguous = kg("export", seeds_build, "-o", tmp_path / "table.csv")
    assert ambiguous.returncode == 2 and "--format" in ambiguous.stderr


def test_an_unwritable_target_is_one_line(seeds_build, tmp_path):
    (tmp_path / "file").write_text("x")
    done = kg("export", seeds_build, "--format", "nt", "-o", tmp_path / "file" / "graph.nt")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert "cannot write" in line
