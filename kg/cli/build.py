"""`kg build INPUT… -o OUTDIR`: the build (kg.pipeline) from the command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path


def register(subparsers) -> None:
    from kg.nlp import DEFAULT_MODEL  # kg.nlp imports spaCy only when it loads a model

    p = subparsers.add_parser(
        "build",
        help="build the graph of a corpus of articles",
        description="Build the knowledge graph of folders of articles or JSON Lines files.",
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a folder of articles (.txt, .html, .md, optional metadata.json) or a .jsonl[.gz] file",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="where graph.ttl and graph.html are written")
    p.add_argument(
        "--model", default=DEFAULT_MODEL, help="spaCy model (default: %(default)s; fr_core_news_lg when installed)"
    )
    p.add_argument(
        "--workers",
        default="auto",
        metavar="N",
        help="processes that parse and extract: a number, or auto, one per core (default: auto)",
    )
    p.add_argument(
        "--cache",
        metavar="DIR",
        help="where each article's extraction is kept for the next build (default: OUTDIR/.cache)",
    )
    p.add_argument("--no-cache", action="store_true", help="extract every article again and keep nothing")
    p.add_argument(
        "--dask-scheduler", metavar="ADDRESS", help="parse and extract on a dask.distributed cluster (tcp://host:8786)"
    )
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the graph before writing it")
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print nothing but problems")
    talk.add_argument(
        "-v", "--verbose", action="store_true", help="also print the time of each stage and the problems by reason"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.errors import Failure, InvalidGraph, UsageError
    from kg.pipeline import VALIDATE_MAX_TRIPLES, build
    from kg.write.outdir import writable_folder

    for path in args.inputs:
        if not Path(path).exists():
            raise UsageError(f"no such input: {path}")
    workers = worker_count(args.workers)
    if problem := writable_folder(args.output):
        raise UsageError(f"-o {args.output}: {problem}")
    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    cache = False if args.no_cache else (args.cache or True)
    try:
        result = build(
            args.inputs,
            args.output,
            model=args.model,
            workers=workers,
            validate=not args.no_validate,
            report=lambda p: print(f"kg: {p}", file=sys.stderr),
            cache=cache,
            dask_scheduler=args.dask_scheduler,
            progress=not args.quiet,
        )
    except RuntimeError as exc:  # the model is missing, the folder is busy, the dask scheduler is unreachable
        raise UsageError(str(exc)) from None
    except OSError as exc:  # a full disk, a read-only folder
        where = f"{exc.filename}: " if exc.filename else ""
        raise Failure(
            f"cannot write the outputs: {where}{exc.strerror or exc}; the previous outputs are left as they were"
        ) from None
    except InvalidGraph as exc:
        raise Failure(f"the graph is invalid, nothing written: {exc}") from None
    if not result.built:
        raise Failure("no document could be built")
    c = result.corpus
    if not args.no_validate and not result.validated:
        say(
            f"kg build: the SHACL check was skipped (more than {VALIDATE_MAX_TRIPLES:,} triples); "
            f"run `kg validate {args.output}` to check the graph"
        )
    if args.verbose:
        for line in details(result):
            say(line)
    say(
        f"kg build: {result.built} documents, {len(c.events)} events, {len(c.actors)} actors"
        f"{f', {len(result.problems)} skipped or partly read' if result.problems else ''} in {result.seconds:.1f} s"
        f" → {', '.join(str(p) for p in result.outputs)}"
    )
    return 0


def worker_count(value: str) -> int:
    """--workers: a number of processes, or auto (the cores this process may run on)."""
    from kg.errors import UsageError

    if value == "auto":
        return available_cores()
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"--workers {value}: expected auto or a number of processes, at least 1")
    return int(value)


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no sched_getaffinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def details(result) -> list[str]:
    """-v: where the time went, what came from the cache, and the problems counted by reason."""
    lines = [f"kg build: {stage}: {seconds:.2f} s" for stage, seconds in result.timings.items()]
    lines.append(f"kg build: {result.cached} of {result.built} documents' extractions from the cache")
    reasons = Counter(problem.reason for problem in result.problems)
    lines += [f"kg build: {count} × {reason}" for reason, count in reasons.most_common()]
    return lines
