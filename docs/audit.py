"""Precision by reading: draw events at random from a built graph for people to judge, and sum up their verdicts.

    python docs/audit.py sample GRAPH_DIR --corpus ARTICLES.jsonl.gz -n 150 --seed 1 -o tests/data/audit/events.json
    python docs/audit.py summary tests/data/audit/events.json

`sample` writes each drawn event with what a judge needs (kind, day and how it was known, participants, the
sentences it was read from, its articles with their address and publication day) and an empty verdict.
A judge reads the evidence and the article and sets `verdict` to "correct" (an exchange that happened between
exactly those participants, on that day or with no day given), "partly" (an exchange that happened, but a
participant is missing or wrong, or the day or kind is wrong) or "wrong" (no exchange between actors), with a
`reason`. `summary` prints the counts and the precision they give, strict (correct only) and lenient (correct or
partly), and the share of correct events that carry a day.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import RDF, RDFS

KG = Namespace("https://w3id.org/kg-news/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
KINDS = ("PhoneCall", "VideoConference", "Meeting", "Communication")
VERDICTS = ("correct", "partly", "wrong")


def articles(path: Path, wanted: set[str]) -> dict[str, dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    found = {}
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            if item.get("id") in wanted:
                found[item["id"]] = item
    return found


def sample(graph_dir: Path, corpus: Path, n: int, seed: int) -> list[dict]:
    g = Graph()
    g.parse(graph_dir / "graph.ttl", format="turtle")
    events = sorted({e for e in g.subjects(KG.participant, None)}, key=str)
    drawn = random.Random(seed).sample(events, min(n, len(events)))
    out = []
    for event in drawn:
        kinds = {str(t).split("#")[-1] for t in g.objects(event, RDF.type)}
        sources = sorted(str(g.value(a, SCHEMA.identifier)) for a in g.objects(event, PROV.wasDerivedFrom))
        basis = g.value(event, KG.dateBasis)
        out.append(
            {
                "event": str(event),
                "kind": next(k for k in KINDS if k in kinds),
                "date": str(g.value(event, KG.date)) if g.value(event, KG.date) else None,
                "date_basis": str(basis).split("#")[-1] if basis else None,
                "participants": sorted(str(g.value(p, RDFS.label)) for p in g.objects(event, KG.participant)),
                "evidence": sorted(str(s) for s in g.objects(event, KG.evidence)),
                "sources": sources,
                "verdict": None,
                "reason": "",
            }
        )
    texts = articles(corpus, {s for e in out for s in e["sources"]})
    for e in out:
        e["articles"] = [
            {"id": s, **{k: (texts.get(s, {}).get("meta") or {}).get(k) for k in ("published", "url", "outlet")}}
            for s in e["sources"]
        ]
    return out


def summary(judged: list[dict]) -> dict:
    verdicts = Counter(e["verdict"] for e in judged)
    unjudged = [e["event"] for e in judged if e["verdict"] not in VERDICTS]
    if unjudged:
        raise SystemExit(f"audit: {len(unjudged)} events have no verdict, e.g. {unjudged[0]}")
    correct = [e for e in judged if e["verdict"] == "correct"]
    n = len(judged)
    return {
        "events": n,
        **{v: verdicts[v] for v in VERDICTS},
        "precision_strict": round(verdicts["correct"] / n, 3),
        "precision_lenient": round((verdicts["correct"] + verdicts["partly"]) / n, 3),
        "correct_dated": round(sum(1 for e in correct if e["date"] and len(e["date"]) == 10) / max(len(correct), 1), 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("graph_dir", type=Path)
    s.add_argument("--corpus", type=Path, required=True)
    s.add_argument("-n", type=int, default=150)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("-o", "--output", type=Path, required=True)
    m = sub.add_parser("summary")
    m.add_argument("judged", type=Path)
    args = ap.parse_args()
    if args.command == "sample":
        drawn = sample(args.graph_dir, args.corpus, args.n, args.seed)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(drawn, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"audit: {len(drawn)} events drawn -> {args.output}")
    else:
        print(json.dumps(summary(json.loads(args.judged.read_text(encoding="utf-8"))), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
