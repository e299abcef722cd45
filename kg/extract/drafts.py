"""The events an article is telling, as they are read (Draft), what the article has told so far (StoryState),
and the one rule for when two reports are one event (add).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract import when
from kg.extract.coref import Discourse
from kg.extract.cues import lemma
from kg.extract.lexicon import Lexicon
from kg.model import KIND_RANK

if TYPE_CHECKING:
    from kg.extract.participants import ParticipantReader


@dataclass
class Draft:
    """An event being read from one article."""

    kind: str
    participants: tuple[str, ...]
    date: str | None
    sentence: int  # index of the sentence that states it
    evidence: list[str] = field(default_factory=list)
    context: list[int] = field(default_factory=list)  # sentence indices about it
    date_basis: str | None = None
    duration: str | None = None
    place: str | None = None
    initiator: str | None = None
    request: bool = False  # "X a demandé à Y de…": an exchange of its own, never merged with a meeting


@dataclass
class StoryState:
    """What the article has told so far, for the sentences after."""

    discourse: Discourse
    drafts: list[Draft] = field(default_factory=list)
    story_day: str | None = None  # the day of the event the current paragraph told last
    last_day: str | None = None  # the last day the text named, for "le lendemain", "la veille"
    previous_day: str | None = None  # the last day the sentence before named, in the same paragraph
    current: Draft | None = None
    since_current: int = 0
    # Lead sentences about an event not yet named ("Une heure quarante-cinq d'échange au téléphone…"): (kind,
    # duration, sentence), for the next event told.
    pending: list[tuple[str, str | None, int]] = field(default_factory=list)
    # The people of an exchange the text told as not (yet) real ("avait refusé de recevoir les responsables du
    # mouvement"), and its sentence: "Un premier rendez-vous a eu lieu jeudi" right after is theirs.
    proposed: tuple[tuple[str, ...], int] | None = None


def upgrade(target: Draft, kind: str, duration: str | None) -> None:
    if KIND_RANK[kind] > KIND_RANK[target.kind] and kind != "Meeting":
        target.kind = kind
    target.duration = target.duration or duration


def add(drafts: list[Draft], draft: Draft) -> Draft:
    """Merge with an event of the article with the same participants and a day that agrees: the same day,
    or a day only guessed (from the story or the publication) on either side: "X a reçu Y" and "leur
    rencontre de mardi" are one meeting."""
    same = [
        d
        for d in drafts
        if same_people(d.participants, draft.participants)
        and d.request == draft.request
        and (d.kind == draft.kind or "Communication" in (d.kind, draft.kind))
    ]
    guessed = lambda d: d.date is None or d.date_basis != when.TEXT  # noqa: E731
    candidates = [d for d in same if d.date == draft.date] + [d for d in same[::-1] if guessed(d) or guessed(draft)]
    for old in candidates:
        old.participants = max(old.participants, draft.participants, key=lambda p: sum(map(len, p)))
        if KIND_RANK[draft.kind] > KIND_RANK[old.kind]:
            old.kind = draft.kind
        if draft.date and (old.date is None or guessed(old) and not guessed(draft)):
            old.date, old.date_basis = draft.date, draft.date_basis
        old.evidence += [e for e in draft.evidence if e not in old.evidence]
        old.context += [c for c in draft.context if c not in old.context]
        old.duration = old.duration or draft.duration
        old.place = old.place or draft.place
        old.initiator = old.initiator or draft.initiator
        return old
    drafts.append(draft)
    return draft


def same_people(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same participants, a collective maybe named more briefly in one report: "les maires" are the
    "trentaine de maires de l'Indre" the article tells of."""
    if a == b:
        return True
    if len(a) != len(b) or not any(k.startswith("group:") for k in a):
        return False
    shorter, longer = sorted((a, b), key=lambda p: sum(map(len, p)))
    rest = list(longer)
    for key in shorter:
        match = next((k for k in rest if k == key or key.startswith("group:") and k.startswith(key + "-")), None)
        if match is None:
            return False
        rest.remove(match)
    return True


PROPOSED_WITHIN = 2  # how many sentences after an exchange told as not yet real "a rendez-vous took place" is it


def remember_proposed(cue: Token, reader: ParticipantReader, state: StoryState, i: int, lex: Lexicon) -> None:
    if lemma(cue) in lex.visit_nouns or any(lemma(a) in lex.cancel_verbs for a in list(cue.ancestors)[:3]):
        return  # "a décidé de reporter sa visite en Serbie. Une réunion de crise s'est tenue…": another one
    agents, partners = reader.of(cue)
    if people := tuple(dict.fromkeys(agents + partners)):
        state.proposed = (people, i)


def proposed_for(cue: Token, reader: ParticipantReader, state: StoryState, i: int) -> tuple[str, ...]:
    """The people of the exchange told as not yet real in the sentence before, for a noun cue saying that an
    exchange of nobody named took place ("Un premier rendez-vous a eu lieu jeudi à Matignon")."""
    if state.proposed is None or cue.pos_ != "NOUN" or not 0 < i - state.proposed[1] <= PROPOSED_WITHIN:
        return ()
    if (verb := reader.happening(cue)) is None:
        return ()
    people = tuple(dict.fromkeys(state.proposed[0] + tuple(reader.host_of_seat(verb))))  # "… à Matignon"
    return people if len(people) >= 2 else ()
