"""Whether a cue reports an exchange that happened.

Not one: what is announced, possible, wished, conditional or negated ("rencontrera", "pourrait rencontrer",
"souhaite le recevoir", "ne l'a pas reçu" — but "n'a rencontré que la N-VA" did happen); a word in another
sense ("la rencontre" of two football teams, "à l'appel de la CGT", "reçu une grenade"); a word without what
it needs ("s'entretenir" without its "se", "appeler" without a telephone, "un débat" with nobody)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.consent import consented
from kg.extract.cues import lemma, quoted, spends_time
from kg.extract.lexicon import Lexicon
from kg.text import fold, fold_in_place

CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "acl:relcl", "csubj", "xcomp", "conj"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
WRITERS = {"je", "j'", "nous", "on", "vous", "tu"}
MODALS = {"pouvoir", "devoir", "aller"}
FUTURE_OR_CONDITIONAL = re.compile(r"r(ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$")
PURPOSE = {"pour", "afin", "avant"}  # "s'est rendu à Nogent pour y rencontrer", "avant de se rendre… pour échanger"
FRAME_EDGES = {"frame", "purpose", "consent"}  # "consent": kg.extract.consent


def clause(trigger: Token) -> list[Token]:
    """The trigger's own words: its subtree without embedded clauses; for a noun, its verb's too."""
    root = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    out, stack = [], [root]
    while stack:
        token = stack.pop()
        out.append(token)
        stack += [c for c in token.children if c.dep_ not in CLAUSE_DEPS - {"xcomp"} or c.i == trigger.i]
    return out


def kind_of(trigger: Token, base: str, lex: Lexicon) -> str:
    """The most specific kind the clause's words give a cue ("entretien" + "téléphonique": PhoneCall)."""
    from kg.model import KIND_RANK

    words = {t.norm_ for t in clause(trigger)} | {lemma(t) for t in clause(trigger)}
    text = " ".join(t.norm_ for t in clause(trigger))
    best = base
    for kind, markers in lex.markers.items():
        if words & markers or any(" " in m and m in text for m in markers):
            if KIND_RANK[kind] > KIND_RANK[best] and not (kind == "Meeting" and best != "Communication"):
                best = kind
    return best


def near_words(trigger: Token) -> set[str]:
    """The words (and lemmas) of a cue and of what hangs on it directly, outside its subclauses."""
    found = {trigger, *(c for c in trigger.children if c.dep_ not in CLAUSE_DEPS | {"acl"})}
    return {t.norm_ for t in found} | {lemma(t) for t in found}


def predicative(verb: Token) -> bool:
    """Whether an adjective or a participle after VERB says what its subject is ("se retrouvent menacés")."""
    return any(
        c.i > verb.i
        and (c.pos_ == "ADJ" or "Part" in c.morph.get("VerbForm"))
        and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in verb.children
        if c.dep_ in ("xcomp", "conj", "acl", "advcl", "obj")
    )


def told_as_past(noun: Token, lex: Lexicon) -> bool:
    """ "Le sommet entre MM. Macron et Legault coïncidait avec…", "l'entretien a duré une heure": the subject of a
    past verb that tells how the exchange went (not "ses rencontres … ont été dévoilées")."""
    verb = noun.head
    if noun.dep_ not in SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX") or lemma(verb) not in lex.course_verbs:
        return False
    tenses = {t for v in [verb, *(c for c in verb.children if c.dep_ == "aux:tense")] for t in v.morph.get("Tense")}
    return bool(tenses & {"Past", "Imp"})


def reflexive(trigger: Token) -> bool:
    return any(
        fold(c.text) in ("se", "s'", "nous", "vous") and c.dep_.startswith("expl") or fold(c.text) in ("se", "s'")
        for c in trigger.children
    )


