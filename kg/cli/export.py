"""`kg export GRAPH -o FILE`: the graph in another RDF serialisation (kg.graph.formats), or its actor network, pairs or
events for other tools (kg.graph.exports)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Export formats by file extension (CSV files by name: pairs.csv, events.csv).
EXTENSIONS = {
    "ttl": "ttl",
    "nt": "nt",
    "nq": "nq",
    "trig": "trig",
    "rdf": "rdfxml",
    "owl": "rdfxml",
    "xml": "rdfxml",
    "jsonld": "jsonld",
    "json": "jsonld",
    "gexf": "gexf",
    "graphml": "graphml",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    from kg.graph.exports import EXPORTS

    export_ = subparsers.add_parser(
        "export",
        help="write a graph in another RDF serialisation, or its actor network for other tools",
        description="Write GRAPH as Turtle, N-Triples, N-Quads, TriG, RDF/XML or compacted JSON-LD, or its actor "
        "network as GEXF or GraphML, or its pairs or events as CSV.",
    )
    export_.add_argument("graph", metavar="GRAPH", help="a build folder (holding graph.ttl) or an RDF file")
    export_.add_argument(
        "--format", choices=EXPORTS, metavar="{" + ",".join(EXPORTS) + "}", help="default: from the extension of -o"
    )
    export_.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export_.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.errors import Failure
    from kg.graph.exports import exported
    from kg.write.atomic import write_atomic

    data = exported(args.graph, args.format or format_from_name(args.output))
    if args.output and args.output != "-":
        try:
            write_atomic(args.output, data)
        except OSError as exc:  # the path that failed first (a file on the way, a read-only folder), then why
            where = f"{exc.filename}: " if exc.filename else ""
            raise Failure(f"{where}{exc.strerror or exc} (cannot write {args.output})") from None
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def format_from_name(output: str | None) -> str:
    from kg.errors import UsageError
    from kg.graph.exports import EXPORTS

    name = Path(output).name.lower() if output and output != "-" else ""
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "csv" and ("pair" in name) != ("event" in name):
        return "pairs-csv" if "pair" in name else "events-csv"
    if suffix not in EXTENSIONS:
        raise UsageError(f"give --format ({', '.join(EXPORTS)}): it cannot be told from the output name")
    return EXTENSIONS[suffix]
