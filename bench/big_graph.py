"""How long the graph tools take on a big graph: about a million triples, shaped like a built corpus.

    .venv/bin/python bench/big_graph.py [--scale 1.0] [--keep DIR]

A synthetic resolved corpus (kg.model.Corpus) is made the way a big build would give it: tens of
thousands of articles with their metadata, actors with labels, other names, roles and Wikidata ids
(a few heads of state take part in most events), events of two to four participants with a day, a
place, topics of the project's scheme, sentences of evidence and one to three reporting articles.
Its graph is written to graph.ttl by the build's own code (kg.graph.mapping.ntriples, then kg.graph.turtle.turtle),
and its persisted store to graph.oxigraph as the build writes it (kg.graph.store.write_graph_store).

Then, each in a fresh Python process, it times:
- the build's graph-writing path on that corpus, kg.graph.mapping.ntriples, kg.graph.turtle.turtle and the store, timed
  inside the process (making the corpus is not timed);
- `kg --help`: the start-up and imports every kg command pays;
- `kg export FOLDER -o x.nt`, `-o x.ttl`, `-o x.jsonld` and `-o x.trig`, wall time of the whole command;
- `kg query FOLDER QUERY` with a two-pattern join, the events and their participants' labels, counted,
  on the persisted store, then on graph.ttl alone (the store moved aside);
each --repeat times (default 3), and prints a Markdown table (operation, triples, median seconds).
--scale 0.1 makes a graph ten times smaller.
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 1_000_000
# Sizes for about a million triples at --scale 1.
ARTICLES, ACTORS, EVENTS = 60_000, 8_000, 40_000
JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?event kg:participant ?actor . ?actor rdfs:label ?label }"
KG = [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())"]
OUTLETS = ("AFP", "Reuters", "Le Monde", "Le Figaro", "Libération", "France 24", "RFI", "Sputnik", "TASR", None)
PLACES = ("Moscou", "Paris", "Berlin", "Bruxelles", "Genève", "Istanbul", "Pékin", "Washington", "Kiev", "Alger")
ROLES = ("président", "ministre des Affaires étrangères", "Premier ministre", "chancelier", "secrétaire général")
FIRST = (
    "Emmanuel",
    "Vladimir",
    "Olaf",
    "Ursula",
    "Recep Tayyip",
    "Xi",
    "Joe",
    "Volodymyr",
    "Giorgia",
    "Pedro",
    "Andrzej",
    "Mark",
    "Antonio",
    "Narendra",
    "Luiz Inácio",
    "Abdelmadjid",
    "Benyamin",
    "Kaïs",
    "Élisabeth",
)
LAST = (
    "Macron",
    "Poutine",
    "Scholz",
    "von der Leyen",
    "Erdogan",
    "Jinping",
    "Biden",
    "Zelensky",
    "Meloni",
    "Sánchez",
    "Duda",
    "Rutte",
    "Guterres",
    "Modi",
    "Lula da Silva",
    "Tebboune",
    "Netanyahou",
    "Saïed",
    "Borne",
)

BUILD_PATH = """
import pickle, sys, time
from pathlib import Path
from kg.graph.mapping import ntriples
from kg.graph.store import write_graph_store
from kg.graph.turtle import turtle
corpus = pickle.loads(Path(sys.argv[1]).read_bytes())
started = time.perf_counter()
lines = ntriples(corpus)
mapped = time.perf_counter()
data = turtle(lines)
written = time.perf_counter()
Path(sys.argv[2], "graph.ttl").write_bytes(data)
stored = time.perf_counter()
write_graph_store(Path(sys.argv[2]), lines, data)
print(lines.count(b"\n"), mapped - started, written - mapped, time.perf_counter() - stored)
"""


def synthetic_corpus(scale: float = 1.0):
    """A resolved corpus shaped like a big build's, the same every time."""
    from kg.knowledge import topic_scheme
    from kg.model import ACTOR_KINDS, EVENT_KINDS, Actor, ArticleInfo, Corpus, EventRecord

    rng = random.Random(SEED)
    start = date(2017, 1, 1)
    article_count, actor_count, event_count = (max(2, round(n * scale)) for n in (ARTICLES, ACTORS, EVENTS))
    articles = []
    for i in range(article_count):
        outlet = rng.choice(OUTLETS)
        articles.append(
            ArticleInfo(
                f"{i:06d}_{rng.getrandbits(64):016x}",
                start + timedelta(days=rng.randrange(3300)) if i % 17 else None,
                f"https://news.example/{outlet or 'web'}/{i}" if i % 3 else None,
                outlet,
                f"Entretien téléphonique n° {i} : les dirigeants évoquent la situation" if i % 4 else None,
            )
        )
    actors = []
    for i in range(actor_count):
        kind = ACTOR_KINDS[1 + i % 3] if i % 7 else "Actor"
        label = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}" + (f" {i}" if i >= 19 else "")
        actors.append(
            Actor(
                f"{label.lower().replace(' ', '-')}" if i % 5 else f"name:{label.lower()}",
                label,
                kind,
                f"Q{7000 + i}" if i % 2 else None,
                tuple(sorted({LAST[(i // len(FIRST)) % len(LAST)], label.upper()})) if i % 3 else (),
                (ROLES[i % len(ROLES)],) if i % 4 == 0 else (),
            )
        )
    topics = topic_scheme()
    keys = [t.key for t in topics]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(actor_count)]
    events = []
    for i in range(event_count):
        size = rng.choice((2, 2, 2, 2, 3, 4))
        members = sorted(set(rng.choices(range(actor_count), weights, k=size)))
        while len(members) < 2:
            members = sorted({*members, rng.randrange(actor_count)})
        participants = tuple(sorted(actors[m].key for m in members))
        day = start + timedelta(days=rng.randrange(3300))
        sources = tuple(sorted({articles[rng.randrange(article_count)].id for _ in range(rng.randint(1, 3))}))
        evidence = tuple(
            f"{actors[members[0]].label} s'est entretenu par téléphone avec {actors[members[1]].label} "
            f"le {day.day} au sujet de la situation régionale ({i}-{n})."
            for n in range(len(sources))
        )
        events.append(
            EventRecord(
                kind=EVENT_KINDS[i % 4],
                participants=participants,
                date=day.isoformat() if i % 20 else (f"--{day:%m-%d}" if i % 40 else None),
                initiator=participants[0] if i % 3 == 0 else None,
                duration="PT1H" if i % 9 == 0 else None,
                place=rng.choice(PLACES) if i % 6 == 0 else None,
                topics=tuple(sorted({rng.choice(keys) for _ in range(rng.randrange(5))})),
                evidence=evidence,
                sources=sources,
            )
        )
    return Corpus(tuple(articles), tuple(actors), tuple(events), topics)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def timed(command: list[str], repeat: int = 1, **options) -> tuple[float, subprocess.CompletedProcess]:
    """The median wall time of REPEAT runs of COMMAND, each a fresh process, and the last run."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, **options)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(map(str, command))} failed:\n{done.stderr.decode(errors='replace')}")
    return statistics.median(times), done


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--scale", type=float, default=1.0, help="size relative to a million triples (default 1)")
    options.add_argument("--keep", type=Path, help="folder to keep graph.ttl, its store and the exports in")
    options.add_argument("--repeat", type=int, default=3, help="runs of each command; the median is shown (default 3)")
    args = options.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.scale, args.keep, args.repeat)
    with tempfile.TemporaryDirectory(prefix="kg-big-graph-") as folder:
        return run(args.scale, Path(folder), args.repeat)


def run(scale: float, folder: Path, repeat: int) -> int:
    graph = folder / "graph.ttl"
    store = folder / "graph.oxigraph"
    pickled = folder / "corpus.pickle"
    pickled.write_bytes(pickle.dumps(synthetic_corpus(scale)))

    rows = []
    _, done = timed([sys.executable, "-c", BUILD_PATH, str(pickled), str(folder)])
    pickled.unlink()
    count, mapping, writing, storing = done.stdout.split()
    triples = int(count)
    rows.append(("`mapping.ntriples` (the build's RDF graph stage)", triples, float(mapping)))
    rows.append(("`turtle.turtle` (the build's Turtle stage)", triples, float(writing)))
    rows.append(("`write_graph_store` (the build's store stage)", triples, float(storing)))
    seconds, _ = timed([*KG, "--help"], repeat)
    rows.append(("`kg --help` (start-up and imports of any kg command)", None, seconds))
    for fmt in ("nt", "ttl", "jsonld", "trig"):
        seconds, _ = timed([*KG, "export", str(folder), "-o", str(folder / f"x.{fmt}")], repeat)
        rows.append((f"`kg export FOLDER -o x.{fmt}`", triples, seconds))
    seconds, done = timed([*KG, "query", str(folder), JOIN, "--format", "csv"], repeat)
    count = int(done.stdout.decode().split()[-1])
    rows.append((f"`kg query FOLDER` join, on the store ({count:,} rows counted)", triples, seconds))
    aside = folder / "graph.oxigraph.aside"
    store.rename(aside)
    try:
        seconds, _ = timed([*KG, "query", str(folder), JOIN, "--format", "csv"], repeat)
    finally:
        aside.rename(store)
    rows.append(("`kg query FOLDER` join, without the store (graph.ttl loaded)", triples, seconds))

    print(f"{cpu_model()}, {os.cpu_count()} logical cores, Python {platform.python_version()}")
    print(f"graph.ttl: {size(graph) / 1e6:.0f} MB, graph.oxigraph: {size(store) / 1e6:.0f} MB\n")
    print(f"| operation | triples | seconds (median of {repeat}) |\n|---|---:|---:|")
    for operation, count, seconds in rows:
        print(f"| {operation} | {f'{count:,}' if count else '–'} | {seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
