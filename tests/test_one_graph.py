"""One graph everywhere: a query gives the same rows in kg query, after kg load into a real Oxigraph and a real
Virtuoso, and on kg serve; the queries of queries/ run as they are on any endpoint; printed IRIs paste back."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest
import rdflib
from fixtures_store import (  # noqa: F401  (oxigraph_server, virtuoso_server are fixtures)
    GRAPH_IRI,
    QUERIES,
    kg,
    oxigraph_server,
    serve_until_interrupted,
    sparql_select,
    virtuoso_server,
)

NAMED = sorted(path.stem for path in QUERIES.glob("*.rq"))
COUNT_THE_GRAPH = f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH_IRI}> WHERE {{ ?s ?p ?o }}"
VIRTUOSO_CREDENTIALS = {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": "dba"}
DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$")


def output(*args: str) -> str:
    done = kg(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def local_rows(seeds_build) -> dict[str, str]:
    """Each named query's CSV rows on the build, as kg query prints them."""
    return {name: output("query", seeds_build, name, "--format", "csv") for name in NAMED}


@pytest.fixture(scope="module")
def triple_count(seeds_build) -> int:
    return len(rdflib.Graph().parse(seeds_build / "graph.ttl"))


@pytest.fixture(scope="module")
def loaded_oxigraph(seeds_build, oxigraph_server) -> str:
    """The seeds loaded with a plain `kg load` into the session's real Oxigraph server; its query endpoint."""
    output("load", seeds_build, "--endpoint", f"{oxigraph_server}/store")
    return f"{oxigraph_server}/query"


@pytest.fixture(scope="module")
def loaded_virtuoso(seeds_build, virtuoso_server) -> str:
    done = kg(
        "load",
        seeds_build,
        "--endpoint",
        f"{virtuoso_server}/sparql-graph-crud-auth",
        env={**os.environ, **VIRTUOSO_CREDENTIALS},
    )
    assert done.returncode == 0, done.stderr
    return f"{virtuoso_server}/sparql"


def seconds(duration: str) -> str:
    """Virtuoso stores an xsd:duration as its number of seconds (PT1H45M comes back as 6300.0)."""
    match = DURATION.match(duration)
    if not match:
        return duration
    hours, minutes, secs = (int(group or 0) for group in match.groups())
    return f"{hours * 3600 + minutes * 60 + secs}.0"


def as_virtuoso_keeps_it(rows: str) -> str:
    table = list(csv.reader(io.StringIO(rows)))
    if "duration" in table[0]:
        column = table[0].index("duration")
        for row in table[1:]:
            row[column] = seconds(row[column]) if row[column] else ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue()


# --- the same rows everywhere -------------------------------------------------------------------


@pytest.mark.server
@pytest.mark.parametrize("name", NAMED)
def test_every_named_query_gives_the_rows_of_the_build_after_kg_load_into_oxigraph(loaded_oxigraph, local_rows, name):
    assert output("query", "--endpoint", loaded_oxigraph, name, "--format", "csv") == local_rows[name]


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.parametrize("name", NAMED)
def test_every_named_query_gives_the_rows_of_the_build_after_kg_load_into_virtuoso(loaded_virtuoso, local_rows, name):
    remote = output("query", "--endpoint", loaded_virtuoso, name, "--format", "csv")
    assert remote == as_virtuoso_keeps_it(local_rows[name]) if name == "timeline" else remote == local_rows[name]


@pytest.mark.server
def test_every_named_query_gives_the_rows_of_the_build_on_kg_serve(seeds_build, local_rows):
    answers = {}

    def ask(endpoint: str) -> None:
        for name in NAMED:
            answers[name] = output("query", "--endpoint", endpoint, name, "--format", "csv")

    served = serve_until_interrupted(seeds_build, ask)
    assert served.returncode == 0, served.err
    assert answers == local_rows


@pytest.mark.server
@pytest.mark.slow
def test_the_query_that_proves_it_counts_the_graph_everywhere(
    seeds_build, loaded_oxigraph, loaded_virtuoso, triple_count
):
    """The README's proof: the same count in kg query, Oxigraph and Virtuoso after kg load, and kg serve."""
    counts = {
        "kg query": output("query", seeds_build, COUNT_THE_GRAPH, "--format", "csv"),
        "oxigraph": output("query", "--endpoint", loaded_oxigraph, COUNT_THE_GRAPH, "--format", "csv"),
        "virtuoso": output("query", "--endpoint", loaded_virtuoso, COUNT_THE_GRAPH, "--format", "csv"),
    }
    served = serve_until_interrupted(
        seeds_build,
        lambda endpoint: counts.update(
            {"kg serve": output("query", "--endpoint", endpoint, COUNT_THE_GRAPH, "--format", "csv")}
        ),
    )
    assert served.returncode == 0, served.err
    assert set(counts.values()) == {f"n\n{triple_count}\n"}, counts


