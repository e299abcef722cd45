"""Whether a checkout of kg writes the same bytes as a reference checkout: graph.ttl and graph.html compared.

    .venv/bin/python bench/compare_outputs.py --reference-checkout /tmp/ref-13 --reference /tmp/ref-13-out \\
        [--checkout .] [--out /tmp/kg-compare] [--sets seeds dev corpus1000] [--corpus CORPUS] [--workers 2]

Builds each input set with CHECKOUT's code (`python -m kg build SET -o OUT/SET --no-cache`, run with
PYTHONPATH=CHECKOUT, so that any checkout or worktree can be measured with one virtual environment) and
compares graph.ttl and graph.html byte for byte with REFERENCE/SET. A set missing from REFERENCE is first built
there with --reference-checkout's code (the untouched code: `git worktree add /tmp/ref-13 <commit>`);
--rebuild-reference builds them again. The sets:

- seeds: the folder seeds/;
- dev: tests/data/real/dev.jsonl;
- corpus1000: the first 1,000 lines of CORPUS (default ../shared/corpus/fr-news.jsonl.gz from the repository root).

The inputs are read from this script's repository, so both checkouts read the same bytes. It prints one line per
file and exits 0 when every file is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "fr-news.jsonl.gz"
FILES = ("graph.ttl", "graph.html")
SETS = ("seeds", "dev", "corpus1000")


def input_of(name: str, corpus: Path, scratch: Path) -> Path:
    """The input of set NAME (corpus slices are written once into SCRATCH)."""
    if name == "seeds":
        return ROOT / "seeds"
    if name == "dev":
        return ROOT / "tests" / "data" / "real" / "dev.jsonl"
    if name.startswith("corpus"):
        size = int(name.removeprefix("corpus"))
        target = scratch / f"corpus{size}.jsonl"
        if not target.exists():
            with (
                gzip.open(corpus, "rt", encoding="utf-8")
                if corpus.suffix == ".gz"
                else open(corpus, encoding="utf-8") as lines,
                open(target, "w", encoding="utf-8") as out,
            ):
                for number, line in enumerate(lines):
                    if number >= size:
                        break
                    out.write(line)
        return target
    raise SystemExit(f"unknown set {name!r}: expected seeds, dev or corpusN")


def build(checkout: Path, source: Path, outdir: Path, workers: int) -> float:
    """Build SOURCE into OUTDIR with CHECKOUT's code; the seconds it took."""
    if outdir.exists():
        shutil.rmtree(outdir)
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    env.pop("KG_ONTOLOGY", None)  # each checkout reads its own ontology/
    command = [sys.executable, "-m", "kg", "build", str(source), "-o", str(outdir), "--no-cache", "-q"]
    command += ["--workers", str(workers)]
    started = time.monotonic()
    subprocess.run(command, env=env, check=True, cwd=checkout)
    return time.monotonic() - started


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--checkout", type=Path, default=ROOT, help="the code to measure (default: this repository)")
    p.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg-compare", help="where it builds")
    p.add_argument("--reference", type=Path, required=True, help="the reference builds, one folder per set")
    p.add_argument("--reference-checkout", type=Path, help="the code that builds a missing reference set")
    p.add_argument("--rebuild-reference", action="store_true", help="build the reference sets again")
    p.add_argument("--sets", nargs="+", default=list(SETS), help="seeds, dev, corpusN (default: %(default)s)")
    p.add_argument("--corpus", type=Path, default=CORPUS, help="the JSON Lines corpus the corpusN sets slice")
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args(argv)

    scratch = args.out / "inputs"
    scratch.mkdir(parents=True, exist_ok=True)
    different = 0
    for name in args.sets:
        source = input_of(name, args.corpus, scratch)
        reference = args.reference / name
        if args.rebuild_reference or not all((reference / f).exists() for f in FILES):
            if args.reference_checkout is None:
                raise SystemExit(f"{reference} is missing: give --reference-checkout to build it")
            seconds = build(args.reference_checkout, source, reference, args.workers)
            print(f"{name}: reference built with {args.reference_checkout} in {seconds:.0f} s", flush=True)
        seconds = build(args.checkout, source, args.out / name, args.workers)
        print(f"{name}: built with {args.checkout} in {seconds:.0f} s", flush=True)
        for file in FILES:
            ours, theirs = args.out / name / file, reference / file
            same = ours.read_bytes() == theirs.read_bytes()
            different += not same
            verdict = "identical" if same else "DIFFERENT"
            print(
                f"{name}/{file}: {verdict} ({ours.stat().st_size:,} bytes, sha256 {digest(ours)}"
                f"{'' if same else f'; reference {theirs.stat().st_size:,} bytes, sha256 {digest(theirs)}'})",
                flush=True,
            )
    print("all identical" if not different else f"{different} file(s) differ")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
