"""`kg build`: read articles → analyse (spaCy) → extract → resolve across the corpus → RDF → write.

Outputs are written atomically (a temporary file in OUTDIR, then a rename), so a build that dies leaves
the previous outputs whole."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg import nlp as nlp_stage
from kg import gazetteer as gazetteer_stage
from kg import rdf
from kg.extract import Extractor
from kg.extract.clean import clean_text
from kg.model import Corpus, Document, Extraction, Problem
from kg.resolve import resolve

BATCH_SIZE = 32


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    built: int
    problems: tuple[Problem, ...]
    outputs: tuple[Path, ...]
    seconds: float


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def analysed(documents: Iterable[Document], model: str, workers: int) -> Iterator[tuple[Document, list]]:
    """Each document with the spaCy docs of its cleaned text (long texts in several pieces), in input order."""
    nlp = nlp_stage.load(model)
    pending: dict[int, tuple[Document, int]] = {}

    def pieces() -> Iterator[tuple[str, int]]:
        for index, document in enumerate(documents):
            chunks = nlp_stage.chunks(clean_text(document.text)) or [""]
            pending[index] = (document, len(chunks))
            for chunk in chunks:
                yield chunk, index

    current: int | None = None
    docs: list = []
    for doc, index in nlp.pipe(pieces(), as_tuples=True, batch_size=BATCH_SIZE, n_process=workers):
        if current is not None and index != current:
            yield pending.pop(current)[0], docs
            docs = []
        current = index
        docs.append(doc)
    if current is not None:
        yield pending.pop(current)[0], docs


def extract_all(documents: Iterable[Document], model: str, workers: int) -> Iterator[Extraction]:
    nlp = nlp_stage.load(model)
    extractor = Extractor.build(nlp, gazetteer_stage.load(), rdf.load_topic_scheme())
    for document, docs in analysed(documents, model, workers):
        yield extractor.extract(document, docs)


def build(inputs: Iterable[str | os.PathLike], outdir: str | os.PathLike, *, model: str = nlp_stage.DEFAULT_MODEL,
          workers: int = 1, validate: bool = True, report=None) -> BuildResult:
    """Build the graph of INPUTS into OUTDIR (graph.ttl, graph.html). REPORT(problem) is told of each bad document."""
    from kg.documents import read_documents
    from kg.page import render

    started = time.monotonic()
    problems: list[Problem] = []
    report = report or (lambda p: None)

    def documents() -> Iterator[Document]:
        for item in read_documents(list(inputs)):
            if isinstance(item, Problem):
                problems.append(item)
                report(item)
            else:
                yield item

    extractions = list(extract_all(documents(), model, workers))
    corpus = resolve(extractions, rdf.load_topic_scheme(), problems)
    outdir = Path(outdir)
    outputs: list[Path] = []
    if extractions:
        graph = rdf.to_graph(corpus)
        if validate:
            check_shapes(graph)
        write_atomic(outdir / "graph.ttl", rdf.turtle(graph))
        write_atomic(outdir / "graph.html", render(corpus).encode("utf-8"))
        outputs += [outdir / "graph.ttl", outdir / "graph.html"]
    return BuildResult(corpus, len(extractions), tuple(problems), tuple(outputs), time.monotonic() - started)


class InvalidGraph(Exception):
    pass


def check_shapes(graph) -> None:
    try:
        from kg.validate import validate_graph
    except ModuleNotFoundError:
        return
    violations = validate_graph(graph)
    if violations:
        raise InvalidGraph(f"{len(violations)} SHACL violation(s), first: {violations[0]}")


def run(args: argparse.Namespace) -> int:
    from kg.cli import UsageError

    for path in args.inputs:
        if not Path(path).exists():
            raise UsageError(f"no such input: {path}")
    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    try:
        result = build(args.inputs, args.output, model=args.model, workers=args.workers, validate=not args.no_validate,
                       report=lambda p: print(f"kg: {p}", file=sys.stderr))
    except RuntimeError as exc:
        raise UsageError(str(exc)) from None
    except InvalidGraph as exc:
        print(f"kg build: the graph is invalid, nothing written: {exc}", file=sys.stderr)
        return 1
    if not result.built:
        print("kg build: no document could be built", file=sys.stderr)
        return 1
    c = result.corpus
    say(f"kg build: {result.built} documents, {len(c.events)} events, {len(c.actors)} actors"
        f"{f', {len(result.problems)} skipped or partly read' if result.problems else ''} in {result.seconds:.1f} s"
        f" → {', '.join(str(p) for p in result.outputs)}")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("build", help="build the graph of a corpus of articles",
                              description="Build the knowledge graph of folders of articles or JSON Lines files.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a folder of articles (.txt, .html, .md, optional metadata.json) or a .jsonl[.gz] file")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="where graph.ttl and graph.html are written")
    p.add_argument("--model", default=nlp_stage.DEFAULT_MODEL, help="spaCy model (default: %(default)s; fr_core_news_lg when installed)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes for the parser (default: 1)")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the graph before writing it")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but problems")
    p.set_defaults(run=run)
