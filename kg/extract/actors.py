"""Actor mentions in an analysed article: gazetteer names, titles resolved through offices held on the
publication day, seats of power, demonyms, spaCy's people and organisations the gazetteer lacks.

A Mention covers tokens [start, end) and names one or more actors (a plural title such as "les présidents
russe et français" names two)."""
from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.extract.groups import GroupFinder
from kg.extract.offices import home_country, office_day
from kg.gazetteer import Entry, Gazetteer
from kg.model import ActorRef
from kg.nlp import make_pattern_doc
from kg.text import fold, slug
from kg.paths import ONTOLOGY

NAME, SURNAME, METONYM = "name", "surname", "metonym"
PARTICLES = {"de", "du", "des", "d'", "la", "le", "l'", "von", "van", "der", "al", "el", "ben", "bin", "di", "da"}
UNKNOWN_PERSON_MIN_TOKENS = 2
PORTFOLIO_WORDS = {"ministre", "ministres", "ministere", "ministeres", "secretaire", "secretariat", "portefeuille"}
HEAD_OF_STATE = {"chef de l'etat", "cheffe de l'etat", "chef d'etat"}


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

    def add(self, ref: ActorRef) -> None:
        old = self.refs.get(ref.key)
        if old is None:
            self.refs[ref.key] = ref
        else:
            names = tuple(dict.fromkeys(old.names + ref.names))
            self.refs[ref.key] = ActorRef(old.key, old.label, old.kind, old.wikidata, names, old.role or ref.role)


