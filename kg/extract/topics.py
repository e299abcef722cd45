"""Topics of an event: the scheme's French cue phrases found in the sentences about it, and named issues
("les accords de Dayton", "le traité de Lisbonne", "la guerre en Syrie") where no concept of the scheme fits."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Span

from kg.model import TopicConcept
from kg.nlp import make_pattern_doc
from kg.text import fold

NAMED_ISSUE = re.compile(
    r"\b(?P<head>(?:les |l'|l’)accords? |le traité |le processus |le format |la crise |la guerre |le conflit |"
    r"le dossier |la question )(?P<link>de |d'|d’|du |en |au |des )(?P<name>[A-ZÀ-Ý][\w’'-]+(?: [A-ZÀ-Ý][\w’'-]+)?)"
)


class TopicFinder:
    def __init__(self, nlp: Language, concepts: tuple[TopicConcept, ...]):
        self.concepts = {c.key: c for c in concepts}
        self.matcher = Matcher(nlp.vocab)
        for concept in concepts:
            phrases = {concept.label_fr, *concept.cues}
            self.matcher.add(concept.key, [cue_pattern(nlp, p) for p in sorted(phrases) if p.strip()])
        self.nlp = nlp

    def keys(self, sentences: list[Span]) -> tuple[set[str], list[TopicConcept]]:
        """The scheme's topics named in SENTENCES, and new concepts for named issues it lacks."""
        found: set[str] = set()
        new: list[TopicConcept] = []
        for sent in sentences:
            matched_chars: list[tuple[int, int]] = []
            for match_id, start, end in self.matcher(sent):
                found.add(self.nlp.vocab.strings[match_id])
                matched_chars.append((sent[start].idx, sent[end - 1].idx + len(sent[end - 1].text)))  # span-relative
            for m in NAMED_ISSUE.finditer(sent.text):
                start = sent.start_char + m.start()
                end = sent.start_char + m.end()
                if any(s < end and start < e for s, e in matched_chars):
                    continue
                concept = named_issue(m)
                found.add(concept.key)
                new.append(concept)
        return found, new


def cue_pattern(nlp: Language, phrase: str) -> list[dict]:
    """A cue phrase as a token pattern; an adjective may follow its first word ("la crise actuelle autour de l'Ukraine")."""
    words = [t.norm_ for t in make_pattern_doc(nlp, phrase)]
    pattern: list[dict] = [{"NORM": words[0]}]
    if len(words) > 2:
        pattern.append({"POS": "ADJ", "OP": "?"})
    return pattern + [{"NORM": w} for w in words[1:]]


def named_issue(m: re.Match) -> TopicConcept:
    phrase = re.sub(r"^(les |le |la |l'|l’)", "", f"{m['head']}{m['link']}{m['name']}".replace("’", "'"))
    label = phrase[0].upper() + phrase[1:]
    key = re.sub(r"[^a-z0-9]+", "-", fold(phrase)).strip("-")
    return TopicConcept(key=key, label_fr=label, label_en=label, cues=(phrase,))
