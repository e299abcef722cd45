"""When, where and how long: the day, place and duration of the exchange a cue names.

The day comes, in this order, from the date expressions the parse attaches to the cue or its clause
("text"); from the story's day, the last day the paragraph gave before it ("context"); from the
publication day when the article reports it as the day's news ("publication"). A pluperfect ("avait
reçu"), "récemment", "déjà", a month or a year without a day, or "il y a" say the story is older: no day then.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from kg.extract.cues import lemma
from kg.extract.dates import DateMention
from kg.extract.lexicon import Lexicon
from kg.text import fold

TEXT, CONTEXT, PUBLICATION = "text", "context", "publication"
SUBCLAUSES = {"ccomp", "advcl", "parataxis", "acl:relcl", "acl", "csubj", "xcomp", "conj"}
OLDER = re.compile(
    r"\b(récemment|recemment|déjà|deja|naguère|jadis|autrefois|il y a|l'an dernier|l'année dernière|en (19|20)\d\d|"
    r"(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
    r"(?! dernier)|plusieurs fois|à plusieurs reprises|régulièrement|souvent|cette semaine|la semaine dernière|la semaine passée|ces derniers jours|ces dernières semaines|le mois dernier|ce mois-ci|cet été|cet hiver|cet automne|ce printemps|"
    r"(?:en )?(?:tout )?(?:début|fin) d'année|en (?:début|fin) de (?:semaine|mois))\b",
    re.IGNORECASE,
)
DURATION = re.compile(
    r"(?<!vers )(?<!plus d')(?<!plus de )(?<!près de )(?<!à )\b(?P<h>une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|\d{1,2})\s+heures?"
    r"(?:\s+(?:et\s+)?(?P<m>quart|demie|quarante-cinq|quarante|trente|vingt|quinze|dix|cinq|\d{1,2})(?:\s+minutes?)?)?"
    r"(?!\s*(?:du matin|du soir|de l'après-midi))"
    r"|\b(?P<mo>quarante-cinq|quarante|trente|vingt|quinze|\d{1,3})\s+minutes",
    re.IGNORECASE,
)
NUMBERS = {
    "une": 1,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "quarante-cinq": 45,
    "quart": 15,
    "demie": 30,
}
FOREIGN_CLAUSES = ("advcl", "ccomp", "acl:relcl", "parataxis", "csubj")


def anchor_token(sent: Span, mention: DateMention) -> Token:
    """The head token of a date expression found in the sentence text."""
    start, end = sent.start_char + mention.start, sent.start_char + mention.end
    tokens = [t for t in sent if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return sent.root
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else tokens[0]


def clause_verb(token: Token) -> Token:
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def own_days(
    trigger: Token, triggers: set[int], dates: list[tuple[DateMention, Token]], own_clause: set[int], lex: Lexicon
) -> list[str]:
    """The days the text gives the cue: attached to it, else to its clause's verb or a verb above it that
    does not only report ("a déclaré le 1er février que la rencontre…")."""
    own, clause = [], []
    ancestors = {a.i for a in trigger.ancestors}
    for mention, anchor in dates:
        token, owner, foreign, described = anchor, None, False, False
        for _ in range(12):
            if token.i in triggers:
                owner = token
                break
            if token.head.i == token.i or token.pos_ in ("VERB", "AUX") and token.i in ancestors:
                break  # the cue's own clause: not the day of a cue above it ("le débat qui a débuté mardi avec
                # la rencontre entre…" is the rencontre's day too)
            if token.dep_ in FOREIGN_CLAUSES and token.pos_ in ("VERB", "AUX"):
                foreign = True  # the day of another clause ("avant que la styliste ne signe… le 19 mai")
            if (
                token.dep_ == "acl"
                and token.pos_ == "VERB"
                and token.head.i not in triggers
                and fold(token.head.text) not in lex.transparent_nouns
            ):
                described = True  # the day of a participle describing someone ("des policiers pris à partie
                # samedi"), not of the event's own participle ("pourparlers tenus le 10", "une réunion au sein
                # du Conseil organisée le 12", hung on "sein")
            token = token.head
        if described or foreign and (owner is None or owner.i != trigger.i or anchor.i not in own_clause):
            continue
        if owner is not None and owner.i == trigger.i:
            own.append(mention)
        elif owner is None:
            clause.append((mention, anchor))
    if own:
        return list(dict.fromkeys(m.value for m in own if not m.future))
    verb = clause_verb(trigger.head if trigger.pos_ == "NOUN" else trigger)
    near = [
        (abs(anchor.i - trigger.i), m.value)
        for m, anchor in dates
        if (m, anchor) in clause
        and not m.future
        and (
            clause_verb(anchor).i == verb.i
            or (anchor.head.i in ancestors or anchor.i in ancestors)
            and lemma(clause_verb(anchor)) not in lex.reporting_verbs
        )
    ]
    return [min(near)[1]] if near else []


def older_story(trigger: Token) -> bool:
    """Whether the cue's clause tells of an earlier time than the day's news."""
    verb = clause_verb(trigger.head if trigger.pos_ == "NOUN" else trigger)
    for aux in (c for c in verb.children if c.dep_ == "aux:tense"):
        if (
            "Imp" in aux.morph.get("Tense")
            or "Past" in aux.morph.get("Tense")
            and aux.morph.get("VerbForm") != ["Part"]
        ):
            return True  # "avait reçu": pluperfect
    sent = trigger.sent
    spans = (sent.char_span(m.start(), m.end(), alignment_mode="expand") for m in OLDER.finditer(sent.text))
    return any(span is not None and not other_clause(span[0], trigger) for span in spans)


def other_clause(token: Token, trigger: Token) -> bool:
    """Whether TOKEN is in a clause under the sentence's that does not hold the cue: "le gouvernement maintient
    les mesures annoncées en novembre" tells nothing of when the discussion it follows took place."""
    while token.head.i != token.i:
        if token.dep_ in SUBCLAUSES and not (token.left_edge.i <= trigger.i <= token.right_edge.i):
            return True
        token = token.head
    return False


