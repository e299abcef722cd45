"""Actors the text names by a description: "le syndicat", "la formation", "l'entreprise" (an organisation of
that sort named just before), "son prédécesseur", "son successeur" (who held the possessor's office before or
after them).

"Unité-SGP-FO a lancé un appel (…). Le syndicat a envoyé mardi un courrier": "syndicat" describes the sort
"union" (the words and sorts are data, ontology/gazetteer/descriptions.json; each organisation of the gazetteer
has its sort), and Unité-SGP-FO is the one union the sentence before names, so "le syndicat" is Unité-SGP-FO. A
description resolves only when one candidate is clearly meant: the nearest sentence (its own, else one of the
few before it) that names organisations of that sort names exactly one. The text also says an organisation's
sort: "l'ABS, un syndicat agricole flamand", "le syndicat Unité SGP".

"Le président français (…) a répondu aux attaques de son prédécesseur": the possessor is the clause's subject
(else the person named just before in the sentence); the office is theirs (a leader's office first), and the
predecessor is the former holder the article named before, else the one who left it when they took it."""

from __future__ import annotations

from datetime import date

from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg import knowledge
from kg.extract.mentions import ArticleActors, Mention, is_person, positions
from kg.knowledge.gazetteer import Gazetteer, Office
from kg.nlp import make_pattern_doc
from kg.text import fold

OF = {"de", "du", "des", "d'"}
COMPLEMENTS = {"ADJ", "PROPN", "NOUN", "NUM"}  # "le syndicat majoritaire", "le syndicat Alliance": not bare
SENTENCES_BACK = 2  # the few sentences before a description where its organisation may be named
SUBJECTS = {"nsubj", "nsubj:pass"}
CLIMB = 6  # heads climbed from a description to the verb whose subject possesses it