def fits(trigger: Token, lex: Lexicon) -> bool:
    """The word's own conditions: "s'entretenir" needs its "se", "se retrouver" is not "être retrouvé",
    "appeler" is a call only by telephone, "un débat" is an exchange only with someone."""
    if trigger.pos_ in ("VERB", "AUX"):
        verb = lex.verbs.get(lemma(trigger), {})
        if verb.get("reflexive") and not reflexive(trigger) or verb.get("not_reflexive") and reflexive(trigger):
            return False
        if verb.get("not_passive") and any(c.dep_ == "aux:pass" for c in trigger.children):
            return False
        if any(c.dep_ in SUBJECT_DEPS and fold(c.text) in WRITERS and not quoted(c) for c in trigger.children):
            return False  # "nous avons rencontré X": the writer, not an actor ("« J'ai rencontré X », a dit Y": Y)
        if verb.get("needs_marker") and kind_of(trigger, "Communication", lex) == "Communication":
            return False
        if verb.get("time_object") and not spends_time(trigger, verb["time_object"]):
            return False  # "passer la journée avec X", not "passer le relais" nor "passer à l'action"
        if verb.get("only_hearing") and not any(
            c.dep_ in ("xcomp", "ccomp", "advcl")
            and "Inf" in c.morph.get("VerbForm")
            and not any(m.dep_ == "mark" for m in c.children)
            for c in trigger.children
        ):  # "a écouté les maires énumérer leurs doléances", not "a écouté nos revendications avant de partir"
            return False
        return True
    word = lemma(trigger)
    if word in lex.nouns_need_marker and kind_of(trigger, "Communication", lex) == "Communication":
        return word in lex.partner_is_marker  # "un appel" is a call by telephone, or with someone (checked later)
    return True


def unmarked(noun: Token, lex: Lexicon) -> bool:
    """ "un appel", "un échange" without a telephone: one only with its partners ("avec", "entre", or the
    actors it names: "l'appel des dirigeants de la France et de la Russie")."""
    return lemma(noun) in lex.nouns_need_marker and kind_of(noun, "Communication", lex) == "Communication"


def needs_partner(noun: Token, lex: Lexicon) -> bool:
    """ "un débat", "des discussions" are exchanges only with someone ("avec", "entre", "auprès de")."""
    return (
        lemma(noun) in lex.nouns_need_partner or fold(noun.text) in lex.nouns_need_partner
    ) and not has_partner_case(noun)


def has_partner_case(noun: Token) -> bool:
    return any(
        fold(g.text) in ("avec", "entre", "aupres") for c in noun.children for g in c.children if g.dep_ == "case"
    )


def wrong_sense(trigger: Token, lex: Lexicon) -> bool:
    """Sport, a call to strike, something received that is not someone."""
    sent = trigger.sent
    if trigger.text[:1].isupper() and trigger.i > sent.start and trigger.ent_type_ in ("LOC", "ORG", "PER"):
        return True  # a name: "La Réunion", the island
    if (
        trigger.pos_ == "NOUN"
        and any(fold(c.text) in ("notre", "nos") for c in trigger.children if c.dep_ == "det")
        and not quoted(trigger)
    ):
        return True  # "Notre grand entretien des bourgmestres": the newspaper's own interview (not "« Notre
        # rencontre avec Google »", said by someone)
    if trigger.dep_ == "nmod" and lemma(trigger.head) == "objet" and lemma(trigger.head.head) == "faire":
        return True  # "fait l'objet de débats entre patronat et syndicats": disputed, no exchange told
    if lemma(trigger) in ("rencontre", "rencontrer", "recevoir", "accueillir", "affronter") and any(
        t.norm_ in lex.sport_words or lemma(t) in lex.sport_words for t in sent
    ):
        return True
    if (
        trigger.pos_ == "NOUN"
        and ({lemma(trigger.head), trigger.head.norm_} | near_words(trigger)) & lex.quantity_words
    ):
        return True  # "70% des échanges entre la France et la Grande-Bretagne", "des échanges commerciaux": trade
    if lemma(trigger) == "appel" and any(fold(c.text) in ("a",) for c in trigger.children if c.dep_ == "case"):
        return True  # "à l'appel de la CGT"
    if lemma(trigger) in lex.court_nouns and (
        any(lemma(t) in lex.court_words for t in sent) or any(p in fold(sent.text) for p in lex.court_phrases)
    ):
        return True  # "une audience" before judges ("au Conseil d'État") is a hearing, not a meeting
    if on_air(trigger, lex):
        return True  # "a assuré le ministre lors d'un débat avec des gilets jaunes sur BFMTV": a broadcast
    if lemma(trigger) in ("recevoir", "accueillir") and any(
        fold(c.text) in lex.reaction_words or any(fold(g.text) in lex.reaction_words for g in c.children)
        for c in trigger.children
        if c.dep_ in ("advmod", "obl", "obl:mod")
    ):
        return True  # "il a été accueilli avec déception par les gilets jaunes": his words were, by listeners
    near = near_words(trigger)
    if near & lex.clash_words or near & lex.broadcast_words or near & lex.media_words:
        return True  # "face-à-face tendus entre manifestants et forces de l'ordre", "accueillait dans son talk-show"
    if trigger.pos_ in ("VERB", "AUX"):
        objects = [c for c in trigger.children if c.dep_ == "obj"]
        if objects and all(lemma(o) in lex.non_actor_objects for o in objects):
            return True
    return False


