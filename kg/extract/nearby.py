"""Participants found near a cue when its clause does not give them: the actor named right after a verb, actors
coordinated right before it, the subject a verb shares with the one above it, who started an exchange ("à
l'initiative de"), and "de même avec X et Y"."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cues import lemma
from kg.extract.mentions import METONYM, is_person
from kg.extract.nouns import OBLIQUE_DEPS, case
from kg.text import fold

BLOCKED_BEFORE = {
    "selon",
    "pour",
    "contre",
    "sur",
    "par",
    "à",
    "a",
    "en",
    "dans",
    "depuis",
    "vers",
    "chez",
    "que",
    "qu'",
    "de",
    "du",
    "des",
    "d'",
}
BEFORE_VERB = {
    "se",
    "s'",
    "sont",
    "ont",
    "a",
    "est",
    "avait",
    "etait",
    "etaient",
    "avaient",
    "deja",
    "ne",
    "n'",
    "ensemble",
    "s’",
}


class NearbyReading:
    """The half of kg.extract.participants.ParticipantReader that reads around a cue (which gives it actors(),
    is_place(), demonym_countries(), sent, mentions and gaz)."""

    def next_actors(self, verb: Token) -> list[str]:
        """The actors named right after a verb, up to the end of its clause ("a reçu, en début de soirée à
        Matignon, six membres du mouvement"), that are not places nor in a clause of their own."""
        doc = self.sent.doc
        stop = min(self.sent.end, verb.i + 12)
        manner = {  # "a reçu à huis clos les familles": "clos" is no verb of its own
            k
            for j in range(verb.i + 1, stop)
            for n in (1, 2, 3)
            if fold(doc[j : j + n].text) in self.lex.together_words
            for k in range(j, j + n)
        }
        cohosts = self.lex.verbs.get(lemma(verb), {}).get("cohost_with")
        for i in range(verb.i + 1, stop):
            token = doc[i]
            if i in manner or cohosts and "avec" in (case(token), case(token.head)):
                continue  # "a reçu, avec d'autres collègues maires, une délégation": who received with him
            quote_opens_name = token.text in ("«", '"') and i + 1 in self.mentions  # 'quatre "gilets jaunes"'
            if (
                token.text in (";", ":", "«", "»", '"', "(")
                and not quote_opens_name
                or token.pos_ in ("VERB", "AUX")
                and token.dep_ not in ("aux", "aux:tense")
            ):
                return []
            covering = self.mentions.get(i)
            if covering and not self.is_place(token) and fold(doc[i - 1].text) not in BLOCKED_BEFORE:
                best = max(covering, key=lambda m: m.end - m.start)
                if best.via != METONYM and best.start == i:  # not "Macron" in "à la demande d'Emmanuel Macron"
                    return list(best.keys)
        return []

    def coordinated_before(self, verb: Token, least: int = 2) -> list[str]:
        """ "MM. Erdogan et Poutine se sont parlé": two actors or more coordinated right before the verb (LEAST of
        them), read from the words when the parse of the subject went wrong."""
        doc, keys = self.sent.doc, []
        i = verb.i - 1
        while i >= self.sent.start and fold(doc[i].text) in BEFORE_VERB:
            i -= 1
        while i >= self.sent.start:
            covering = self.mentions.get(i)
            if covering:
                best = max(covering, key=lambda m: m.end - m.start)
                if best.start > 0 and doc[best.start - 1].pos_ == "ADP":
                    break  # "à Sarkozy", "selon Macron": not a subject
                keys = list(best.keys) + keys
                i = best.start - 1
            elif doc[i].norm_ in ("et", ",", "m.", "mm.", "mme", "les", "le", "la", "l'"):
                i -= 1
            else:
                break
        keys = list(dict.fromkeys(keys))
        return keys if len(keys) >= least else []

    def initiating_member(self, cue: Token, keys: list[str]) -> list[str]:
        """ "à l'initiative d'Esther Benbassa, sénatrice EELV, onze gilets jaunes ont accepté de rencontrer des
        élus…": the one whose initiative it was, when her title makes her one of a group that met."""
        heads = {k.removeprefix("group:").split("-")[0] for k in keys if k.startswith("group:")}
        titles = set().union(*(self.lex.members.get(h, ()) for h in heads))
        governing = {cue.i, cue.head.i if cue.dep_ == "xcomp" else cue.i}  # "ont accepté de rencontrer"
        for token in self.sent:
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)  # may hang on the subject
            if fold(token.text) != "initiative" or case(token) != "a" or verb.i not in governing:
                continue
            for person in (c for c in token.children if c.dep_ == "nmod" and titles):
                if any(c.dep_ == "appos" and fold(c.text) in titles for c in person.children):
                    return [k for k in self.actors(person) if is_person(self.gaz, k)]
        return []

    def implicit_subject(self, verb: Token) -> list[str]:
        """The subject a verb shares with the one above it: "X a indiqué s'être entretenu avec Y", "après avoir
        reçu Y, X…", "X s'est rendu à Paris et a rencontré Y"."""
        token = verb
        for _ in range(4):
            if token.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl") or token.head.i == token.i:
                return []
            below, token = token, token.head
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "expl:subj")]
            if not subjects and below.dep_ == "xcomp" and token.dep_ == "ROOT":  # "…, onze gilets jaunes ont
                return self.coordinated_before(token, least=1)  # accepté de rencontrer": the parse lost the subject
            if subjects and not (token.dep_ == "acl:relcl" and all("Rel" in s.morph.get("PronType") for s in subjects)):
                return [k for s in subjects for k in self.actors(s)]
            if token.dep_ == "acl:relcl":
                return self.actors(token.head)
        return []

    def initiator(self, participants: list[str], day) -> str | None:
        """ "à l'initiative de la partie française", "à la demande de Kiev": the participant who started it (or
        who held office for the state named)."""
        for token in self.sent:
            if token.norm_ not in ("initiative", "demande") or case(token) not in ("a", "sur"):
                continue
            for child in token.children:
                if child.dep_ != "nmod":
                    continue
                named = self.actors(child) + [c for t in child.subtree for c in self.demonym_countries(t)]
                for key in named:
                    if key in participants:
                        return key
                    holders = [p for p in participants if any(o.of == key for o in self.gaz.in_office(p, day))]
                    if holders:
                        return holders[0]
        return None

    def same_again(self, cue: Token) -> list[str]:
        """ "… après avoir fait de même avec X et Y": X and Y each had the same kind of exchange."""
        for token in self.sent:
            if lemma(token) == "faire" and any(c.norm_ == "meme" for c in token.subtree):
                return [
                    k for c in token.children if c.dep_ in OBLIQUE_DEPS and case(c) == "avec" for k in self.actors(c)
                ]
        return []
