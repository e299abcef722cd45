"""`kg eval GRAPH --gold FILE`: how a built graph stands against a hand-annotated reference.

The rules (the team's scoring rules, shared with the outside referee):
- an actor node stands for a reference actor when it is owl:sameAs its Wikidata entity, or one of its labels
  (rdfs:label, skos:prefLabel, skos:altLabel, schema:name) equals one of the actor's labels, compared without
  case, accents or punctuation;
- communication events are nodes with kg:participant typed kg:Communication or one of its kinds; one matches a
  reference event when its participants include all the event's participants and nothing beyond them and
  'participants_ok' (and none that stands for no reference actor), and one of its dates is the event's date or
  one of 'dates_ok' (an undated graph event matches only an undated reference event of the same kind); each
  reference event takes at most one graph event, required events first;
- events: precision = matched / graph events, recall = required matched / required;
- topics, on matched events: recall = reference topics found / reference topics, precision = graph topics in
  'topics' or 'topics_ok' / graph topics; a topic stands for a reference key by skos:notation or by a label the
  reference lists;
- pairs: kg:communicatedWith pairs as reference keys; right when 'required' or 'optional'; recall on 'required';
- intruders: participants labelled with a name in 'must_not_be_participants'.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import vocabulary
from kg.errors import ReadError
from kg.model import EVENT_KINDS

PROV_DERIVED = URIRef(vocabulary.PROV + "wasDerivedFrom")
SCHEMA = (vocabulary.SCHEMA, "http://schema.org/")  # graphs of other tools may use schema.org's old namespace
WIKIDATA = vocabulary.WIKIDATA
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def norm(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


def local_name(iri) -> str:
    return re.split(r"[/#]", str(iri))[-1]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class GraphEvent:
    node: str
    kinds: frozenset[str]
    actors: frozenset[str]  # reference keys
    strangers: tuple[str, ...]  # labels of participants that stand for no reference actor
    dates: tuple[str, ...]
    sources: frozenset[str]
    topics: frozenset[str]


@dataclass
class Report:
    events: Score
    pairs: Score
    topics: Score
    counts: dict
    wikidata: tuple[int, int]
    intruders: list[str]
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    pairs_found: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "events": self.events.as_dict() | self.counts,
            "pairs": self.pairs.as_dict() | {"predicted": self.pairs_found},
            "topics": self.topics.as_dict(),
            "wikidata_links": {"linked": self.wikidata[0], "of": self.wikidata[1]},
            "intruders": self.intruders,
            "rows": self.rows,
            "false_events": self.extras,
        }


class Evaluation:
    def __init__(self, graph: Graph, gold: dict):
        self.g = graph
        self.gold = gold
        self.kg = self.kg_namespace()
        self.label_keys = {norm(label): key for key, a in gold["actors"].items() for label in a["labels"]}
        self.qid_keys = {a["wikidata"]: key for key, a in gold["actors"].items() if a.get("wikidata")}

    def kg_namespace(self) -> str:
        for prefix, ns in self.g.namespaces():
            if prefix == "kg":
                return str(ns)
        for p in set(self.g.predicates()):
            if str(p).endswith("communicatedWith"):
                return str(p)[: -len("communicatedWith")]
        raise ValueError("the graph binds no kg: prefix and uses no communicatedWith property")

    def term(self, name: str) -> URIRef:
        return URIRef(self.kg + name)

    def names(self, node) -> list[str]:
        predicates = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, *(URIRef(ns + "name") for ns in SCHEMA))
        return [str(o) for p in predicates for o in self.g.objects(node, p)]

    def key(self, node) -> str | None:
        for same in self.g.objects(node, OWL.sameAs):
            if key := self.qid_keys.get(str(same).removeprefix(WIKIDATA)):
                return key
        return next((self.label_keys[norm(n)] for n in self.names(node) if norm(n) in self.label_keys), None)

    def topic_keys(self, event) -> frozenset[str]:
        keys = set()
        reference = self.gold["topics"]
        for topic in self.g.objects(event, self.term("concerns")):
            notations = {str(n) for n in self.g.objects(topic, SKOS.notation)}
            keys |= notations & set(reference)
            seen = {norm(x) for x in notations | set(self.names(topic))}
            keys |= {k for k, t in reference.items() if seen & {norm(x) for x in t.get("labels", [])}}
        return frozenset(keys)

    def graph_events(self) -> list[GraphEvent]:
        events = []
        for node in sorted(set(self.g.subjects(self.term("participant"), None)), key=str):
            kinds = frozenset(local_name(t) for t in self.g.objects(node, RDF.type))
            if not kinds & set(EVENT_KINDS):
                continue
            participants = list(self.g.objects(node, self.term("participant")))
            keys = [self.key(p) for p in participants]
            strangers = tuple(sorted({(self.names(p) or [str(p)])[0] for p, k in zip(participants, keys) if k is None}))
            sources = set()
            for article in self.g.objects(node, PROV_DERIVED):
                ids = [str(o) for ns in SCHEMA for o in self.g.objects(article, URIRef(ns + "identifier"))]
                sources.update(ids or [local_name(article)])
            events.append(
                GraphEvent(
                    str(node),
                    kinds,
                    frozenset(k for k in keys if k),
                    strangers,
                    tuple(sorted(str(d) for d in self.g.objects(node, self.term("date")))),
                    frozenset(sources),
                    self.topic_keys(node),
                )
            )
        return events

    @staticmethod
    def matches(event: GraphEvent, ref: dict) -> bool:
        wanted = set(ref["participants"])
        if event.strangers or not wanted <= event.actors <= wanted | set(ref.get("participants_ok", [])):
            return False
        if not set(ref["sources"]) & event.sources:  # read from none of the articles that report it
            return False
        days = {ref.get("date"), *ref.get("dates_ok", [])}
        full = [d for d in event.dates if FULL_DATE.fullmatch(d)]
        if full:
            return any(d in days for d in full)
        return None in days and (ref["type"] in event.kinds or ref["type"] == "Communication")

    def pairs(self) -> set[frozenset]:
        found = set()
        for s, o in self.g.subject_objects(self.term("communicatedWith")):
            a = self.key(s) or "?" + (self.names(s) or [str(s)])[0]
            b = self.key(o) or "?" + (self.names(o) or [str(o)])[0]
            if a != b:
                found.add(frozenset((a, b)))
        return found

    def run(self) -> Report:
        refs = self.gold["events"]
        taken: dict[str, GraphEvent] = {}
        extras: list[GraphEvent] = []
        for event in self.graph_events():
            candidates = [r for r in refs if r["id"] not in taken and self.matches(event, r)]
            candidates.sort(key=lambda r: (not r["required"], -len(set(r["sources"]) & event.sources)))
            if candidates:
                taken[candidates[0]["id"]] = event
            else:
                extras.append(event)
        required = [r for r in refs if r["required"]]
        found = [r for r in required if r["id"] in taken]
        events = Score(share(len(taken), len(taken) + len(extras)), share(len(found), len(required)))

        hit = wanted = right = said = 0
        rows = []
        for ref in refs:
            event = taken.get(ref["id"])
            if event is None:
                rows.append((ref["id"], "MISSED" if ref["required"] else "optional, not found", "", ""))
                continue
            wanted += len(ref["topics"])
            hit += len(set(ref["topics"]) & event.topics)
            said += len(event.topics)
            right += len(event.topics & (set(ref["topics"]) | set(ref.get("topics_ok", []))))
            rows.append((ref["id"], "found", ",".join(sorted(event.topics)) or "-", ",".join(sorted(event.sources))))
        topics = (
            Score(share(right, said) if said or not wanted else 0.0, share(hit, wanted)) if taken else Score(0.0, 0.0)
        )

        pairs = self.pairs()
        required_pairs = {frozenset(p) for p in self.gold["communicated_with"]["required"]}
        optional_pairs = {frozenset(p) for p in self.gold["communicated_with"].get("optional", [])}
        pair_score = Score(
            share(len(pairs & (required_pairs | optional_pairs)), len(pairs)),
            share(len(pairs & required_pairs), len(required_pairs)),
        )
        return Report(
            events,
            pair_score,
            topics,
            {"predicted": len(taken) + len(extras), "required": len(required), "found": len(found)},
            self.wikidata_links(),
            self.intruders(),
            rows,
            [
                {
                    "participants": sorted(e.actors) + list(e.strangers),
                    "dates": list(e.dates),
                    "types": sorted(e.kinds),
                    "sources": sorted(e.sources),
                }
                for e in extras
            ],
            sorted("–".join(sorted(p)) for p in pairs),
        )

    def wikidata_links(self) -> tuple[int, int]:
        linked = of = 0
        typed = set(self.g.subjects(RDF.type, None))
        for key, actor in self.gold["actors"].items():
            if not actor.get("wikidata"):
                continue
            nodes = [n for n in typed if self.key(n) == key]
            if nodes:
                of += 1
                linked += any(
                    str(s) == WIKIDATA + actor["wikidata"] for n in nodes for s in self.g.objects(n, OWL.sameAs)
                )
        return linked, of

    def intruders(self) -> list[str]:
        banned = {norm(x) for x in self.gold.get("must_not_be_participants", [])}
        return sorted(
            {
                label
                for _, a in self.g.subject_objects(self.term("participant"))
                for label in self.names(a)
                if norm(label) in banned
            }
        )


def evaluate(graph_path: str | Path, gold_path: str | Path) -> Report:
    return Evaluation(read_graph(graph_path), read_reference(gold_path)).run()


def read_graph(path: str | Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(str(path), format="turtle")
    except Exception as exc:  # noqa: BLE001 - every rdflib parser raises its own kind of error
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ReadError(f"cannot read the graph {path}: {reason[:300]}") from None
    return graph


def read_reference(path: str | Path) -> dict:
    """The reference, checked for what the scoring reads: it is the reference's fault, not the graph's."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReadError(f"cannot read the reference {path}: {getattr(exc, 'strerror', None) or exc}") from None
    missing = [key for key in ("actors", "events", "topics") if not isinstance(gold, dict) or key not in gold]
    if missing:
        raise ReadError(f"the reference {path} is not a kg reference: no {', '.join(map(repr, missing))}")
    return gold


def summary(report: Report) -> str:
    e, p, t = report.events, report.pairs, report.topics
    return (
        f"events P={e.precision:.2f} R={e.recall:.2f} F1={e.f1:.2f} | pairs P={p.precision:.2f} R={p.recall:.2f} "
        f"F1={p.f1:.2f} | topics P={t.precision:.2f} R={t.recall:.2f} F1={t.f1:.2f}"
    )
