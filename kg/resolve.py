"""Identity across the corpus: one actor per real-world actor, one event per real-world event.

Actors merge on their key (the gazetteer id, or the normalised full name of an actor it lacks). Events merge
when they have the same participants and the same day and their kinds agree (a generic "entretien" is the
same event as the "appel téléphonique" another article reports). Events without a day never merge across
articles: nothing says they are the same."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Iterable

from kg.model import DATE_BASES, KIND_RANK, Actor, ActorRef, ArticleInfo, Corpus, EventRecord, Extraction, TopicConcept


def compatible(a: str, b: str) -> bool:
    return a == b or "Communication" in (a, b)


def merge_events(first: EventRecord, other: EventRecord) -> EventRecord:
    kind = max(first.kind, other.kind, key=KIND_RANK.__getitem__)
    return replace(
        first,
        kind=kind,
        date_basis=strongest_basis(first.date_basis, other.date_basis),
        initiator=first.initiator or other.initiator,
        duration=first.duration or other.duration,
        place=first.place or other.place,
        topics=tuple(sorted(set(first.topics) | set(other.topics))),
        evidence=tuple(dict.fromkeys(first.evidence + other.evidence)),
        sources=tuple(sorted(set(first.sources) | set(other.sources))),
    )


def strongest_basis(a: str | None, b: str | None) -> str | None:
    """The most direct way either report knew the day: the text before the story's day before publication."""
    known = [x for x in (a, b) if x]
    return min(known, key=DATE_BASES.index) if known else None


def resolve_events(records: Iterable[EventRecord]) -> tuple[EventRecord, ...]:
    by_identity: dict[tuple, list[EventRecord]] = defaultdict(list)
    for record in sorted(records, key=event_order):
        key = (record.participants, record.date) if record.date else (record.participants, None, record.sources)
        group = by_identity[key]
        for i, event in enumerate(group):
            if compatible(event.kind, record.kind):
                group[i] = merge_events(event, record)
                break
        else:
            group.append(record)
    return tuple(sorted((e for group in by_identity.values() for e in group), key=event_order))


def event_order(e: EventRecord) -> tuple:
    return (e.date or "~", e.participants, KIND_RANK[e.kind], e.sources, e.evidence)


def resolve_actors(refs: Iterable[ActorRef], used: set[str]) -> tuple[Actor, ...]:
    grouped: dict[str, list[ActorRef]] = defaultdict(list)
    for ref in refs:
        if ref.key in used:
            grouped[ref.key].append(ref)
    actors = []
    for key, group in sorted(grouped.items()):
        known = next((r for r in group if r.wikidata or not key.startswith("name:")), None)
        names = Counter(n for r in group for n in r.names if n)
        label = (
            known.label
            if known
            else max(names, key=lambda n: (len(n.split()) > 1, names[n], n))
            if names
            else group[0].label
        )
        alt = tuple(sorted({n for n in names if n != label} | {r.label for r in group if r.label != label}))
        roles = tuple(sorted({r.role for r in group if r.role and key.startswith("name:")}))
        actors.append(Actor(key, label, group[0].kind, group[0].wikidata, alt, roles))
    return tuple(actors)


def resolve(extractions: Iterable[Extraction], scheme: tuple[TopicConcept, ...]) -> Corpus:
    articles: list[ArticleInfo] = []
    refs: list[ActorRef] = []
    records: list[EventRecord] = []
    named: dict[str, TopicConcept] = {}
    for extraction in extractions:
        articles.append(extraction.article)
        refs += extraction.actors
        records += extraction.events
        named.update({t.key: t for t in extraction.topics})
    events = resolve_events(records)
    used = {k for e in events for k in e.participants}
    topics = {t.key: t for t in scheme}
    topics.update({k: t for k, t in sorted(named.items()) if k not in topics})
    return Corpus(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        actors=resolve_actors(refs, used),
        events=events,
        topics=tuple(topics[k] for k in sorted(topics)),
    )
