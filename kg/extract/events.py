"""Communication events in an analysed article.

A trigger (a verb or noun of communication from ontology/communication.json) becomes an event when the
dependency parse links it to at least two actors and nothing marks it as planned, hypothetical or negated.
Its participants come from subjects, objects, "avec", "entre X et Y", coordinations and "fait de même
avec"; its date from the date expressions the parse attaches to it; a trigger that names no actors
("Cet appel…", "la discussion a porté sur…") continues the event the article is telling about.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy
from spacy.attrs import LEMMA, NORM, ORTH, POS
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from kg.extract.actors import METONYM, ActorFinder, Mention, is_person, token_mentions
from kg.extract.dates import DateMention, find_dates
from kg.gazetteer import Gazetteer
from kg.text import fold
from kg.paths import ONTOLOGY

CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "acl:relcl", "csubj", "xcomp", "conj"}
NP_DEPS = {"conj", "appos", "flat", "flat:name", "flat:foreign", "fixed", "compound", "nmod", "amod", "nummod", "dep"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
OBJECT_DEPS = {"obj", "iobj", "obl:arg", "obl", "obl:mod", "nmod"}
PARTNER_CASES = {"avec", "entre", "a", "aupres"}
# Nouns that stand for the names they introduce: "MM. Poutine et Macron", "au sein du Conseil Russie-Otan".
TRANSPARENT_NOUNS = {"m.", "mm.", "mme", "mmes", "messieurs", "sein", "cadre"}
ACTOR_CASES = {"", "de", "du", "des", "d'", "entre", "avec"}
PLACE_CASES = {"a", "en", "dans", "au", "aux"}
CONTEXT_SENTENCES = 6
DURATION = re.compile(
    r"(?<!plus d')(?<!plus de )(?<!près de )\b(?P<h>une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|\d{1,2})\s+heures?"
    r"(?:\s+(?:et\s+)?(?P<m>quart|demie|quarante-cinq|quarante|trente|vingt|quinze|dix|cinq|\d{1,2})(?:\s+minutes?)?)?"
    r"|\b(?P<mo>quarante-cinq|quarante|trente|vingt|quinze|\d{1,3})\s+minutes", re.IGNORECASE)
NUMBERS = {"une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
           "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
           "quarante-cinq": 45, "quart": 15, "demie": 30}


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    nouns: dict
    markers: dict[str, frozenset[str]]
    nouns_need_marker: frozenset[str]
    planned_verbs: frozenset[str]
    planned_nouns: frozenset[str]
    planned_marks: frozenset[str]
    planned_adjectives: frozenset[str]
    negations: frozenset[str]
    leader_groups: frozenset[str]
    party_groups: frozenset[str]
    pair_words: frozenset[str]
    same_again: tuple[str, ...]
    partner_is_marker: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    host_nouns: frozenset[str] = frozenset()
    forum_nouns: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> "Lexicon":
        data = json.loads((ONTOLOGY / "communication.json").read_text(encoding="utf-8"))
        folded = lambda words: frozenset(fold(w) for w in words)  # noqa: E731
        groups = data["group_words"]
        return cls(
            verbs={fold(k): v for k, v in data["verbs"].items()},
            nouns={fold(k): v for k, v in data["nouns"].items()},
            markers={kind: folded(words) for kind, words in data["markers"].items()},
            nouns_need_marker=folded(data["nouns_need_marker"]),
            planned_verbs=folded(data["planned"]["verbs"]), planned_nouns=folded(data["planned"]["nouns"]),
            planned_marks=folded(data["planned"]["marks"]), planned_adjectives=folded(data["planned"]["adjectives"]),
            negations=folded(data["negations"]), leader_groups=folded(groups["leaders"]),
            party_groups=folded(groups["parties"]), pair_words=folded(groups["pair"]),
            same_again=tuple(fold(p) for p in data["same_again"]),
            partner_is_marker=folded(data.get("partner_is_marker", ())), reporting_verbs=folded(data.get("reporting_verbs", ())),
            host_nouns=folded(data.get("host_nouns", ())), forum_nouns=folded(data.get("forum_nouns", ())))


@dataclass
class Draft:
    """An event being read from one article."""
    kind: str
    participants: tuple[str, ...]
    subjects: tuple[str, ...]
    date: str | None
    sentence: int  # index of the sentence that states it
    evidence: list[str] = field(default_factory=list)
    context: list[int] = field(default_factory=list)  # sentence indices about it
    duration: str | None = None
    place: str | None = None
    initiator: str | None = None


@dataclass(frozen=True)
class DocIndex:
    """Where a doc's words of communication and verbs are, found once from its token arrays: token by token,
    every sentence would be walked again for each question."""
    triggers: tuple[tuple[int, str], ...]  # (token index, event kind), in order
    verbs: tuple[int, ...]  # indices of the verbs and auxiliaries

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon) -> "DocIndex":
        table = doc.to_array([LEMMA, NORM, POS, ORTH])
        if not len(table):
            return cls((), ())
        lemmas = numpy.where(table[:, 0] == 0, table[:, 3], table[:, 0])  # no lemma: the word itself
        norms, pos = table[:, 1], table[:, 2]
        strings = doc.vocab.strings
        folded = {h: fold(strings[h]) for h in numpy.unique(lemmas).tolist()}
        is_verb = numpy.isin(pos, (VERB, AUX))
        verb_lemmas = [h for h, word in folded.items() if word in lex.verbs]
        noun_lemmas = [h for h, word in folded.items() if word in lex.nouns]
        noun_norms = [h for h in numpy.unique(norms).tolist() if strings[h] in lex.nouns]
        verbs = is_verb & numpy.isin(lemmas, verb_lemmas)
        nouns = numpy.isin(pos, (NOUN, PROPN)) & (numpy.isin(lemmas, noun_lemmas) | numpy.isin(norms, noun_norms))
        triggers = []
        for i in numpy.flatnonzero(verbs | nouns).tolist():
            word = folded[int(lemmas[i])]
            if verbs[i]:
                triggers.append((i, lex.verbs[word]["kind"]))
            else:
                triggers.append((i, lex.nouns.get(word) or lex.nouns[strings[int(norms[i])]]))
        return cls(tuple(triggers), tuple(numpy.flatnonzero(is_verb).tolist()))

    @cached_property
    def trigger_positions(self) -> list[int]:
        return [i for i, _ in self.triggers]

    def triggers_in(self, sent: Span) -> tuple[tuple[int, str], ...]:
        at = self.trigger_positions
        return self.triggers[bisect_left(at, sent.start):bisect_left(at, sent.end)]

    def has_verb(self, sent: Span) -> bool:
        at = bisect_left(self.verbs, sent.start)
        return at < len(self.verbs) and self.verbs[at] < sent.end


def lemma(token: Token) -> str:
    return fold(token.lemma_ or token.text)


def kind_rank(kind: str) -> int:
    return {"Communication": 0, "Meeting": 1, "PhoneCall": 2, "VideoConference": 3}[kind]


class SentenceReader:
    """Reads the events of one sentence, given the article's mentions and what came before."""

    def __init__(self, lex: Lexicon, gaz: Gazetteer, sent: Span, mentions: dict[int, list[Mention]],
                 published: date | None, recent_people: list[str], previous_event: Draft | None,
                 last_date: str | None, index: DocIndex):
        self.lex, self.gaz, self.sent, self.mentions = lex, gaz, sent, mentions
        self.index = index
        self.last_date = last_date
        self.capital_keys: set[str] = set()  # states named by their capital in this sentence ("Paris", "Moscou")
        self.last_date_nearby = False
        self.unresolved: str | None = None  # the kind of a trigger that named no actors and continued nothing
        self.pending_kinds: dict[int, str] = {}
        self.previous_names: set[str] = set()
        self.published = published
        self.recent_people = recent_people
        self.previous_event = previous_event

    @cached_property
    def triggers(self) -> list[tuple[Token, str]]:
        found = [(self.sent.doc[i], kind) for i, kind in self.index.triggers_in(self.sent)]
        trigger_ids = {t.i for t, _ in found}
        # a noun under a verb of communication only says how it happened ("s'entretient … lors d'une visioconférence")
        return [(t, k) for t, k in found if not (t.pos_ == "NOUN" and self.governing_trigger(t, trigger_ids))]

    def governing_trigger(self, token: Token, trigger_ids: set[int]) -> bool:
        """Whether a verb of communication governs TOKEN in the same clause ("s'entretient … lors d'une visioconférence")."""
        for _ in range(3):
            if token.head.i == token.i or token.dep_ in CLAUSE_DEPS:
                return False
            token = token.head
            if token.i in trigger_ids and token.pos_ in ("VERB", "AUX"):
                return True
        return False

    # -- actors of a noun phrase
    def np_actors(self, token: Token, depth: int = 0) -> list[str]:
        """The actors a noun phrase headed by TOKEN designates, through coordination and apposition."""
        if depth > 6:
            return []
        keys: list[str] = []
        covering = self.mentions.get(token.i, [])
        group = token.norm_ in self.lex.leader_groups or lemma(token) in self.lex.party_groups or token.norm_ in self.lex.party_groups
        if covering:
            best = max(covering, key=lambda m: m.end - m.start)
            if not (best.via == METONYM and self.is_place(token)):
                keys += best.keys
                if best.via == METONYM and self.is_capital(best):
                    self.capital_keys.update(best.keys)
        elif self.is_pair(token):
            keys += self.pair(token)
        elif token.pos_ == "PRON" and fold(token.text) in ("les", "leur") and token.dep_ in ("obj", "iobj"):
            keys += self.pair(token)  # "Vladimir Poutine les avait réunis à Sotchi"
        elif token.pos_ == "PRON" and fold(token.text) in ("ils", "elles") and token.dep_ in SUBJECT_DEPS:
            keys += list(self.previous_event.participants) if self.previous_event and len(self.previous_event.participants) == 2 else []
        elif token.pos_ == "PRON" and fold(token.text) in ("il", "elle") and token.dep_ in SUBJECT_DEPS and lemma(token.head) not in IMPERSONAL:
            keys += self.last_person(token)
        elif group:
            keys += self.group_actors(token, depth)
        follow = {"conj", "appos", "flat", "flat:name", "flat:foreign", "fixed", "compound"}
        transparent = token.norm_ in TRANSPARENT_NOUNS | FRAME_WORDS or token.ent_type_ == "ORG" or token.pos_ in ("PROPN", "X")
        if not covering and not group and transparent:
            follow |= {"nmod", "dep"}
        elif not covering and not group and token.pos_ == "NOUN" and not self.is_pair(token):
            return keys  # "la crise … autour de l'Ukraine": a common noun's dependents are not its actors
        for child in token.children:
            if child.dep_ in follow and not self.is_place(child):
                if child.dep_ == "nmod" and self.case(child) not in ACTOR_CASES or group and self.case(child) in ("de", "du", "des", "d'"):
                    continue
                if group and child.dep_ == "conj" and not any(is_person(self.gaz, k) for m in self.mentions.get(child.i, []) for k in m.keys):
                    continue  # the group's own countries, read by group_actors
                keys += self.np_actors(child, depth + 1)
        return list(dict.fromkeys(keys))

    def group_actors(self, token: Token, depth: int) -> list[str]:
        """"les présidents russe et français", "délégations de Russie et d'Ukraine", "les dirigeants de la France"."""
        countries: list[str] = []
        has_of = any(c.dep_ == "nmod" and self.case(c) in ("de", "du", "des", "d'") for c in token.children)
        for child in token.children:
            if child.dep_ == "conj" and (self.case(child) in ("de", "du", "des", "d'") or has_of):
                # "les dirigeants de la Turquie, la Russie, la France et l'Allemagne"
                countries += [k for k in self.np_actors(child, depth + 1) if not is_person(self.gaz, k)]
            elif child.dep_ in ("amod", "conj"):
                countries += self.demonym_countries(child)
                countries += [c for conj in child.children if conj.dep_ == "conj" for c in self.demonym_countries(conj)]
            elif child.dep_ == "nmod" and self.case(child) in ("de", "du", "des", "d'"):
                countries += [k for k in self.np_actors(child, depth + 1) if not is_person(self.gaz, k)]
        countries = list(dict.fromkeys(countries))
        if token.norm_ in self.lex.leader_groups:
            leaders = [self.gaz.leader(c, self.published) for c in countries]
            return [p for p in leaders if p] if all(leaders) else []
        return countries

    def demonym_countries(self, token: Token) -> list[str]:
        word = token.norm_
        if word in self.gaz.by_demonym:
            return [self.gaz.by_demonym[word]]
        parts = word.split("-")
        if len(parts) > 1 and all(p in self.gaz.by_prefix for p in parts[:-1]) and parts[-1] in self.gaz.by_demonym:
            return [self.gaz.by_prefix[p] for p in parts[:-1]] + [self.gaz.by_demonym[parts[-1]]]
        return []

    def is_pair(self, token: Token) -> bool:
        """"les interlocuteurs", "les deux dirigeants", "des deux hommes" (not "deux hommes d'affaires")."""
        definite = any(c.norm_ in ("les", "ces", "des", "aux", "leurs") and c.dep_ in ("det", "case") for c in token.children)
        two = any(c.norm_ == "deux" for c in token.children)
        named = token.norm_ in self.lex.pair_words or two and f"deux {token.norm_}" in self.lex.pair_words
        return definite and (named or two and token.norm_ in self.lex.leader_groups)

    def last_person(self, pronoun: Token) -> list[str]:
        """"Joe Biden s'est rendu à Tel-Aviv, où il a rencontré…": the last person named before the pronoun."""
        before = [k for i in range(pronoun.i - 1, self.sent.start - 1, -1) for m in self.mentions.get(i, [])
                  if m.end <= pronoun.i for k in m.keys if is_person(self.gaz, k)]
        people = before or self.recent_people[::-1]
        return people[:1]

    def pair(self, token: Token | None = None) -> list[str]:
        """"les deux présidents", "ils": the two people named last, else the two of the event told last."""
        here = [k for m in sorted({id(m): m for i in range(self.sent.start, token.i if token is not None else self.sent.start)
                                   for m in self.mentions.get(i, [])}.values(), key=lambda m: m.start)
                for k in m.keys if is_person(self.gaz, k)]
        people = list(dict.fromkeys(reversed(self.recent_people[-6:] + here)))
        if token is not None and token.norm_ in self.lex.leader_groups:  # "les deux dirigeants": leaders, not their ministers
            leaders = [p for p in people if any(self.gaz.titles.get(o.role) and self.gaz.titles[o.role].leader
                                                for o in self.gaz.in_office(p, self.published))]
            people = leaders if len(leaders) >= 2 else people
        if len(people[:2]) == 2:
            return people[:2]
        if self.previous_event and len(self.previous_event.participants) == 2:
            return list(self.previous_event.participants)
        return []

    @staticmethod
    def case(token: Token) -> str:
        """The preposition introducing TOKEN ("avec", "de", "au sein de" read as "de")."""
        words = [fold(c.text) for c in token.children if c.dep_ in ("case", "fixed", "mark") and c.i < token.i]
        if "sein" in words or token.norm_ in TRANSPARENT_NOUNS:
            return "de"
        return words[0] if words else ""

    def is_capital(self, mention: Mention) -> bool:
        entry = self.gaz.entries.get(mention.keys[0])
        return entry is not None and fold(mention.text) in {fold(c) for c in entry.capitals}

    def is_place(self, token: Token) -> bool:
        """"à Genève", "en Israël", "au Kremlin": where, not who."""
        return token.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and self.case(token) in PLACE_CASES and (
            token.ent_type_ == "LOC" or any(m.via == METONYM or self.gaz.entries.get(m.keys[0]) is not None
                                            and self.gaz.entries[m.keys[0]].kind == "Country"
                                            for m in self.mentions.get(token.i, [])))

    # -- the event's shape
    def participants(self, trigger: Token) -> tuple[list[str], list[str]]:
        """(subject side, other side) of a trigger."""
        subjects: list[str] = []
        others: list[str] = []
        if trigger.pos_ in ("VERB", "AUX"):
            subject_owner = trigger
            while not any(c.dep_ in SUBJECT_DEPS for c in subject_owner.children) and subject_owner.dep_ in ("xcomp", "conj") and subject_owner.head.i != subject_owner.i:
                subject_owner = subject_owner.head
            for child in subject_owner.children:
                if child.dep_ in SUBJECT_DEPS:
                    if fold(child.text) == "qui" and subject_owner.dep_ == "acl:relcl":
                        subjects += self.np_actors(subject_owner.head)  # "Charles Michel, qui a rencontré…"
                    else:
                        subjects += self.np_actors(child)
            for child in trigger.children:
                if child.dep_ in ("obj", "iobj", "obl:agent") or child.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and self.case(child) in PARTNER_CASES | {"par", ""}:
                    if not self.is_place(child):
                        others += self.np_actors(child)
                    else:  # a person is never a place: "reçu à la Maison-Blanche le chancelier Olaf Scholz"
                        others += [k for c in child.children if c.dep_ == "appos"
                                   for k in self.np_actors(c) if is_person(self.gaz, k)]
            if subjects and not others:  # "avec X" attached lower down by the parser ("par téléphone avec X")
                others += [k for t in self.clause(trigger) if t.i > trigger.i and self.case(t) == "avec"
                           and t.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") for k in self.np_actors(t)]
            if len(subjects) < 2 and not others:
                subjects = self.coordinated_before(trigger) or subjects
        else:
            for child in trigger.children:
                if child.dep_ in ("nmod", "appos", "compound", "flat", "flat:name", "dep", "nmod:poss") and not self.is_place(child):
                    forum = lemma(trigger) in self.lex.forum_nouns and self.case(child) in ("de", "du", "des", "d'")
                    if self.case(child) in ACTOR_CASES and not forum:
                        others += self.np_actors(child)
                elif child.dep_ == "amod":
                    others += self.demonym_countries(child) + [k for m in self.mentions.get(child.i, []) if m.via == "part" for k in m.keys]
                    for conj in child.children:
                        if conj.dep_ == "conj":
                            others += self.demonym_countries(conj)
            for m in self.mentions.get(trigger.i, []):  # "entretien Poutine-Macron" merged into one token
                others += m.keys
            named = [c for c in trigger.children if c.dep_ in ("nmod", "appos", "dep") and self.np_actors(c)]
            with_only = bool(named) and all(self.case(c) == "avec" for c in named) and not any(
                c.dep_ == "amod" and self.demonym_countries(c) for c in trigger.children)
            framed = self.frames_its_verb(trigger)
            verb = (governing_verb(trigger) or main_verb(trigger)) if framed else None
            explicit = any(self.case(c) == "entre" for c in trigger.children)  # "entre X et un autre détenu"
            if len(set(others)) < 2 and verb is not None and not explicit:
                for child in verb.children:
                    if child.dep_ in SUBJECT_DEPS:
                        subjects += self.np_actors(child)
                    elif child.i != trigger.i and (child.dep_ in ("obj", "iobj", "obl:arg") or child.dep_ in ("obl", "obl:mod") and self.case(child) in PARTNER_CASES):
                        if not self.is_place(child):
                            others += self.np_actors(child)
            if len(set(subjects + others)) < 2 and not explicit and (verb := verb or self.verb_before(trigger)) is not None:
                subjects = self.coordinated_before(verb) or subjects
            if with_only and not subjects:
                return [], []  # "discussions avec la France et l'Inde": with them, but by whom?
        others += self.hosts(trigger)
        subjects = list(dict.fromkeys(subjects))
        return subjects, [k for k in dict.fromkeys(others) if k not in subjects]

    def hosts(self, trigger: Token) -> list[str]:
        """"à l'invitation de Charles Michel", "sous l'égide de leur homologue turc": the host takes part."""
        found = []
        for token in self.clause(trigger):
            if lemma(token) in self.lex.host_nouns and token.i != trigger.i:
                for child in token.children:
                    if child.dep_ == "nmod" and self.case(child) in ("de", "du", "des", "d'"):
                        found += [k for k in self.np_actors(child) if is_person(self.gaz, k)]
        return found

    def frames_its_verb(self, noun: Token) -> bool:
        """Whether the verb's subject took part in the event the noun names: "ont eu un entretien", "se sont mis
        d'accord lors d'une conversation", "après six heures de discussions" — not "depuis le sommet",
        "a déclaré dans un entretien", "a dit après l'entretien"."""
        top = noun
        while top.dep_ == "nmod" and fold(top.head.text) in FRAME_WORDS and top.head.i != top.i:
            top = top.head  # "leur première séance de négociations"
        if top.dep_ in ("obj", "nsubj:pass"):
            # "a évoqué cette conversation entre…": who speaks of an exchange was not in it
            return lemma(top.head) not in self.lex.reporting_verbs
        if lemma(top.head) in SUPPORT_VERBS and not self.case(top):
            return True
        words = {fold(c.text) for c in top.children if c.dep_ in ("case", "fixed")} | {fold(top.head.text), fold(top.text)}
        return bool(words & FRAME_CASES)

    def verb_before(self, noun: Token) -> Token | None:
        """"X et Y ont tenu lundi leur premier sommet": the verb just before an event noun."""
        for i in range(noun.i - 1, max(self.sent.start, noun.i - 10) - 1, -1):
            if self.sent.doc[i].pos_ == "VERB":
                return self.sent.doc[i]
        return None

    def coordinated_before(self, verb: Token) -> list[str]:
        """"MM. Erdogan et Poutine se sont parlé": two actors or more coordinated right before the verb, read
        from the words when the parse of the subject went wrong."""
        keys: list[str] = []
        i = verb.i - 1
        while i >= self.sent.start and fold(self.sent.doc[i].text) in ("se", "s'", "sont", "ont", "etaient", "avaient", "deja", "ne", "n'", "s’", "etaient", "se", "ensemble"):
            i -= 1
        while i >= self.sent.start:
            token = self.sent.doc[i]
            if token.i in self.mentions:
                best = max(self.mentions[token.i], key=lambda m: m.end - m.start)
                keys = list(best.keys) + keys
                i = best.start - 1
            elif token.norm_ in ("et", ",", "m.", "mm.", "mme", "les", "le", "la", "l'", "presidents"):
                i -= 1
            else:
                break
        keys = list(dict.fromkeys(keys))
        return keys if len(keys) >= 2 else []

    def kind(self, trigger: Token, base: str) -> str:
        clause = self.clause(trigger)
        words = {t.norm_ for t in clause} | {lemma(t) for t in clause}
        text = " ".join(t.norm_ for t in clause)
        best = base
        for kind, markers in self.lex.markers.items():
            if words & markers or any(" " in m and m in text for m in markers):
                if kind_rank(kind) > kind_rank(best) and not (kind == "Meeting" and best != "Communication"):
                    best = kind
        return best

    def has_marker(self, trigger: Token) -> bool:
        return self.kind(trigger, "Communication") != "Communication"

    @staticmethod
    def reflexive(trigger: Token) -> bool:
        return any(fold(c.text) in ("se", "s'", "nous", "vous") and c.dep_.startswith("expl") or fold(c.text) in ("se", "s'")
                   for c in trigger.children)

    def fits(self, trigger: Token, verb: dict) -> bool:
        """The word's own conditions: "s'entretenir" needs its "se", "se retrouver" is not "être retrouvé",
        "appeler" is a call only by telephone, "un appel" only by telephone or with someone."""
        reflexive = self.reflexive(trigger)
        passive = any(c.dep_ == "aux:pass" for c in trigger.children)
        if verb.get("reflexive") and not reflexive or verb.get("not_reflexive") and reflexive:
            return False
        if verb.get("not_passive") and passive:
            return False
        needs_marker = verb.get("needs_marker") or trigger.pos_ == "NOUN" and lemma(trigger) in self.lex.nouns_need_marker
        if trigger.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS and fold(c.text) in ("je", "j'", "nous", "on", "vous", "tu")
                                                  for c in trigger.children):
            return False  # "nous avons rencontré X": the writer, not an actor
        if needs_marker and not self.has_marker(trigger):
            partners = {k for c in trigger.children if c.dep_ == "nmod" for k in self.np_actors(c)}
            return lemma(trigger) in self.lex.partner_is_marker and (
                any(self.case(c) in ("avec", "entre") for c in trigger.children) or len(partners) >= 2)
        return True

    def clause(self, trigger: Token) -> list[Token]:
        """The trigger's own words: its subtree without embedded clauses; for a noun, its verb's too."""
        root = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
        out, stack = [], [root]
        while stack:
            token = stack.pop()
            out.append(token)
            stack += [c for c in token.children if c.dep_ not in CLAUSE_DEPS - {"xcomp"} or c.i == trigger.i]
        return out

    def is_planned(self, trigger: Token) -> bool:
        """Announced, possible, wished, conditional or negated: not something that happened."""
        token = trigger
        for _ in range(6):
            if self.unreal(token):
                return True
            if token.dep_ in ("ROOT",) or token.head.i == token.i:
                return False
            finite = token.pos_ in ("VERB", "AUX") and ("Fin" in token.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in token.children))
            if finite and token.i != trigger.i and token.dep_ not in ("xcomp",):
                return False
            if token.dep_ in ("ccomp", "parataxis", "advcl", "acl:relcl", "conj") and not (token.i == trigger.i and token.dep_ == "conj"):
                return False  # the trigger's clause ends here: what governs it from outside does not make it unreal
            token = token.head
        return False

    def unreal(self, token: Token) -> bool:
        word = lemma(token)
        if token.pos_ in ("VERB", "AUX") and word in self.lex.planned_verbs and token.pos_ != "AUX" or word in self.lex.planned_nouns and token.pos_ == "NOUN":
            return True
        if token.pos_ == "ADJ" and fold(token.text) in self.lex.planned_adjectives:  # "prêts à rencontrer"
            return True
        morph_tokens = [token] + [c for c in token.children if c.dep_.startswith("aux")]
        for t in morph_tokens:
            if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood"):
                return True
            if t is not token and lemma(t) in ("pouvoir", "devoir", "aller"):
                return True
        for child in token.children:
            if child.dep_ == "mark" and fold(child.text) in self.lex.planned_marks:
                return True
            if child.dep_ in ("advmod", "det", "amod") and fold(child.text) in self.lex.negations | self.lex.planned_adjectives:
                if fold(child.text) not in self.lex.planned_adjectives or token.pos_ == "NOUN":
                    return True
        return False

    def dates_of(self, trigger: Token, triggers: list[Token], dates: list[tuple[DateMention, Token]]) -> list[str]:
        own, clause = [], []
        trigger_ids = {t.i for t in triggers}
        for mention, anchor in dates:
            token, owner, foreign = anchor, None, False
            for _ in range(12):
                if token.i in trigger_ids:
                    owner = token
                    break
                if token.head.i == token.i:
                    break
                if token.dep_ in ("advcl", "ccomp", "acl:relcl", "parataxis", "csubj") and token.pos_ in ("VERB", "AUX"):
                    foreign = True  # the day of another clause ("avant que la styliste ne signe… le 19 mai")
                token = token.head
            if foreign and (owner is None or owner.i != trigger.i or anchor.i not in {t.i for t in self.clause(trigger)}):
                continue
            if owner is not None and owner.i == trigger.i:
                own.append(mention)
            elif owner is None:
                clause.append((mention, anchor))
        if own:
            return list(dict.fromkeys(m.value for m in own if not m.future))
        ancestors = {a.i for a in trigger.ancestors}
        verb = clause_verb(trigger.head if trigger.pos_ == "NOUN" else trigger)
        # a day given to a verb above the trigger counts ("s'est rendu mercredi à Tel-Aviv, où il a rencontré…"),
        # unless that verb only reports ("a déclaré le 1er février que la rencontre…")
        near = [(abs(anchor.i - trigger.i), m.value) for m, anchor in clause if not m.future and (
            clause_verb(anchor).i == verb.i or (anchor.head.i in ancestors or anchor.i in ancestors)
            and lemma(clause_verb(anchor)) not in self.lex.reporting_verbs)]
        return [min(near)[1]] if near else []

    def place(self, trigger: Token) -> str | None:
        """Where it happened: a place ("à Genève") attached to the trigger or to its verb."""
        heads = [trigger] + ([v] if (v := governing_verb(trigger)) is not None else [])
        heads += [c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB"]  # "pourparlers tenus à Genève"
        for head in heads:
            for child in head.children:
                if child.i != trigger.i and self.is_place(child):
                    if child.ent_iob_ in ("B", "I") and child.ent_type_ == "LOC":
                        ent = next(e for e in child.doc.ents if e.start <= child.i < e.end)
                        return ent.text
                    return child.text
        return None

    def same_again_partners(self, trigger: Token) -> list[str]:
        """"… après avoir fait de même avec X et Y": X and Y each had the same kind of exchange."""
        for token in self.sent:
            if lemma(token) == "faire" and any(c.norm_ == "meme" for c in token.subtree):
                for child in token.children:
                    if child.dep_ in ("obl", "obl:arg", "obl:mod") and self.case(child) == "avec":
                        return self.np_actors(child)
        return []

    def initiator(self, participants: list[str]) -> str | None:
        for token in self.sent:
            if token.norm_ in ("initiative", "demande") and self.case(token) in ("a", "sur"):
                for child in token.children:
                    if child.dep_ == "nmod":
                        for key in self.np_actors(child) + self.demonym_countries_under(child):
                            found = self.participant_for(key, participants)
                            if found:
                                return found
        return None

    def demonym_countries_under(self, token: Token) -> list[str]:
        return [c for t in token.subtree for c in self.demonym_countries(t)]

    def participant_for(self, key: str, participants: list[str]) -> str | None:
        if key in participants:
            return key
        for p in participants:
            if any(o.of == key for o in self.gaz.in_office(p, self.published)):
                return p
        return None

    def duration(self) -> str | None:
        return self.duration_of(self.sent)

    @staticmethod
    def duration_of(sent: Span) -> str | None:
        m = DURATION.search(sent.text)
        if not m:
            return None
        if m["mo"]:
            return f"PT{NUMBERS.get(fold(m['mo']), None) or int(m['mo'])}M"
        hours = NUMBERS.get(fold(m["h"])) or int(m["h"])
        minutes = (NUMBERS.get(fold(m["m"])) or int(m["m"])) if m["m"] else 0
        return f"PT{hours}H{minutes}M" if minutes else f"PT{hours}H"


class EventReader:
    """Built once per pipeline; reads the events of each analysed article."""

    def __init__(self, gaz: Gazetteer, actors: ActorFinder):
        self.gaz = gaz
        self.actors = actors
        self.lex = Lexicon.load()

    def read(self, doc: Doc, mentions: list[Mention], published: date | None) -> tuple[list[Draft], list[Span]]:
        sentences = list(doc.sents)
        by_token = token_mentions(mentions)
        doc_index = DocIndex.of(doc, self.lex)
        drafts: list[Draft] = []
        pending: list[int] = []  # sentences about an event not yet named (a headline, a lead paragraph)
        recent_people: list[str] = []
        last_date: str | None = None
        last_date_at = -2
        previous_names: set[str] = set()
        current: Draft | None = None
        since_current = 0
        pending_kinds: dict[int, str] = {}
        for index, sent in enumerate(sentences):
            reader = SentenceReader(self.lex, self.gaz, sent, by_token, published, recent_people, current, last_date, doc_index)
            reader.last_date_nearby = last_date_at == index - 1
            reader.previous_names = previous_names
            reader.pending_kinds = pending_kinds
            new, continued = self.read_sentence(reader, index, published, drafts)
            if new:
                current = new[0]  # the sentence's main event, not those of "fait de même avec"
                since_current = 0
                for i in pending:  # a lead sentence ("Une heure d'échange au téléphone…") told before the actors
                    self.upgrade(current, reader.pending_kinds.get(i, current.kind), SentenceReader.duration_of(sentences[i]))
                    current.context.append(i)
                pending = []
            elif continued is not None:
                current = continued
                since_current = 0
                continued.context.append(index)
            elif current is not None and since_current < CONTEXT_SENTENCES and self.about(current, sent, sentences, index, by_token, published):
                current.context.append(index)
                since_current += 1
            elif reader.unresolved is not None:
                pending.append(index)
                pending_kinds[index] = reader.unresolved
            else:
                since_current += 1
            recent_people += [k for m in mentions if sent.start <= m.start < sent.end for k in m.keys if is_person(self.gaz, k)]
            days = [d.value for d in find_dates(sent.text, published, last_date) if not d.future]
            if days:
                last_date, last_date_at = days[-1], index
            previous_names = {k for m in mentions if sent.start <= m.start < sent.end for k in m.keys}
        return drafts, sentences

    def about(self, event: Draft, sent: Span, sentences: list[Span], index: int, by_token: dict, published: date | None) -> bool:
        """Whether a sentence after an event still tells about it: it follows the event's sentence in the same
        paragraph, or it names one of its people or its day."""
        if index == event.sentence + 1 and "\n\n" not in sentences[event.sentence].text_with_ws:
            return True
        people = {p for p in event.participants if is_person(self.gaz, p)}
        named = {k for i in range(sent.start, sent.end) for m in by_token.get(i, []) for k in m.keys}
        return bool(people & named) or event.date is not None and any(d.value == event.date for d in find_dates(sent.text, published))

    def read_sentence(self, reader: SentenceReader, index: int, published: date | None,
                      drafts: list[Draft]) -> tuple[list[Draft], Draft | None]:
        sent = reader.sent
        dates = [(d, anchor_token(sent, d)) for d in find_dates(sent.text, published, reader.last_date)]
        triggers = [t for t, _ in reader.triggers]
        new: list[Draft] = []
        continued = None
        caption = self.caption(reader, dates, index)
        if caption is not None:
            return [self.add(drafts, caption)], None
        for trigger, base_kind in reader.triggers:
            if reader.is_planned(trigger):
                continue
            info = self.lex.verbs.get(lemma(trigger), {}) if trigger.pos_ in ("VERB", "AUX") else {}
            if not reader.fits(trigger, info):
                continue
            subjects, others = reader.participants(trigger)
            if trigger.pos_ in ("VERB", "AUX") and (not subjects or info.get("needs_object") and not others):
                continue  # "Bruxelles et Paris accueillaient des rassemblements": nobody received
            if info.get("reflexive_or_people") and not reader.reflexive(trigger) and not any(is_person(self.gaz, k) for k in others):
                continue  # "le format réunit l'Allemagne, l'Italie…" is a membership; "il les a réunis" a meeting
            participants = list(dict.fromkeys(subjects + others))
            if any(is_person(self.gaz, p) for p in participants):
                # "entre Paris et Montréal" beside a person is a trip, not a state taking part
                participants = [p for p in participants if p not in reader.capital_keys]
            kind = reader.kind(trigger, base_kind)
            event_dates = reader.dates_of(trigger, triggers, dates) or [None]
            if len(participants) < 2:
                target = self.continued_event(drafts, event_dates, participants, kind)
                if target is not None:
                    continued = target
                    self.upgrade(target, kind, reader.duration())
                else:
                    reader.unresolved = kind
                continue
            if self.announced(trigger, event_dates, dates, published):
                continue
            initiator = reader.initiator(participants) or (
                subjects[0] if info.get("subject_initiates") and len(subjects) == 1 else None)  # "X a appelé Y"
            if event_dates == [None] and reader.last_date_nearby and set(participants) & reader.previous_names:
                event_dates = [reader.last_date]  # "ont proposé lundi…" then "l'annonce a suivi une visioconférence entre…"
            for day in event_dates:
                draft = self.add(drafts, Draft(kind, tuple(sorted(participants)), tuple(subjects), day, index,
                                               [sent.text.strip()], [index], reader.duration(), reader.place(trigger), initiator))
                new.append(draft)
                for partner in reader.same_again_partners(trigger):
                    if subjects and partner not in subjects:
                        pair = tuple(sorted({subjects[0], partner}))
                        new.append(self.add(drafts, Draft(kind, pair, (subjects[0],), day, index, [sent.text.strip()], [index])))
        unique: list[Draft] = []
        for draft in new:
            if all(draft is not seen for seen in unique):
                unique.append(draft)
        return unique, continued

    @staticmethod
    def announced(trigger: Token, days: list, dates: list, published: date | None) -> bool:
        """"Les dirigeants … se réunissent samedi": a present tense with a weekday other than the day of
        publication announces the event."""
        if trigger.pos_ not in ("VERB", "AUX") or "Pres" not in trigger.morph.get("Tense"):
            return False
        if any(c.dep_.startswith("aux") for c in trigger.children) or published is None:
            return False
        weekdays = {d.value for d, _ in dates if d.weekday}
        return any(day in weekdays and day != published.isoformat() for day in days)

    def caption(self, reader: "SentenceReader", dates: list, index: int) -> Draft | None:
        """A photo caption: "Emmanuel Macron et Abdelmadjid Tebboune au palais d'El Mouradia, à Alger, le 25 août 2022."
        — no verb, two people or more, one day: they met."""
        if reader.triggers or reader.index.has_verb(reader.sent):
            return None
        days = {d.value for d, _ in dates if not d.future}
        people = list(dict.fromkeys(k for i in range(reader.sent.start, reader.sent.end)
                                    for m in reader.mentions.get(i, []) for k in m.keys if is_person(self.gaz, k)))
        if len(people) < 2 or len(days) != 1:
            return None
        text = reader.sent.text.strip()
        return Draft("Meeting", tuple(sorted(people)), tuple(people[:1]), days.pop(), index, [text], [index],
                     place=next((e.text for e in reader.sent.ents if e.label_ == "LOC"), None))

    @staticmethod
    def upgrade(draft: Draft, kind: str, duration: str | None) -> None:
        if kind_rank(kind) > kind_rank(draft.kind) and kind != "Meeting":
            draft.kind = kind
        draft.duration = draft.duration or duration

    @staticmethod
    def continued_event(drafts: list[Draft], dates: list[str | None], participants: list[str], kind: str) -> Draft | None:
        """The event a trigger without two actors refers to: the one of that date, else the last one told
        (of a kind that agrees: "l'échange au téléphone" does not continue a meeting)."""
        if not drafts:
            return None
        candidates = [d for d in drafts if all(p in d.participants for p in participants)
                      and (kind == "Communication" or d.kind in (kind, "Communication"))]
        dated = [d for d in candidates if d.date in dates and d.date is not None]
        if dated:
            return dated[-1]
        return candidates[-1] if candidates and dates == [None] else None

    @staticmethod
    def add(drafts: list[Draft], draft: Draft) -> Draft:
        """Merge with an event of the article with the same participants and the same day; an undated one
        joins the last event told with those participants (the article's way of saying "that call")."""
        same = [d for d in drafts if d.participants == draft.participants]
        if draft.date is None:
            candidates = same[::-1]
        else:
            candidates = [d for d in same if d.date == draft.date] + [d for d in same[::-1] if d.date is None]
        for old in candidates:
            if old.kind != draft.kind and "Communication" not in (old.kind, draft.kind):
                continue
            if kind_rank(draft.kind) > kind_rank(old.kind):
                old.kind = draft.kind
            old.date = old.date or draft.date
            old.evidence += [e for e in draft.evidence if e not in old.evidence]
            old.context += [c for c in draft.context if c not in old.context]
            old.duration = old.duration or draft.duration
            old.place = old.place or draft.place
            old.initiator = old.initiator or draft.initiator
            return old
        drafts.append(draft)
        return draft


# Prepositions and frame words after which the event noun's verb has the event's actors as its subject.
FRAME_CASES = {"lors", "cours", "issue", "terme", "pendant", "durant", "occasion", "pour", "apres", "heures", "heure", "minutes", "jours",
               "suite", "serie", "round", "marge"}
# Verbs that only carry an event noun: "ont tenu leur première séance de négociations", "ont eu un entretien".
SUPPORT_VERBS = {"tenir", "avoir", "mener", "conduire", "entamer", "engager", "achever", "boucler", "clore", "effectuer"}
# Verbs whose "il" is nobody: "il s'agit", "il faut", "il semble".
IMPERSONAL = {"agir", "falloir", "sembler", "paraitre", "exister", "rester", "manquer", "etre", "avoir", "convenir", "suffire"}
# Words between an event noun and its verb that do not change who took part: "au terme d'un entretien",
# "à l'issue d'une visioconférence", "après six heures de discussions", "lors de", "au cours de".
FRAME_WORDS = {"lors", "terme", "issue", "cours", "occasion", "suite", "fin", "marge", "sortie", "heure", "heures",
               "minute", "minutes", "jour", "jours", "serie", "round", "cadre", "debut", "moment", "seance", "session",
               "cycle", "tour", "ronde", "journee"}


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is an argument of, also through "lors de", "au terme de", "après des heures de"."""
    token = noun
    for _ in range(3):
        if token.dep_ not in ("obj", "obl", "obl:mod", "obl:arg", "nsubj:pass", "nmod", "advmod"):
            return None
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head if token.dep_ != "nmod" else None
        if fold(head.text) not in FRAME_WORDS:
            return None
        token = head
    return None


def main_verb(token: Token) -> Token | None:
    """The verb of the clause a word sits in, whatever the parser hung the word on."""
    verb = clause_verb(token.head)
    return verb if verb.pos_ in ("VERB", "AUX") else None


def clause_verb(token: Token) -> Token:
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def anchor_token(sent: Span, mention: DateMention) -> Token:
    """The head token of a date expression found in the sentence text."""
    start = sent.start_char + mention.start
    end = sent.start_char + mention.end
    tokens = [t for t in sent if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return sent.root
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else tokens[0]