def on_air(trigger: Token, lex: Lexicon) -> bool:
    """Whether the cue's clause, or the noun it describes ("sur France Inter où il était reçu par…"), is on a
    channel: "sur BFMTV", "sur France Inter"."""
    near = {t.i for t in clause(trigger)} | {a.i for a in list(trigger.ancestors)[:2]}
    sent = trigger.sent
    text = fold_in_place(sent.text)  # offsets of the sentence's own text, to find its tokens
    for name in lex.media_names:
        start = text.find(f"sur {name}")
        while start >= 0:
            at = sent.char_span(start + 4, start + 4 + len(name), alignment_mode="expand")
            if at is not None and any(t.i in near or t.head.i in near for t in at):
                return True
            start = text.find(f"sur {name}", start + 1)
    return False


def unreal(trigger: Token, lex: Lexicon) -> bool:
    """Announced, possible, wished, conditional or negated: not something that happened. A verb of planning
    counts only over its complement ("souhaite le rencontrer"), not over a frame ("a promis, au cours d'un
    déjeuner avec des CRS"); "pour le rencontrer" is as real as the verb it serves ("s'est rendu à Nogent pour
    y rencontrer des gendarmes")."""
    token, edge = trigger, None
    for _ in range(6):
        if unreal_word(token, lex, token.i == trigger.i, "consent" if consented(token, trigger, lex) else edge):
            return True
        if token.head.i == token.i:
            return False
        finite = token.pos_ in ("VERB", "AUX") and (
            "Fin" in token.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in token.children)
        )
        if finite and token.i != trigger.i and token.dep_ != "xcomp":
            return False
        marks = {fold(c.text) for c in token.children if c.dep_ == "mark"}
        if token.dep_ == "advcl" and marks & PURPOSE:
            return unreal_word(token.head, lex, False, "purpose")
        if token.dep_ in SUBJECT_DEPS and token.i != trigger.i:
            return False  # "le chef de l'État, en visite en Allemagne, ne s'est pas exprimé": the visit is real
        if any(fold(c.text) == "selon" for c in token.children if c.dep_ == "case"):
            return False  # "« Nous ne changerons pas de cap », …, selon des participants à cette rencontre": a source
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in token.children)
        gerund = token.i == trigger.i and "en" in marks and "Part" in token.morph.get("VerbForm")
        if token.dep_ in ("ccomp", "parataxis", "advcl", "acl:relcl", "conj") and not (
            token.i == trigger.i and token.dep_ == "conj" and not own_subject or gerund
        ):  # "il devait continuer les négociations en rencontrant X": the gerund is as real as its verb
            return False  # the trigger's clause ends here: what governs it from outside does not make it unreal
        # a frame hung on a noun stays a frame: the model hangs "au cours d'un déjeuner" on the verb's object
        sticky = edge == "frame" and token.pos_ == "NOUN"
        token, edge = token.head, "frame" if sticky else frame_edge(token, lex)
    return False


