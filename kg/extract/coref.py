"""Who a pronoun or a description means: the discourse an article has told so far.

"Il a reçu…" is the last person named before it whose gender agrees, looking first in its own sentence and
then back through the article (subjects before other mentions); "ils", "les deux hommes" are the two people
of the event told last, else the last two people named."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.mentions import Mention
from kg.knowledge.gazetteer import Gazetteer
from kg.text import fold

MASCULINE = {"il", "lui", "celui-ci", "ce dernier"}
FEMININE = {"elle", "celle-ci", "cette derniere"}
PLURAL = {"ils", "elles", "eux", "leur", "leurs", "les"}
RECENT = 6  # sentences remembered
NAMELESS = "nameless:"  # a person the text gives only a title the gazetteer cannot resolve


@dataclass
class Discourse:
    """What one article has told so far, sentence after sentence."""

    gaz: Gazetteer
    sentences: list[list[tuple[str, bool]]] = field(default_factory=list)  # each sentence's people: (key, subject)
    genders: dict[str, str] = field(default_factory=dict)  # key -> "m" | "f", where known
    last_pair: tuple[str, ...] = ()  # the participants of the event told last
    nameless_here: list[tuple[int, str]] = field(default_factory=list)  # (token, gender) of the sentence being read
    titled: dict[str, str] = field(default_factory=dict)  # a title word -> the person last named after it
    subject_groups: list[str] = field(default_factory=list)  # the collectives the sentence before had as subject

    def learn(self, mentions: list[Mention], doc, nameless: list[str] = ()) -> None:
        """Remember the people of a sentence's MENTIONS, in order, after the people it names only by a title
        that says no one the gazetteer knows (NAMELESS: their genders, "f" for "la ministre des Transports"):
        "elle" after them is them, not someone named before."""
        people = [(NAMELESS + gender, True) for gender in nameless]
        for m in mentions:
            for key in m.keys:
                if not self.is_person(key):
                    continue
                people.append((key, doc[m.start].dep_.startswith("nsubj") or doc[m.end - 1].dep_.startswith("nsubj")))
                gender = self.gender_of(key, m, doc)
                if gender:
                    self.genders.setdefault(key, gender)
        self.sentences.append(people)
        del self.sentences[:-RECENT]
        self.subject_groups = [
            k
            for m in mentions
            for k in m.keys
            if k.startswith("group:") and any(t.dep_.startswith("nsubj") for t in doc[m.start : m.end])
        ]

    @property
    def people(self) -> list[tuple[str, bool]]:
        return [p for sentence in self.sentences for p in sentence]

    def is_person(self, key: str) -> bool:
        if key.startswith(NAMELESS):
            return False
        entry = self.gaz.entries.get(key)
        return entry.kind == "Person" if entry else not key.startswith(("name:org:", "group:"))

    def gender_of(self, key: str, m: Mention, doc) -> str | None:
        entry = self.gaz.entries.get(key)
        if entry is not None and entry.gender:
            return entry.gender
        before = fold(doc[m.start - 1].text) if m.start > 0 else ""
        first = fold(doc[m.start].text)
        if first in ("mme", "madame") or before in ("mme", "madame", "la"):
            return "f"
        if first in ("m.", "monsieur") or before in ("m.", "monsieur", "le"):
            return "m"
        return None

    def person(self, pronoun: Token, here: list[Mention]) -> list[str]:
        """The person "il"/"elle" stands for: the last one named before it, in its sentence or earlier."""
        word = fold(pronoun.text).lstrip("-").removeprefix("t-")
        gender = "m" if word in MASCULINE else "f" if word in FEMININE else None
        fits = lambda key: gender is None or self.genders.get(key) in (None, gender)  # noqa: E731
        before = sorted(
            [(m.start, k) for m in here if m.end <= pronoun.i for k in m.keys if self.is_person(k)]
            + [(i, NAMELESS + g) for i, g in self.nameless_here if i < pronoun.i],
            reverse=True,
        )
        before = [k for _, k in before]
        for key in before:
            if key.startswith(NAMELESS):
                if gender is None or key.endswith(gender) or key == NAMELESS:
                    return []  # "La ministre des Transports… qu'elle rencontrait": someone the text does not name
            elif fits(key):
                return [key]
        for sentence in reversed(self.sentences):  # its subject, else the last person it named
            for key in [k for k, subject in sentence if subject] + [k for k, _ in reversed(sentence)]:
                if key.startswith(NAMELESS):
                    if gender is None or key.endswith(gender):
                        return []  # someone the text does not name
                elif fits(key):
                    return [key]
        return []

    def plural(self) -> list[str]:
        """Whom "ils", "les", "leur" stand for: the collective the sentence before had as subject ("les gilets
        jaunes ont bloqué le centre-ville. Ils venaient d'être reçus…"), else the people of the event told last."""
        return self.subject_groups[:1] or list(self.last_pair)

    def counted(self, n: int) -> list[str]:
        """Whom "le trio", "le quatuor" stand for: the N people the last sentence naming anyone names, if it
        names exactly N ("Bellamy, Evren et Danjean… Le trio"), else nobody."""
        for sentence in reversed(self.sentences):
            people = list(dict.fromkeys(k for k, _ in sentence if not k.startswith(NAMELESS)))
            if people:
                return people if len(people) == n else []
        return []

    def pair(self) -> list[str]:
        """The two people "ils" or "les deux hommes" stand for."""
        if len(self.last_pair) == 2:
            return list(self.last_pair)
        recent = list(dict.fromkeys(k for k, _ in reversed(self.people) if not k.startswith(NAMELESS)))
        return recent[:2] if len(recent) >= 2 else []
