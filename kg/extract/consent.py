"""Consent told as done: "onze gilets jaunes ont accepté de rencontrer des élus … mercredi" is a meeting that took
place; "a accepté de le recevoir la semaine prochaine", "accepte de le recevoir", "acceptera de le recevoir" and
"a refusé de le recevoir" tell of none (the verbs of consent are the data's 'planned.consent')."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cues import lemma
from kg.extract.dates import MONTH_NUMBER, WEEKDAYS
from kg.extract.lexicon import Lexicon
from kg.text import fold

PAST_DAYS = {"hier", "avant-hier"}
AHEAD = {"prochain", "prochaine", "demain", "apres-demain"}


def consented(verb: Token, trigger: Token, lex: Lexicon) -> bool:
    """Whether VERB, above the cue TRIGGER, is a verb of consent told in a past tense ("ont accepté", "avait
    consenti", "accepta") with a day in the cue's words that is not ahead: the exchange was done, not planned."""
    if verb.pos_ != "VERB" or lemma(verb) not in lex.consent_verbs or trigger.dep_ != "xcomp" or trigger.head != verb:
        return False
    compound = "Part" in verb.morph.get("VerbForm") and any(c.dep_ == "aux:tense" for c in verb.children)
    simple = "Fin" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    if not (compound or simple):
        return False
    words = [fold(t.text) for t in trigger.subtree] + [fold(t.text) for t in verb.children]
    if set(words) & AHEAD:
        return False
    months = {fold(m) for m in MONTH_NUMBER}
    return any(
        w in WEEKDAYS or w in PAST_DAYS or w in months and i > 0 and words[i - 1][:1].isdigit()
        for i, w in enumerate(words)
    )
