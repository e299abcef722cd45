"""`kg eval GRAPH --gold FILE`: a built graph scored against a hand-annotated reference (kg.check.evaluate)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SCORES = ("events", "pairs", "topics")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval",
        help="score a built graph against a hand-annotated reference",
        description="Score a built graph against a reference (events, pairs, topics).",
    )
    p.add_argument("graph", metavar="GRAPH", help="graph.ttl, or the build folder holding it")
    p.add_argument("--gold", required=True, metavar="FILE", help="the reference (JSON)")
    p.add_argument("--json", action="store_true", help="print the whole result as JSON")
    for name in SCORES:
        p.add_argument(f"--min-{name}", type=float, default=0.0, metavar="F1", help=f"fail below this {name} F1")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.check.evaluate import evaluate, summary
    from kg.errors import UsageError
    from kg.write.outputs import settle

    graph = Path(args.graph)
    if graph.is_dir():
        settle(graph)  # a build switching its outputs in: wait for it, or finish what a dead one left
    graph = graph / "graph.ttl" if graph.is_dir() else graph
    if not Path(args.gold).is_file():
        raise UsageError(f"no such reference: {args.gold}")
    try:
        report = evaluate(graph, args.gold)
    except (KeyError, TypeError, AttributeError) as exc:  # a reference of the wrong shape
        raise UsageError(f"the reference {args.gold} is malformed: {type(exc).__name__} {exc}") from None
    except ValueError as exc:  # a graph that is not a kg graph
        raise UsageError(f"{graph}: {exc}") from None
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for event_id, status, topics, sources in report.rows:
            print(f"{event_id:34} {status:20} topics={topics} sources={sources}")
        for extra in report.extras:
            print(f"{'(not in reference)':34} {'extra':20} {extra}")
        print(f"pairs predicted: {', '.join(report.pairs_found) or '-'}")
        if report.intruders:
            print(f"not actors, yet participants: {', '.join(report.intruders)}")
        print(f"wikidata links: {report.wikidata[0]}/{report.wikidata[1]}")
        print(summary(report))
    failures = [
        f"{n} F1 {getattr(report, n).f1:.2f} is below --min-{n} {getattr(args, f'min_{n}'):.2f}"
        for n in SCORES
        if getattr(report, n).f1 < getattr(args, f"min_{n}")
    ]
    if report.intruders:
        failures.append(
            f"{len(report.intruders)} participant(s) the reference says must not be: {', '.join(report.intruders)}"
        )
    for failure in failures:
        print(f"kg eval: failed: {failure}", file=sys.stderr)
    return 1 if failures else 0
