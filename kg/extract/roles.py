"""Office-holders the text names by a shortened or shared title, resolved among the people the article named.

"a commenté Michel Delpuech. (…) le préfet a expliqué…": "préfet" is the first word of the gazetteer's title
"préfet de police", the office Michel Delpuech held that day, so "le préfet" is him. "les ministres du Travail,
des Transports et de la Cohésion des territoires" is one plural title shared by three offices: each is read
as "ministre des Transports" would be alone (the person named before who held it, else the home state's)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.mentions import Mention, is_person, positions
from kg.knowledge.gazetteer import Gazetteer
from kg.nlp import make_pattern_doc
from kg.text import fold, slug

OF = {"de", "du", "des", "d'", "d’"}
COMPLEMENTS = {"ADP", "ADJ", "PROPN", "NOUN", "DET", "NUM"}  # "la secrétaire aux Transports", "le préfet Delpuech"
DEFINITE = {"le", "la", "l'", "du", "au"}
LINKS = {",", "et"}
RECENT_MENTIONS = 40  # how far back a shortened title looks for its holder
LOCAL_ROLES = {"mayor"}  # offices held in every town: "le bourgmestre" of the place the article is about
PLACE_WITHIN = 200  # tokens back to that place
NAMED_WITHIN = 6  # tokens between a title word and the name it was given ("La préfète du Cher Catherine Ferrier")


class RoleWords:
    """Built once per pipeline from the gazetteer's titles."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        self.roles_of: dict[str, str] = {}  # a title phrase's words, joined by spaces -> its role
        starts: dict[str, set[str]] = defaultdict(set)
        for role, title in gaz.titles.items():
            for phrase in title.phrases:
                words = [t.norm_ for t in make_pattern_doc(nlp, phrase)]
                self.roles_of.setdefault(" ".join(words), role)
                if len(words) > 1:
                    starts[words[0]].add(role)
        # "préfet", "secrétaire": first words of longer titles that stand for them alone (the data lists them:
        # "la garde", "la charge", "le premier" are seldom an office)
        words = {t.norm_ for w in gaz.generic.get("shortened_titles", ()) for t in make_pattern_doc(nlp, w)}
        self.shortened = {w: roles for w, roles in starts.items() if w in words and w not in self.roles_of}
        self.longest = max(len(p.split()) for p in self.roles_of)
        self.known_places = {
            fold(n) for e in gaz.entries.values() if e.kind != "Person" for n in (*e.names, *e.capitals, *e.seats)
        }

    # -- "le préfet"
    def shortened_mentions(self, doc: Doc, day: date | None, mentions: list[Mention], taken: set[int]) -> list[Mention]:
        """ "le préfet" with no complement saying which: the person named before who held an office whose
        title starts with that word (on DAY, where known), or who was given that word before the name."""
        found = []
        for i in positions(doc, NORM, set(self.shortened)):
            word = doc[i].norm_
            if i in taken or i == 0 or doc[i - 1].norm_ not in DEFINITE:
                continue
            if i + 1 < len(doc) and (doc[i + 1].norm_ in OF or doc[i + 1].pos_ in COMPLEMENTS):
                continue  # "le préfet du Cher", "la conseillère en communication": another office; "le préfet Delpuech"
            female = {"la": "f", "le": "m", "du": "m", "au": "m"}.get(doc[i - 1].norm_)
            key = self.holder_before(doc, i, word, day, mentions, female)
            if key is not None:
                found.append(Mention(i - 1, i + 1, (key,), "title", doc[i - 1 : i + 1].text))
        return found

    def holder_before(
        self, doc: Doc, i: int, word: str, day: date | None, mentions: list[Mention], gender: str | None
    ) -> str | None:
        """The last person named before token I who held an office WORD starts, or whom the text gave WORD."""
        earlier = sorted((m for m in mentions if m.end <= i), key=lambda m: m.start, reverse=True)
        for m in earlier[:RECENT_MENTIONS]:
            for key in m.keys:
                entry = self.gaz.entries.get(key)
                if not is_person(self.gaz, key) or gender and entry is not None and entry.gender not in (None, gender):
                    continue  # "La préfète" is not Michel Delpuech
                if entry is None:  # "La préfète du Cher Catherine Ferrier": the title the text gave her
                    if any(t.norm_ == word for t in doc[max(m.start - NAMED_WITHIN, 0) : m.start]):
                        return key
                    continue
                offices = entry.offices if day is None else self.gaz.in_office(key, day)
                if any(o.role in self.shortened[word] for o in offices):
                    return key
        return None

    # -- "le bourgmestre" (of Liège, where the article is)
    def nameless_holders(
        self, doc: Doc, titles: list[tuple[int, int, int]], mentions: list[Mention], taken: set[int]
    ) -> list[Mention]:
        """A town's officer the text does not name: "reçus par le bourgmestre" in an article about Liège is the
        bourgmestre of Liège; "le maire de Bourges" with no name, the mayor of Bourges. Not someone the text named
        with that title ("Le maire de la ville, Pascal Blanc"), whom the discourse knows."""
        found = []
        for match_id, start, end in titles:
            word = doc[start]
            if (
                doc.vocab.strings[match_id].split("|", 1)[1] not in LOCAL_ROLES
                or start in taken
                or start == 0
                or doc[start - 1].norm_ not in DEFINITE
                or word.norm_.endswith(("s", "x"))
                or self.given(doc, word.norm_, mentions)
            ):
                continue
            place = self.place_after(doc, end) if end < len(doc) and doc[end].norm_ in OF else None
            if place is None and (end >= len(doc) or doc[end].pos_ not in COMPLEMENTS):
                place = self.place_before(doc, start)
            if place is not None:
                label = f"{word.text.lower()} de {place.text}"
                found.append(
                    Mention(
                        start - 1,
                        max(end, place.end if place.start > start else end),
                        ("name:" + slug(label),),
                        "title",
                        label,
                    )
                )
        return found

    def given(self, doc: Doc, word: str, mentions: list[Mention]) -> bool:
        """Whether the text gave that title to someone it names ("Le maire, Pascal Blanc", "Gaël Perdriau,
        maire de Saint-Étienne"), in the gazetteer or not."""
        people = [(m.start, m.end) for m in mentions if is_person(self.gaz, m.keys[0])]
        people += [(e.start, e.end) for e in doc.ents if e.label_ == "PER"]
        return any(
            t.norm_ == word
            for start, end in people
            for t in [*doc[max(start - NAMED_WITHIN, 0) : start], *doc[end : end + 3]]
        )

    def place_after(self, doc: Doc, i: int) -> Span | None:
        return next((e for e in self.places(doc) if i < e.start <= i + 2 and self.town(e)), None)

    def place_before(self, doc: Doc, i: int) -> Span | None:
        places = [e for e in self.places(doc) if i - PLACE_WITHIN <= e.end <= i and self.town(e)]
        return places[-1] if places else None

    @staticmethod
    def places(doc: Doc) -> list[Span]:
        """The places the model found, without the lowercase words it may take in ("même de France")."""
        spans = []
        for e in doc.ents:
            first = next((t.i for t in e if not t.is_lower), None)
            if e.label_ == "LOC" and first is not None:
                spans.append(doc[first : e.end])
        return spans

    def town(self, span: Span) -> bool:
        """A place that may have a mayor: not a state nor a seat of power the gazetteer knows."""
        return span.root.pos_ == "PROPN" and fold(span.text) not in self.known_places

    # -- "les ministres du Travail, des Transports et de la Cohésion des territoires"
    def shared_roles(self, doc: Doc, start: int, end: int, role: str) -> tuple[list[str], int]:
        """The roles a plural title at [START, END) names with the complements coordinated after it, and where
        they end; only ROLE when nothing follows."""
        first = doc[start].norm_
        singular = first[:-1] if first.endswith(("s", "x")) else first
        roles, i = [role], end
        while i + 1 < len(doc) and doc[i].norm_ in LINKS and doc[i + 1].norm_ in OF:
            tail = None
            for n in range(min(self.longest, len(doc) - i - 1), 0, -1):
                words = " ".join([singular] + [t.norm_ for t in doc[i + 1 : i + 1 + n]])
                if words in self.roles_of:
                    tail = (self.roles_of[words], i + 1 + n)
                    break
            if tail is None:
                break
            roles.append(tail[0])
            i = tail[1]
        return list(dict.fromkeys(roles)), i

    def qualified(self, doc: Doc, start: int, stop: int, taken: set[int]) -> bool:
        """Whether the text says whose offices these are ("… de l'Union européenne", "… russes"), or names their
        holders after them ("les ministres du Travail et des Transports, Muriel Pénicaud et Élisabeth Borne")."""
        after = stop + 1 if stop < len(doc) and doc[stop].text == "," else stop
        return (
            any(t.norm_ in self.gaz.by_demonym for t in doc[start : stop + 1])
            or stop < len(doc)
            and doc[stop].norm_ in OF
            or after in taken
        )

    def shared_mentions(
        self, doc: Doc, titles: list[tuple[int, int, int]], taken: set[int], find: Callable[[str, int], str | None]
    ) -> list[Mention]:
        """Plural titles of several offices; FIND(role, token) says who held one, as a bare title there."""
        found = []
        for match_id, start, end in titles:
            if start in taken or not doc[start].norm_.endswith(("s", "x")):
                continue
            role = doc.vocab.strings[match_id].split("|", 1)[1]
            roles, stop = self.shared_roles(doc, start, end, role)
            if self.qualified(doc, start, stop, taken):
                continue
            people = list(dict.fromkeys(p for r in roles if (p := find(r, start))))
            if len(roles) > 1 and len(people) > 1:  # one minister of several named is not "les ministres"
                found.append(Mention(start, stop, tuple(people), "title", doc[start:stop].text, role))
        return found
