"""kg serve: no web page can write to the served graph, or read it unless the user names its origin; queries
stop; the server dies with kg serve, and kg serve stops cleanly on SIGTERM as on Ctrl-C; --location never mixes
graphs; a broken store falls back to graph.ttl."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from fixtures_store import (
    KG,
    ROOT,
    free_port,
    kg,
    serve_until_interrupted,
    sparql_select,
    stop,
    stoppable,
    wait_until_answers,
)

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EVIL = "http://evil.example"
FRIEND = "http://localhost:9999"
pytestmark = pytest.mark.server


def call(url: str, data: bytes | None = None, method: str | None = None, **headers: str) -> tuple[int, dict, bytes]:
    """(status, headers, body) of an HTTP request, whatever the status."""
    request = urllib.request.Request(
        url, data=data, method=method, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def update(endpoint: str, sparql: str, **headers: str) -> int:
    base = endpoint.rsplit("/", 1)[0]
    data = urllib.parse.urlencode({"update": sparql}).encode()
    return call(f"{base}/update", data, "POST", Content_Type="application/x-www-form-urlencoded", **headers)[0]


def count(endpoint: str) -> int:
    return int(sparql_select(endpoint, COUNT)[0]["n"])


def test_serve_is_read_only_by_default_and_answers_no_other_origin(seeds_build):
    seen = {}

    def ask(endpoint: str) -> None:
        before = count(endpoint)
        base = endpoint.rsplit("/", 1)[0]
        seen["update"] = update(endpoint, "DROP ALL")
        seen["put"] = call(
            f"{base}/store?default", b"<a:b> <a:c> <a:d> .", "PUT", Content_Type="application/n-triples"
        )[0]
        seen["delete"] = call(f"{base}/store?default", None, "DELETE")[0]
        status, headers, _ = call(f"{endpoint}?query={urllib.parse.quote(COUNT)}", Origin=EVIL)
        seen["cors"] = {k.lower() for k in headers if k.lower().startswith("access-control-")}
        seen["after"] = (before, count(endpoint))

    served = serve_until_interrupted(seeds_build, ask)
    assert served.returncode == 0, served.err
    assert all(400 <= seen[what] < 500 for what in ("update", "put", "delete")), seen
    assert seen["cors"] == set()
    assert seen["after"][0] == seen["after"][1] > 0
    assert "read-only, no CORS" in served.out


def test_writable_serve_takes_writes_from_the_user_but_not_from_other_sites(seeds_build):
    seen = {}

    def ask(endpoint: str) -> None:
        before = count(endpoint)
        seen["evil"] = update(endpoint, "DROP ALL", Origin=EVIL)
        seen["evil preflight"] = call(
            endpoint.rsplit("/", 1)[0] + "/store", None, "OPTIONS", Origin=EVIL, Access_Control_Request_Method="PUT"
        )[0]
        port = endpoint.split(":")[2].split("/")[0]  # another site's name resolved to this machine (DNS rebinding)
        seen["rebinding"] = update(
            endpoint, "DROP ALL", Origin=f"http://evil.example:{port}", Host=f"evil.example:{port}"
        )
        seen["kept"] = count(endpoint) == before
        seen["user"] = update(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        seen["added"] = count(endpoint) - before

    served = serve_until_interrupted(seeds_build, ask, "--writable")
    assert served.returncode == 0, served.err
    assert seen == {"evil": 403, "evil preflight": 403, "rebinding": 403, "kept": True, "user": 204, "added": 1}
    assert "oxigraph serve --location" in served.out


def test_cors_is_for_the_named_origin_only(seeds_build):
    seen = {}

    def ask(endpoint: str) -> None:
        query = f"{endpoint}?query={urllib.parse.quote(COUNT)}"
        status, headers, _ = call(query, Origin=FRIEND, Accept="application/sparql-results+json")
        seen["friend"] = (status, headers.get("Access-Control-Allow-Origin"))
        status, headers, _ = call(endpoint, None, "OPTIONS", Origin=FRIEND, Access_Control_Request_Method="POST")
        seen["preflight"] = (
            status,
            headers.get("Access-Control-Allow-Origin"),
            headers.get("Access-Control-Allow-Methods"),
        )
        seen["evil"] = call(query, Origin=EVIL)[0]
        seen["friend update"] = update(endpoint, "DROP ALL", Origin=FRIEND)

    served = serve_until_interrupted(seeds_build, ask, "--cors", FRIEND)
    assert served.returncode == 0, served.err
    assert seen["friend"] == (200, FRIEND)
    assert seen["preflight"] == (204, FRIEND, "GET, POST, HEAD, OPTIONS")
    assert seen["evil"] == 403
    assert 400 <= seen["friend update"] < 500, "still read-only"


def test_cors_for_any_origin_is_refused(seeds_build):
    done = kg("serve", seeds_build, "--cors", "*", "--port", str(free_port()))
    assert done.returncode == 2 and "not an origin" in done.stderr and "Traceback" not in done.stderr


def test_a_heavy_query_stops_at_the_timeout(seeds_build):
    seen = {}

    def ask(endpoint: str) -> None:
        started = time.monotonic()
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 6 billion rows to count
        status, _, body = call(
            f"{endpoint}?query={urllib.parse.quote(heavy)}", Accept="application/sparql-results+json"
        )
        seen["seconds"] = time.monotonic() - started
        try:  # the answer may have begun (200) before the query was stopped: then it is cut short
            json.loads(body)
            seen["stopped"] = status >= 400
        except ValueError:
            seen["stopped"] = b"cancelled" in body

    served = serve_until_interrupted(seeds_build, ask, "--query-timeout", "1")
    assert served.returncode == 0, served.err
    assert seen["stopped"] and seen["seconds"] < 20, seen


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_the_server_dies_with_a_killed_kg_serve_and_its_folder_is_removed_next_time(seeds_build, tmp_path):
    port = free_port()
    serve = subprocess.Popen(
        [*KG, "serve", str(seeds_build), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/query", seconds=60)
        [server] = children(serve.pid)
        folders = {p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob(f"kg-serve-{serve.pid}-*")}
        assert len(folders) == 1
        serve.send_signal(signal.SIGKILL)
        serve.wait()
        assert gone(server, 10), "the oxigraph server outlived kg serve"
    finally:
        if serve.poll() is None:
            stop(serve)
    served = serve_until_interrupted(seeds_build, lambda endpoint: None)
    assert served.returncode == 0, served.err
    assert not any(folder.exists() for folder in folders), "the killed kg serve's folder was left"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("options", [(), ("--writable",)], ids=["server-alone", "behind-the-gate"])
def test_sigterm_stops_kg_serve_cleanly_with_its_server_and_folder(seeds_build, options):
    """A service manager, `timeout` or `kill` stop kg serve with SIGTERM: it ends as on Ctrl-C (status 0,
    "stopped"), its Oxigraph server is stopped with it and its temporary store folder removed."""
    port = free_port()
    serve = subprocess.Popen(
        [*KG, "serve", str(seeds_build), "--port", str(port), *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=stoppable,  # SIGTERM at its default disposition, whatever the suite inherited
    )
    try:
        endpoint = f"http://127.0.0.1:{port}/query"
        wait_until_answers(endpoint, seconds=60)
        assert count(endpoint) > 0
        [server] = children(serve.pid)
        [folder] = Path(tempfile.gettempdir()).glob(f"kg-serve-{serve.pid}-*")
        serve.send_signal(signal.SIGTERM)
        _, err = serve.communicate(timeout=30)
    finally:
        if serve.poll() is None:
            stop(serve)
    assert serve.returncode == 0, err
    assert err.strip().splitlines()[-1] == "kg serve: stopped" and "Traceback" not in err, err
    assert gone(server, 10), "the oxigraph server outlived kg serve"
    assert not folder.exists(), "kg serve left its temporary store folder"
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_location_refuses_a_folder_kg_serve_did_not_make(seeds_build, tmp_path):
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "thesis.odt").write_bytes(b"precious")
    done = kg("serve", seeds_build, "--location", mine, "--port", str(free_port()))
    assert done.returncode == 2 and "not empty" in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in mine.iterdir()] == ["thesis.odt"]


def test_a_reused_location_serves_the_new_graph_only(seeds_build, tmp_path):
    location = tmp_path / "store"
    small = tmp_path / "small.nt"
    small.write_text("<urn:a> <urn:b> <urn:c> .\n")
    counts = []
    for graph in (seeds_build, small):
        served = serve_until_interrupted(graph, lambda endpoint: counts.append(count(endpoint)), "--location", location)
        assert served.returncode == 0, served.err
    assert counts[0] > 1 and counts[1] == 1


def test_a_port_out_of_range_is_a_usage_error(seeds_build):
    done = kg("serve", seeds_build, "--port", "70000")
    assert done.returncode == 2
    assert "not a port number" in done.stderr and "Traceback" not in done.stderr


def corrupted_copy(seeds_build: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(seeds_build / "graph.ttl", out / "graph.ttl")
    shutil.copytree(seeds_build / "graph.oxigraph", out / "graph.oxigraph")  # the build's store of this graph.ttl
    assert (out / "graph.oxigraph").is_dir()
    for table in (out / "graph.oxigraph").glob("*.sst"):
        data = bytearray(table.read_bytes())
        for at in range(100, len(data) - 100, 50):
            data[at] ^= 0xFF
        table.write_bytes(bytes(data))
    return out


@pytest.fixture(scope="module")
def corrupted(seeds_build, tmp_path_factory) -> Path:
    return corrupted_copy(seeds_build, tmp_path_factory.mktemp("corrupted"))


def test_a_corrupted_store_is_said_in_one_line_and_kg_query_reads_graph_ttl(corrupted, seeds_build):
    done = kg("query", corrupted, COUNT, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout == kg("query", seeds_build, COUNT, "--format", "csv").stdout
    [line] = done.stderr.splitlines()
    assert "graph.oxigraph" in line and "graph.ttl" in line


def test_a_corrupted_store_is_said_in_one_line_and_kg_serve_loads_graph_ttl(corrupted, seeds_build):
    expected = int(kg("query", seeds_build, COUNT, "--format", "csv").stdout.split()[1])
    counts = []
    served = serve_until_interrupted(corrupted, lambda endpoint: counts.append(count(endpoint)))
    assert served.returncode == 0, served.err
    assert counts == [expected]
    assert len([line for line in served.err.splitlines() if "graph.oxigraph" in line]) == 1
    assert "Traceback" not in served.err
