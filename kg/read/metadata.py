"""An article's metadata: the fields of its metadata.json entry or its JSON Lines "meta" object, and the
publication day when they lack it, from its URL, else a dateline.

Many news sites write the day into their addresses (`/2018/11/27/`, `/201812/01/`, `-29-11-2018-`,
`20181127ART…`); htmldate reads only the first of these shapes, so the shapes are listed here. A dateline
is a date at the very top of the text ("PARIS, 27 novembre 2018 (AFP) -", "Publié le 27/11/2018"). Nothing
else is guessed: an article without either stays undated.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from kg.read.decoding import normalise

META_FIELDS = ("url", "outlet", "title")

# Each shape with its groups named; the first that gives a valid day in range wins.
URL_SHAPES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),
    re.compile(r"[-_/](?P<d>[0-3]\d)-(?P<m>[01]\d)-(?P<y>(?:19|20)\d\d)(?:[-_/.]|$)"),
    re.compile(r"[-_/](?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[-_/.T]|$)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:ART|_|-|\.|/|$)"),
)
MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
DATELINE = re.compile(
    r"^\s*(?:(?:Publié|Mis en ligne)\s+le\s+(?P<d1>[0-3]?\d)/(?P<m1>[01]?\d)/(?P<y1>(?:19|20)\d\d)"
    r"|[A-ZÉÈ][\w' -]{1,40},\s+(?:le\s+)?(?P<d2>[0-3]?\d)(?:er)?\s+(?P<m2>"
    + "|".join(MONTHS)
    + r")\s+(?P<y2>(?:19|20)\d\d)"
    r"\s*(?:\((?:AFP|Reuters|AP|Belga|ATS|APS|PC)\)|[-–—:]))",
    re.IGNORECASE | re.MULTILINE,
)
EARLIEST = date(1990, 1, 1)


def valid_day(year: str, month: str, day: str) -> date | None:
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if EARLIEST <= found <= date.today() else None


def from_url(url: str | None) -> date | None:
    """The day an article's address gives, if any."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    for shape in URL_SHAPES:
        for m in shape.finditer(path):
            if found := valid_day(m["y"], m["m"], m["d"]):
                return found
    return None


def from_dateline(text: str) -> date | None:
    """The day of a dateline in the first lines of TEXT, if any."""
    m = DATELINE.search(text[:400])
    if m is None:
        return None
    if m["d1"]:
        return valid_day(m["y1"], m["m1"], m["d1"])
    return valid_day(m["y2"], str(MONTHS[m["m2"].lower()]), m["d2"])


def publication_day(url: str | None, text: str) -> date | None:
    """The publication day when the metadata lacks it: the URL's, else the dateline's."""
    return from_url(url) or from_dateline(text)


def metadata_fields(meta: Any, meta_name: str) -> tuple[dict[str, Any], list[str]]:
    """Document fields from a metadata object, and the reasons for what was left out."""
    if meta is None:
        return {}, []
    if not isinstance(meta, dict):
        return {}, [f"{meta_name} is not an object; read without metadata"]
    fields: dict[str, Any] = {}
    problems: list[str] = []
    published = meta.get("published")
    if published not in (None, ""):
        day = parse_published(published)
        if day is None:
            problems.append(f"published date {published!r} is not a valid date; read without a publication date")
        fields["published"] = day
    for name in META_FIELDS:
        value = meta.get(name)
        if isinstance(value, str):
            value = " ".join(normalise(value).split())
            fields[name] = value or None
        elif value is not None:
            problems.append(f"{name} is not a string; left out")
    return fields, problems


def parse_published(value: Any) -> date | None:
    """The day of an ISO date or date-time ("2022-02-03", "2019-03-04T10:00:00Z"), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if len(value) > 10 and value[10] in "T ":
            return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    return None