@pytest.mark.server
@pytest.mark.slow
def test_kg_query_on_an_endpoint_asks_a_query_without_from_of_the_graph(loaded_oxigraph, loaded_virtuoso, triple_count):
    """Plain Oxigraph has an empty default graph, Virtuoso's is every graph (its own included): kg query names
    the graph as the query's dataset, so a query without FROM counts the graph on both, as it does in kg query."""
    count_all = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for endpoint in (loaded_oxigraph, loaded_virtuoso):
        assert output("query", "--endpoint", endpoint, count_all, "--format", "csv") == f"n\n{triple_count}\n"
    everything = output("query", "--endpoint", loaded_virtuoso, count_all, "--format", "csv", "--graph", "none")
    assert int(everything.split()[1]) > triple_count


@pytest.mark.server
@pytest.mark.parametrize("name", NAMED)
def test_each_query_file_runs_as_it_is_over_the_sparql_protocol(loaded_oxigraph, local_rows, name):
    """No predeclared prefix, no kg: the file's own PREFIX and FROM lines, sent by any SPARQL client."""
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    assert re.search(rf"^FROM <{re.escape(GRAPH_IRI)}>$", text, re.M)
    rows = sparql_select(loaded_oxigraph, text)
    assert len(rows) == len(local_rows[name].splitlines()) - 1 > 0


@pytest.mark.parametrize("name", NAMED)
def test_each_query_file_declares_every_prefix_it_uses(name):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    code = re.sub(r"<[^>]*>|\"[^\"]*\"", "", code)
    used = set(re.findall(r"(?<![\w?])([a-z]+):", code))
    declared = set(re.findall(r"^PREFIX (\w+):", text, re.M))
    assert used and used <= declared


# --- kg query --endpoint ------------------------------------------------------------------------


@pytest.mark.server
@pytest.mark.parametrize("fmt", ["table", "json", "xml", "csv", "tsv"])
def test_an_endpoint_prints_as_kg_query_prints_in_every_format(seeds_build, loaded_oxigraph, fmt):
    query = "who-talked-to-whom"
    assert output("query", "--endpoint", loaded_oxigraph, query, "--format", fmt) == output(
        "query", seeds_build, query, "--format", fmt
    )


@pytest.mark.server
@pytest.mark.slow
def test_ask_and_construct_on_virtuoso_print_as_kg_query_prints(seeds_build, loaded_virtuoso):
    for query in (
        "ASK { actor:vladimir-putin kg:communicatedWith actor:emmanuel-macron }",
        "ASK { actor:nobody ?p ?o }",
    ):
        assert output("query", "--endpoint", loaded_virtuoso, query) == output("query", seeds_build, query)
    construct = f"CONSTRUCT {{ ?a kg:communicatedWith ?b }} FROM <{GRAPH_IRI}> WHERE {{ ?a kg:communicatedWith ?b }}"
    remote = rdflib.Graph().parse(data=output("query", "--endpoint", loaded_virtuoso, construct), format="turtle")
    local = rdflib.Graph().parse(data=output("query", seeds_build, construct), format="turtle")
    assert len(remote) == len(local) > 0 and set(remote) == set(local)


@pytest.mark.server
def test_a_query_refused_by_the_endpoint_is_one_line_and_exit_1(loaded_oxigraph):
    done = kg("query", "--endpoint", loaded_oxigraph, "SELECT * WHERE { ?s ?p }")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"kg query: {loaded_oxigraph}: HTTP 400")


def test_an_unreachable_endpoint_is_one_line_and_exit_1():
    done = kg("query", "--endpoint", "http://127.0.0.1:9/sparql", "ASK {}")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert "cannot connect" in line


# --- IRIs that paste back -----------------------------------------------------------------------


def printed_iris(text: str) -> set[str]:
    """Every IRI a table shows: prefixed names of the project's prefixes and <…> IRIs."""
    found = set(
        re.findall(r"(?<![\w:<])(?:kg|actor|event|article|topic|wd|rdf|rdfs|owl|skos|prov|schema|xsd):[^\s,]+", text)
    )
    return found | set(re.findall(r"<[^\s<>\"]+>", text))


