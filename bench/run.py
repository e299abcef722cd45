"""How fast `kg build` is next to bare spaCy, on slices of a real corpus.

    .venv/bin/python bench/run.py --corpus CORPUS [--sizes 100 1000 4945] [--workers 1 2] [--repeat 3]

CORPUS is a JSON Lines file of articles (.jsonl or .jsonl.gz); the team's corpus is
../shared/corpus/fr-news.jsonl.gz from the repository root. A slice of N is its first N lines.

For each slice and process count, in fresh processes, the median of --repeat runs of
- `kg build SLICE -o TMP --workers N --no-cache -q`: the whole build, reading to graph.html;
- bare spaCy: `spacy.load(model)` then `nlp.pipe(texts, n_process=N)` over the same texts;
- kg's pipeline alone: the same, with `kg.nlp.load(model)` (spaCy as kg sets it up: numpy's BLAS, the
  lemmatizer's index as sets, kg's four small components), so the last ratio is what everything else the
  build does (reading, cleaning, extraction, resolution, RDF, page) costs;
each with its wall time (model loading included), words per second (whitespace-separated words of the
texts) and peak memory (the largest sum of the proportional set sizes of the process and its children, sampled).
It prints a Markdown table with the ratios of the throughputs and writes it to bench/results.md.
--skip SIZExN… leaves out a slice and process count altogether (4945x1: the whole corpus on one process).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.md"
SAMPLE_SECONDS = (
    1.0  # PSS is read from /proc/PID/smaps, which is slow: more often, the sampler itself costs a share of a core
)
# Texts per spaCy batch, the build's own (kg.nlp.BATCH_SIZE): with spaCy's default of 1,000,
# a slice of 100 articles would go to one process only.
BARE_BATCH_SIZE = 32

BARE_SPACY = """
import json, sys, spacy
texts = [json.loads(line).get("text") or "" for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts, batch_size=int(sys.argv[4]), n_process=int(sys.argv[3])):
    pass
"""

KG_PIPELINE = """
import json, sys
from threadpoolctl import threadpool_limits
from kg.nlp import load
texts = [json.loads(line).get("text") or "" for line in open(sys.argv[1], encoding="utf-8")]
threadpool_limits(1, user_api="blas")  # as kg build does
nlp = load(sys.argv[2])
for doc in nlp.pipe(texts, batch_size=int(sys.argv[4]), n_process=int(sys.argv[3])):
    pass
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    returncode: int


def measured(command: list[str]) -> Run:
    """Run COMMAND, sampling the resident memory of its whole process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_memory(watched))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    if process.returncode:
        sys.stderr.write(process.stderr.read().decode("utf-8", "replace")[-2000:])
    return Run(seconds, peak, process.returncode)


def tree_memory(process: psutil.Process) -> int:
    """The memory of PROCESS and its children: proportional set sizes where the system gives them, so that
    pages forked workers share with their parent (the model) are counted once, not once per process."""
    total = 0
    try:
        for member in [process, *process.children(recursive=True)]:
            info = member.memory_full_info()
            total += getattr(info, "pss", info.rss)
    except psutil.Error:
        pass  # a process that ended between listing and reading
    return total


def write_slice(corpus: Path, size: int, folder: Path) -> tuple[Path, int, int]:
    """The first SIZE articles of CORPUS as a JSON Lines file; returns it, the article count and the word count."""
    target = folder / f"slice-{size}.jsonl"
    opener = gzip.open if corpus.name.endswith(".gz") else open
    count = words = 0
    with opener(corpus, "rt", encoding="utf-8") as source, open(target, "w", encoding="utf-8") as out:
        for line in source:
            if count == size:
                break
            if not line.strip():
                continue
            out.write(line)
            count += 1
            try:
                words += len((json.loads(line).get("text") or "").split())
            except (ValueError, AttributeError):
                pass
    return target, count, words


def median_run(command: list[str], repeat: int) -> Run:
    runs = [measured(command) for _ in range(repeat)]
    failed = [r for r in runs if r.returncode]
    if failed:
        raise SystemExit(f"bench: {' '.join(command)} exited {failed[0].returncode}")
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_bytes for r in runs), 0)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{cpu}, {psutil.cpu_count(logical=True)} logical cores, {memory:.0f} GB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path, help="a JSON Lines file of articles (.jsonl[.gz])")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 4945], help="articles per slice")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="process counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure; the median is kept")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where the table is written (Markdown)")
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        metavar="SIZExN",
        help="slice sizes and process counts not to measure, e.g. 4945x1",
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"no such corpus file: {args.corpus}")

    python = sys.executable
    rows = []
    header = (
        "| articles | words | processes | `kg build` s | words/s | peak MB | spaCy `nlp.pipe` s | words/s "
        "| peak MB | build / spaCy | kg's pipeline alone s | words/s | build / pipeline |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    print(header, flush=True)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        for size in args.sizes:
            piece, count, words = write_slice(args.corpus, size, Path(scratch))
            for workers in args.workers:
                if f"{size}x{workers}" in args.skip:
                    continue
                out = Path(scratch) / f"out-{size}-{workers}"
                build = median_run(
                    [
                        python,
                        "-m",
                        "kg.cli",
                        "build",
                        str(piece),
                        "-o",
                        str(out),
                        "--workers",
                        str(workers),
                        "--model",
                        args.model,
                        "--no-cache",
                        "-q",
                    ],
                    args.repeat,
                )
                cells = [
                    f"{count:,}",
                    f"{words:,}",
                    str(workers),
                    f"{build.seconds:.1f}",
                    f"{words / build.seconds:,.0f}",
                    f"{build.peak_bytes / 2**20:,.0f}",
                ]
                bare_args = [str(piece), args.model, str(workers), str(BARE_BATCH_SIZE)]
                bare = median_run([python, "-c", BARE_SPACY, *bare_args], args.repeat)
                alone = median_run([python, "-c", KG_PIPELINE, *bare_args], args.repeat)
                cells += [
                    f"{bare.seconds:.1f}",
                    f"{words / bare.seconds:,.0f}",
                    f"{bare.peak_bytes / 2**20:,.0f}",
                    f"{bare.seconds / build.seconds:.2f}",
                    f"{alone.seconds:.1f}",
                    f"{words / alone.seconds:,.0f}",
                    f"{alone.seconds / build.seconds:.2f}",
                ]
                row = "| " + " | ".join(cells) + " |"
                rows.append(row)
                print(row, flush=True)
    report = "\n".join(
        [
            "# Benchmark: `kg build` next to bare spaCy",
            "",
            f"Machine: {machine()}.",
            f"Model: {args.model}. Median of {args.repeat} runs each, model loading included; "
            "peak memory is the largest sum of the proportional set sizes (PSS) of the process and its workers.",
            f"Command: `.venv/bin/python bench/run.py --corpus CORPUS --sizes {' '.join(map(str, args.sizes))} "
            f"--workers {' '.join(map(str, args.workers))} --repeat {args.repeat}"
            f"{' --skip ' + ' '.join(args.skip) if args.skip else ''}`",
            "",
            header,
            *rows,
            "",
        ]
    )
    write_atomic(args.output, report)
    print(f"\nwritten to {args.output}")
    return 0


def write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
