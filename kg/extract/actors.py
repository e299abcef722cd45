"""Actor mentions in an analysed article: gazetteer names, seats of power, titles (kg.extract.titles), collectives
(kg.extract.groups), spaCy's people and organisations the gazetteer lacks, an organisation's acronym.

A Mention (kg.extract.mentions) covers tokens [start, end) and names one or more actors (a plural title such as
"les présidents russe et français" names two)."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from datetime import date

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg import knowledge
from kg.extract.caucus import Caucuses
from kg.extract.descriptions import Descriptions
from kg.extract.governments import GovernmentFinder
from kg.extract.groups import GroupFinder
from kg.extract.mentions import METONYM, NAME, PARTICLES, SURNAME, ArticleActors, Mention, without_spelled_out_acronyms
from kg.extract.offices import formerly_holders, home_country, office_day
from kg.extract.roles import RoleWords
from kg.extract.titles import TitleFinder
from kg.knowledge.gazetteer import Gazetteer
from kg.model import ActorRef
from kg.nlp import make_pattern_doc
from kg.text import fold, slug

UNKNOWN_PERSON_MIN_TOKENS = 2
PORTFOLIO_WORDS = {"ministre", "ministres", "ministere", "ministeres", "secretaire", "secretariat", "portefeuille"}


class ActorFinder:
    """Built once per pipeline from the gazetteer; finds mentions in each analysed article."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer):
        self.nlp = nlp
        self.gaz = gazetteer
        media = knowledge.data("media.json")
        self.media = {fold(n) for n in media["names"]}
        self.media_words = {fold(w) for w in media.get("media_words", ())}
        self.outlet_states = {fold(k): v for k, v in media.get("outlet_states", {}).items()}
        self.names = PhraseMatcher(nlp.vocab, attr="NORM")
        self.single_token_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.candidates: dict[str, tuple[tuple[str, str], ...]] = {}
        self.lowercase_ok: set[str] = set()  # matcher keys of names the gazetteer also writes in lowercase
        self._add_names()
        self.titles = TitleFinder(nlp, gazetteer)
        self.roles = RoleWords(nlp, gazetteer)
        self.groups, self.caucuses = GroupFinder(nlp), Caucuses(gazetteer)
        self.governments = GovernmentFinder(gazetteer)
        self.descriptions = Descriptions(nlp, gazetteer)

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
        patterns: dict[str, Doc] = {}
        for name, ids in table.items():
            doc = make_pattern_doc(self.nlp, name)
            norm = " ".join(t.norm_ for t in doc)
            by_norm[norm] |= ids
            patterns.setdefault(norm, doc)  # the name's own tokens: "d' etat" read again would be "d", "'", "etat"
            if not name[:1].isupper():
                self.lowercase_ok.add(f"name|{norm}")
            if len(doc) == 1:
                self.single_token_names[norm] += sorted(ids)
        for norm, ids in by_norm.items():
            key = f"name|{norm}"
            self.candidates[key] = tuple(sorted(ids))
            self.names.add(key, [patterns[norm]])

    # -- finding mentions
    def find(self, doc: Doc, published: date | None, article: ArticleActors) -> list[Mention]:
        name_mentions = self._name_mentions(doc, published, article)
        titles = self.titles.matches(doc)  # matched once, used twice
        succession = self.descriptions.tells_succession(doc)
        former = formerly_holders(doc, name_mentions) if published is None else set()
        day = office_day(published, name_mentions, self.gaz, doc.text, succession, former)
        home = home_country(name_mentions, day, self.gaz, article.outlet_state) or article.outlet_state
        title_mentions = self.titles.mentions(doc, day, name_mentions, titles, home, estimated=published is None)
        name_mentions, title_mentions = self._governments(doc, home, name_mentions, titles, title_mentions)
        name_mentions, caucuses = self.caucuses.find(doc, name_mentions)  # "les députés LREM": a group
        taken = {i for m in name_mentions + title_mentions for i in range(m.start, m.end)}

        def holder(role: str, at: int) -> str | None:  # a bare title's holder: named before, else the home state's
            if earlier := self.titles.last_holder(role, at, name_mentions + title_mentions, day):
                return earlier
            own = home and (published is not None or self.titles.is_leader(role))
            return self.titles.holder(role, home, day) if own else None

        title_mentions += self.roles.shared_mentions(doc, titles, taken, holder)
        title_mentions += self.roles.shortened_mentions(doc, day, name_mentions + title_mentions, taken)
        title_mentions += self.roles.nameless_holders(doc, titles, name_mentions, taken)
        taken = {i for m in name_mentions + title_mentions for i in range(m.start, m.end)}
        met = {k.removeprefix("group:") for k in article.refs if k.startswith("group:")}
        others = [n for k, r in article.refs.items() if not k.startswith("group:") for n in (r.label, *r.names)]
        others += [m.text for m in name_mentions + title_mentions]
        taken |= {i for m in caucuses for i in range(m.start, m.end)}
        group_mentions = caucuses + [
            Mention(g.start, g.end, (g.key,), "group", g.text, label=g.label, aliases=g.aliases)
            for g in self.groups.find(doc, taken, met, others)
        ]
        taken |= {i for m in group_mentions for i in range(m.start, m.end)}
        ner_mentions = self.titles.with_roles(doc, self._ner_mentions(doc, taken, article), titles)
        mentions = sorted(
            name_mentions + title_mentions + group_mentions + ner_mentions, key=lambda m: (m.start, m.end)
        )
        taken |= {i for m in ner_mentions for i in range(m.start, m.end)}  # "le syndicat", "son prédécesseur"
        mentions += self.descriptions.organisations(doc, mentions, taken, article)
        mentions += self.descriptions.successions(doc, sorted(mentions, key=lambda m: m.start), taken, day)
        mentions = without_spelled_out_acronyms(sorted(mentions, key=lambda m: (m.start, m.end)), doc, self.gaz)
        for m in mentions:
            for key in m.keys:
                article.add(self.ref(key, m))
        return mentions

    def _governments(
        self, doc: Doc, home: str | None, names: list[Mention], titles, title_mentions
    ) -> tuple[list[Mention], list[Mention]]:
        """NAMES without the governments that only qualify a title ("le chef du gouvernement italien" is Giuseppe
        Conte, not also the Italian government); TITLE_MENTIONS with the bare governments (kg.extract.governments)."""
        in_title = {i for m in title_mentions for i in range(m.start, m.end)}
        names = [m for m in names if m.start not in in_title or self.gaz.state_of(m.keys[0]) == m.keys[0]]
        # "le porte-parole du gouvernement": a title, even one the gazetteer cannot say who holds
        taken = in_title | {i for m in names for i in range(m.start, m.end)}
        taken |= {i for _, start, end in titles for i in range(start, end)}
        governments = self.governments.find(doc, names, taken, home)
        inside = {i for m in governments for i in range(m.start, m.end)}  # "le gouvernement de Justin Trudeau"
        return [m for m in names if m.start not in inside], title_mentions + governments

    def outlet_state(self, outlet: str | None) -> str | None:
        return self.outlet_states.get(fold(outlet)) if outlet else None

    def ref(self, key: str, mention: Mention | None) -> ActorRef:
        entry = self.gaz.entries.get(key)
        if entry is not None:
            named = mention is not None and mention.via in (NAME, SURNAME)
            return ActorRef(key, entry.label, entry.kind, entry.wikidata, (mention.text,) if named else ())
        if key.startswith("group:"):
            return ActorRef(key, mention.label or mention.text, "Group", None, (mention.text, *mention.aliases))
        label = (mention.label or mention.text) if key.startswith("name:") else key
        kind = "Organization" if key.startswith("name:org:") else "Person"
        aliases = () if mention.via == "description" else (mention.text,)  # "ce groupe" is no name of it
        return ActorRef(key, label, kind, None, aliases, mention.role)

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
            key = self.nlp.vocab.strings[span.label]
            chosen = self.choose(self.candidates[key], published)
            if (
                chosen
                and len(span) == 1
                and self.gaz.entries[chosen[0]].kind == "Organization"
                and key not in self.lowercase_ok
                and not span.text[:1].isupper()
            ):
                continue  # "au total", "un carrefour": a one-word organisation is written with its capital
            if (
                chosen
                and chosen[1] in (NAME, SURNAME)
                and self.gaz.entries[chosen[0]].kind == "Person"
                and key not in self.lowercase_ok  # "roi Philippe" is written so in the gazetteer
                and not all(t.text[:1].isupper() or t.norm_ in PARTICLES or not t.is_alpha for t in span)
            ):
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

    def _ner_mentions(self, doc: Doc, taken: set[int], article: ArticleActors) -> list[Mention]:
        mentions = []
        for ent in doc.ents:
            if ent.label_ not in ("PER", "ORG") or any(i in taken for i in range(ent.start, ent.end)):
                continue
            text = clean_name(ent.text)
            if not text or self.is_media(text) or not text[0].isupper():
                continue
            if ent.label_ == "ORG":
                if any(t.norm_ in PORTFOLIO_WORDS for t in doc[max(ent.start - 4, 0) : ent.start]):
                    continue  # "les ministres du Travail, des Transports": portfolios, not organisations
                if len(text) > 2 and not any(w in f" {fold(text)} " for w in (f" {m} " for m in self.media_words)):
                    key = article.acronyms.get(fold(text)) or "name:org:" + slug(text)
                    acronym = acronym_after(doc, ent.end)
                    if acronym and initials(text) == acronym:  # "la Ligue des droits de l'homme (LDH)"
                        article.acronyms.setdefault(fold(acronym), key)
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