class Descriptions:
    """Built once per pipeline from the gazetteer's sorts and descriptions.json."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        data = knowledge.data("gazetteer/descriptions.json", {})
        self.words: dict[tuple[str, ...], frozenset[str]] = {
            tuple(t.norm_ for t in make_pattern_doc(nlp, phrase)): frozenset(sorts)
            for phrase, sorts in data.get("organisation_words", {}).items()
        }
        self.longest = max((len(w) for w in self.words), default=0)
        self.determiners = {fold(w) for w in data.get("determiners", ())}
        self.succession = {fold(w): side for w, side in data.get("succession_words", {}).items()}
        self.possessives = {fold(w) for w in data.get("possessives", ())}

    # -- the sort of organisation a phrase names
    def phrase_at(self, doc: Doc, i: int) -> tuple[frozenset[str], int] | None:
        """The sorts the description words starting at token I name, and where they end (longest first)."""
        for n in range(min(self.longest, len(doc) - i), 0, -1):
            sorts = self.words.get(tuple(t.norm_ for t in doc[i : i + n]))
            if sorts is not None:
                return sorts, i + n
        return None

    def sort_of(self, key: str, article: ArticleActors) -> set[str]:
        entry = self.gaz.entries.get(key)
        found = set(article.sorts.get(key, ()))
        if entry is not None and entry.kind == "Organization" and entry.sort:
            found.add(entry.sort)
        return found

    def learn(self, doc: Doc, mentions: list[Mention], article: ArticleActors) -> None:
        """Sorts the text gives the organisations it names: "le syndicat Alliance", "l'ABS, un syndicat…"."""
        for m in mentions:
            if len(m.keys) != 1 or is_person(self.gaz, m.keys[0]) or m.keys[0].startswith("group:"):
                continue
            for start in range(max(m.start - self.longest, 0), m.start):  # "le syndicat Unité SGP"
                found = self.phrase_at(doc, start)
                if found and len(found[0]) == 1 and found[1] == m.start and doc[start].text[:1].islower():
                    article.sorts.setdefault(m.keys[0], set()).update(found[0])
            i = m.end + 1  # "l'ABS, un syndicat agricole flamand"
            if m.end < len(doc) and doc[m.end].text == ",":
                while i < min(m.end + 3, len(doc)) and doc[i].pos_ in ("DET", "ADJ", "NUM"):
                    i += 1
                found = self.phrase_at(doc, i) if i < len(doc) and doc[i].text[:1].islower() else None
                if found and len(found[0]) == 1:  # "un groupe", "une organisation" say no one sort
                    article.sorts.setdefault(m.keys[0], set()).update(found[0])

    def organisations(
        self, doc: Doc, mentions: list[Mention], taken: set[int], article: ArticleActors
    ) -> list[Mention]:
        """ "le syndicat", "la formation", "l'entreprise" with no complement: the one organisation of that sort
        the nearest sentence before it names (its own sentence first)."""
        self.learn(doc, mentions, article)
        found: list[Mention] = []
        for i in positions(doc, NORM, {w[0] for w in self.words}):
            if i == 0 or i in taken or doc[i - 1].norm_ not in self.determiners or not doc[i].text[:1].islower():
                continue
            if i > 1 and doc[i - 2].norm_ in OF:
                continue  # "le secrétaire général de la centrale", "au siège de l'entreprise": a possessor
            phrase = self.phrase_at(doc, i)
            if phrase is None:
                continue
            sorts, end = phrase
            if end < len(doc) and complemented(doc[end]):
                continue  # "le syndicat des commissaires", "le parti présidentiel", "le groupe Total"
            key = self.named_before(doc, i - 1, sorts, mentions + found, article)
            if key is not None:  # named as the text named it: "ce groupe" is no name for Naver Corp
                label = next((m.label or m.text for m in mentions + found if key in m.keys), None)
                found.append(Mention(i - 1, end, (key,), "description", doc[i - 1 : end].text, label=label))
        return found

    def named_before(
        self, doc: Doc, at: int, sorts: frozenset[str], mentions: list[Mention], article: ArticleActors
    ) -> str | None:
        sentence = doc[at].sent.start
        starts = [sentence]
        while len(starts) <= SENTENCES_BACK and starts[-1] > 0:
            starts.append(doc[starts[-1] - 1].sent.start)
        for start, stop in zip(starts, [at, *starts]):
            keys = {
                k
                for m in mentions
                if start <= m.start and m.end <= stop
                for k in m.keys
                if self.sort_of(k, article) & sorts
            }
            if keys:
                return keys.pop() if len(keys) == 1 else None
        return None

    # -- "son prédécesseur", "son successeur"
    def tells_succession(self, doc: Doc) -> bool:
        return any(doc[i - 1].norm_ in self.possessives for i in positions(doc, NORM, set(self.succession)) if i)

    def successions(self, doc: Doc, mentions: list[Mention], taken: set[int], day: date | None) -> list[Mention]:
        found = []
        for i in positions(doc, NORM, set(self.succession)):
            side = self.succession[doc[i].norm_]
            if i == 0 or i in taken or doc[i - 1].norm_ not in self.possessives:
                continue
            if i + 1 < len(doc) and (doc[i + 1].norm_ in {"a", "au", "aux"} or complemented(doc[i + 1])):
                continue  # "son prédécesseur à Matignon", "son successeur désigné": another office, or not yet
            owner = self.possessor(doc, doc[i], mentions)
            key = self.neighbour(owner, side, day, [m for m in mentions if m.end <= i]) if owner else None
            if key is not None:
                found.append(Mention(i - 1, i + 1, (key,), "description", doc[i - 1 : i + 1].text))
        return found

    def possessor(self, doc: Doc, word: Token, mentions: list[Mention]) -> str | None:
        """Whose predecessor: the subject of the clause, else the person named just before in the sentence."""
        people = [m for m in mentions if len(m.keys) == 1 and is_person(self.gaz, m.keys[0])]
        head = word
        for _ in range(CLIMB):
            if head.head is head:
                break
            head = head.head
            subjects = [c for c in head.children if c.dep_ in SUBJECTS] if head.pos_ in ("VERB", "AUX") else []
            if subjects:
                covering = [m for m in people if m.start <= subjects[0].i < m.end]
                return covering[0].keys[0] if covering else None
        before = [m for m in people if word.sent.start <= m.start and m.end <= word.i - 1]
        return before[-1].keys[0] if before else None

    def neighbour(self, owner: str, side: str, day: date | None, earlier: list[Mention]) -> str | None:
        """Who held OWNER's office before (SIDE "before") or after them: one the article named, nearest first,
        else the one who left it when they took it (or took it when they left)."""
        entry = self.gaz.entries.get(owner)
        if entry is None:
            return None
        offices = [o for o in self.gaz.in_office(owner, day) if side == "before"] or list(entry.offices)
        if side == "after":
            offices = [o for o in offices if o.end is not None and (day is None or o.end <= day)]
        leaders = [o for o in offices if (t := self.gaz.titles.get(o.role)) is not None and t.leader]
        pool = leaders or offices
        if not pool or any(o.start is None for o in pool):
            return None
        office = max(pool, key=lambda o: o.end or date.max if side == "after" else o.start)
        others = [(p, o) for p, o in self.gaz.holders.get((office.role, office.of), ()) if p != owner and o.start]
        if side == "before":
            others = [(p, o) for p, o in others if o.end is not None and o.end <= office.start]
        else:
            others = [(p, o) for p, o in others if office.end is not None and o.start >= office.end]
        candidates = {p for p, _ in others}
        for m in reversed(earlier):  # "Nicolas Sarkozy (…) Le chef de l'État a demandé à son prédécesseur"
            if len(m.keys) == 1 and m.keys[0] in candidates:
                return m.keys[0]
        return nearest(others, office, side)


def complemented(after: Token) -> bool:
    """Whether the word AFTER a description completes it ("du Cher", "présidentiel", "Alliance"); not the "de" of
    an infinitive ("a demandé à son prédécesseur de le représenter")."""
    return after.norm_ in OF and after.dep_ != "mark" or after.pos_ in COMPLEMENTS


def nearest(others: list[tuple[str, Office]], office: Office, side: str) -> str | None:
    if not others:
        return None
    if side == "before":
        best = max(o.end for _, o in others)
        people = {p for p, o in others if o.end == best}
    else:
        best = min(o.start for _, o in others)
        people = {p for p, o in others if o.start == best}
    return people.pop() if len(people) == 1 else None