@pytest.fixture(scope="module")
def tables(seeds_build) -> str:
    listing = output("query", seeds_build, "SELECT DISTINCT ?s WHERE { ?s ?p ?o }")
    return listing + "".join(output("query", seeds_build, name) for name in NAMED)


def test_the_tables_show_iris_as_pasteable_prefixed_names(tables):
    assert "actor:vladimir-putin" in tables
    assert "event:2022-01-28-phonecall-emmanuel-macron-vladimir-putin" in tables
    assert "article:000_e6aace36ca060dcf" in tables and "topic:security-guarantees" in tables
    assert "id:" not in tables


def test_every_iri_printed_pastes_into_a_query_that_finds_it(seeds_build, tables):
    iris = sorted(printed_iris(tables))
    assert len(iris) > 100
    union = " UNION ".join(
        f"{{ BIND ({iri} AS ?x) FILTER EXISTS {{ {{ {iri} ?p ?o }} UNION {{ ?s ?p {iri} }} "
        f"UNION {{ ?s {iri} ?o }} }} }}"
        for iri in iris
    )
    found = json.loads(
        output("query", seeds_build, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {union} }}", "--format", "json")
    )
    assert int(found["results"]["bindings"][0]["n"]["value"]) == len(iris)


@pytest.mark.server
def test_an_iri_printed_pastes_into_a_query_sent_to_an_endpoint(loaded_oxigraph):
    query = "ASK { event:2022-01-28-phonecall-emmanuel-macron-vladimir-putin kg:participant actor:vladimir-putin }"
    assert output("query", "--endpoint", loaded_oxigraph, query) == "true\n"


@pytest.mark.server
def test_kg_load_in_parts_into_virtuoso_holds_every_triple_and_keeps_blank_nodes_whole(
    seeds_build, virtuoso_server, triple_count, tmp_path
):
    """Virtuoso's Graph Store can drop a batch of a single big PUT and still answer 201 (1,061,891 triples sent,
    954,389 held): kg sends a big graph to Virtuoso in parts. The parts, made small here with --split, replace
    the graph then add to it (a second load replaces, never doubles), and the triples of a blank node all go in
    one part, so that it stays one node."""
    crud, query = f"{virtuoso_server}/sparql-graph-crud-auth", f"{virtuoso_server}/sparql"
    env = {**os.environ, **VIRTUOSO_CREDENTIALS}
    parts_graph = "https://example.org/kg-tests/in-parts"
    for _ in range(2):
        done = kg("load", seeds_build, "--endpoint", crud, "--graph", parts_graph, "--split", "300", env=env)
        assert done.returncode == 0, done.stderr
        assert f"{triple_count} triples replaced <{parts_graph}>" in done.stdout
        assert f", {-(-triple_count // 300)} requests)" in done.stdout
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{parts_graph}> {{ ?s ?p ?o }} }}"
    assert sparql_select(query, count) == [{"n": str(triple_count)}]

    blank_graph = "https://example.org/kg-tests/blank-nodes"
    (tmp_path / "blank.ttl").write_text(
        "@prefix ex: <https://example.org/> .\n"
        + "".join(f"ex:s{i} ex:p ex:o{i} .\n" for i in range(5))
        + "ex:s0 ex:q [ ex:a 1 ] .\n_:b ex:a 2 .\nex:s4 ex:q _:b .\n_:b ex:c 3 .\n",
        encoding="utf-8",
    )
    done = kg("load", tmp_path / "blank.ttl", "--endpoint", crud, "--graph", blank_graph, "--split", "2", env=env)
    assert done.returncode == 0, done.stderr
    assert "10 triples replaced" in done.stdout and ", 4 requests)" in done.stdout
    nodes = f"""SELECT ?s (COUNT(*) AS ?n) WHERE {{ GRAPH <{blank_graph}> {{ ?s ?p ?b . ?b ?x ?y }} }}
                GROUP BY ?s ORDER BY ?s"""
    assert sparql_select(query, nodes) == [
        {"s": "https://example.org/s0", "n": "1"},
        {"s": "https://example.org/s4", "n": "2"},
    ]
    assert sparql_select(query, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{blank_graph}> {{ ?s ?p ?o }} }}") == [
        {"n": "10"}
    ]
