"""`kg load GRAPH --endpoint URL`: the graph sent to a SPARQL 1.1 Graph Store endpoint (kg.sparql.loading).

Credentials never appear in what it prints: every message is cleaned of them."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    from kg.vocabulary import GRAPH_IRI

    load = subparsers.add_parser(
        "load",
        help="send a graph to a SPARQL Graph Store endpoint",
        description="Replace a graph of a triplestore with GRAPH (SPARQL 1.1 Graph Store HTTP Protocol, PUT). "
        "Credentials come from KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, or KG_ENDPOINT_TOKEN.",
    )
    load.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    load.add_argument(
        "--endpoint", required=True, metavar="URL", help="the Graph Store endpoint, e.g. http://localhost:7878/store"
    )
    target = load.add_mutually_exclusive_group()
    target.add_argument(
        "--graph",
        dest="graph_iri",
        default=GRAPH_IRI,
        metavar="IRI",
        help=f"the named graph to replace (default {GRAPH_IRI})",
    )
    target.add_argument(
        "--default-graph",
        action="store_true",
        help="replace the default graph instead (queries that name the graph with FROM then find nothing)",
    )
    load.add_argument(
        "--retries",
        type=int,
        default=4,
        metavar="N",
        help="tries when the endpoint cannot be reached or answers 503 (default 4)",
    )
    load.add_argument(
        "--retry-delay",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help="wait before the second try, doubled after each (default 0.5)",
    )
    load.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="how long to wait for the endpoint's answer (default: 60 s plus 6 s per megabyte sent)",
    )
    load.add_argument(
        "--split",
        type=int,
        metavar="N",
        help="send the graph in parts of at most N triples, the first replacing the graph (PUT), the others added "
        "to it (POST), not atomic; 0: in one PUT (default: parts of 50000 for Virtuoso, whose Graph Store can drop "
        "part of a big PUT without an error; one PUT for any other store)",
    )
    load.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.errors import EndpointError, Failure, UsageError
    from kg.sparql.loading import Secrets, credentials, graph_store_url, upload_file
    from kg.sparql.parts import send_graph

    if args.retries < 1 or args.retry_delay < 0 or (args.timeout is not None and args.timeout <= 0):
        raise UsageError("--retries must be at least 1, --retry-delay not negative and --timeout positive")
    if args.split is not None and args.split < 0:
        raise UsageError("--split must be 0 (one PUT) or a number of triples")
    endpoint, found = credentials(args.endpoint)
    secrets = Secrets(list(found.values()))
    say = lambda message: print(f"kg load: {secrets.clean(message)}", file=sys.stderr)  # noqa: E731
    graph_iri = None if args.default_graph else args.graph_iri
    url = graph_store_url(endpoint, graph_iri)
    try:
        with upload_file(args.graph) as (path, fmt, count):
            status, requests = send_graph(
                url, path, fmt, count, found, args.retries, args.retry_delay, args.timeout, say, args.split
            )
    except UsageError:  # a graph that cannot be found or read
        raise
    except EndpointError as exc:
        raise EndpointError(secrets.clean(str(exc))) from None
    except Exception as exc:  # noqa: BLE001 - never a traceback: it could show the credentials
        raise Failure(secrets.clean(f"{url}: {type(exc).__name__}: {' '.join(str(exc).split())}")) from None
    target = f"<{graph_iri}>" if graph_iri else "the default graph"
    how = f"HTTP {status}" + (f", {requests} requests" if requests > 1 else "")
    print(secrets.clean(f"kg load: {count} triples replaced {target} at {endpoint} ({how})"))
    return 0
