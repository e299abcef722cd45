"""Mentions of actors in an analysed article: the record every extraction stage reads, and what the article
remembers of its actors from one mention to the next."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc

from kg.knowledge.gazetteer import Gazetteer
from kg.model import ActorRef
from kg.text import fold

NAME, SURNAME, METONYM = "name", "surname", "metonym"
PARTICLES = {"de", "du", "des", "d'", "la", "le", "l'", "von", "van", "der", "al", "el", "ben", "bin", "di", "da"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    keys: tuple[str, ...]  # actor keys it designates
    via: str  # name | surname | metonym | title | part | ner
    text: str
    role: str | None = None  # office key or role words, when a title named it
    label: str | None = None  # a group's name ("élus locaux"), when the text wrote more ("plusieurs élus locaux")
    aliases: tuple[str, ...] = ()  # other names of a group the phrase gives


@dataclass
class ArticleActors:
    """Actors met so far in one article: for surnames after full names and for misspelt repeats."""

    refs: dict[str, ActorRef]
    unknown_surnames: dict[str, str]  # folded surname -> key
    outlet_state: str | None = None  # the state whose news the outlet reports first, for bare titles
    acronyms: dict[str, str] = field(default_factory=dict)  # "ldh" -> the key of "Ligue des droits de l'homme"
    sorts: dict[str, set[str]] = field(default_factory=dict)  # organisation -> sorts the text gave it ("le syndicat X")

    def add(self, ref: ActorRef) -> None:
        old = self.refs.get(ref.key)
        if old is None:
            self.refs[ref.key] = ref
        else:
            names = tuple(dict.fromkeys(old.names + ref.names))
            self.refs[ref.key] = ActorRef(old.key, old.label, old.kind, old.wikidata, names, old.role or ref.role)


def positions(doc: Doc, attr: int, words: set[str]) -> list[int]:
    """Indices of the tokens whose ATTR (NORM, LOWER…) is one of WORDS, read from the doc's arrays: cheaper
    than making a Token of each word."""
    wanted = [doc.vocab.strings[w] for w in words if w in doc.vocab.strings]
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted)).tolist() if wanted and len(doc) else []


def filter_longest_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    chosen: list[tuple[int, int, int]] = []
    for match in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if all(match[2] <= s or match[1] >= e for _, s, e in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m[1])


def token_mentions(mentions: list[Mention]) -> dict[int, list[Mention]]:
    table: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        for i in range(m.start, m.end):
            table[i].append(m)
    return table


def is_person(gaz: Gazetteer, key: str) -> bool:
    entry = gaz.entries.get(key)
    return entry.kind == "Person" if entry else not key.startswith(("name:org:", "group:"))


def without_spelled_out_acronyms(mentions: list[Mention], doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """MENTIONS (sorted) without an acronym in brackets right after a name that spells it out: "le Conseil de
    sécurité de l'Organisation des Nations unies (ONU)" names one actor, not also the UN."""
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if (
            before is not None
            and m.start == before.end + 1
            and doc[before.end].text == "("
            and m.end < len(doc)
            and doc[m.end].text == ")"
        ):
            entry = gaz.entries.get(m.keys[0])
            names = [fold(n) for n in entry.names if len(n) > 5] if entry is not None else []
            if set(m.keys) <= set(before.keys) or any(n in fold(before.text) for n in names):
                continue
        out.append(m)
    return out