class ActorFinder:
    """Built once per pipeline from the gazetteer; finds mentions in each analysed article."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer):
        self.nlp = nlp
        self.gaz = gazetteer
        media = json.loads((ONTOLOGY / "media.json").read_text(encoding="utf-8"))
        self.media = {fold(n) for n in media["names"]}
        self.media_words = {fold(w) for w in media.get("media_words", ())}
        self.names = PhraseMatcher(nlp.vocab, attr="NORM")
        self.single_token_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.candidates: dict[str, tuple[tuple[str, str], ...]] = {}
        self._add_names()
        self.titles = Matcher(nlp.vocab)
        self.title_starts: set[str] = set()  # the first words of titles
        self.title_length = 0  # tokens in the longest title pattern
        self._add_titles()
        self.groups = GroupFinder(nlp)

    # -- building the matchers from data
    def _add_names(self) -> None:
        table: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for entry in self.gaz.entries.values():
            for name in entry.names:
                table[name].add((entry.id, NAME))
            for name in entry.surnames:
                table[name].add((entry.id, SURNAME))
            for name in entry.capitals + entry.seats:
                table[name].add((entry.id, METONYM))
        by_norm: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for name, ids in table.items():
            doc = make_pattern_doc(self.nlp, name)
            norm = " ".join(t.norm_ for t in doc)
            by_norm[norm] |= ids
            if len(doc) == 1:
                self.single_token_names[norm] += sorted(ids)
        for norm, ids in by_norm.items():
            key = f"name|{norm}"
            self.candidates[key] = tuple(sorted(ids))
            self.names.add(key, [make_pattern_doc(self.nlp, norm)])

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
        self.titles.add(f"title|{role}", [pattern])

    @cached_property
    def leader_words(self) -> set[str]:
        return {fold(w) for w in self.gaz.generic.get("leader_words", ())} | {"dirigeant", "dirigeante", "dirigeants"}

    @cached_property
    def seat_holder_words(self) -> set[str]:
        return {fold(w) for w in self.gaz.generic.get("seat_holder_words", ("chef", "patron", "locataire", "hote", "maitre"))}

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

    # -- finding mentions
    def find(self, doc: Doc, published: date | None, article: ArticleActors) -> list[Mention]:
        name_mentions = self._name_mentions(doc, published, article)
        titles = self.title_matches(doc)  # matched once, used twice
        day = office_day(published, name_mentions, self.gaz, doc.text)
        home = home_country(name_mentions, day, self.gaz)
        title_mentions = self._title_mentions(doc, day, name_mentions, titles, home)
        taken = {i for m in name_mentions + title_mentions for i in range(m.start, m.end)}
        group_mentions = [Mention(g.start, g.end, (g.key,), "group", g.text, label=g.label, aliases=g.aliases)
                          for g in self.groups.find(doc, taken)]
        taken |= {i for m in group_mentions for i in range(m.start, m.end)}
        ner_mentions = self.with_roles(doc, self._ner_mentions(doc, taken, article), titles)
        mentions = sorted(name_mentions + title_mentions + group_mentions + ner_mentions, key=lambda m: (m.start, m.end))
        for m in mentions:
            for key in m.keys:
                article.add(self.ref(key, m))
        return mentions

    def title_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The longest titles of DOC. The matcher runs only where a title's first word is: it tries every one
        of its hundreds of patterns at each token it is given."""
        matches = []
        for i in positions(doc, NORM, self.title_starts):
            window = doc[i:i + self.title_length]
            matches += [(key, i, i + end) for key, start, end in self.titles(window) if start == 0]
        return filter_longest_matches(matches)

    def with_roles(self, doc: Doc, mentions: list[Mention], titles: list[tuple[int, int, int]]) -> list[Mention]:
        """People the gazetteer lacks keep the title the text gives them: "le ministre arménien des Affaires
        étrangères, Ararat Mirzoyan" has the role "ministre arménien des Affaires étrangères"."""
        out = []
        for m in mentions:
            role = None
            for _, start, end in titles:
                between = doc[end:m.start]
                if end <= m.start and len(between) <= 5 and all(
                        t.text == "," or t.norm_ in self.gaz.by_demonym or t.norm_ in PARTICLES or t.pos_ == "PROPN"
                        for t in between):  # "le maire de Lampedusa, Filippo Mannino"
                    role = doc[start:m.start].text.strip(" ,")
            out.append(Mention(m.start, m.end, m.keys, m.via, m.text, role) if role and m.keys[0].startswith("name:")
                       and not m.keys[0].startswith("name:org:") else m)
        return out

    def ref(self, key: str, mention: Mention | None) -> ActorRef:
        entry = self.gaz.entries.get(key)
        if entry is not None:
            named = mention is not None and mention.via in (NAME, SURNAME)
            return ActorRef(key, entry.label, entry.kind, entry.wikidata, (mention.text,) if named else ())
        if key.startswith("group:"):
            return ActorRef(key, mention.label or mention.text, "Group", None, (mention.text, *mention.aliases))
        label = mention.text if key.startswith("name:") else key
        kind = "Organization" if key.startswith("name:org:") else "Person"
        return ActorRef(key, label, kind, None, (mention.text,), mention.role)

    def choose(self, ids: tuple[tuple[str, str], ...], published: date | None) -> tuple[str, str] | None:
        """One actor for a name: full names before surnames before metonyms; between namesakes, whoever held
        office nearest the day; None when that leaves a tie."""
        if not ids:
            return None
        vias = {via for _, via in ids}
        best = NAME if NAME in vias else SURNAME if SURNAME in vias else METONYM
        pool = sorted({(i, v) for i, v in ids if v == best})
        if len(pool) == 1:
            return pool[0]
        if all(self.gaz.entries[i].kind == "Person" for i, _ in pool):
            ranked = sorted((self.gaz.active_near(i, published), i, v) for i, v in pool)
            if ranked[0][0] < ranked[1][0]:
                return ranked[0][1], ranked[0][2]
        return None

    def _name_mentions(self, doc: Doc, published: date | None, article: ArticleActors) -> list[Mention]:
        spans = []
        for match_id, start, end in self.names(doc):
            spans.append(Span(doc, start, end, label=match_id))
        mentions = []
        covered: set[int] = set()
        for span in sorted(filter_longest(spans), key=lambda s: s.start):
            chosen = self.choose(self.candidates[self.nlp.vocab.strings[span.label]], published)
            if chosen and chosen[1] in (NAME, SURNAME) and self.gaz.entries[chosen[0]].kind == "Person" and not all(
                    t.text[:1].isupper() or t.norm_ in PARTICLES or not t.is_alpha for t in span):
                continue  # "le maire" is not Bruno Le Maire: people's names are written with capitals
            if chosen and len(span) == 1 and chosen[1] in (SURNAME, NAME) and self.part_of_longer_name(doc, span):
                continue  # "François Legault" is not Pope François
            if chosen and not self.is_media(span.text):
                mentions.append(Mention(span.start, span.end, (chosen[0],), chosen[1], span.text))
                covered.update(range(span.start, span.end))
        for token in hyphenated(doc):  # "Poutine-Macron", "Russie-Otan": the merged compound names several actors
            if token.i in covered:
                continue
            keys = []
            for part in token.norm_.split("-"):
                chosen = self.choose(tuple(self.single_token_names.get(part, ())), published)
                if chosen and chosen[1] != METONYM:
                    keys.append(chosen[0])
            if len(keys) >= 2 and len(keys) == len(token.norm_.split("-")):
                mentions.append(Mention(token.i, token.i + 1, tuple(dict.fromkeys(keys)), "part", token.text))
        return mentions

    @staticmethod
    def part_of_longer_name(doc: Doc, span: Span) -> bool:
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        capitalised = lambda t: t is not None and t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN"  # noqa: E731
        if after is not None and after.norm_ in PARTICLES and span.end + 1 < len(doc):
            after = doc[span.end + 1]  # "François de Rugy"
        return capitalised(after) or capitalised(before) and before.ent_type_ == "PER"

    def is_media(self, text: str) -> bool:
        return fold(text) in self.media

    def _title_mentions(self, doc: Doc, published: date | None, names: list[Mention],
                        titles: list[tuple[int, int, int]], home: str | None) -> list[Mention]:
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
            people = [p for c in countries if (p := self.holder(role, c, published))]
            singular = not doc[start].norm_.endswith(("s", "x")) and (start == 0 or doc[start - 1].norm_ != "deux")
            if not countries and singular and (earlier := self.last_holder(role, start, names + mentions, published)):
                people = [earlier]  # "le ministre s'est entretenu…": the minister the article named before
                countries = [None]
            elif not countries and singular and home and (own := self.holder(role, home, published)):
                people, countries = [own], [home]  # "le Premier ministre" of the article's home state
            if people and len(people) == len(countries):
                mentions.append(Mention(start, stop, tuple(people), "title", doc[start:stop].text, role))
        mentions += self._leader_word_mentions(doc, published, names, {i for m in mentions for i in range(m.start, m.end)}, home)
        return mentions

    def last_holder(self, role: str, before: int, mentions: list[Mention], published: date | None) -> str | None:
        """The last person named before token BEFORE who was given that title or held that office that day."""
        for m in sorted((m for m in mentions if m.end <= before), key=lambda m: m.start, reverse=True)[:12]:
            for key in m.keys:
                entry = self.gaz.entries.get(key)
                fits = (lambda r: r == role or role == "minister" and r is not None and r.endswith("minister"))  # noqa: E731
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
                countries.append(entry.id)
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
                countries.append(entry.id)
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

    def _leader_word_mentions(self, doc: Doc, published: date | None, names: list[Mention], taken: set[int],
                              home: str | None) -> list[Mention]:
        """"le dirigeant ukrainien", "son homologue russe Vladimir Poutine", "le chef du Kremlin",
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
            for n in ((4, 3, 2) if word in self.phrase_starts else ()):
                phrase = "".join(t.norm_ + t.whitespace_ for t in doc[token.i:token.i + n]).strip()
                if phrase in self.leader_words or phrase in self.counterpart_words:
                    word, end = phrase, token.i + n
                    break
            if word in self.seat_holder_words and end + 1 < len(doc) and doc[end].norm_ in ("du", "de", "d'"):
                seat = self.name_at(names, end + 1, doc)
                if seat and seat.via == METONYM and (p := self.gaz.leader(seat.keys[0], published)):
                    mentions.append(Mention(token.i, seat.end, (p,), "title", doc[token.i:seat.end].text, "leader"))
                continue
            if word not in self.leader_words and word not in self.counterpart_words:
                continue
            countries, stop = self.qualifiers(doc, token.i, end, names)
            following = self.name_after(doc, stop, by_start)
            if following is not None:
                mentions.append(Mention(token.i, following.end, following.keys, following.via, following.text, "leader"))
                continue
            if word.endswith("s") and len(countries) < 2:
                continue  # "les dirigeants de Kiev": a leadership, not one person
            if self.person_follows(doc, stop):
                continue  # "son homologue allemand Christoph Heusgen": the name says who
            if word in HEAD_OF_STATE:  # "le chef de l'État": the president or the monarch (of the article's state)
                people = [self.head_of_state(c, published) for c in countries or ([home] if home else [])]
                if people and all(people):
                    mentions.append(Mention(token.i, stop, tuple(people), "title", doc[token.i:stop].text, "leader"))
                continue
            people = [p for c in countries if (p := self.gaz.leader(c, published))]
            if people and len(people) == len(countries):
                mentions.append(Mention(token.i, stop, tuple(people), "title", doc[token.i:stop].text, "leader"))
        return mentions

    def _ner_mentions(self, doc: Doc, taken: set[int], article: ArticleActors) -> list[Mention]:
        mentions = []
        for ent in doc.ents:
            if ent.label_ not in ("PER", "ORG") or any(i in taken for i in range(ent.start, ent.end)):
                continue
            text = clean_name(ent.text)
            if not text or self.is_media(text) or not text[0].isupper():
                continue
            if ent.label_ == "ORG":
                if any(t.norm_ in PORTFOLIO_WORDS for t in doc[max(ent.start - 4, 0):ent.start]):
                    continue  # "les ministres du Travail, des Transports": portfolios, not organisations
                if len(text) > 2 and not any(w in f" {fold(text)} " for w in (f" {m} " for m in self.media_words)):
                    key = "name:org:" + slug(text)
                    mentions.append(Mention(ent.start, ent.end, (key,), "ner", text))
                continue
            key = self.person_key(text, article)
            if key:
                mentions.append(Mention(ent.start, ent.end, (key,), "ner", text))
        return mentions

    def person_key(self, text: str, article: ArticleActors) -> str | None:
        """A person the gazetteer lacks: full names make a key; a lone surname (even misspelt) joins a full name
        seen earlier in the article."""
        words = [w for w in text.split() if w[:1].isupper() or fold(w) in PARTICLES]
        surname = fold(words[-1]) if words else ""
        if len(words) >= UNKNOWN_PERSON_MIN_TOKENS:
            key = article.unknown_surnames.get(surname) or "name:" + slug(text)
            article.unknown_surnames.setdefault(surname, key)
            return key
        if surname in article.unknown_surnames:
            return article.unknown_surnames[surname]
        close = difflib.get_close_matches(surname, list(article.unknown_surnames), n=1, cutoff=0.8)
        return article.unknown_surnames[close[0]] if close else None


def positions(doc: Doc, attr: int, words: set[str]) -> list[int]:
    """Indices of the tokens whose ATTR (NORM, LOWER…) is one of WORDS, read from the doc's arrays: cheaper
    than making a Token of each word."""
    wanted = [doc.vocab.strings[w] for w in words if w in doc.vocab.strings]
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted)).tolist() if wanted and len(doc) else []


def hyphenated(doc: Doc) -> list[Token]:
    """The tokens with a hyphen inside."""
    if "-" not in doc.text:
        return []
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist() if len(doc) else []
    return [doc[i] for i, orth in enumerate(orths) if "-" in strings[orth]]


def clean_name(text: str) -> str:
    text = re.sub(r"^(MM?\.|Mme|Mmes|Mr|Dr)\s*", "", text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,.;:«»\"'")


def filter_longest(spans: list[Span]) -> list[Span]:
    from spacy.util import filter_spans
    return filter_spans(spans)


def filter_longest_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    chosen: list[tuple[int, int, int]] = []
    for match in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if all(match[2] <= s or match[1] >= e for _, s, e in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m[1])


def entries_of(gaz: Gazetteer, keys: tuple[str, ...]) -> list[Entry]:
    return [gaz.entries[k] for k in keys if k in gaz.entries]


def token_mentions(mentions: list[Mention]) -> dict[int, list[Mention]]:
    table: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        for i in range(m.start, m.end):
            table[i].append(m)
    return table


def is_person(gaz: Gazetteer, key: str) -> bool:
    entry = gaz.entries.get(key)
    return entry.kind == "Person" if entry else not key.startswith(("name:org:", "group:"))

