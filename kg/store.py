"""The graph in triplestores: `kg load` (kg.loading) and `kg serve` (kg.serving); `kg query` is kg.query, `kg export`
kg.exports.

kg load sends the graph to any SPARQL 1.1 Graph Store HTTP Protocol endpoint, into its named graph
(kg.names.GRAPH_IRI) by default; kg serve starts a local Oxigraph server on it, read-only, the triples in that
named graph and queries seeing them as the default graph too, as kg query does.
"""
from __future__ import annotations

import argparse
import importlib

import pyoxigraph as ox

from kg.cli import UsageError
from kg.formats import GRAPH_IRI, GraphError, open_store, read_store
from kg.serving import DEFAULT_QUERY_TIMEOUT, origin_text, port_number


def command(module: str, name: str, args: argparse.Namespace) -> int:
    """Run a command defined in its own module (kg load in kg.loading, kg serve in kg.serving)."""
    return getattr(importlib.import_module(module), name)(args)


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
                      help="tries when the endpoint cannot be reached or answers 503 (default 4)")
    load.add_argument("--retry-delay", type=float, default=0.5, metavar="SECONDS",
                      help="wait before the second try, doubled after each (default 0.5)")
    load.add_argument("--timeout", type=float, metavar="SECONDS",
                      help="how long to wait for the endpoint's answer (default: 60 s plus 6 s per megabyte sent)")
    load.set_defaults(run=lambda args: command("kg.loading", "run_load_command", args))

    serve = subparsers.add_parser(
        "serve", help="serve a graph at a local SPARQL endpoint (Oxigraph server)",
        description="Load GRAPH into a fresh Oxigraph store (or copy the build's persisted store of it) "
        "and serve it, read-only, until interrupted.")
    serve.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    serve.add_argument("--port", type=port_number, default=7878)
    serve.add_argument("--bind", default="127.0.0.1", metavar="HOST", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--location", metavar="DIR",
                       help="keep the store in DIR, new, empty or made by kg serve (default: a temporary folder, "
                       "removed on exit)")
    serve.add_argument("--writable", action="store_true",
                       help="allow SPARQL UPDATE and Graph Store writes (default: read-only)")
    serve.add_argument("--cors", type=origin_text, metavar="ORIGIN",
                       help="let the web pages of this one origin call the endpoint (default: none)")
    serve.add_argument("--query-timeout", type=float, default=DEFAULT_QUERY_TIMEOUT, metavar="SECONDS",
                       help=f"stop queries that run longer (default {DEFAULT_QUERY_TIMEOUT})")
    serve.set_defaults(run=lambda args: command("kg.serving", "run_serve_command", args))


def open_graph(graph: str, persisted: bool = False) -> ox.Store:
    """The graph as a store: the build's persisted store if PERSISTED allows and it matches, else in memory.

    kg load dumps the store whole, which an in-memory store does several times faster than the persisted one."""
    try:
        return open_store(graph) if persisted else read_store(graph)
    except GraphError as exc:
        raise UsageError(str(exc)) from None
