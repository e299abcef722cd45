"""The gazetteer of actors (ontology/gazetteer/*.json) as frozen records, with the look-ups extraction needs:
who held an office on a day, who leads a state, which actor a name, demonym or seat of power designates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from kg import knowledge
from kg.text import fold

ACTOR_FILES = ("countries.json", "organizations.json", "people.json")
GOVERNMENT = "-government"  # "france-government" is the government of the state "france"


@dataclass(frozen=True)
class Office:
    role: str
    of: str
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str  # Person | Organization | Country
    label: str
    wikidata: str | None = None
    names: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    leader_role: str | None = None
    offices: tuple[Office, ...] = ()
    gender: str | None = None
    sort: str | None = None  # an organisation's sort (union, party, company…: gazetteer/descriptions.json)


@dataclass(frozen=True)
class Title:
    role: str
    phrases: tuple[str, ...]
    leader: bool = False


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, Entry]
    titles: dict[str, Title]
    generic: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def holders(self) -> dict[tuple[str, str], tuple[tuple[str, Office], ...]]:
        """(role, of) -> the people who held it, with their tenure."""
        table: dict[tuple[str, str], list] = defaultdict(list)
        for entry in self.entries.values():
            for office in entry.offices:
                table[(office.role, office.of)].append((entry.id, office))
        return {key: tuple(value) for key, value in table.items()}

    @cached_property
    def by_demonym(self) -> dict[str, str]:
        return {fold(d): e.id for e in self.entries.values() for d in e.demonyms}

    @cached_property
    def by_prefix(self) -> dict[str, str]:
        return {fold(p): e.id for e in self.entries.values() for p in e.prefixes}

    @cached_property
    def leader_roles(self) -> tuple[str, ...]:
        return tuple(sorted(role for role, title in self.titles.items() if title.leader))

    @cached_property
    def governments(self) -> dict[str, str]:
        """state -> its government: the entry "<state>-government", else the state itself where its own names
        say "gouvernement" ("gouvernement du Québec")."""
        table = {
            e.id: e.id
            for e in self.entries.values()
            if e.kind == "Country" and any(fold(n).startswith("gouvernement") for n in e.names)
        }
        for key in self.entries:
            if key.endswith(GOVERNMENT) and self.entries.get(state := key.removesuffix(GOVERNMENT)) is not None:
                table[state] = key
        return table

    def state_of(self, key: str) -> str:
        """The state a government entry governs ("italy-government" -> "italy"); any other key is returned as is:
        a title qualified by a government ("chef du gouvernement italien") belongs to its state."""
        state = key.removesuffix(GOVERNMENT)
        return state if state != key and state in self.entries else key

    def holder(self, role: str, of: str, day: date | None) -> str | None:
        if day is None:
            return None
        people = sorted({pid for pid, office in self.holders.get((role, of), ()) if office.held_on(day)})
        return people[0] if len(people) == 1 else None

    def leader(self, of: str, day: date | None) -> str | None:
        """Who 'the leader of OF' meant on DAY: the holder of its leader_role, else of its only leader office."""
        entry = self.entries.get(of)
        if entry is None or day is None:
            return None
        if entry.leader_role and (person := self.holder(entry.leader_role, of, day)):
            return person
        found = {p for role in self.leader_roles if (p := self.holder(role, of, day))}
        return found.pop() if len(found) == 1 else None

    def in_office(self, person: str, day: date | None) -> tuple[Office, ...]:
        entry = self.entries.get(person)
        if entry is None or day is None:
            return ()
        return tuple(o for o in entry.offices if o.held_on(day))

    def active_near(self, person: str, day: date | None) -> int:
        """How far (in days) DAY lies from the person's offices: 0 while in office; for choosing between namesakes."""
        entry = self.entries[person]
        if day is None or not entry.offices:
            return 10**6

        def distance(o: Office) -> int:
            if o.held_on(day):
                return 0
            if o.start and day < o.start:
                return (o.start - day).days
            return (day - o.end).days if o.end else 0

        return min(distance(o) for o in entry.offices)


def parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def entry_from(data: dict, default_kind: str) -> Entry:
    def strings(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for s in data.get(key) or () if isinstance(s, str) and s.strip()))

    names = tuple(dict.fromkeys((data["label"], *strings("names"))))
    offices = tuple(
        Office(o["role"], o["of"], parse_day(o.get("start")), parse_day(o.get("end")))
        for o in data.get("offices") or ()
    )
    return Entry(
        id=data["id"],
        kind=data.get("kind", default_kind),
        label=data["label"],
        wikidata=data.get("wikidata"),
        names=names,
        surnames=strings("surnames"),
        demonyms=strings("demonyms"),
        prefixes=strings("prefixes"),
        capitals=strings("capitals"),
        seats=strings("seats"),
        leader_role=data.get("leader_role"),
        offices=offices,
        gender=data.get("gender"),
        sort=data.get("sort"),
    )


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer of ontology/gazetteer (read by kg.knowledge)."""
    entries: dict[str, Entry] = {}
    for name, kind in zip(ACTOR_FILES, ("Country", "Organization", "Person")):
        for item in knowledge.data(f"gazetteer/{name}", []):
            entry = entry_from(item, kind)
            entries.setdefault(entry.id, entry)
    raw = knowledge.data("gazetteer/titles.json", {})
    generic = {k: tuple(v) for k, v in raw.pop("_generic", {}).items()}
    titles = {
        role: Title(role, tuple(t.get("titles", ())), bool(t.get("leader")))
        for role, t in raw.items()
        if isinstance(t, dict)
    }
    return Gazetteer(entries, titles, generic)
