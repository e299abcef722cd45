"""Who attended a meeting a noun names, when the sentence says it around the noun rather than in its
complements: a relative clause of participation ("une réunion de crise, à laquelle a pris part son Premier
ministre Edouard Philippe", "le sommet auquel ont participé X et Y"), its chair ("une réunion présidée par X",
"sous la présidence de X", "au terme de sa présidence d'une réunion") and who was there ("une réunion de crise
s'est tenue à l'Élysée en présence du Premier ministre").

The parser often hangs these clauses on the main verb rather than on the noun, so they are read from the
words that follow the noun: its complements may come between ("de crise interministérielle"), a verb of its
own may not; the relative pronoun must agree with the noun ("laquelle" a feminine singular one)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cues import lemma, quoted
from kg.extract.mentions import METONYM, is_person
from kg.extract.nouns import case
from kg.text import fold

# relative pronoun (folded) -> (gender, number) of its antecedent
RELATIVES = {
    "auquel": ("Masc", "Sing"),
    "auxquels": ("Masc", "Plur"),
    "auxquelles": ("Fem", "Plur"),
    "laquelle": ("Fem", "Sing"),
    "lequel": ("Masc", "Sing"),
    "lesquels": ("Masc", "Plur"),
    "lesquelles": ("Fem", "Plur"),
}
STOPS = {";", ":", "(", "«", "»", '"', "."}
SKIPPED_AFTER_VERB = {"part", ",", "aussi", "egalement", "notamment", "d'ailleurs", "alors", "meme", "entre", "autres"}
JOINING = {",", "et", "ainsi", "que", "ou", "de", "du", "des", "d'", "d’"}
MAX_SPAN = 16  # tokens from the noun to its relative pronoun, or to "présidée par", "en présence de"


class AttendanceReading:
    """The half of kg.extract.participants.ParticipantReader that reads who attended a meeting (it gives
    actors(), mentions, sent, lex, discourse and here)."""

    def attendance(self, noun: Token) -> tuple[list[str], list[str]]:
        """(chairs, attendees) of the meeting NOUN names."""
        end = self.noun_phrase_end(noun)
        chairs = self.chaired_by(noun, end) + self.own_presidency(noun)
        attendees = self.taking_part(noun, end) + self.in_presence(noun, end)
        speakers, addressed = self.told_to(noun)
        # "une réunion avec X … : Y y ont participé": Y took part in the meeting with X
        return chairs + speakers + self.took_part_there(noun), attendees + addressed

    def told_to(self, noun: Token) -> tuple[list[str], list[str]]:
        """ "« … », a assuré le Premier ministre aux députés LREM, selon des participants à cette rencontre", "a
        déclaré X devant le groupe LREM, ont rapporté des participants à la réunion": the speaker met those he
        spoke to."""
        if (
            lemma(noun.head) != "participant"
            or fold(noun.head.head.text) == "aucun"
            or not any(fold(c.text) in ("a", "au") for c in noun.children if c.dep_ == "case")
        ):
            return [], []
        speakers = self.speaker(noun)
        addressed = [
            k
            for t in self.sent
            if fold(t.text) in ("aux", "au", "devant") and t.dep_ == "case" and t.head.i != noun.i and not quoted(t)
            for k in self.actors(t.head)
            if k not in speakers
        ]
        return (speakers, addressed) if speakers and addressed else ([], [])

    def seat_host(self, verb: Token) -> list[str]:
        """ "Les élus locaux reçus à Matignon jeudi", "des gilets jaunes sont reçus à Matignon": received by no one
        the sentence names, at the seat of an office: by whoever held it that day."""
        if lemma(verb) not in ("recevoir", "accueillir"):
            return []
        return self.host_of_seat(verb)

    def host_of_seat(self, verb: Token) -> list[str]:
        """Whoever held the office whose seat VERB names as where it happened ("a eu lieu jeudi à Matignon")."""
        seats = {fold(seat): role for seat, role in self.gaz.generic.get("seat_roles", ())}
        for child in verb.children:
            if child.dep_ not in ("obl", "obl:mod", "obl:arg") or case(child) not in ("a", "au"):
                continue
            for m in self.mentions.get(child.i, []):
                role = seats.get(fold(m.text).removeprefix("l'").removeprefix("le "))
                if m.via == METONYM and role and (host := self.gaz.holder(role, m.keys[0], self.discourse_day)):
                    return [host]
        return []

    def noun_phrase_end(self, noun: Token) -> int:
        """Where the words that may still be about NOUN end: at a verb of another clause (a participle, as in
        "présidée par", still tells of the noun), at a bracket or a quotation, or at a relative pronoun."""
        doc, i = noun.doc, noun.i + 1
        while i < min(self.sent.end, noun.i + MAX_SPAN):
            token = doc[i]
            if token.text in STOPS or fold(token.text) in RELATIVES:
                break
            if token.pos_ == "AUX" or token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm"):
                break
            i += 1
        return i

    def taking_part(self, noun: Token, i: int) -> list[str]:
        """ "…, à laquelle a pris part X", "auquel ont participé X et Y", "à laquelle assistait X"."""
        doc = noun.doc
        word = fold(doc[i].text) if i < self.sent.end else ""
        if word not in RELATIVES or not word.startswith("au") and fold(doc[i - 1].text) != "a":
            return []  # "à laquelle", "auquel"; not "au cours de laquelle"
        gender, number = RELATIVES[word]
        if gender not in noun.morph.get("Gender", [gender]) or number not in noun.morph.get("Number", [number]):
            return []  # "la réunion des ministres, auxquels…": the pronoun is another noun's
        verb = next((t for t in doc[i + 1 : min(i + 5, self.sent.end)] if t.pos_ == "VERB"), None)
        if verb is None or not self.attending(verb) or self.not_yet(verb):
            return []
        before = self.mentioned(i + 1, verb.i)  # "à laquelle Edouard Philippe a participé"
        return before or self.named_from(verb.i + 1)

    def took_part_there(self, noun: Token) -> list[str]:
        """ "une réunion avec le premier ministre a tourné au fiasco : seuls deux gilets jaunes y ont participé":
        the subject of a verb of attending "y", later in the sentence."""
        for token in noun.doc[noun.i + 1 : self.sent.end]:
            verb = token.head
            if fold(token.text) != "y" or verb.pos_ != "VERB" or not self.attending(verb) or self.not_yet(verb):
                continue
            subjects = [k for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") for k in self.actors(c)]
            start = max((t.i for t in noun.doc[noun.i : token.i] if t.text in (":", ";", ",")), default=noun.i)
            return subjects or self.mentioned(start + 1, token.i)  # the parse may lose the subject: named before "y"
        return []

    def attending(self, verb: Token) -> bool:
        words = self.lex.attendance_verbs
        after = verb.doc[verb.i + 1] if verb.i + 1 < self.sent.end else verb
        return lemma(verb) in words or f"{lemma(verb)} {fold(after.text)}" in words  # "prendre part"

    @staticmethod
    def not_yet(verb: Token) -> bool:
        """ "à laquelle participeront": planned, not held."""
        forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
        return any("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") for t in forms)

    def chaired_by(self, noun: Token, end: int) -> list[str]:
        """ "une réunion (de crise) présidée par X", "sous la présidence de X", "une réunion autour du président"."""
        doc = noun.doc
        for i in range(noun.i + 1, min(end, self.sent.end - 2)):
            first, second = fold(doc[i].text), fold(doc[i + 1].text)
            if lemma(doc[i]) == "presider" and second == "par":
                return self.named_from(i + 2, joined=False)
            if first == "sous" and second == "la" and fold(doc[i + 2].text) == "presidence":
                return self.named_from(i + 3, joined=False)
            if first == "autour" and second in ("du", "de") and i == noun.i + 1:  # "une réunion autour du président"
                return self.named_from(i + 2, joined=False)
        return []

    def own_presidency(self, noun: Token) -> list[str]:
        """ "au terme de sa présidence, à Beauvau, d'une réunion de crise": whom "sa" stands for chaired it."""
        doc, i = noun.doc, noun.i - 1
        while i > self.sent.start and doc[i].pos_ == "DET":
            i -= 1
        if fold(doc[i].text) not in ("de", "d'", "d’"):
            return []
        i -= 1
        if doc[i].text == ",":  # a place said in passing: ", à Beauvau,"
            opening = next((j for j in range(i - 1, max(i - 7, self.sent.start), -1) if doc[j].text == ","), None)
            i = opening - 1 if opening is not None else i
        owner = doc[i - 1] if i > self.sent.start else None
        if fold(doc[i].text) != "presidence" or owner is None or fold(owner.text) not in ("sa", "son", "leur"):
            return []
        return self.discourse.person(doc[i], self.here)

    def in_presence(self, noun: Token, end: int) -> list[str]:
        """ "une réunion de crise en présence du Premier ministre", also when the parse hangs "en présence de"
        on the verb whose subject or object the noun is ("s'est tenue à l'Élysée en présence de X")."""
        doc = noun.doc
        verb = noun.head if noun.dep_ in ("nsubj", "obj", "nsubj:pass") and noun.head.pos_ in ("VERB", "AUX") else None
        for token in doc[noun.i + 2 : self.sent.end]:
            if fold(token.text) != "presence" or fold(doc[token.i - 1].text) != "en":
                continue
            if token.i < end or verb is not None and verb.i in (token.head.i, token.head.head.i):
                return self.named_from(token.i + 1)
            return []
        return []

    def named_from(self, start: int, joined: bool = True) -> list[str]:
        """The actors named from START on: the first one within a few words, and (JOINED) those coordinated
        with it ("X, Y et Z", "du premier ministre, Édouard Philippe, du ministre de l'Intérieur, …")."""
        doc, keys, i, gap, last_end = self.sent.doc, [], start, 0, -1
        while i < self.sent.end:
            covering = [m for m in self.mentions.get(i, []) if m.via != METONYM]
            if covering:
                best = max(covering, key=lambda m: m.end - m.start)
                if keys and i == last_end and is_person(self.gaz, best.keys[0]) and not is_person(self.gaz, keys[-1]):
                    keys = keys[:-1]  # "du patron des Républicains Laurent Wauquiez": his party, then him
                keys += [k for k in best.keys if k not in keys]
                i, gap, last_end = best.end, 0, best.end
                if not joined:
                    break
                continue
            word = fold(doc[i].text)
            if doc[i].pos_ in ("VERB", "AUX") or word in (";", ":", "(", "«", ".") or gap > 4:
                break
            gap = 0 if word in JOINING and keys else gap + 1
            i += 1
        return keys

    def mentioned(self, start: int, end: int) -> list[str]:
        return [k for i in range(start, end) for m in self.mentions.get(i, []) if m.via != METONYM for k in m.keys]
