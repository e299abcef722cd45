"""French date expressions in a sentence, resolved against the article's publication date.

"ce 3 février", "jeudi 3 février", "le 28 et le 31 janvier", "le 26 juin 2020", "vendredi", "samedi matin",
"le 7 février dernier", "hier". A day the text does not give is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)} | {
    "fevrier": 2,
    "aout": 8,
    "decembre": 12,
    "févr": 2,
    "janv": 1,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "déc": 12,
}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_DAY = r"(?:1er|[12]\d|3[01]|0?[1-9])"

# "28 janvier", "jeudi 3 février 2022", "le 28 et le 31 janvier"
DAY_MONTH = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAY})\s+)?(?P<day1>{_DAY})(?:\s+(?:et|ou|-|au)\s+(?:(?:le|du)\s+)?(?P<day2>{_DAY}))?"
    rf"\s+(?P<month>{_MONTH})\.?(?:\s+(?P<year>(?:19|20)\d\d))?(?P<last>\s+dernier)?\b",
    re.IGNORECASE,
)
WEEKDAY = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY})(?:\s+(?P<part>matin|soir|midi|après-midi|apres-midi))?"
    rf"(?:\s+(?P<rel>dernier|prochain|passé|passe))?\b",
    re.IGNORECASE,
)
# "Le 29, Édouard Philippe reçoit…": a day of the month the story is in, without its month
DAY_ONLY = re.compile(
    rf"\b(?:le|ce|dès le|des le)\s+(?P<day>{_DAY})(?=\s*[,;:)]|\s+(?:au soir|au matin|dernier|à|a|au|aux)\b)",
    re.IGNORECASE,
)
RELATIVE_DAY = re.compile(
    r"\b(?P<word>avant-hier|hier|aujourd'hui|aujourd’hui|ce matin|ce soir|cet après-midi)\b", re.IGNORECASE
)
RELATIVE_OFFSET = {
    "avant-hier": -2,
    "hier": -1,
    "aujourd'hui": 0,
    "aujourd’hui": 0,
    "ce matin": 0,
    "ce soir": 0,
    "cet après-midi": 0,
}
# "le lendemain", "la veille": a day counted from the last date the article gave.
NEXT_OR_PREVIOUS = re.compile(
    r"\b(?P<word>le lendemain|la veille|l'avant-veille|le surlendemain)\b(?!\s+(?:de|d'|du|des)\b)", re.IGNORECASE
)  # not "à la veille d'une journée de manifestation": the eve of that, not of the day named before
NEXT_OR_PREVIOUS_OFFSET = {"le lendemain": 1, "la veille": -1, "l'avant-veille": -2, "le surlendemain": 2}
# An event reported up to a week after the publication date is an announcement, not a report.
FUTURE_MARGIN = timedelta(days=7)


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets in the text searched
    end: int
    value: str  # "YYYY-MM-DD" or "--MM-DD"
    future: bool = False  # "lundi prochain"
    weekday: bool = False  # a day named only by its weekday ("samedi")


def iso(day: date) -> str:
    return day.isoformat()


def day_number(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def resolve_day_month(day: int, month: int, year: int | None, published: date | None, past: bool = False) -> str | None:
    if year is None and published is None:
        return f"--{month:02d}-{day:02d}" if valid(2000, month, day) else None
    if year is None:
        year = published.year
        margin = timedelta(0) if past else FUTURE_MARGIN
        if valid(year, month, day) and date(year, month, day) > published + margin:
            year -= 1
    return iso(date(year, month, day)) if valid(year, month, day) else None


def valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def resolve_weekday(name: str, relation: str | None, published: date | None) -> tuple[str | None, bool]:
    if published is None:
        return None, False
    target = WEEKDAYS.index(name.lower())
    if relation and relation.lower() == "prochain":
        ahead = (target - published.weekday()) % 7 or 7
        return iso(published + timedelta(days=ahead)), True
    back = (published.weekday() - target) % 7
    if relation and relation.lower() in ("dernier", "passé", "passe") and back == 0:
        back = 7
    return iso(published - timedelta(days=back)), False


@lru_cache(maxsize=4096)  # a sentence is searched for its own dates and again when it is read for its event's
def find_dates(text: str, published: date | None, last: str | None = None) -> tuple[DateMention, ...]:
    """Every resolvable date mention in TEXT, in order of appearance; LAST is the article's previous full date,
    for "le lendemain" and "la veille"."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in DAY_MONTH.finditer(text):
        month = MONTH_NUMBER[m["month"].lower()]
        year = int(m["year"]) if m["year"] else None
        for group in ("day1", "day2"):
            if m[group]:
                value = resolve_day_month(day_number(m[group]), month, year, published, past=bool(m["last"]))
                start = m.start(group) if group == "day2" else m.start()
                end = m.end() if group == "day2" or not m["day2"] else m.end(group)
                if value:
                    found.append(DateMention(start, end, value))
        taken.append(m.span())
    for m in WEEKDAY.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value, future = resolve_weekday(m["weekday"], m["rel"], published)
        if value:
            found.append(DateMention(m.start(), m.end(), value, future, weekday=True))
    for m in DAY_ONLY.finditer(text):
        value = day_of_month(day_number(m["day"]), published, last)
        if value and not any(s <= m.start() < e for s, e in taken):
            found.append(DateMention(m.start(), m.end(), value))
    for m in RELATIVE_DAY.finditer(text):
        if published is not None:
            offset = RELATIVE_OFFSET[m["word"].lower().replace("’", "'")]
            found.append(DateMention(m.start(), m.end(), iso(published + timedelta(days=offset))))
    for m in NEXT_OR_PREVIOUS.finditer(text.replace("’", "'")):
        before = [d.value for d in sorted(found, key=lambda d: d.start) if d.end <= m.start() and not d.future]
        value = shifted(before[-1] if before else last, NEXT_OR_PREVIOUS_OFFSET[m["word"].lower()])
        if value:  # "convoque le 2 décembre une réunion, et Philippe reçoit le lendemain": 3 December
            found.append(DateMention(m.start(), m.end(), value))
    return tuple(sorted(found, key=lambda d: d.start))


def day_of_month(day: int, published: date | None, last: str | None) -> str | None:
    """The day DAY of the month the story is in: that of the article's previous full date, else the last one on
    or before publication."""
    months = []
    if last and re.fullmatch(r"\d{4}-\d\d-\d\d", last):
        known = date.fromisoformat(last)  # a chronology goes on: "Le 27 novembre… Le 29… Le 3" is 3 December
        after = (known.replace(day=28) + timedelta(days=4)) if day < known.day else known
        months.append((after.year, after.month))
    if published is not None:
        before = published.replace(day=1) - timedelta(days=1)
        months += [(published.year, published.month), (before.year, before.month)]
    for year, month in months:
        if valid(year, month, day) and (published is None or date(year, month, day) <= published):
            return iso(date(year, month, day))
    return None


def shifted(day: str | None, offset: int) -> str | None:
    """DAY ("YYYY-MM-DD", or "--MM-DD" when the year is unknown) moved by OFFSET days."""
    if day and re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return iso(date.fromisoformat(day) + timedelta(days=offset))
    if day and re.fullmatch(r"--\d\d-\d\d", day):
        moved = date.fromisoformat("2001" + day[1:]) + timedelta(days=offset)  # a year without 29 February
        return f"--{moved.month:02d}-{moved.day:02d}"
    return None
