"""Which state an article's bare titles belong to, and on which day its offices are read.

"Le Premier ministre", "le chef de l'État", "le ministre de l'Intérieur" name no state: they belong to the
article's home state, the one its named people and places point to most ("Édouard Philippe", "Matignon",
"la France"). Offices are read on the publication day; an article without one is read on a day all its named
office-holders were active together (the middle of that span), for its titles only, never for its events."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

from kg.knowledge.gazetteer import Gazetteer

NAMED = ("name", "surname", "metonym", "part")
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
FORMER = {"ancien", "ancienne", "anciens", "anciennes", "ex", "ex-"}  # token norms
FORMER_WITHIN = 6  # words from a former-word to the name it qualifies ("les anciens présidents X et Y")
OUTLET_VOTE = 2  # as much as one office-holder named


def office_day(
    published: date | None, names, gaz: Gazetteer, text: str = "", succession: bool = False, former=frozenset()
) -> date | None:
    """PUBLISHED, else a day on which most of the office-holders NAMES names held office: in the last year the
    text names within that span ("le 17 novembre 2018"), else its middle. A text that tells a SUCCESSION ("son
    prédécesseur") is read after the later tenure of any office two people it names held in turn; one that calls
    people FORMER office-holders ("les anciens présidents François Hollande et Nicolas Sarkozy") after their last."""
    if published is not None:
        return published
    spans = []
    holders: dict[tuple[str, str], set[tuple[str, date]]] = defaultdict(set)
    ended = date.min
    for key in {k for m in names if m.via in ("name", "surname") for k in m.keys}:
        entry = gaz.entries.get(key)
        if key in former and entry is not None:
            ended = max([ended, *(o.end for o in entry.offices if o.end)])
            continue
        for office in entry.offices if entry is not None else ():
            if office.start:
                spans.append((key, office.start, office.end or date.today()))
                holders[(office.role, office.of)].add((key, office.start))
    if not spans:
        return None
    # "Le président français (…) son prédécesseur" with Emmanuel Macron and François Hollande named is written
    # after 14 May 2017, not while the one was the other's minister. Without such words, people named in other
    # roles may have held the office later (Alexander De Croo, minister of Charles Michel, his successor in 2020).
    successions = [max(s for _, s in held) for held in holders.values() if len({k for k, _ in held}) > 1]
    floor = max(max(successions, default=date.min) if succession else date.min, ended)
    bounds = sorted({b for _, s, e in spans for b in (s, e) if b >= floor})
    best: tuple[int, int, date, date] | None = None
    for first, last in zip(bounds, bounds[1:]):
        active = len({k for k, s, e in spans if s <= first and last <= e})
        if best is None or (active, (last - first).days) > best[:2]:
            best = (active, (last - first).days, first, last)
    if best is None:
        return None
    _, _, first, last = best
    years = sorted({int(y) for y in YEAR.findall(text) if first.year <= int(y) <= last.year}, reverse=True)
    if years:
        return min(max(date(years[0], 7, 1), first), last)
    return first + timedelta(days=(last - first).days // 2)


def formerly_holders(doc, names) -> set[str]:
    """The people the text calls former office-holders: "les anciens présidents François Hollande et Nicolas
    Sarkozy", "l'ex-Premier ministre X" (a former-word a few words before the name, no verb between)."""
    found = set()
    for m in names:
        sent = doc[m.start].sent
        before = doc[max(m.start - FORMER_WITHIN, sent.start) : m.start]
        at = max((t.i for t in before if t.norm_ in FORMER), default=None)
        if at is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[at : m.start]):
            found.update(m.keys)
    return found


def home_country(names, day: date | None, gaz: Gazetteer, outlet: str | None = None) -> str | None:
    """The state the article's named actors point to most: states named, the states of the people named that
    held office on DAY, and OUTLET, the state whose news the outlet reports first, which weighs as one person
    named: "Le chef de l'État a téléphoné à Angela Merkel" in Le Figaro is France's, one German named is no
    German story; Angela Merkel named twice is, and so is "Matignon a précisé" in La Libre."""
    votes: Counter[str] = Counter()
    if outlet is not None:
        votes[outlet] += OUTLET_VOTE
    for m in names:
        if m.via not in NAMED:
            continue
        for key in m.keys:
            entry = gaz.entries.get(key)
            if entry is None:
                continue
            if entry.kind == "Country":  # a seat of power is a place and speaks as its holder does ("Matignon a dit")
                votes[key] += 3 if m.via == "metonym" else 1
            for office in gaz.in_office(key, day):  # people weigh more than places: they say whose news it is
                if gaz.entries.get(office.of) is not None and gaz.entries[office.of].kind == "Country":
                    votes[office.of] += 2
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2) + [(None, 0)]
    return best if n > rest[0][1] else None
