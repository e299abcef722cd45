"""kg query on the embedded store, kg load into real triplestores over HTTP, kg serve."""

from __future__ import annotations

import base64
import csv
import http.server
import io
import json
import os
import re
import shutil
import socket
import threading

import pytest
import rdflib
from fixtures_store import (  # noqa: F401  (oxigraph_server, virtuoso_server are fixtures)
    GRAPH_IRI,
    free_port,
    kg,
    kg_json,
    oxigraph_server,
    serve_until_interrupted,
    sparql_select,
    virtuoso_server,
)

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_IN_GRAPH = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }} }}"
WHO = "queries/who-talked-to-whom.rq"


def triples_in(path) -> int:
    """The triple count as an independent parser (rdflib) reads it."""
    return len(rdflib.Graph().parse(path))


def kg_count(graph) -> int:
    return int(kg_json(graph, COUNT_ALL)[0]["n"])


@pytest.fixture(scope="module")
def local_count(seeds_build) -> int:
    return triples_in(seeds_build / "graph.ttl")


# --- kg query ---------------------------------------------------------------------------------


def test_query_prints_an_aligned_table_by_default(seeds_build):
    done = kg("query", seeds_build, WHO)
    assert done.returncode == 0, done.stderr
    header, rule, *rows, footer = done.stdout.splitlines()
    assert header.split() == ["actor1", "actor2", "events", "first", "last"]
    assert set(rule.replace(" ", "")) == {"-"}
    macron_putin = next(r for r in rows if "Emmanuel Macron" in r and "Vladimir Poutine" in r)
    for name, value in (("actor2", "Vladimir Poutine"), ("first", "2020-06-26"), ("last", "2022-02-20")):
        assert macron_putin.index(value) == header.index(name), f"{name} column is aligned"
    assert footer == f"({len(rows)} rows)"


def test_query_table_shortens_iris_with_the_project_prefixes(seeds_build):
    done = kg("query", seeds_build, "actors-wikidata")
    assert "wd:Q7747" in done.stdout and "kg:Person" in done.stdout
    assert "http://www.wikidata.org/entity/Q7747" not in done.stdout


def test_query_json_is_the_w3c_sparql_results_json_format(seeds_build):
    done = kg("query", seeds_build, WHO, "--format", "json")
    results = json.loads(done.stdout)
    assert results["head"]["vars"] == ["actor1", "actor2", "events", "first", "last"]
    first = results["results"]["bindings"][0]
    assert first["actor1"]["type"] == "literal"
    assert first["events"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_query_csv_and_tsv_are_the_w3c_sparql_results_formats(seeds_build):
    rows = kg_json(seeds_build, WHO)
    as_csv = list(csv.reader(io.StringIO(kg("query", seeds_build, WHO, "--format", "csv").stdout)))
    assert as_csv[0] == ["actor1", "actor2", "events", "first", "last"]
    assert len(as_csv) - 1 == len(rows)
    assert ["Emmanuel Macron", "Vladimir Poutine"] == sorted(as_csv[1][:2])
    as_tsv = kg("query", seeds_build, WHO, "--format", "tsv").stdout.splitlines()
    assert as_tsv[0].split("\t") == ["?actor1", "?actor2", "?events", "?first", "?last"]
    assert len(as_tsv) - 1 == len(rows)


def test_query_predeclares_the_project_prefixes(seeds_build):
    rows = kg_json(seeds_build, "SELECT ?who WHERE { ?who owl:sameAs wd:Q7747 ; a kg:Person }")
    assert rows == [{"who": "https://w3id.org/kg-news/id/actor/vladimir-putin"}]


def test_a_query_may_declare_its_own_prefixes(seeds_build):
    query = "PREFIX kg: <http://example.org/other#> SELECT (COUNT(*) AS ?n) WHERE { ?e kg:participant ?a }"
    assert kg_json(seeds_build, query) == [{"n": "0"}]


def test_ask_prints_true_or_false(seeds_build):
    assert kg("query", seeds_build, "ASK { ?e a kg:PhoneCall }").stdout == "true\n"
    assert kg("query", seeds_build, "ASK { ?e a kg:Nothing }").stdout == "false\n"
    as_json = kg("query", seeds_build, "ASK { ?e a kg:PhoneCall }", "--format", "json")
    assert json.loads(as_json.stdout) == {"head": {}, "boolean": True}


def test_construct_prints_turtle(seeds_build):
    done = kg("query", seeds_build, "CONSTRUCT { ?a kg:communicatedWith ?b } WHERE { ?a kg:communicatedWith ?b }")
    assert done.returncode == 0, done.stderr
    graph = rdflib.Graph().parse(data=done.stdout, format="turtle")
    expected = kg_json(seeds_build, "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:communicatedWith ?b }")[0]["n"]
    assert len(graph) == int(expected) > 0


def test_a_malformed_query_gets_the_parser_message_and_position_without_traceback(seeds_build):
    done = kg("query", seeds_build, "SELECT ?s WHERE { ?s ?p ?o } LIMIT x")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    first, quoted, caret = done.stderr.splitlines()
    position = re.search(r"kg query: query:1:(\d+): malformed query: expected ", first)
    assert position, first
    assert quoted.strip() == "SELECT ?s WHERE { ?s ?p ?o } LIMIT x"
    assert caret.index("^") == quoted.index("S") + int(position[1]) - 1, "the caret is under the column"


def test_a_malformed_query_file_is_named_with_the_line_of_the_error(seeds_build, tmp_path):
    query = tmp_path / "broken.rq"
    query.write_text("# ten events\nSELECT ?e\nWHERE { ?e kg:date ?d }\nLIMIT ten\nOFFSET 2\n")
    done = kg("query", seeds_build, query)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0].startswith(f"kg query: {query}:4:")
    assert done.stderr.splitlines()[1].strip() == "LIMIT ten"
    assert "Traceback" not in done.stderr


