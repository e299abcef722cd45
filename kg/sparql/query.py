"""`kg query`: SPARQL on a built graph (an embedded Oxigraph store) or on any SPARQL endpoint.

    kg query GRAPH QUERY             on a build folder or an RDF file
    kg query --endpoint URL QUERY    on a triplestore, over the SPARQL 1.1 Protocol (kg.sparql.endpoint)
    kg query --list                  the queries of queries/

QUERY is SPARQL text, a .rq file, the name of a query of queries/, or - for standard input. The
embedded store holds the graph in its named graph (kg.vocabulary.GRAPH_IRI) and is queried with that graph
as the default graph too, as `kg serve` and Virtuoso do: queries see it with or without FROM.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from kg.errors import UsageError
from kg.paths import ROOT
from kg.vocabulary import PREFIXES, WRITTEN_PREFIXES, declared_prefixes, prefixed_name

QUERIES = ROOT / "queries"
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
NUMERIC_TYPES = {PREFIXES["xsd"] + name for name in ("integer", "decimal", "double", "float", "long", "int")}


def query_graph(graph: str, query: str, fmt: str, warn: Callable[[str], None]) -> bytes:
    """QUERY's result on GRAPH (a build folder or an RDF file), rendered in FMT: on the build's store when it
    matches graph.ttl, else on the file loaded into memory. The store is only a cache: when it fails while
    read, WARN is told and the file is read instead. Raises SyntaxError for a malformed query."""
    from kg.graph.formats import open_store, read_store
    from kg.graph.store import store_error

    store = open_store(graph, warn)
    try:
        return render(store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True), fmt)
    except (OSError, RuntimeError) as exc:  # the build's store, opened, fails while read: it is only a cache
        warn(f"the store cannot be read ({store_error(exc)}); reading the graph file instead")
        return render(read_store(graph).query(query, prefixes=PREFIXES, use_default_graph_as_union=True), fmt)


# --- the query library ------------------------------------------------------------------------


def named_queries() -> dict[str, Path]:
    return {path.stem: path for path in sorted(QUERIES.glob("*.rq"))}


def summary(path: Path) -> str:
    """The first sentence of a query's opening comment."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
    text = " ".join(lines)
    return re.split(r"(?<=[.:])\s", text, maxsplit=1)[0].rstrip(":.")


def query_list() -> str:
    queries = named_queries()
    width = max(map(len, queries), default=0)
    return "".join(f"{name.ljust(width)}  {summary(path)}\n" for name, path in queries.items())


def read_query(argument: str) -> tuple[str, str]:
    """The SPARQL text an argument stands for, and where it came from (for messages)."""
    if argument == "-":
        try:
            return sys.stdin.read(), "stdin"
        except UnicodeDecodeError as exc:
            raise UsageError(f"standard input: cannot read the query: {exc}") from None
    path = Path(argument)
    named = named_queries()
    if re.fullmatch(r"[\w.-]+", argument) and not path.exists():
        if argument in named:
            path = named[argument]
        elif argument.removesuffix(".rq") not in named:
            close = difflib.get_close_matches(argument.removesuffix(".rq"), named, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UsageError(f"no query named {argument!r} in queries/ ({hint}`kg query --list` lists them)")
    if path.suffix == ".rq" or (len(argument) < 256 and "\n" not in argument and path.is_file()):
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: cannot read the query: {getattr(exc, 'strerror', None) or exc}") from None
    return argument, "query"


# --- errors -----------------------------------------------------------------------------------


def syntax_error_report(query: str, message: str, origin: str) -> str:
    """The parser's message at its position, then the offending line with a caret under the column."""
    where = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if not where:
        return f"{origin}: malformed query: {message}"
    line, column, reason = int(where[1]), int(where[2]), condensed(where[3])
    lines = query.splitlines()
    if "Prefix not found" in reason:
        unknown = unknown_prefix(query)
        if unknown:
            line, column, prefix = unknown
            reason = (
                f"unknown prefix {prefix}: (declare it with PREFIX {prefix}: <…>; "
                f"predeclared: {', '.join(p + ':' for p in PREFIXES)})"
            )
    heading = f"{origin}:{line}:{column}: malformed query: {reason}"
    rest = "\n".join(lines[line - 1 :])[column - 1 :] if line <= len(lines) else ""
    if not rest.strip():
        return f"{heading} (at the end of the query)"
    return f"{heading}\n    {lines[line - 1]}\n    {' ' * max(column - 1, 0)}^"


def unknown_prefix(query: str) -> tuple[int, int, str] | None:
    """Line, column and name of the first prefix the query uses that is neither declared nor predeclared."""
    known = set(PREFIXES) | declared_prefixes(query)
    for number, text in enumerate(query.splitlines(), 1):
        code = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|<[^<>\s]*>|#.*$', lambda m: " " * len(m[0]), text)
        for match in re.finditer(r"(?<![\w:?$])([A-Za-z][\w.-]*)?:", code):
            if (match[1] or "") not in known and not re.match(r"\s*<", code[match.end() :]):
                return number, match.start() + 1, match[1] or ""
    return None


def condensed(reason: str) -> str:
    """The parser's reason on one line: expected tokens kept, character classes ([...]) dropped."""
    reason = " ".join(reason.split())
    tokens = re.sub(r"\[(?:'(?:\\.|[^'\\])*'|[^\]'])*\]", "", reason)
    tokens = re.sub(r"(?:,\s*){2,}", ", ", tokens).strip(" ,")
    tokens = re.sub(r"expected one of\s*$", "", tokens).strip(" ,")
    tokens = re.sub(r"^expected one of (Prefix not found)", r"\1", tokens)
    reason = tokens or reason
    return reason if len(reason) <= 200 else reason[:199] + "…"


# --- output -----------------------------------------------------------------------------------


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list, fmt: str) -> bytes:
    """A query result as the bytes to print: a table, a W3C results format, or Turtle for graphs."""
    if isinstance(result, (ox.QueryTriples, list)):
        if fmt != "table":
            raise UsageError(f"--format {fmt} is for SELECT and ASK; CONSTRUCT and DESCRIBE print Turtle")
        return ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=WRITTEN_PREFIXES)
    if fmt != "table":
        data = result.serialize(format=RESULT_FORMATS[fmt])
        return data if data.endswith(b"\n") else data + b"\n"
    if isinstance(result, ox.QueryBoolean):
        return b"true\n" if bool(result) else b"false\n"
    return table(result).encode("utf-8")


def table(solutions: ox.QuerySolutions) -> str:
    """An aligned text table, one row per solution, IRIs as prefixed names that paste into a query."""
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
    """A term as a reader wants to see it: IRIs as prefixed names (or <IRI>), literal values without their datatype."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return prefixed_name(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)
