"""Where an analysed article speaks of communication: its cues (verbs, nouns and phrases of
ontology/communication.json), found once per doc from its token arrays."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

import numpy
from spacy.attrs import LEMMA, NORM, ORTH, POS
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import Lexicon
from kg.text import fold


def lemma(token: Token) -> str:
    return fold(token.lemma_ or token.text)


class PhraseCues:
    """Cues of several words ("coup de fil", "table ronde", "conférence de presse commune"): the cue is
    their first word."""

    def __init__(self, nlp, lex: Lexicon):
        from kg.nlp import make_pattern_doc

        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.kinds: dict[str, str] = {}
        for phrase, kind in lex.nouns.items():
            if " " in phrase:
                key = f"cue|{phrase}"
                self.kinds[key] = kind
                self.matcher.add(key, [make_pattern_doc(nlp, phrase)])

    def __call__(self, doc: Doc) -> list[tuple[int, str]]:
        return [(start, self.kinds[doc.vocab.strings[key]]) for key, start, _ in self.matcher(doc)]


@dataclass(frozen=True)
class DocIndex:
    """The cues of a doc (token index, kind) and its verbs, in order: token by token, every sentence would be
    walked again for each question."""

    triggers: tuple[tuple[int, str], ...]
    verbs: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon, phrases: PhraseCues) -> "DocIndex":
        table = doc.to_array([LEMMA, NORM, POS, ORTH])
        if not len(table):
            return cls((), ())
        lemmas = numpy.where(table[:, 0] == 0, table[:, 3], table[:, 0])  # no lemma: the word itself
        norms, pos = table[:, 1], table[:, 2]
        strings = doc.vocab.strings
        folded = {h: fold(strings[h]) for h in numpy.unique(lemmas).tolist()}
        is_verb = numpy.isin(pos, (VERB, AUX))
        verb_lemmas = [h for h, word in folded.items() if word in lex.verbs]
        noun_lemmas = [h for h, word in folded.items() if word in lex.nouns]
        noun_norms = [h for h in numpy.unique(norms).tolist() if strings[h] in lex.nouns]
        verbs = is_verb & numpy.isin(lemmas, verb_lemmas)
        nouns = numpy.isin(pos, (NOUN, PROPN)) & (numpy.isin(lemmas, noun_lemmas) | numpy.isin(norms, noun_norms))
        found = dict(phrases(doc))
        for i in numpy.flatnonzero(verbs | nouns).tolist():
            word = folded[int(lemmas[i])]
            if verbs[i]:
                found.setdefault(i, lex.verbs[word]["kind"])
            else:
                found.setdefault(i, lex.nouns.get(word) or lex.nouns[strings[int(norms[i])]])
        return cls(tuple(sorted(found.items())), tuple(numpy.flatnonzero(is_verb).tolist()))

    @cached_property
    def trigger_positions(self) -> list[int]:
        return [i for i, _ in self.triggers]

    def triggers_in(self, sent: Span) -> tuple[tuple[int, str], ...]:
        at = self.trigger_positions
        return self.triggers[bisect_left(at, sent.start) : bisect_left(at, sent.end)]

    def has_verb(self, sent: Span) -> bool:
        at = bisect_left(self.verbs, sent.start)
        return at < len(self.verbs) and self.verbs[at] < sent.end


def quoted(token: Token) -> bool:
    """Whether TOKEN is inside a quotation that opened in its sentence: there "je" is the speaker, not the writer.
    Guillemets first ("« … “gilets jaunes” … »"), then English quotes, then straight ones by their parity."""
    before = [t.text for t in token.sent if t.i < token.i]
    if before.count("«") != before.count("»"):
        return before.count("«") > before.count("»")
    if before.count("“") != before.count("”"):
        return before.count("“") > before.count("”")
    return before.count('"') % 2 == 1


def spends_time(verb: Token, time_words: list[str]) -> bool:
    """ "a passé deux heures avec X", "cette journée qu'ils ont passée avec X": the verb's object is a time."""
    words = {fold(w) for w in time_words}
    objects = list(verb.children) + list(verb.doc[verb.i + 1 : verb.i + 4])  # the model often misplaces the time
    if verb.dep_ == "acl:relcl":
        objects.append(verb.head)  # the object is the relative pronoun; its antecedent says what
    return any(lemma(o) in words or fold(o.text) in words for o in objects)