def test_an_unfinished_query_is_reported_at_its_end(seeds_build):
    done = kg("query", seeds_build, "SELECT ?e WHERE { ?e a kg:Event")
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert "malformed query" in line and "end of the query" in line


def test_a_missing_graph_is_one_line_and_exit_2(tmp_path):
    done = kg("query", tmp_path / "nowhere", "ASK {}")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and "nowhere" in done.stderr
    empty = kg("query", tmp_path, "ASK {}")
    assert empty.returncode == 2 and "graph.ttl" in empty.stderr


def test_query_counts_the_triples_an_independent_parser_reads(seeds_build, local_count):
    assert kg_count(seeds_build) == local_count


# --- kg load ----------------------------------------------------------------------------------


@pytest.mark.server
def test_loading_twice_into_oxigraph_leaves_the_same_triples(seeds_build, oxigraph_server, local_count):
    for _ in range(2):
        done = kg("load", seeds_build, "--endpoint", f"{oxigraph_server}/store")
        assert done.returncode == 0, done.stderr
    assert f"{local_count} triples" in done.stdout
    over_http = sparql_select(f"{oxigraph_server}/query", COUNT_IN_GRAPH)
    assert int(over_http[0]["n"]) == local_count == kg_count(seeds_build)


@pytest.mark.server
def test_loading_replaces_the_named_graph(seeds_build, oxigraph_server, tmp_path):
    actors_only = tmp_path / "actors.ttl"
    construct = kg("query", seeds_build, "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:Actor ; rdfs:label ?l }")
    actors_only.write_text(construct.stdout)
    graph = "https://example.org/replaced"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    assert kg("load", seeds_build, "--endpoint", f"{oxigraph_server}/store", "--graph", graph).returncode == 0
    assert kg("load", actors_only, "--endpoint", f"{oxigraph_server}/store", "--graph", graph).returncode == 0
    assert int(sparql_select(f"{oxigraph_server}/query", count)[0]["n"]) == triples_in(actors_only) > 0


@pytest.mark.server
def test_loading_into_the_default_graph(seeds_build, oxigraph_server, local_count):
    for _ in range(2):
        assert kg("load", seeds_build, "--endpoint", f"{oxigraph_server}/store", "--default-graph").returncode == 0
    rows = sparql_select(f"{oxigraph_server}/query", COUNT_ALL)  # Oxigraph: the default graph only
    assert int(rows[0]["n"]) == local_count


@pytest.mark.server
def test_an_endpoint_refusing_the_graph_gets_one_clear_line(seeds_build, oxigraph_server):
    done = kg("load", seeds_build, "--endpoint", f"{oxigraph_server}/nope")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert "HTTP 404" in line and "/nope" in line


