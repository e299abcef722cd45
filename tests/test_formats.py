"""kg export: the graph in Turtle, N-Triples, JSON-LD and TriG, each read back by independent parsers."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import rdflib
from fixtures_store import GRAPH_IRI, kg, kg_json
from rdflib.compare import isomorphic

from kg.graph.formats import serialize

RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def built_graph(seeds_build) -> rdflib.Graph:
    return rdflib.Graph().parse(seeds_build / "graph.ttl", format="turtle")


def exported(seeds_build, tmp_path, fmt: str):
    target = tmp_path / f"graph.{fmt}"
    done = kg("export", seeds_build, "--format", fmt, "-o", target)
    assert done.returncode == 0, done.stderr
    return target


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_export_reads_back_as_the_same_graph(seeds_build, built_graph, tmp_path, fmt):
    graph = rdflib.Graph().parse(exported(seeds_build, tmp_path, fmt), format=RDFLIB_FORMAT[fmt])
    assert len(graph) == len(built_graph) > 0
    assert isomorphic(graph, built_graph)


def test_trig_export_holds_the_graph_in_its_named_graph(seeds_build, built_graph, tmp_path):
    dataset = rdflib.Dataset()
    dataset.parse(exported(seeds_build, tmp_path, "trig"), format="trig")
    named = dataset.graph(rdflib.URIRef(GRAPH_IRI))
    assert len(named) == len(built_graph)
    assert isomorphic(named, built_graph)
    assert len(list(dataset.quads())) == len(built_graph), "nothing outside the named graph"


@pytest.mark.parametrize("fmt", ["nt", "jsonld", "trig"])
def test_kg_query_reads_every_export_as_the_build(seeds_build, tmp_path, fmt):
    count = kg_json(exported(seeds_build, tmp_path, fmt), COUNT_ALL)
    assert count == kg_json(seeds_build, COUNT_ALL)


@pytest.mark.skipif(not shutil.which("rapper"), reason="rapper is not installed (apt-get install raptor2-utils)")
@pytest.mark.parametrize("turtle", ["build", "export"])
def test_the_turtle_passes_rapper(seeds_build, built_graph, tmp_path, turtle):
    path = seeds_build / "graph.ttl" if turtle == "build" else exported(seeds_build, tmp_path, "ttl")
    checked = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert f"returned {len(built_graph)} triples" in checked.stderr


def test_export_guesses_the_format_from_the_file_name(seeds_build, built_graph, tmp_path):
    target = tmp_path / "graph.nt"
    assert kg("export", seeds_build, "-o", target).returncode == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(built_graph)
    unknown = kg("export", seeds_build, "-o", tmp_path / "graph.xyz")
    assert unknown.returncode == 2 and "--format" in unknown.stderr


def test_export_replaces_the_file_whole_and_leaves_no_temporary_file(seeds_build, tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("old content\n")
    assert kg("export", seeds_build, "-o", target).returncode == 0
    assert "old content" not in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_export_to_standard_output(seeds_build, built_graph):
    done = kg("export", seeds_build, "--format", "nt")
    assert len(rdflib.Graph().parse(data=done.stdout, format="nt")) == len(built_graph)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig"])
def test_serialize_is_what_export_writes_and_the_same_every_time(seeds_build, tmp_path, fmt):
    first = serialize(seeds_build, fmt)
    assert first == serialize(seeds_build / "graph.ttl", fmt)
    assert first == exported(seeds_build, tmp_path, fmt).read_bytes()


@pytest.mark.parametrize("source", ["ttl", "trig"])
@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig"])
def test_exporting_twice_in_separate_processes_gives_the_same_bytes(seeds_build, tmp_path, source, fmt):
    graph = seeds_build / "graph.ttl" if source == "ttl" else exported(seeds_build, tmp_path, "trig")
    first, second = tmp_path / f"first.{fmt}", tmp_path / f"second.{fmt}"
    for target in (first, second):
        done = kg("export", graph, "-o", target)
        assert done.returncode == 0, done.stderr
    assert first.read_bytes() == second.read_bytes()


TWO_GRAPHS = """@prefix e: <http://example.org/> .
e:a e:p e:b .
e:g1 { e:a e:p e:b . e:a e:p "un"@fr . }
e:g2 { e:a e:p e:b . e:c e:p e:a . }
"""


def test_a_triple_in_several_graphs_of_a_dataset_is_read_once(tmp_path):
    dataset = tmp_path / "dataset.trig"
    dataset.write_text(TWO_GRAPHS, encoding="utf-8")
    done = kg("export", dataset, "--format", "nt")
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()) == [
        '<http://example.org/a> <http://example.org/p> "un"@fr .',
        "<http://example.org/a> <http://example.org/p> <http://example.org/b> .",
        "<http://example.org/c> <http://example.org/p> <http://example.org/a> .",
    ]
    assert kg_json(dataset, COUNT_ALL) == [{"n": "3"}]


@pytest.mark.parametrize("command", ["export", "query"])
def test_a_graph_that_does_not_parse_is_one_line_naming_the_file(tmp_path, command):
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/a> <http://example.org/p> not-a-term .\n", encoding="utf-8")
    done = kg(command, broken, *(["--format", "nt"] if command == "export" else [COUNT_ALL]))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert str(broken) in done.stderr and "not valid RDF" in done.stderr and "Traceback" not in done.stderr
