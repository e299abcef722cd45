"""Raw article text to clean prose: page furniture out, hard wraps joined, glued sentences split.

The output keeps one block of prose per paragraph, blocks separated by a blank line, so that the
sentence splitter can treat a block end (a headline without a full stop, a caption) as a boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import knowledge

SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
# "l'Elysée.L'accord", "MM.Poutine": a full stop glued to the next word's capital.
GLUED_STOP = re.compile(
    r"(?<=[a-zà-ÿ»\"”)]{2})([.!?])(?=[A-ZÀ-Ý«“])|(?<=\bMM)\.(?=[A-ZÀ-Ý])|(?<=\bM)\.(?=[A-ZÀ-Ý][a-zà-ÿ])"
)
# "PARIS, 28 janvier (Reuters) –": the dateline repeats the publication date and names the agency.
DATELINE = re.compile(
    r"^\s*[A-ZÀ-Ý][\wÀ-ÿ' /.-]{1,40},\s+(\d{1,2}(er)?\s+\w+(\s+\d{4})?\s+)?\([A-Za-zÀ-ÿ. ]{2,20}\)\s*[–—-]?\s*"
)
# A line ending on one of these words is a wrapped line, never a whole headline.
FUNCTION_WORDS = frozenset(
    "et ou de des du la le les l' à au aux en pour avec sur par un une que qui dont entre sans sous vers chez son sa ses leur leurs ce cette ces".split()
)
SPACES = re.compile(r"[ \t\u00a0\u202f]+")


@dataclass(frozen=True)
class Boilerplate:
    drop: tuple[re.Pattern, ...]
    stop: tuple[re.Pattern, ...]
    strip: tuple[re.Pattern, ...]
    credit: re.Pattern
    teaser: re.Pattern
    sentence_starts: frozenset[str]


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    data = knowledge.data("boilerplate.json")
    compile_all = lambda patterns: tuple(re.compile(p, re.IGNORECASE) for p in patterns)  # noqa: E731
    return Boilerplate(
        compile_all(data["drop"]),
        compile_all(data["stop"]),
        compile_all(data["strip"]),
        re.compile(data["credit"], re.IGNORECASE),
        re.compile(data["teaser"]["start"], re.IGNORECASE),
        frozenset(data["teaser"]["sentence_starts"]),
    )


def is_furniture(line: str, rules: Boilerplate) -> bool:
    """Lines that are not prose: a lone word ('Inscription', 'Sputnik'), a byline, a sign-up prompt."""
    words = line.split()
    if not any(c.isalpha() for c in line):
        return True
    if len(words) <= 3 and not SENTENCE_END.search(line):
        return True
    return any(p.search(line) for p in rules.drop)


GLUED_WORD = re.compile(r"[a-zà-ÿ0-9»][A-ZÀ-Ý][a-zà-ÿ]")
TEASER_LENGTH = 200


def without_teaser(line: str, rules: Boilerplate) -> str:
    """LINE without a link to another article told inside it: "… 17 graves. Lire aussi: L'impuissance du
    champion de l'impôt Aucun chiffre n'était disponible" keeps "… 17 graves. Aucun chiffre…". The title ends
    before a capitalised sentence start that follows a word in lower case, or where the next sentence is glued
    to it; when no end is found, the line is left as it is."""
    found = rules.teaser.search(line)
    if found is None:
        return line
    title = line[found.end() : found.end() + TEASER_LENGTH]
    words = list(re.finditer(r"\S+", title))
    ends = [
        word.start()
        for before, word in zip(words, words[1:])
        if (word.group() in rules.sentence_starts or re.split("['’]", word.group())[0] + "'" in rules.sentence_starts)
        and not before.group()[:1].isupper()
    ]
    glued = GLUED_WORD.search(title)
    ends += [glued.start() + 1] if glued is not None else []
    if ends:
        return line[: found.start()] + title[min(ends) :] + line[found.end() + TEASER_LENGTH :]
    return line


def tidy(line: str, rules: Boilerplate) -> str:
    line = without_teaser(SPACES.sub(" ", line).strip(), rules)
    for pattern in rules.strip:
        line = pattern.sub("", line)
    line = rules.credit.sub("", line) if len(line) > 40 else line
    line = DATELINE.sub("", line)
    return GLUED_STOP.sub(lambda m: (m.group(1) or ".") + " ", line).strip()


def continues(previous: str, line: str, headline: bool = False, starts: frozenset[str] = frozenset()) -> bool:
    """Whether LINE carries on PREVIOUS's sentence (a hard wrap) rather than starting a new block. A HEADLINE (the
    text's first line) is a title over its article, not a wrapped line, when the line under it starts a sentence
    (one of STARTS, or a rubric in capitals) or is much longer: "La rencontre entre Philippe et les gilets jaunes
    tourne au fiasco" / "La rencontre prévue…"."""
    if not previous or SENTENCE_END.search(previous):
        return False
    first, last = line[:1], previous.split()[-1]
    word = line.split()[0]
    opens = word in starts or re.split("['’]", word)[0] + "'" in starts or word.isupper() and len(word) > 1
    if (
        headline
        and first.isupper()
        and last.lower() not in FUNCTION_WORDS
        and (opens or len(line) > 1.5 * len(previous))
    ):
        return False
    return (
        first.islower() or first in '«"“(,–-' or last.lower() in FUNCTION_WORDS or last.islower() and len(previous) > 40
    )


def clean_text(text: str) -> str:
    rules = boilerplate()
    blocks: list[str] = []
    pending_blank = False
    first_lines = 0  # the lines the first block is made of: one, while it may be the headline
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if any(p.search(raw.strip()) for p in rules.stop):
            break
        line = tidy(raw, rules)
        if not line:
            pending_blank = True
            continue
        if is_furniture(line, rules) and not (blocks and continues(blocks[-1], line)):
            pending_blank = True
            continue
        headline = len(blocks) == 1 and first_lines == 1
        if (
            blocks
            and continues(blocks[-1], line, headline, rules.sentence_starts)
            and (not pending_blank or line[:1].islower())
        ):
            blocks[-1] = f"{blocks[-1]} {line}"
        else:
            blocks.append(line)
        first_lines += len(blocks) == 1
        pending_blank = False
    return "\n\n".join(blocks) + ("\n" if blocks else "")