def test_an_unreachable_endpoint_is_retried_then_reported(seeds_build):
    closed = f"http://127.0.0.1:{free_port()}/store"
    done = kg("load", seeds_build, "--endpoint", closed, "--retries", "3", "--retry-delay", "0.01")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    *retries, last = done.stderr.splitlines()
    assert len(retries) == 2 and all("retrying" in line for line in retries)
    assert "cannot connect after 3 tries" in last


class RecordingGraphStore(http.server.BaseHTTPRequestHandler):
    """A Graph Store endpoint that wants basic credentials user/secret or a bearer token; records requests."""

    requests: list[dict] = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        authorization = self.headers.get("Authorization", "")
        self.requests.append(
            {"path": self.path, "authorization": authorization, "body": body, "type": self.headers["Content-Type"]}
        )
        basic = "Basic " + base64.b64encode(b"user:secret").decode()
        if authorization not in (basic, "Bearer t0ken"):
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_endpoint():
    RecordingGraphStore.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingGraphStore)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()


def test_credentials_come_from_the_environment(seeds_build, recording_endpoint):
    environment = {"KG_ENDPOINT_USER": "user", "KG_ENDPOINT_PASSWORD": "secret"}
    done = kg("load", seeds_build, "--endpoint", recording_endpoint, env=environment_with(environment))
    assert done.returncode == 0, done.stderr
    last = RecordingGraphStore.requests[-1]
    assert last["authorization"].startswith("Basic ")
    assert last["path"] == "/store?graph=https%3A%2F%2Fw3id.org%2Fkg-news%2Fgraph"
    assert last["type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=last["body"], format="turtle")) == triples_in(seeds_build / "graph.ttl")
    assert "secret" not in done.stdout + done.stderr

    bearer = kg(
        "load", seeds_build, "--endpoint", recording_endpoint, env=environment_with({"KG_ENDPOINT_TOKEN": "t0ken"})
    )
    assert bearer.returncode == 0, bearer.stderr
    assert RecordingGraphStore.requests[-1]["authorization"] == "Bearer t0ken"


def test_wrong_credentials_are_a_clear_401(seeds_build, recording_endpoint):
    done = kg(
        "load",
        seeds_build,
        "--endpoint",
        recording_endpoint,
        env=environment_with({"KG_ENDPOINT_USER": "user", "KG_ENDPOINT_PASSWORD": "wrong"}),
    )
    assert done.returncode == 1
    assert "HTTP 401" in done.stderr and "Traceback" not in done.stderr


def environment_with(variables: dict[str, str]) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KG_ENDPOINT_")}
    return {**clean, **variables}


@pytest.mark.server
@pytest.mark.slow
def test_loading_twice_into_virtuoso_leaves_the_same_triples(seeds_build, virtuoso_server, local_count):
    # A fresh Virtuoso database: administrator dba/dba, digest authentication on the Graph Store endpoint.
    credentials = environment_with({"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": "dba"})
    for _ in range(2):
        done = kg("load", seeds_build, "--endpoint", f"{virtuoso_server}/sparql-graph-crud-auth", env=credentials)
        assert done.returncode == 0, done.stderr
    rows = sparql_select(f"{virtuoso_server}/sparql", COUNT_IN_GRAPH)
    assert int(rows[0]["n"]) == local_count


# --- kg serve ---------------------------------------------------------------------------------


@pytest.mark.server
def test_serve_answers_sparql_over_http_until_interrupted(seeds_build, local_count, tmp_path):
    shutil.copy(seeds_build / "graph.ttl", tmp_path / "graph.ttl")  # no store beside it: graph.ttl is loaded
    served = serve_until_interrupted(
        tmp_path, lambda endpoint: assert_count(sparql_select(endpoint, COUNT_ALL), local_count)
    )
    assert served.returncode == 0, served.err
    assert "oxigraph load --location" in served.out and "oxigraph serve-read-only --location" in served.out
    assert f"--bind 127.0.0.1:{served.port}" in served.out
    assert served.endpoint in served.out
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", served.port), timeout=2).close()


def assert_count(rows: list[dict[str, str]], expected: int) -> None:
    assert int(rows[0]["n"]) == expected


@pytest.mark.server
def test_serve_refuses_a_port_in_use(seeds_build, oxigraph_server):
    port = oxigraph_server.rsplit(":", 1)[1]
    done = kg("serve", seeds_build, "--port", port)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and port in done.stderr
