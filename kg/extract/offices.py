"""Which state an article's bare titles belong to, and on which day its offices are read.

"Le Premier ministre", "le chef de l'État", "le ministre de l'Intérieur" name no state: they belong to the
article's home state, the one its named people and places point to most ("Édouard Philippe", "Matignon",
"la France"). Offices are read on the publication day; an article without one is read on a day all its named
office-holders were active together (the middle of that span), for its titles only, never for its events."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from kg.gazetteer import Gazetteer

NAMED = ("name", "surname", "metonym", "part")


def office_day(published: date | None, names, gaz: Gazetteer) -> date | None:
    """PUBLISHED, else the middle of the span in which every office-holder NAMES names was active."""
    if published is not None:
        return published
    start, end = date.min, date.max
    for key in {k for m in names if m.via in ("name", "surname") for k in m.keys}:
        entry = gaz.entries.get(key)
        if entry is None or not entry.offices:
            continue
        first = min((o.start for o in entry.offices if o.start), default=date.min)
        last = date.max if any(o.end is None for o in entry.offices) else max(o.end for o in entry.offices)
        start, end = max(start, first), min(end, last)
    if start == date.min or start > end:
        return None
    end = min(end, date.today())
    return start + timedelta(days=(end - start).days // 2)


def home_country(names, day: date | None, gaz: Gazetteer) -> str | None:
    """The state the article's named actors point to most: states named, and the states of the people named
    that held office on DAY."""
    votes: Counter[str] = Counter()
    for m in names:
        if m.via not in NAMED:
            continue
        for key in m.keys:
            entry = gaz.entries.get(key)
            if entry is None:
                continue
            if entry.kind == "Country":
                votes[key] += 1
            for office in gaz.in_office(key, day):
                if gaz.entries.get(office.of) is not None and gaz.entries[office.of].kind == "Country":
                    votes[office.of] += 1
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2) + [(None, 0)]
    return best if n > rest[0][1] else None
