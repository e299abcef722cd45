"""A verb cue's own shape: whom it needs, and in what form, to tell an exchange ("se retrouver" with someone or
between its plural subject's people, "parler" with "se", "avec" or "à", "réunir" people)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import decide
from kg.extract.cues import lemma
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import is_person
from kg.extract.participants import ParticipantReader, case
from kg.knowledge.gazetteer import Gazetteer
from kg.text import fold


def shaped(
    cue: Token,
    verb: dict,
    agents: list[str],
    partners: list[str],
    reader: ParticipantReader,
    lex: Lexicon,
    gaz: Gazetteer,
) -> bool:
    """A verb's own shape: "se retrouver", "se parler", "s'entretenir" are exchanges between the subject's
    people or with someone ("avec", "entre"), not "le président se retrouve le dos au mur"; "parler",
    "discuter", "négocier" need their "se" or their "avec"; "X a réuni Y" is a meeting only of people."""
    if cue.pos_ not in ("VERB", "AUX"):
        return True
    with_someone = any(
        case(c) in ("avec", "entre", "aupres") and reader.actors(c)
        for c in decide.clause(cue)
        if c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod")
    )  # "par téléphone avec X" too
    if verb.get("needs_actor_subject") and not decide.reflexive(cue) and not agents:
        return False  # "l'hommage a réuni les anciens présidents": a ceremony, not a meeting of theirs
    if verb.get("no_infinitive") and any("Inf" in c.morph.get("VerbForm") for c in cue.children if c.dep_ == "xcomp"):
        return False  # "se voient décerner les premiers rôles"
    if verb.get("no_predicate") and decide.predicative(cue):
        return False  # "se sont retrouvés encerclés", "se retrouvent menacés de déroute": found themselves so
    if verb.get("reciprocal") and decide.reflexive(cue):  # "se sont retrouvés": a plural verb
        plural = any("Plur" in t.morph.get("Number") for t in [cue, *cue.children] if t.pos_ in ("VERB", "AUX"))
        return len(set(agents + partners)) >= 2 and plural or with_someone  # "se sont parlé" read as a passive
    if verb.get("reflexive_or_with"):  # "X et Y ont échangé par téléphone", "X a discuté avec Y"
        with_each_other = len(agents) >= 2 and (
            decide.reflexive(cue) or decide.kind_of(cue, "Communication", lex) != "Communication" or together(cue, lex)
        )
        return (
            with_someone
            or with_each_other
            or lemma(cue) == "parler"
            and any(
                c.dep_ in ("iobj", "obl:arg") and case(c) in ("a", "au", "aux") and reader.actors(c)
                for c in cue.children
            )
        )
    if verb.get("reflexive_or_people"):
        return any(is_person(gaz, k) for k in partners)
    return True


def together(cue: Token, lex: Lexicon) -> bool:
    """ "X et Y ont échangé en privé", "ont discuté longuement": with each other, not "échangé des tirs"."""
    if any(c.dep_ == "obj" for c in cue.children):
        return False
    spans = [
        " ".join(fold(t.text) for t in c.subtree)
        for c in cue.children
        if c.dep_ in ("advmod", "obl", "obl:mod", "obl:arg")
    ]
    return any(span in lex.together_words for span in spans)