def just_done(trigger: Token) -> bool:
    """ "Il vient de promettre dans une lettre…": done just before the article was written, not on the day the
    sentence before tells of."""
    verb = clause_verb(trigger.head if trigger.pos_ == "NOUN" else trigger)
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        if lemma(verb.head) == "venir" and any(fold(c.text) in ("de", "d'") for c in verb.children if c.dep_ == "mark"):
            return True
        verb = verb.head
    return False


def fallback_day(trigger: Token, context_day: str | None, published: date | None) -> tuple[str | None, str | None]:
    """The story's day, else the publication day, for a cue whose clause gives none (with how it was known)."""
    if older_story(trigger):
        return None, None
    if context_day and not just_done(trigger):
        return context_day, CONTEXT
    if published is not None:
        return published.isoformat(), PUBLICATION
    return None, None


def duration_of(sent: Span) -> str | None:
    m = DURATION.search(sent.text)
    if not m:
        return None
    if m["mo"]:
        return f"PT{NUMBERS.get(fold(m['mo'])) or int(m['mo'])}M"
    hours = NUMBERS.get(fold(m["h"])) or int(m["h"])
    minutes = (NUMBERS.get(fold(m["m"])) or int(m["m"])) if m["m"] else 0
    return f"PT{hours}H{minutes}M" if minutes else f"PT{hours}H"


def place_of(trigger: Token, is_place) -> str | None:
    """Where it happened: a place ("à Genève") attached to the cue, its verb or a participle after it."""
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX"):
        heads.append(trigger.head)
    heads += [c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB"]  # "pourparlers tenus à Genève"
    for head in heads:
        for child in head.children:
            if child.i != trigger.i and is_place(child):
                if child.ent_type_ == "LOC":
                    ent = next((e for e in child.doc.ents if e.start <= child.i < e.end), None)
                    if ent is not None:
                        return ent.text
                return child.text
    return None
