"""`kg serve GRAPH`: a local SPARQL endpoint (an Oxigraph server) on a graph, read-only unless --writable,
without CORS unless --cors ORIGIN (kg.sparql.serving, and the gate of kg.sparql.gate in front of it when needed)."""

from __future__ import annotations

import argparse
import shlex
import shutil
import signal
import sys

DEFAULT_QUERY_TIMEOUT = 60


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return port


def origin_text(text: str) -> str:
    """An argparse type: a web origin, scheme://host[:port]."""
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/") or text == "*":
        raise argparse.ArgumentTypeError(f"{text!r} is not an origin like https://example.org or http://localhost:8080")
    return f"{parts.scheme}://{parts.netloc}"


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="serve a graph at a local SPARQL endpoint (Oxigraph server)",
        description="Load GRAPH into a fresh Oxigraph store (or copy the build's persisted store of it) "
        "and serve it, read-only, until interrupted.",
    )
    serve.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    serve.add_argument("--port", type=port_number, default=7878)
    serve.add_argument("--bind", default="127.0.0.1", metavar="HOST", help="address to listen on (default 127.0.0.1)")
    serve.add_argument(
        "--location",
        metavar="DIR",
        help="keep the store in DIR, new, empty or made by kg serve (default: a temporary folder, removed on exit)",
    )
    serve.add_argument(
        "--writable", action="store_true", help="allow SPARQL UPDATE and Graph Store writes (default: read-only)"
    )
    serve.add_argument(
        "--cors",
        type=origin_text,
        metavar="ORIGIN",
        help="let the web pages of this one origin call the endpoint (default: none)",
    )
    serve.add_argument(
        "--query-timeout",
        type=float,
        default=DEFAULT_QUERY_TIMEOUT,
        metavar="SECONDS",
        help=f"stop queries that run longer (default {DEFAULT_QUERY_TIMEOUT})",
    )
    serve.set_defaults(run=run)


def show(line: str) -> None:
    print(line, flush=True)


def warn(message: str) -> None:
    print(f"kg serve: {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from kg.errors import Failure, UsageError
    from kg.graph.formats import graph_file
    from kg.sparql import serving

    source = graph_file(args.graph)  # the file itself goes to the server, as the user named it
    if args.query_timeout <= 0:
        raise UsageError("--query-timeout must be positive")
    server = serving.oxigraph_binary()
    serving.ensure_port_free(args.bind, args.port)
    folder = serving.store_folder(args.location)
    location = folder / "store"
    gated = args.writable or args.cors
    inner_port = serving.free_port() if gated else args.port
    inner_bind = "127.0.0.1" if gated else args.bind
    command = serving.serve_command(server, source, location, inner_bind, inner_port, args.writable, args.query_timeout)
    # SIGTERM ends kg serve like Ctrl-C, so that the server is stopped with it.
    signal.signal(signal.SIGTERM, serving.interrupt)
    try:
        serving.load(server, source, location, show, warn)
        show(f"$ {shlex.join(command)}")
        process = serving.start_server(command)
        gate = serving.start_gate(args.bind, args.port, inner_port, args.cors, args.writable) if gated else None
        mode = "read-write" if args.writable else "read-only"
        cors = f"CORS for {args.cors} only" if args.cors else "no CORS"
        show(
            f"SPARQL endpoint: {serving.endpoint_url(args.bind, args.port)}/query  (Graph Store: /store; {mode}, "
            f"{cors}, queries stop after {args.query_timeout:g} s)"
        )
        show("Stop with Ctrl-C.")
        try:
            status = serving.wait_for_server(process)
        finally:
            if gate is not None:
                gate.shutdown()
                gate.server_close()
    finally:
        if not args.location:
            shutil.rmtree(folder, ignore_errors=True)
    if status is not None:
        raise Failure(f"the oxigraph server stopped with status {status}")
    print("kg serve: stopped", file=sys.stderr)
    return 0