def ahead_form(token: Token) -> bool:
    """A future or conditional by its ending ("recevra", "parlerait", "sera reçue", "seront reçus"): the French
    model tags many of them as past or imperfect. "déclara", a simple past, ends so too: told apart by its lemma."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    word, base = fold(token.text), lemma(token)
    if not FUTURE_OR_CONDITIONAL.search(word) or word == base:
        return False
    return not (base.endswith("er") and word == base[:-2] + "a")  # "déclara", "entra"


def frame_edge(token: Token, lex: Lexicon) -> str:
    """How TOKEN hangs on its head: "frame" for "lors de", "au cours de", "à l'issue de" (a planning verb above
    does not make the event planned), else its dependency ("pour un déjeuner" is what was planned)."""
    words = {fold(c.text) for c in token.children if c.dep_ in ("case", "fixed")} | {fold(token.text)}
    if token.dep_ in ("obl", "obl:mod", "obl:arg", "nmod", "advmod") and words & (lex.frame_cases - {"pour", "avant"}):
        return "frame"
    if "dans" in words and lemma(token) in lex.letter_nouns:
        return "frame"  # "Dans une lettre adressée aux préfets, le ministre demande…": the letter asks, it was sent
    return token.dep_


def readiness_or_claim(trigger: Token, lex: Lexicon) -> bool:
    """ "Philippe prêt à recevoir une délégation": ready to, not done; "les maires, qu'elle assure rencontrer
    sur le terrain": a claim of habit, not an exchange told."""
    if "Inf" not in trigger.morph.get("VerbForm"):
        return False
    before = trigger.doc[max(trigger.i - 2, trigger.sent.start) : trigger.i]
    ready = (
        len(before) == 2
        and fold(before[1].text) in ("a", "de", "d'")
        and fold(before[0].text) in lex.planned_adjectives
    )
    claimed = trigger.dep_ in ("xcomp", "ccomp") and lemma(trigger.head) in lex.reporting_verbs
    return ready or claimed


def unreal_word(token: Token, lex: Lexicon, is_trigger: bool, edge: str | None = None) -> bool:
    word = lemma(token)
    if is_trigger and readiness_or_claim(token, lex):
        return True
    governs = edge not in FRAME_EDGES  # a planning word over its complement, not over a frame or a purpose
    if (
        not is_trigger
        and governs
        and (token.pos_ == "VERB" and word in lex.planned_verbs or token.pos_ == "NOUN" and word in lex.planned_nouns)
    ):
        return True
    if token.pos_ == "ADJ" and fold(token.text) in lex.planned_adjectives:  # "prêts à rencontrer"
        return True
    children = {fold(c.text) for c in token.children}
    for t in [token] + [c for c in token.children if c.dep_.startswith("aux")]:
        if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") or ahead_form(t):
            return True
        if "Sub" in t.morph.get("Mood") and not children & {"bien", "quoique"}:
            return True  # "il demandait que les gilets jaunes soient reçus à l'Élysée": wished (not "bien que")
        if t is not token and lemma(t) in MODALS:
            return True
    only = "que" in {fold(t.text) for t in token.rights} and ("ne" in children or "n'" in children)
    for child in token.children:
        if child.dep_ == "mark" and fold(child.text) in lex.planned_marks and fold(child.text) not in PURPOSE:
            return True
        if token.pos_ == "NOUN" and child.dep_ in ("acl", "amod") and fold(child.text) in lex.planned_participles:
            return True  # "sa visite prévue mercredi", "la rencontre annulée"
        text = fold(child.text)
        if child.dep_ in ("advmod", "det", "amod") and text in lex.negations | lex.planned_adjectives:
            if text in lex.negations and not only or text in lex.planned_adjectives and token.pos_ == "NOUN":
                return True
    return False


def ahead(trigger: Token, lex: Lexicon) -> bool:
    """ "Macron reçoit la semaine prochaine les chefs de partis": a clause that points ahead tells of no event yet."""
    text = " " + " ".join(fold(t.text) for t in sorted(clause(trigger), key=lambda t: t.i)) + " "
    return any(f" {phrase} " in text for phrase in lex.future_phrases)


def announced(trigger: Token, days: list, weekdays: set[str], published) -> bool:
    """ "Les dirigeants … se réunissent samedi": a present tense with a weekday other than the day of
    publication announces the event."""
    if trigger.pos_ not in ("VERB", "AUX") or "Pres" not in trigger.morph.get("Tense"):
        return False
    if any(c.dep_.startswith("aux") for c in trigger.children) or published is None:
        return False
    return any(day in weekdays and day != published.isoformat() for day in days)
