"""Governments the text names without their state: "le gouvernement maintient…", "une lettre adressée au
gouvernement", "l'exécutif", "le gouvernement fédéral" are the government of the article's home state (as "le
Premier ministre" is its head of government, kg.extract.titles); "le gouvernement Philippe", "le gouvernement de
Justin Trudeau" are the government of the state that person served.

Named governments ("le gouvernement italien", "l'exécutif français") are gazetteer names, found with the others."""

from __future__ import annotations

from spacy.attrs import NORM
from spacy.tokens import Doc

from kg.extract.mentions import Mention, positions
from kg.knowledge.gazetteer import Gazetteer
from kg.text import fold

WORDS = {"gouvernement", "executif"}  # token norms: lowercase, without accents
# Only the definite singular is the government as an actor: "du gouvernement" is mostly a possessor ("le
# porte-parole du gouvernement", "la réponse du gouvernement"), "un gouvernement" or "ce gouvernement" any.
DEFINITE = {"le", "l'", "au"}
# Adjectives that make it another government than the state's own, or one not yet or no longer in office.
OTHER = {
    fold(w)
    for w in (
        "provincial",
        "régional",
        "local",
        "municipal",
        "communal",
        "cantonal",
        "européen",
        "précédent",
        "prochain",
        "futur",
        "intérimaire",
        "militaire",
        "parallèle",
        "fantôme",
    )
}
OF = {"de", "du", "d'"}


class GovernmentFinder:
    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    def find(self, doc: Doc, names: list[Mention], taken: set[int], home: str | None) -> list[Mention]:
        """The bare governments of DOC; TAKEN: tokens other mentions or titles already cover."""
        by_start = {m.start: m for m in names}
        mentions = []
        for i in positions(doc, NORM, WORDS):
            if i in taken or i == 0 or doc[i - 1].norm_ not in DEFINITE or self.describes(doc, i):
                continue
            if i > 1 and doc[i - 1].norm_ == "l'" and doc[i - 2].norm_ == "de":
                continue  # "de l'exécutif": a possessor, as "du gouvernement"
            found = self.after(doc, i + 1, by_start, home)
            if found is not None:
                government, end = found
                mentions.append(Mention(i, end, (government,), "title", doc[i:end].text))
        return mentions

    @staticmethod
    def describes(doc: Doc, i: int) -> bool:
        """Whether the government at I is only the agent of a participle describing a noun ("les engagements pris
        par le gouvernement", "les mesures annoncées par l'exécutif"): the government of a possession, not a party
        to the exchange of the sentence."""
        return doc[i].dep_ == "obl:agent" and doc[i].head.dep_ == "acl"

    def after(self, doc: Doc, i: int, by_start: dict[int, Mention], home: str | None) -> tuple[str, int] | None:
        """Whose government the word before token I is, read from what follows it, and where the phrase ends."""
        if i < len(doc) and doc[i].norm_ in OF:
            j = i + 1
            while j < len(doc) and doc[j].norm_ in ("la", "l'", "les"):
                j += 1
            named = by_start.get(j)  # "le gouvernement de Justin Trudeau", "le gouvernement d'Ottawa"
            government = self.of_mention(named) if named else None
            return (government, named.end) if government else None
        if i < len(doc) and (named := by_start.get(i)) is not None:  # "le gouvernement Philippe"
            government = self.of_mention(named)
            return (government, named.end) if government else None
        own = self.gaz.governments.get(home) if home else None
        if own is None:
            return None
        if i < len(doc) and doc[i].pos_ == "ADJ":
            word = doc[i].norm_
            if word in OTHER or word in self.gaz.by_demonym:
                return None  # "le gouvernement provincial", "le gouvernement grec" (a state without an entry)
            if word == "federal" and not self.federal(own):
                return None  # "le gouvernement fédéral" in a Québec article is Canada's, not Québec's
        if i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].norm_ in ("de", "des", "d'")):
            return None  # "le gouvernement Legault" the gazetteer lacks; "le gouvernement d'union nationale"
        return own, i

    def of_mention(self, mention: Mention) -> str | None:
        """The government of the state a mention names (a state, its capital) or that a person led: "le
        gouvernement Philippe", not "le porte-parole de l'exécutif Benjamin Griveaux"."""
        key = mention.keys[0]
        entry = self.gaz.entries.get(key)
        if entry is None or len(mention.keys) > 1:
            return None
        if entry.kind == "Country":
            return self.gaz.governments.get(key)
        offices = [o for o in entry.offices if o.role in self.gaz.leader_roles]
        states = {o.of for o in offices if o.of in self.gaz.governments}
        return self.gaz.governments[states.pop()] if len(states) == 1 else None

    def federal(self, government: str) -> bool:
        entry = self.gaz.entries[government]
        return any("federal" in fold(n) for n in entry.names)
