"""What the SPARQL and triplestore tests share: the kg command, real servers.

Imported by the test modules (`from fixtures_store import ...`): pytest finds fixtures imported
into a test module. The seeds' build is conftest's seeds_build, built fresh once per session.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
GRAPH_IRI = "https://w3id.org/kg-news/graph"
# The kg command as installed (`kg = "kg.cli:main"`), from this interpreter.
KG = [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())"]


def kg(*args: str, **options) -> subprocess.CompletedProcess:
    """Run `kg ARGS...` from the project folder; text output captured."""
    return subprocess.run([*KG, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=120, **options)


def kg_json(graph: Path | str, query: str) -> list[dict[str, str]]:
    """The rows of `kg query GRAPH QUERY --format json`, each binding reduced to its value."""
    done = kg("query", graph, query, "--format", "json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    return [{name: term["value"] for name, term in row.items()} for row in results["results"]["bindings"]]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answers(url: str, seconds: float = 30) -> None:
    """Poll url until the server answers at all (any HTTP status), or fail."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {seconds} s") from None
            time.sleep(0.1)


@dataclass(frozen=True)
class Served:
    """What `kg serve` printed and how it ended, once interrupted."""

    port: int
    endpoint: str
    out: str
    err: str
    returncode: int


def stoppable() -> None:
    """A preexec_fn: the child starts with Ctrl-C (SIGINT) and SIGTERM at their default disposition and unblocked,
    whatever the suite inherited. A suite run in the background (`make test &`, nohup, some CI runners) has SIGINT
    ignored, and a child would inherit that: Python would then never raise KeyboardInterrupt in it."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def serve_until_interrupted(graph: Path | str, ask: Callable[[str], None], *options: str) -> Served:
    """Run `kg serve GRAPH [OPTIONS]` on a free port, call ASK(endpoint) once it answers, then interrupt it (Ctrl-C)."""
    port = free_port()
    server = subprocess.Popen(
        [*KG, "serve", str(graph), "--port", str(port), *map(str, options)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=stoppable,  # Ctrl-C reaches it even when the suite runs in the background
    )
    endpoint = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_answers(endpoint, seconds=60)
        ask(endpoint)
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            stop(server)
    return Served(port, endpoint, out, err, server.returncode)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def sparql_select(endpoint: str, query: str, auth_header: str | None = None) -> list[dict[str, str]]:
    """Run a SELECT over the SPARQL 1.1 Protocol (POST, form-encoded); rows of values."""
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": query}).encode(),
        method="POST",
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    if auth_header:
        request.add_header("Authorization", auth_header)
    with urllib.request.urlopen(request, timeout=30) as response:
        results = json.load(response)
    return [{name: term["value"] for name, term in row.items()} for row in results["results"]["bindings"]]


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server is not installed (it is a dependency of kg)")
    return found


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> str:
    """A real Oxigraph server on a free loopback port, for the session; its base URL."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    with open(location / "server.log", "wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(f"{url}/query")
        yield url
    finally:
        stop(server)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = {http_port}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 100000
"""


@pytest.fixture(scope="session")
def virtuoso_server() -> str:
    """A real Virtuoso (Debian's virtuoso-opensource) with a fresh database; its base URL.

    A fresh database has the administrator dba with password dba.
    """
    binary = shutil.which("virtuoso-t")
    if not binary:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    folder = Path(tempfile.mkdtemp(prefix="kg-virtuoso-"))
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(textwrap.dedent(VIRTUOSO_INI).format(dir=folder, sql_port=free_port(), http_port=http_port))
    server = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_answers(f"{url}/sparql?query=ASK%7B%7D", seconds=120)
        yield url
    finally:
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)
