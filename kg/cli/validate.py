"""`kg validate GRAPH`: a graph checked against the SHACL shapes of the contract (kg.check.validate)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "validate",
        help="check a graph against the contract (SHACL shapes)",
        description="Check a graph against the SHACL shapes of the graph contract.",
    )
    command.add_argument(
        "graph", metavar="GRAPH", help="a build folder holding graph.ttl, or an RDF file (format by extension)"
    )
    command.set_defaults(run=run)


def graph_file(argument: str) -> Path:
    from kg.write.outputs import settle

    path = Path(argument)
    if path.is_dir():
        settle(path)  # a build switching its outputs in: wait for it, or finish what a dead one left
    return path / "graph.ttl" if path.is_dir() else path


def run(args: argparse.Namespace) -> int:
    from kg.check.validate import is_kg_graph, read_graph, validate_graph
    from kg.errors import Failure, UsageError

    path = graph_file(args.graph)
    try:
        graph = read_graph(path)
    except ValueError as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    if not is_kg_graph(graph):
        raise Failure(
            f"{path}: not a kg graph: no node of the kg: classes (kg:Article, kg:Actor, "
            f"kg:Communication) in its {len(graph)} triples"
        )
    violations = validate_graph(graph)
    for violation in violations:
        print(violation.describe(graph))
    if violations:
        count = len(violations)
        print(f"{path}: {count} violation{'s' if count > 1 else ''}")
        return 1
    print(f"{path}: valid ({len(graph)} triples)")
    return 0
