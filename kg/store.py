"""The graph in triplestores: `kg load`, `kg serve` (`kg query` is kg.query, `kg export` kg.exports).

kg load sends the graph to any SPARQL 1.1 Graph Store HTTP Protocol endpoint, into its named graph
(kg.names.GRAPH_IRI) by default; kg serve starts a local Oxigraph server on it, the triples in that
named graph and queries seeing them as the default graph too, as kg query does.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from kg.cli import UsageError
from kg.formats import GRAPH_IRI, GraphError, graph_file, open_store, read_store, serialize
from kg.graphstore import matching_store


def register(subparsers: argparse._SubParsersAction) -> None:
    load = subparsers.add_parser(
        "load", help="send a graph to a SPARQL Graph Store endpoint",
        description="Replace a graph of a triplestore with GRAPH (SPARQL 1.1 Graph Store HTTP Protocol, PUT). "
        "Credentials come from KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, or KG_ENDPOINT_TOKEN.")
    load.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    load.add_argument("--endpoint", required=True, metavar="URL",
                      help="the Graph Store endpoint, e.g. http://localhost:7878/store")
    target = load.add_mutually_exclusive_group()
    target.add_argument("--graph", dest="graph_iri", default=GRAPH_IRI, metavar="IRI",
                        help=f"the named graph to replace (default {GRAPH_IRI})")
    target.add_argument("--default-graph", action="store_true",
                        help="replace the default graph instead (queries that name the graph with FROM then find nothing)")
    load.add_argument("--retries", type=int, default=4, metavar="N",
                      help="tries when the endpoint cannot be reached (default 4)")
    load.add_argument("--retry-delay", type=float, default=0.5, metavar="SECONDS",
                      help="wait before the second try, doubled after each (default 0.5)")
    load.set_defaults(run=run_load_command)

    serve = subparsers.add_parser(
        "serve", help="serve a graph at a local SPARQL endpoint (Oxigraph server)",
        description="Load GRAPH into a fresh Oxigraph store (or copy the build's persisted store of it) "
        "and serve it until interrupted.")
    serve.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    serve.add_argument("--port", type=int, default=7878)
    serve.add_argument("--bind", default="127.0.0.1", metavar="HOST", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--location", metavar="DIR",
                       help="keep the store in DIR (default: a temporary folder, removed on exit)")
    serve.set_defaults(run=run_serve_command)


def open_graph(graph: str, persisted: bool = False) -> ox.Store:
    """The graph as a store: the build's persisted store if PERSISTED allows and it matches, else in memory.

    kg load dumps the store whole, which an in-memory store does several times faster than the persisted one."""
    try:
        return open_store(graph) if persisted else read_store(graph)
    except GraphError as exc:
        raise UsageError(str(exc)) from None


# --- kg load ----------------------------------------------------------------------------------

class EndpointError(Exception):
    """The endpoint refused the graph or could not be reached: reported in one line, exit 1."""


def run_load_command(args: argparse.Namespace) -> int:
    if args.retries < 1 or args.retry_delay < 0:
        raise UsageError("--retries must be at least 1 and --retry-delay not negative")
    store = open_graph(args.graph)
    graph_iri = None if args.default_graph else args.graph_iri
    url = graph_store_url(args.endpoint, graph_iri)
    try:
        status = put_graph(url, serialize(store, "ttl"), credentials_from_environment(), args.retries, args.retry_delay)
    except EndpointError as exc:
        print(f"kg load: {exc}", file=sys.stderr)
        return 1
    target = f"<{graph_iri}>" if graph_iri else "the default graph"
    print(f"kg load: {len(store)} triples replaced {target} at {args.endpoint} (HTTP {status})")
    return 0


def graph_store_url(endpoint: str, graph_iri: str | None) -> str:
    """The Graph Store Protocol URL of a named graph (?graph=IRI) or of the default graph (?default)."""
    if not urllib.parse.urlsplit(endpoint).scheme.startswith("http"):
        raise UsageError(f"--endpoint {endpoint}: expected an http:// or https:// URL")
    parameter = "graph=" + urllib.parse.quote(graph_iri, safe="") if graph_iri else "default"
    return endpoint + ("&" if "?" in endpoint else "?") + parameter


def credentials_from_environment() -> dict[str, str]:
    """HTTP authorisation from KG_ENDPOINT_TOKEN (bearer) or KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD."""
    token = os.environ.get("KG_ENDPOINT_TOKEN")
    user = os.environ.get("KG_ENDPOINT_USER")
    if token:
        return {"bearer": token}
    if user:
        return {"user": user, "password": os.environ.get("KG_ENDPOINT_PASSWORD", "")}
    return {}


def put_graph(url: str, turtle: bytes, credentials: dict[str, str], tries: int, first_delay: float) -> int:
    """HTTP PUT the Turtle to url; retry connection failures with exponential backoff; the status."""
    request = urllib.request.Request(url, data=turtle, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    opener = http_opener(url, credentials, request)
    delay = first_delay
    for attempt in range(1, tries + 1):
        try:
            with opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{url}: HTTP {exc.code} {exc.reason}{server_says(exc)}") from None
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            if attempt == tries:
                raise EndpointError(f"{url}: cannot connect after {tries} tries: {reason}") from None
            print(f"kg load: {url}: {reason}; retrying in {delay:g}s", file=sys.stderr)
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


def http_opener(url: str, credentials: dict[str, str],
                request: urllib.request.Request) -> urllib.request.OpenerDirector:
    """An opener that authenticates: a bearer header, or basic/digest answers to the server's challenge."""
    if "bearer" in credentials:
        request.add_header("Authorization", f"Bearer {credentials['bearer']}")
        return urllib.request.build_opener()
    if "user" in credentials:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, credentials["user"], credentials["password"])
        basic = urllib.request.HTTPBasicAuthHandler(passwords)
        digest = urllib.request.HTTPDigestAuthHandler(passwords)
        return urllib.request.build_opener(basic, digest)
    return urllib.request.build_opener()


