"""`kg query`: SPARQL on a built graph (kg.sparql.query) or on any SPARQL endpoint (kg.sparql.endpoint).

kg query GRAPH QUERY             on a build folder or an RDF file
kg query --endpoint URL QUERY    on a triplestore, over the SPARQL 1.1 Protocol
kg query --list                  the queries of queries/
"""

from __future__ import annotations

import argparse
import sys

USAGE = "kg query GRAPH QUERY [--format F]\n       kg query --endpoint URL QUERY [--format F]\n       kg query --list"


def register(subparsers: argparse._SubParsersAction) -> None:
    from kg.sparql.query import RESULT_FORMATS
    from kg.vocabulary import GRAPH_IRI, PREFIXES

    query = subparsers.add_parser(
        "query",
        help="run a SPARQL query on a graph or an endpoint",
        usage=USAGE,
        description="Run a SPARQL query on a graph, or on a SPARQL endpoint with --endpoint. The prefixes "
        + ", ".join(f"{p}:" for p in PREFIXES)
        + " are predeclared (sent along to an endpoint when the query "
        "uses them without declaring them).",
    )
    query.add_argument(
        "arguments",
        nargs="*",
        metavar="GRAPH QUERY",
        help="GRAPH: a build folder (holding graph.ttl) or an RDF file; QUERY: SPARQL text, a .rq file, "
        "the name of a query of queries/ (who-talked-to-whom), or - to read it from standard input",
    )
    query.add_argument(
        "--endpoint",
        metavar="URL",
        help="query this SPARQL endpoint instead of a GRAPH "
        "(e.g. http://localhost:7878/query, http://localhost:8890/sparql)",
    )
    query.add_argument(
        "--format",
        choices=("table", *RESULT_FORMATS),
        default="table",
        help="table (default) or a W3C SPARQL results format",
    )
    query.add_argument(
        "--graph",
        default=GRAPH_IRI,
        metavar="IRI",
        help="with --endpoint: the graph `kg load` filled (default %(default)s), asked as the query's "
        "dataset when the query has no FROM; none: leave the dataset to the endpoint",
    )
    query.add_argument(
        "--timeout",
        type=float,
        default=120,
        metavar="SECONDS",
        help="with --endpoint: how long to wait for the answer (default 120)",
    )
    query.add_argument("--list", action="store_true", help="list the queries of queries/ and what they answer")
    query.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.errors import UsageError
    from kg.sparql.query import query_graph, query_list, read_query, render, syntax_error_report

    if args.list:
        if args.arguments or args.endpoint:
            raise UsageError("--list takes no other argument")
        sys.stdout.write(query_list())
        return 0
    expected = 1 if args.endpoint else 2
    if len(args.arguments) != expected:
        raise UsageError(
            "expected "
            + ("QUERY after --endpoint URL" if args.endpoint else "GRAPH and QUERY")
            + f" (usage: {USAGE.splitlines()[0 if expected == 2 else 1].strip()})"
        )
    query, origin = read_query(args.arguments[-1])
    if args.endpoint:
        from kg.sparql.endpoint import query_endpoint

        result = query_endpoint(args.endpoint, query, args.timeout, None if args.graph == "none" else args.graph)
        output = render(result, args.format)
    else:
        try:
            output = query_graph(args.arguments[0], query, args.format, warn)
        except SyntaxError as exc:
            raise UsageError(syntax_error_report(query, str(exc), origin)) from None
    sys.stdout.buffer.write(output)
    sys.stdout.flush()
    return 0


def warn(message: str) -> None:
    """What kg query says when the build's store cannot be used (and the graph file is read instead)."""
    print(f"kg query: {message}", file=sys.stderr)
