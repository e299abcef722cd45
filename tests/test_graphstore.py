"""The build's persisted store (OUTDIR/graph.oxigraph): written with the build, used by kg query and kg serve
only while it matches graph.ttl, never changing what a command prints."""

from __future__ import annotations

import hashlib
import json
import shutil

import pyoxigraph as ox
import pytest
from fixtures_store import QUERIES, kg, serve_until_interrupted, sparql_select

from kg.graph.store import write_graph_store as write_store

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
UNORDERED = "SELECT ?event ?actor WHERE { ?event kg:participant ?actor }"
EXTRA = b'<https://w3id.org/kg-news/id/actor/someone> <http://www.w3.org/2000/01/rdf-schema#label> "Someone" .\n'


def write_graph_store(folder, turtle: bytes) -> None:
    """FOLDER's store of the graph TURTLE, written as the build writes it: from the graph's N-Triples lines."""
    lines = ox.serialize(ox.parse(turtle, format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
    write_store(folder, lines, turtle)


def copy_of_build(seeds_build, target):
    """A build folder of the seeds' graph.ttl (and page), without a store."""
    target.mkdir()
    for name in ("graph.ttl", "graph.html"):
        shutil.copy(seeds_build / name, target / name)
    return target


@pytest.fixture(scope="module")
def stored(seeds_build, tmp_path_factory):
    """A build folder of the seeds with the store the build writes."""
    folder = copy_of_build(seeds_build, tmp_path_factory.mktemp("stored") / "out")
    write_graph_store(folder, (folder / "graph.ttl").read_bytes())
    return folder


@pytest.fixture
def bare(seeds_build, tmp_path):
    return copy_of_build(seeds_build, tmp_path / "bare")


def query(graph, text: str, fmt: str = "table") -> str:
    done = kg("query", graph, text, "--format", fmt)
    assert done.returncode == 0, done.stderr
    return done.stdout


def count(graph) -> int:
    return int(json.loads(query(graph, COUNT_ALL, "json"))["results"]["bindings"][0]["n"]["value"])


def ntriples_of(path) -> set[bytes]:
    return set(ox.serialize(ox.parse(path=path), format=ox.RdfFormat.N_TRIPLES).splitlines())


def check_count(endpoint: str, expected: int) -> None:
    assert int(sparql_select(endpoint, COUNT_ALL)[0]["n"]) == expected


def listing(folder) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_the_build_writes_its_store_beside_graph_ttl(seeds_build):
    store = seeds_build / "graph.oxigraph"
    assert store.is_dir()
    recorded = (store / "graph.ttl.sha256").read_text(encoding="ascii").split()
    assert recorded == [hashlib.sha256((seeds_build / "graph.ttl").read_bytes()).hexdigest(), "graph.ttl"]
    assert not [p.name for p in seeds_build.iterdir() if p.name.startswith(".graph.oxigraph")]
    assert count(seeds_build) == len(ntriples_of(seeds_build / "graph.ttl"))


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_project_query_prints_the_same_with_or_without_the_store(stored, bare, name):
    assert query(stored, name) == query(bare, name)


def test_an_unordered_query_gives_the_same_rows_with_or_without_the_store(stored, bare):
    def rows(graph):
        bindings = json.loads(query(graph, UNORDERED, "json"))["results"]["bindings"]
        return sorted((r["event"]["value"], r["actor"]["value"]) for r in bindings)

    assert rows(stored) == rows(bare) and len(rows(bare)) > 10


def test_query_reads_the_store_when_it_was_made_from_this_graph_ttl(seeds_build, tmp_path):
    folder = copy_of_build(seeds_build, tmp_path / "out")
    turtle = (folder / "graph.ttl").read_bytes()
    write_graph_store(folder, turtle + EXTRA)  # a store of one more triple, then said to be of graph.ttl
    (folder / "graph.oxigraph" / "graph.ttl.sha256").write_text(f"{hashlib.sha256(turtle).hexdigest()}  graph.ttl\n")
    assert count(folder) == count(folder / "graph.ttl") == len(ntriples_of(folder / "graph.ttl")) + 1


def test_a_store_whose_graph_ttl_changed_since_is_not_used(seeds_build, tmp_path):
    folder = copy_of_build(seeds_build, tmp_path / "out")
    write_graph_store(folder, (folder / "graph.ttl").read_bytes())
    before = count(folder)
    with open(folder / "graph.ttl", "ab") as graph:  # edited by hand after the build
        graph.write(EXTRA)
    assert count(folder) == before + 1
    assert "Someone" in query(folder, "SELECT ?l WHERE { ?a rdfs:label ?l FILTER (STR(?l) = 'Someone') }")


def test_a_store_that_is_not_a_store_is_not_used(seeds_build, tmp_path):
    folder = copy_of_build(seeds_build, tmp_path / "out")
    turtle = (folder / "graph.ttl").read_bytes()
    (folder / "graph.oxigraph").mkdir()
    (folder / "graph.oxigraph" / "graph.ttl.sha256").write_text(f"{hashlib.sha256(turtle).hexdigest()}  graph.ttl\n")
    assert count(folder) == len(ntriples_of(folder / "graph.ttl"))


def test_querying_leaves_the_store_as_it_was(stored):
    before = listing(stored / "graph.oxigraph")
    query(stored, "who-talked-to-whom")
    assert listing(stored / "graph.oxigraph") == before


def test_a_new_store_replaces_the_old_one_whole(seeds_build, tmp_path):
    folder = copy_of_build(seeds_build, tmp_path / "out")
    turtle = (folder / "graph.ttl").read_bytes()
    write_graph_store(folder, turtle + EXTRA)
    (folder / "graph.ttl").write_bytes(turtle + EXTRA)
    assert count(folder) == len(ntriples_of(folder / "graph.ttl"))
    (folder / "graph.ttl").write_bytes(turtle)
    write_graph_store(folder, turtle)
    assert count(folder) == len(ntriples_of(folder / "graph.ttl"))
    assert sorted(p.name for p in folder.iterdir()) == ["graph.html", "graph.oxigraph", "graph.ttl"]


@pytest.mark.parametrize("fmt", ["nt", "ttl", "jsonld", "trig"])
def test_export_of_a_folder_with_a_store_is_the_same_bytes_as_without(stored, bare, tmp_path, fmt):
    outputs = []
    for graph, name in ((stored, "first"), (stored, "second"), (bare, "bare")):
        target = tmp_path / f"{name}.{fmt}"
        done = kg("export", graph, "-o", target)
        assert done.returncode == 0, done.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_export_of_a_folder_with_a_store_holds_the_triples_of_graph_ttl(stored, tmp_path):
    target = tmp_path / "graph.nt"
    assert kg("export", stored, "-o", target).returncode == 0
    assert ntriples_of(target) == ntriples_of(stored / "graph.ttl")


@pytest.mark.server
def test_serve_serves_a_copy_of_the_store_and_leaves_it_as_it_was(stored):
    before = listing(stored / "graph.oxigraph")
    triples = len(ntriples_of(stored / "graph.ttl"))
    served = serve_until_interrupted(stored, lambda endpoint: check_count(endpoint, triples))
    assert served.returncode == 0, served.err
    assert f"oxigraph backup --location {stored / 'graph.oxigraph'}" in served.out
    assert "oxigraph serve-read-only --location" in served.out
    assert listing(stored / "graph.oxigraph") == before
