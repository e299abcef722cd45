"""Actors named by their office: "le président russe", "la chancelière allemande", "le chef du Kremlin", "les
dirigeants de la France et de la Russie", "le Premier ministre" of the article's own state; resolved through the
offices held on the day (the gazetteer's tenures), or through the person the article gave that title before."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kg.extract.mentions import METONYM, NAME, PARTICLES, SURNAME, Mention, filter_longest_matches, positions
from kg.knowledge.gazetteer import Gazetteer
from kg.nlp import make_pattern_doc
from kg.text import fold

FORMER = {"ancien", "ancienne", "anciens", "anciennes", "ex", "ex-", "futur", "future"}
HEAD_OF_STATE = {"chef de l'etat", "cheffe de l'etat", "chef d'etat"}


class TitleFinder:
    """Built once per pipeline from the gazetteer's titles and offices."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer):
        self.nlp = nlp
        self.gaz = gazetteer
        self.matcher = Matcher(nlp.vocab)
        self.title_starts: set[str] = set()  # the first words of titles
        self.title_length = 0  # tokens in the longest title pattern
        self._add_titles()

    def _add_titles(self) -> None:
        for role, title in self.gaz.titles.items():
            for phrase in title.phrases:
                words = [t.norm_ for t in make_pattern_doc(self.nlp, phrase)]
                self._add_title(role, words)
                if not words[0].endswith(("s", "x")):  # "les chefs de la diplomatie russe et ukrainienne"
                    self._add_title(role, [words[0] + "s"] + words[1:])

    def _add_title(self, role: str, words: list[str]) -> None:
        self.title_starts.add(words[0])
        self.title_length = max(self.title_length, len(words) + 1)
        # "ministre russe des Affaires étrangères": a demonym may sit after the first word
        pattern = [{"NORM": words[0]}]
        if len(words) > 1:
            pattern.append({"POS": "ADJ", "OP": "?"})
        pattern += [{"NORM": w} for w in words[1:]]
        self.matcher.add(f"title|{role}", [pattern])

    @cached_property
    def leader_words(self) -> set[str]:
        return {fold(w) for w in self.gaz.generic.get("leader_words", ())} | {"dirigeant", "dirigeante", "dirigeants"}

    @cached_property
    def seat_holder_words(self) -> set[str]:
        return {
            fold(w)
            for w in self.gaz.generic.get("seat_holder_words", ("chef", "patron", "locataire", "hote", "maitre"))
        }

    @cached_property
    def phrase_starts(self) -> set[str]:
        """First words of the leader and counterpart phrases of several words."""
        return {p.split()[0].split("'")[0] for p in self.leader_words | self.counterpart_words if " " in p or "'" in p}

    @cached_property
    def leader_phrase_starts(self) -> set[str]:
        """Every word a leader, counterpart or seat-holder phrase can start with."""
        return self.leader_words | self.counterpart_words | self.seat_holder_words | self.phrase_starts

    @cached_property
    def counterpart_words(self) -> set[str]:
        return {fold(w) for w in self.gaz.generic.get("counterpart_words", ("homologue", "homologues"))}

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The longest titles of DOC. The matcher runs only where a title's first word is: it tries every one
        of its hundreds of patterns at each token it is given."""
        matches = []
        for i in positions(doc, NORM, self.title_starts):
            window = doc[i : i + self.title_length]
            matches += [(key, i, i + end) for key, start, end in self.matcher(window) if start == 0]
        return filter_longest_matches(matches)

    def with_roles(self, doc: Doc, mentions: list[Mention], titles: list[tuple[int, int, int]]) -> list[Mention]:
        """People the gazetteer lacks keep the title the text gives them: "le ministre arménien des Affaires
        étrangères, Ararat Mirzoyan" has the role "ministre arménien des Affaires étrangères"."""
        out = []
        for m in mentions:
            role = None
            for _, start, end in titles:
                between = doc[end : m.start]
                if (
                    end <= m.start
                    and len(between) <= 5
                    and all(
                        t.text == "," or t.norm_ in self.gaz.by_demonym or t.norm_ in PARTICLES or t.pos_ == "PROPN"
                        for t in between
                    )
                ):  # "le maire de Lampedusa, Filippo Mannino"
                    role = doc[start : m.start].text.strip(" ,")
            out.append(
                Mention(m.start, m.end, m.keys, m.via, m.text, role)
                if role and m.keys[0].startswith("name:") and not m.keys[0].startswith("name:org:")
                else m
            )
        return out

    def mentions(
        self,
        doc: Doc,
        published: date | None,
        names: list[Mention],
        titles: list[tuple[int, int, int]],
        home: str | None,
        estimated: bool = False,
    ) -> list[Mention]:
        """ESTIMATED: the day is a guess (no publication date): a bare title is then read as its state's
        holder only for leaders ("le Premier ministre"), not for ministers, whose tenures are short."""
        by_start = {m.start: m for m in names}
        mentions = []
        for match_id, start, end in titles:
            role = self.nlp.vocab.strings[match_id].split("|", 1)[1]
            countries, stop = self.qualifiers(doc, start, end, names)
            following = self.name_after(doc, stop, by_start)
            if following is not None:  # "le président russe Vladimir Poutine": one mention, the name's
                mentions.append(Mention(start, following.end, following.keys, following.via, following.text, role))
                continue
            if self.person_follows(doc, stop):
                continue  # "le ministre de l'Écologie François de Rugy": the name the gazetteer lacks says who
            if start > 0 and doc[start - 1].norm_ in FORMER:
                continue  # "ancien ministre des Transports": not whoever holds the office now
            people = [p for c in countries if (p := self.holder(role, c, published))]
            if not countries and stop < len(doc) and doc[stop].norm_ in ("de", "du", "des", "d'"):
                continue  # "la présidente du groupe PS", "le président du Medef": the office of something else
            singular = not doc[start].norm_.endswith(("s", "x")) and (start == 0 or doc[start - 1].norm_ != "deux")
            of_the_state = "republique" in fold(doc[start:stop].text)  # "le président de la République": no party's
            if (
                not countries
                and singular
                and not of_the_state
                and (earlier := self.last_holder(role, start, names + mentions, published, feminine(doc, start)))
            ):
                people = [earlier]  # "le ministre s'est entretenu…": the minister the article named before
                countries = [None]
            elif (
                not countries
                and singular
                and home
                and (not estimated or self.is_leader(role))
                and (own := self.holder(role, home, published))
            ):
                people, countries = [own], [home]  # "le Premier ministre" of the article's home state
            if people and len(people) == len(countries):
                mentions.append(Mention(start, stop, tuple(people), "title", doc[start:stop].text, role))
        mentions += self._leader_word_mentions(
            doc, published, names, {i for m in mentions for i in range(m.start, m.end)}, home
        )
        return mentions

    def last_holder(
        self, role: str, before: int, mentions: list[Mention], published: date | None, female: bool | None = None
    ) -> str | None:
        """The last person named before token BEFORE who was given that title or held that office that day (of the
        title's gender, where both are known: "la ministre" is not the man named before)."""
        for m in sorted((m for m in mentions if m.end <= before), key=lambda m: m.start, reverse=True)[:12]:
            for key in m.keys:
                entry = self.gaz.entries.get(key)
                if (
                    female is not None
                    and entry is not None
                    and entry.gender in ("m", "f")
                    and (entry.gender == "f") != female
                ):
                    continue
                fits = lambda r: r == role or role == "minister" and r is not None and r.endswith("minister")  # noqa: E731
                if fits(m.role) or entry is not None and any(fits(o.role) for o in self.gaz.in_office(key, published)):
                    return key
        return None

    def holder(self, role: str, of: str, published: date | None) -> str | None:
        title = self.gaz.titles.get(role)
        if title is not None and title.leader:
            return self.gaz.holder(role, of, published) or None
        return self.gaz.holder(role, of, published)

    def qualifiers(self, doc: Doc, start: int, end: int, names: list[Mention]) -> tuple[list[str], int]:
        """The states a title is qualified by: demonyms inside or right after it ("présidents russe et
        français"), or "de la France", "du Kremlin". Returns them and where the title phrase ends."""
        countries = [self.gaz.by_demonym[t.norm_] for t in doc[start:end] if t.norm_ in self.gaz.by_demonym]
        i = end
        for m in names:  # "présidente de la Commission européenne": the title phrase ends inside the name
            entry = self.gaz.entries.get(m.keys[0])
            if start < m.start < end < m.end and entry is not None and entry.kind != "Person":
                countries.append(self.gaz.state_of(entry.id))
                i = m.end
        while i < len(doc) and len(countries) < 6:
            token = doc[i]
            if token.norm_ in self.gaz.by_demonym:
                countries.append(self.gaz.by_demonym[token.norm_])
            elif token.norm_ in ("et", ",") and i + 1 < len(doc) and doc[i + 1].norm_ in self.gaz.by_demonym:
                pass
            elif token.norm_ in ("de", "du", "d'", "des") and (m := self.name_at(names, i + 1, skip_articles=doc)):
                entry = self.gaz.entries.get(m.keys[0])
                if entry is None or entry.kind == "Person":
                    break
                countries.append(self.gaz.state_of(entry.id))
                i = m.end
                continue
            else:
                break
            i += 1
        return list(dict.fromkeys(countries)), i

    @staticmethod
    def name_at(names: list[Mention], i: int, skip_articles: Doc) -> Mention | None:
        while i < len(skip_articles) and skip_articles[i].norm_ in ("la", "le", "l'", "les"):
            i += 1
        return next((m for m in names if m.start == i), None)

    def is_leader(self, role: str) -> bool:
        title = self.gaz.titles.get(role)
        return title is not None and title.leader

    def head_of_state(self, country: str, day: date | None) -> str | None:
        return self.gaz.holder("president", country, day) or self.gaz.holder("monarch", country, day)

    @staticmethod
    def person_follows(doc: Doc, i: int) -> bool:
        """Whether a person's name the analysis found starts at token I (maybe after a comma)."""
        if i < len(doc) and doc[i].text == ",":
            i += 1
        return i < len(doc) and doc[i].ent_type_ == "PER" and doc[i].ent_iob_ == "B" and doc[i].text[:1].isupper()

    @staticmethod
    def name_after(doc: Doc, i: int, by_start: dict[int, Mention]) -> Mention | None:
        """A person's name right after a title, maybe after a comma: "le président russe, Vladimir Poutine"."""
        if i < len(doc) and doc[i].text == ",":
            i += 1
        m = by_start.get(i)
        if m is not None and m.via in (NAME, SURNAME) and len(m.keys) == 1:
            return m
        return None

    def _leader_word_mentions(
        self, doc: Doc, published: date | None, names: list[Mention], taken: set[int], home: str | None
    ) -> list[Mention]:
        """ "le dirigeant ukrainien", "son homologue russe Vladimir Poutine", "le chef du Kremlin",
        "les dirigeants de la France et de la Russie"."""
        by_start = {m.start: m for m in names}
        mentions = []
        for i in positions(doc, NORM, self.leader_phrase_starts):
            token = doc[i]
            if token.i in taken:
                continue
            word = token.norm_
            end = token.i + 1
            # "chef d'État", "chef de l'État": the leader word spans a few tokens
            for n in (4, 3, 2) if word in self.phrase_starts else ():
                phrase = "".join(t.norm_ + t.whitespace_ for t in doc[token.i : token.i + n]).strip()
                if phrase in self.leader_words or phrase in self.counterpart_words:
                    word, end = phrase, token.i + n
                    break
            if word in self.seat_holder_words and end + 1 < len(doc) and doc[end].norm_ in ("du", "de", "d'"):
                seat = self.name_at(names, end + 1, doc)
                if seat and seat.via == METONYM and (p := self.gaz.leader(seat.keys[0], published)):
                    mentions.append(Mention(token.i, seat.end, (p,), "title", doc[token.i : seat.end].text, "leader"))
                continue
            if word not in self.leader_words and word not in self.counterpart_words:
                continue
            countries, stop = self.qualifiers(doc, token.i, end, names)
            following = self.name_after(doc, stop, by_start)
            if following is not None:
                mentions.append(
                    Mention(token.i, following.end, following.keys, following.via, following.text, "leader")
                )
                continue
            if word.endswith("s") and len(countries) < 2:
                continue  # "les dirigeants de Kiev": a leadership, not one person
            if self.person_follows(doc, stop):
                continue  # "son homologue allemand Christoph Heusgen": the name says who
            if word in HEAD_OF_STATE:  # "le chef de l'État": the president or the monarch (of the article's state)
                people = [self.head_of_state(c, published) for c in countries or ([home] if home else [])]
                if people and all(people):
                    mentions.append(Mention(token.i, stop, tuple(people), "title", doc[token.i : stop].text, "leader"))
                continue
            people = [p for c in countries if (p := self.gaz.leader(c, published))]
            if people and len(people) == len(countries):
                mentions.append(Mention(token.i, stop, tuple(people), "title", doc[token.i : stop].text, "leader"))
        return mentions


def feminine(doc: Doc, start: int) -> bool | None:
    """Whether the title at START is feminine ("la ministre"), masculine ("le ministre"), or cannot tell ("l'")."""
    article = doc[start - 1].norm_ if start > 0 else ""
    return True if article in ("la", "cette") else False if article in ("le", "ce", "du", "au") else None