def server_says(error: urllib.error.HTTPError) -> str:
    """': <first non-empty line of the response body>', or '' when the body says nothing."""
    try:
        body = error.read(4096).decode("utf-8", "replace")
    except OSError:
        return ""
    text = re.sub(r"<[^>]+>", " ", body)  # error pages are often HTML
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return f": {first[:200]}" if first else ""


# --- kg serve ---------------------------------------------------------------------------------

def run_serve_command(args: argparse.Namespace) -> int:
    try:  # the file itself goes to the server, as the user named it
        source = graph_file(args.graph)
    except GraphError as exc:
        raise UsageError(str(exc)) from None
    server = oxigraph_binary()
    ensure_port_free(args.bind, args.port)
    folder = Path(args.location) if args.location else Path(tempfile.mkdtemp(prefix="kg-serve-"))
    # Without --location, a build's persisted store is copied rather than graph.ttl loaded again: the
    # server writes into its copy (made with hard links where it can: the store's files are never changed
    # in place), never into the build's store.
    persisted = None if args.location else matching_store(source)
    location = folder / "store" if persisted else folder
    load, serve = serve_commands(server, source, location, args.bind, args.port)
    if persisted:
        load = [server, "backup", "--location", str(persisted), "--destination", str(location)]
    # SIGTERM ends kg serve like Ctrl-C, so that the server is stopped with it.
    signal.signal(signal.SIGTERM, interrupt)
    try:
        print(f"$ {shlex.join(load)}", flush=True)
        loaded = subprocess.run(load, capture_output=True, text=True, env=server_environment())
        if loaded.returncode != 0:
            message = (loaded.stderr.strip().splitlines() or ["failed"])[-1]
            print(f"kg serve: oxigraph {load[1]}: {message}", file=sys.stderr)
            return 1
        print(f"$ {shlex.join(serve)}", flush=True)
        print(f"SPARQL endpoint: {endpoint_url(args.bind, args.port)}/query  (Graph Store: /store)", flush=True)
        print("Stop with Ctrl-C.", flush=True)
        return wait_for_server(subprocess.Popen(serve, env=server_environment()))
    finally:
        if not args.location:
            shutil.rmtree(folder, ignore_errors=True)


def interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def oxigraph_binary() -> str:
    """The oxigraph server installed with kg (beside this Python), else the one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise UsageError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def ensure_port_free(bind: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((bind, port))
        except OSError as exc:
            raise UsageError(f"cannot listen on {bind}:{port}: {exc.strerror} (choose another --port)") from None


def server_environment() -> dict[str, str]:
    """The environment without Rust backtraces, so that server errors stay one line."""
    return {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}


def serve_commands(server: str, source: Path, location: Path, bind: str, port: int) -> tuple[list[str], list[str]]:
    load = [server, "load", "--location", str(location), "--file", str(source)]
    if source.suffix.lower() == ".json":  # oxigraph knows JSON-LD files as .jsonld only
        load += ["--format", "jsonld"]
    if source.suffix.lower() not in (".trig", ".nq"):  # a dataset keeps its graphs
        load += ["--graph", GRAPH_IRI]
    # The triples in the graph's named graph, queried as the default graph too: as kg query and kg load see it.
    serve = [server, "serve", "--location", str(location), "--bind", f"{bind}:{port}", "--cors", "--union-default-graph"]
    return load, serve


def endpoint_url(bind: str, port: int) -> str:
    host = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(bind, bind)
    host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{host}:{port}"


def wait_for_server(process: subprocess.Popen) -> int:
    try:
        status = process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        print("kg serve: stopped", file=sys.stderr)
        return 0
    print(f"kg serve: the oxigraph server stopped with status {status}", file=sys.stderr)
    return 1
