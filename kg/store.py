"""The graph in SPARQL and in triplestores: `kg query`, `kg load`, `kg serve`, `kg export`.

kg query runs SPARQL on an embedded Oxigraph store; kg load (kg.loading) sends the graph to any SPARQL 1.1
Graph Store HTTP Protocol endpoint; kg serve (kg.serving) starts a local Oxigraph server on it.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.cli import UsageError
from kg.formats import (FORMATS, GRAPH_IRI, PREFIXES, GraphError, export, graph_file, open_store, read_store,
                        serialize)
from kg.graphstore import store_error
from kg.paths import ROOT
from kg.serving import DEFAULT_QUERY_TIMEOUT, origin_text, port_number

QUERIES = ROOT / "queries"
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
NUMERIC_TYPES = {PREFIXES["xsd"] + name for name in ("integer", "decimal", "double", "float", "long", "int")}


def command(module: str, name: str, args: argparse.Namespace) -> int:
    """Run a command defined in its own module (kg load in kg.loading, kg serve in kg.serving)."""
    return getattr(importlib.import_module(module), name)(args)


def register(subparsers: argparse._SubParsersAction) -> None:
    query = subparsers.add_parser(
        "query", help="run a SPARQL query on a graph",
        description="Run a SPARQL query on a graph. The prefixes " + ", ".join(f"{p}:" for p in PREFIXES)
        + " are predeclared.")
    query.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    query.add_argument("query", metavar="QUERY",
                       help="SPARQL text, a .rq file, or the name of a query in queries/ (who-talked-to-whom)")
    query.add_argument("--format", choices=("table", *RESULT_FORMATS), default="table",
                       help="table (default) or a W3C SPARQL results format")
    query.set_defaults(run=run_query_command)

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
    target.add_argument("--default-graph", action="store_true", help="replace the default graph instead")
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

    export_ = subparsers.add_parser("export", help="write a graph in another RDF serialisation")
    export_.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    export_.add_argument("--format", choices=tuple(FORMATS), metavar="{" + ",".join(FORMATS) + "}",
                         help="default: from the extension of -o")
    export_.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export_.set_defaults(run=run_export_command)


# --- kg query ---------------------------------------------------------------------------------

def run_query_command(args: argparse.Namespace) -> int:
    query, origin = read_query(args.query)
    store = open_graph(args.graph, persisted=True)
    try:
        output = render(store.query(query, prefixes=PREFIXES), args.format)
    except SyntaxError as exc:
        print(syntax_error_report(query, str(exc), origin), file=sys.stderr)
        return 2
    except (OSError, RuntimeError) as exc:  # the build's store, opened, fails while read: it is only a cache
        print(f"kg query: the store cannot be read ({store_error(exc)}); reading the graph file instead",
              file=sys.stderr)
        output = render(open_graph(args.graph).query(query, prefixes=PREFIXES), args.format)
    sys.stdout.buffer.write(output)
    sys.stdout.flush()
    return 0


def read_query(argument: str) -> tuple[str, str]:
    """The SPARQL text an argument stands for, and where it came from (for messages)."""
    path = Path(argument)
    named = QUERIES / f"{argument}.rq"
    if re.fullmatch(r"[\w.-]+", argument) and not path.exists() and named.is_file():
        path = named
    if path.suffix == ".rq" or (len(argument) < 256 and "\n" not in argument and path.is_file()):
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: cannot read the query: {getattr(exc, 'strerror', None) or exc}") from None
    return argument, "query"


def open_graph(graph: str, persisted: bool = False) -> ox.Store:
    """The graph as a store: the build's persisted store if PERSISTED allows and it matches, else in memory.

    kg load dumps the store whole, which an in-memory store does several times faster than the persisted one."""
    try:
        return open_store(graph) if persisted else read_store(graph)
    except GraphError as exc:
        raise UsageError(str(exc)) from None


def syntax_error_report(query: str, message: str, origin: str) -> str:
    """The parser's message at its position, then the offending line with a caret under the column."""
    where = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if not where:
        return f"kg query: {origin}: malformed query: {message}"
    line, column, reason = int(where[1]), int(where[2]), condensed(where[3])
    lines = query.splitlines()
    heading = f"kg query: {origin}:{line}:{column}: malformed query: {reason}"
    rest = "\n".join(lines[line - 1:])[column - 1:] if line <= len(lines) else ""
    if not rest.strip():
        return f"{heading} (at the end of the query)"
    return f"{heading}\n    {lines[line - 1]}\n    {' ' * max(column - 1, 0)}^"


def condensed(reason: str) -> str:
    """The parser's reason on one line: expected tokens kept, character classes ([...]) dropped."""
    reason = " ".join(reason.split())
    tokens = re.sub(r"\[(?:'(?:\\.|[^'\\])*'|[^\]'])*\]", "", reason)
    tokens = re.sub(r"(?:,\s*){2,}", ", ", tokens).strip(" ,")
    tokens = re.sub(r"expected one of\s*$", "", tokens).strip(" ,")
    reason = tokens or reason
    return reason if len(reason) <= 200 else reason[:199] + "…"


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> bytes:
    """A query result as the bytes to print: a table, a W3C results format, or Turtle for graphs."""
    if isinstance(result, ox.QueryTriples):
        if fmt != "table":
            raise UsageError(f"--format {fmt} is for SELECT and ASK; CONSTRUCT and DESCRIBE print Turtle")
        return ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt != "table":
        return result.serialize(format=RESULT_FORMATS[fmt])
    if isinstance(result, ox.QueryBoolean):
        return b"true\n" if bool(result) else b"false\n"
    return table(result).encode("utf-8")


def table(solutions: ox.QuerySolutions) -> str:
    """An aligned text table, one row per solution, IRIs shortened with the project prefixes."""
    names = [variable.value for variable in solutions.variables]
    rows, numeric = [], [True] * len(names)
    for solution in solutions:
        terms = [solution[name] for name in names]
        rows.append([term_text(term) for term in terms])
        for column, term in enumerate(terms):
            if term is not None and not (isinstance(term, ox.Literal) and term.datatype.value in NUMERIC_TYPES):
                numeric[column] = False
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]

    def line(cells: list[str]) -> str:
        padded = (c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric))
        return "  ".join(padded).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(row) for row in rows)]
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out) + "\n"


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    """A term as a reader wants to see it: prefixed IRIs, literal values without their datatype."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def shorten(iri: str) -> str:
    """kg:PhoneCall, wd:Q7747, id:event/2022-01-28-…: a reading aid (other formats keep whole IRIs)."""
    for prefix, namespace in PREFIXES.items():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and re.fullmatch(r"\w[\w./-]*", local):
            return f"{prefix}:{local}"
    return iri


# --- kg export --------------------------------------------------------------------------------

def run_export_command(args: argparse.Namespace) -> int:
    fmt = args.format or format_from_extension(args.output)
    try:
        if args.output and args.output != "-":
            export(args.graph, fmt, args.output)
        else:
            sys.stdout.buffer.write(serialize(args.graph, fmt))
            sys.stdout.flush()
    except GraphError as exc:
        raise UsageError(str(exc)) from None
    return 0


def format_from_extension(output: str | None) -> str:
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    if suffix not in FORMATS:
        raise UsageError(f"give --format ({', '.join(FORMATS)}): it cannot be told from the output name")
    return suffix
