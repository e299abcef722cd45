"""The French words of communication (ontology/communication.json) as one frozen record, read once.

Every word list the event stages use is data: lemmas and words are compared without case or accents."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg import knowledge
from kg.text import fold


def folded(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict  # lemma -> {"kind", and the word's own conditions}
    nouns: dict  # lemma -> kind
    markers: dict[str, frozenset[str]]  # kind -> words that make a generic word that kind
    nouns_need_marker: frozenset[str]
    nouns_need_partner: frozenset[str]
    partner_is_marker: frozenset[str]
    planned_verbs: frozenset[str]
    consent_verbs: frozenset[str]  # "ont accepté de rencontrer X mercredi": planned, or done when told as past
    cancel_verbs: frozenset[str]  # "a reporté sa visite": an exchange that will not be held as planned
    planned_nouns: frozenset[str]
    planned_marks: frozenset[str]
    planned_adjectives: frozenset[str]
    planned_participles: frozenset[str]  # "la visite prévue mercredi", "la rencontre annulée"
    negations: frozenset[str]
    leader_groups: frozenset[str]
    party_groups: frozenset[str]
    pair_words: frozenset[str]
    numbered: dict[str, int]  # "trio": 3
    same_again: tuple[str, ...]
    reporting_verbs: frozenset[str]
    attribution_verbs: frozenset[str]  # with reporting_verbs: who speaks a quotation ("…», lui a répondu X")
    forum_nouns: frozenset[str]
    partner_cases: frozenset[str]
    place_cases: frozenset[str]
    frame_cases: frozenset[str]
    frame_words: frozenset[str]
    support_verbs: frozenset[str]
    course_verbs: frozenset[str]  # "le sommet coïncidait avec", "l'entretien a duré": told as done
    happening_verbs: frozenset[str]  # "des contacts ont eu lieu entre X et Y", "la réunion s'est tenue avec"
    impersonal_verbs: frozenset[str]
    transparent_nouns: frozenset[str]
    sport_words: frozenset[str]
    non_actor_objects: frozenset[str]
    weak_frame_words: frozenset[str]  # "au lendemain d'une rencontre avec X": a frame only with a partner
    future_phrases: tuple[str, ...]  # "la semaine prochaine": what the clause tells has not happened yet
    together_words: frozenset[str]  # "X et Y ont échangé en privé": with each other
    clash_words: frozenset[str]  # "face-à-face tendus", "heurts": a clash, not a meeting
    broadcast_words: frozenset[str]  # "sur le plateau de", "talk-show": a broadcast, not an exchange
    media_words: frozenset[str]  # the outlets' names, one word each ("bfmtv", "jdd"): "un entretien au JDD"
    media_names: tuple[str, ...]  # every outlet's name, longest first: "un débat … sur France Inter"
    reaction_words: frozenset[str]  # "accueilli avec déception", "fraîchement": how words were received
    court_nouns: frozenset[str]  # "audience": a hearing when judges are about
    court_words: frozenset[str]
    court_phrases: tuple[str, ...]  # courts named by several words ("une audience au Conseil d'État")
    copresence_nouns: frozenset[str]  # "en présence de X, Y a déclaré": X and Y were together
    quantity_words: frozenset[str]  # "70% des échanges", "des échanges commerciaux": trade, not talks
    letter_nouns: frozenset[str]  # "une lettre adressée à X": written, to someone
    sending_verbs: frozenset[str]
    visit_nouns: frozenset[str]  # "visite": the state visited is its host
    members: dict[str, frozenset[str]]  # "élus": "sénatrice", "député"…: whose title makes them one of a group
    representatives: frozenset[str]  # "représentants", "militants", "porte-parole": of whom they speak for
    attendance_verbs: frozenset[str]  # "une réunion, à laquelle a pris part X": who attended it
    over_cases: frozenset[str]  # "a déclaré X après une rencontre avec Y": X speaks of a meeting he was in


@lru_cache(maxsize=1)
def load() -> Lexicon:
    data = knowledge.data("communication.json")
    groups_data = knowledge.data("gazetteer/groups.json")
    media = knowledge.data("media.json")
    groups, planned = data["group_words"], data["planned"]
    return Lexicon(
        verbs={fold(k): v for k, v in data["verbs"].items()},
        nouns={fold(k): v for k, v in data["nouns"].items()},
        markers={kind: folded(words) for kind, words in data["markers"].items()},
        nouns_need_marker=folded(data["nouns_need_marker"]),
        nouns_need_partner=folded(data["nouns_need_partner"]),
        partner_is_marker=folded(data["partner_is_marker"]),
        planned_verbs=folded(planned["verbs"]),
        consent_verbs=folded(planned["consent"]),
        cancel_verbs=folded(planned["cancelled"]),
        planned_nouns=folded(planned["nouns"]),
        planned_marks=folded(planned["marks"]),
        planned_adjectives=folded(planned["adjectives"]),
        planned_participles=folded(planned["participles"]),
        negations=folded(data["negations"]),
        leader_groups=folded(groups["leaders"]),
        party_groups=folded(groups["parties"]),
        pair_words=folded(groups["pair"]),
        numbered={fold(k): n for k, n in groups["numbered"].items()},
        same_again=tuple(fold(p) for p in data["same_again"]),
        reporting_verbs=folded(data["reporting_verbs"]),
        attribution_verbs=folded(data["attribution_verbs"]),
        forum_nouns=folded(data["forum_nouns"]),
        partner_cases=folded(data["partner_cases"]),
        place_cases=folded(data["place_cases"]),
        frame_cases=folded(data["frame_cases"]),
        frame_words=folded(data["frame_words"]),
        support_verbs=folded(data["support_verbs"]),
        course_verbs=folded(data["course_verbs"]),
        happening_verbs=folded(data["happening_verbs"]),
        impersonal_verbs=folded(data["impersonal_verbs"]),
        transparent_nouns=folded(data["transparent_nouns"]),
        sport_words=folded(data["sport_words"]),
        non_actor_objects=folded(data["non_actor_objects"]),
        weak_frame_words=folded(data["weak_frame_words"]),
        future_phrases=tuple(fold(x) for x in data["future_phrases"]),
        together_words=folded(data["together_words"]),
        clash_words=folded(data["clash_words"]),
        broadcast_words=folded(data["broadcast_words"]),
        media_words=folded(n for n in media["names"] if " " not in n and len(n) > 2),
        media_names=tuple(sorted({fold(n) for n in media["names"] if len(n) > 2}, key=len, reverse=True)),
        reaction_words=folded(data["reaction_words"]),
        court_nouns=folded(data["court_nouns"]),
        court_words=folded(data["court_words"]),
        court_phrases=tuple(sorted(folded(data["court_phrases"]))),
        copresence_nouns=folded(data["copresence_nouns"]),
        quantity_words=folded(data["quantity_words"]),
        letter_nouns=folded(data["letter_nouns"]),
        sending_verbs=folded(data["sending_verbs"]),
        visit_nouns=folded(data["visit_nouns"]),
        representatives=folded(groups_data["representatives"]),
        members={fold(k): folded(v) for k, v in groups_data["members"].items()},
        attendance_verbs=folded(data["attendance_verbs"]),
        over_cases=folded(data["over_cases"]),
    )