def hyphenated(doc: Doc) -> list[Token]:
    """The tokens with a hyphen inside."""
    if "-" not in doc.text:
        return []
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist() if len(doc) else []
    return [doc[i] for i, orth in enumerate(orths) if "-" in strings[orth]]


def acronym_after(doc: Doc, i: int) -> str | None:
    """The acronym in brackets right after token I ("(LDH)"), if any."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper():
        return doc[i + 1].text
    return None


def initials(name: str) -> str:
    """ "Ligue des droits de l'homme" -> "LDH": the first letters of its words that are not particles."""
    words = re.split(r"[\s'’-]+", name)
    return "".join(
        w[0].upper() for w in words if w and fold(w) not in PARTICLES | {"et", "pour", "sur", "en", "l", "d"}
    )


def clean_name(text: str) -> str:
    text = re.sub(r"^(MM?\.|Mme|Mmes|Mr|Dr)\s*", "", text.strip())
    text = re.sub(r"\s+", " ", text).strip(" ,.;:«»\"'")
    return re.sub(r"\s+(?:de la|de l['’]|des|du|de|d['’])$", "", text)  # "Conseil de sécurité de l’" cut short


def filter_longest(spans: list[Span]) -> list[Span]:
    from spacy.util import filter_spans

    return filter_spans(spans)
