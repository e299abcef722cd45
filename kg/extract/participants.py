"""Who took part in the exchange a cue names, searched in its clause first, then around it.

A verb's participants are its subject (the agent "par X" of a passive), its objects and its partners
("avec", "entre", "à", "auprès de", "chez"); a participle's noun ("les élus reçus par X") is received. A noun's
participants are its complements ("la rencontre de X avec Y", "entre X et Y", "son entretien avec Y"), and,
when a verb frames it ("a eu un entretien avec", "lors de la réunion", "participait à une rencontre avec"),
that verb's subject. A pronoun stands for whom the discourse says; "qui" for its antecedent. Places ("à
Matignon", "en Belgique") are where, not who."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.attendance import AttendanceReading
from kg.extract.coref import Discourse
from kg.extract.cues import lemma, quoted
from kg.extract.groups import definite
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import METONYM, Mention, is_person
from kg.extract.nearby import NearbyReading
from kg.extract.nouns import OBJECT_DEPS, OBLIQUE_DEPS, OF, NounReading, case
from kg.knowledge.gazetteer import Gazetteer
from kg.text import fold

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
FOLLOW_DEPS = {"conj", "appos", "flat", "flat:name", "flat:foreign", "fixed", "compound"}
PARTITIVES = {
    "chacun",
    "chacune",
    "l'un",
    "l'une",
    "un",
    "une",
    "plusieurs",
    "certains",
    "certaines",
    "aucun",
    "tous",
    "toutes",
}
FIRST_PERSON = {"je", "j'", "j’", "me", "m'", "m’"}
SUBJECT_PRONOUNS = {"il", "elle", "-il", "-elle", "-t-il", "-t-elle", "t-il", "t-elle"}
PLURAL_PRONOUNS = {"ils", "elles", "-ils", "-elles", "-t-ils", "-t-elles", "les", "leur", "eux"}


class ParticipantReader(NounReading, NearbyReading, AttendanceReading):
    """Reads the participants of the cues of one sentence."""

    def __init__(
        self, lex: Lexicon, gaz: Gazetteer, sent: Span, mentions: dict[int, list[Mention]], discourse: Discourse
    ):
        self.lex, self.gaz, self.sent, self.mentions, self.discourse = lex, gaz, sent, mentions, discourse
        self.here = sorted(
            {id(m): m for i in range(sent.start, sent.end) for m in mentions.get(i, [])}.values(), key=lambda m: m.start
        )

    # -- the actors of a noun phrase
    def actors(self, token: Token, depth: int = 0) -> list[str]:
        """The actors the phrase headed by TOKEN designates, through coordination and apposition."""
        if depth > 6:
            return []
        keys: list[str] = []
        covering = self.mentions.get(token.i, [])
        word = fold(token.text)
        follow = set(FOLLOW_DEPS)
        if covering:
            best = max(covering, key=lambda m: m.end - m.start)
            if not (best.via == METONYM and (self.is_place(token) or case(token) in self.lex.place_cases)):
                keys += best.keys
            for inner in token.doc[best.start : best.end]:  # "le président de la Chambre et le Premier
                for child in inner.children:  # ministre": the model hangs the second on the title's last word
                    if inner.i != token.i and child.dep_ == "conj" and child.i >= best.end:
                        keys += self.actors(child, depth + 1)
        elif token.pos_ == "PRON":
            keys += self.pronoun(token, word)
        elif token.norm_ in self.discourse.titled and any(c.norm_ in ("le", "la") for c in token.children):
            return [self.discourse.titled[token.norm_]]  # "le maire" after "Le maire de la ville, Pascal Blanc"
        elif self.is_pair(token):
            keys += self.discourse.pair()
        elif token.norm_ in self.lex.numbered and not any(c.dep_ in ("nmod", "appos") for c in token.children):
            keys += self.discourse.counted(self.lex.numbered[token.norm_]) if definite(token) else []
        elif (
            token.norm_ in self.lex.leader_groups
            or token.norm_ in self.lex.party_groups
            or lemma(token) in self.lex.party_groups
            or token.norm_ in self.lex.representatives
        ):  # "au président de l'Assemblée Richard Ferrand (LREM)": the person named, not LREM's leader
            return self.people_named_after(token) or self.group_of(token, depth)
        elif (
            token.pos_ in ("PROPN", "X")
            or token.ent_type_ in ("ORG", "PER")
            or token.norm_ in self.lex.transparent_nouns
        ):
            follow |= {"nmod", "dep"}
        else:  # a common noun's complements are not its actors ("la crise autour de l'Ukraine"); its apposition is
            follow = {"appos"}  # ("Maire délégué de La Haye-du-Puits, Alain Aubert")
            keys += self.people_named_after(token)
        for child in token.children:
            if child.dep_ in follow and not self.is_place(child):
                if child.dep_ == "nmod" and case(child) not in ("", *OF):
                    continue
                keys += self.actors(child, depth + 1)
        return list(dict.fromkeys(keys))

    def people_named_after(self, token: Token) -> list[str]:
        """People in apposition at the end of a common noun's complements: "les initiateurs du mouvement des gilets
        jaunes Priscillia Ludosky et Éric Drouet", where the model hangs the names on "gilets"."""
        found: list[str] = []
        for child in token.children:
            if child.dep_ != "nmod":
                continue
            for inner in child.subtree:
                path_is_nmod = all(
                    a.dep_ == "nmod" for a in inner.head.ancestors if a.i != token.i and token in a.ancestors
                )
                if inner.dep_ == "appos" and inner.head.dep_ == "nmod" and path_is_nmod:
                    found += [k for k in self.actors(inner) if is_person(self.gaz, k)]
        return found

    def pronoun(self, token: Token, word: str) -> list[str]:
        if word == "qui" and token.head.dep_ == "acl:relcl":
            return self.actors(token.head.head)  # "Charles Michel, qui a rencontré…"
        if word in PARTITIVES:  # "chacun des groupes", "l'un des porte-parole"
            return [k for c in token.children if c.dep_ == "nmod" and case(c) in OF for k in self.actors(c)]
        if (
            word in SUBJECT_PRONOUNS
            and token.dep_ in SUBJECT_DEPS
            and lemma(token.head) not in self.lex.impersonal_verbs
        ):
            return self.discourse.person(token, self.here)
        if word in FIRST_PERSON and (token.dep_ in SUBJECT_DEPS or word in ("me", "m'")) and quoted(token):
            return self.speaker(token)  # "« J'ai eu Emmanuel Macron au téléphone », a-t-il expliqué"
        if word in ("lui",) and token.dep_ in ("iobj", "obl:arg", "obj"):
            return self.discourse.person(token, self.here)
        if word in PLURAL_PRONOUNS and token.dep_ in SUBJECT_DEPS | {"obj", "iobj"}:
            return self.discourse.plural()  # "ils": the collective the sentence before was about, else the last pair
        return []

    def speaker(self, token: Token) -> list[str]:
        """Who says the quotation TOKEN is in: the subject of a verb of saying of the sentence, outside the
        quotation ("… », a déclaré Emmanuel Macron", "…, a-t-il expliqué", "X a déclaré : « … »")."""
        for verb in self.sent:
            saying = lemma(verb) in self.lex.reporting_verbs or lemma(verb) in self.lex.attribution_verbs
            if not saying or quoted(verb) and verb.i > token.i:
                continue
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != token.i]
            if verb.i > token.i:  # "« … », a affirmé le maire": the model may make the speaker an object
                subjects += [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i]
            inverted = [c for c in verb.children if fold(c.text) in SUBJECT_PRONOUNS and not quoted(c)]  # "a-t-il dit"
            named = [c for c in subjects if not quoted(c) and c not in inverted]
            found = [k for c in named for k in self.actors(c)]
            unquoted = [m for m in self.here if not quoted(self.sent.doc[m.start])]  # the speaker is not quoted
            found = found or [k for c in inverted for k in self.discourse.person(c, unquoted)]
            if found:
                return found
        return []

    @staticmethod
    def object_before(verb: Token) -> bool:
        """ "les messages qu'elle a reçus": the relative pronoun is the verb's object, its antecedent what."""
        return verb.dep_ == "acl:relcl" and any(fold(c.text) in ("que", "qu'") for c in verb.children)

    @staticmethod
    def in_clause_below(token: Token, verb: Token) -> bool:
        """Whether TOKEN is in a relative, complement or parenthetical clause under VERB: "« je l'ai eu au
        téléphone », a assuré le ministre lors d'un débat avec des gilets jaunes" was not a call with them."""
        while token.i != verb.i and token.head.i != token.i:
            token = token.head
            if token.dep_ in ("acl:relcl", "ccomp", "parataxis") and token.i != verb.i:
                return True
        return False

    def is_pair(self, token: Token) -> bool:
        """ "les interlocuteurs", "les deux dirigeants", "des deux hommes" (not "deux hommes d'affaires")."""
        definite = any(
            c.norm_ in ("les", "ces", "des", "aux", "leurs") for c in token.children if c.dep_ in ("det", "case")
        )
        two = any(c.norm_ == "deux" for c in token.children)
        named = token.norm_ in self.lex.pair_words or two and f"deux {token.norm_}" in self.lex.pair_words
        return definite and (named or two and token.norm_ in self.lex.leader_groups)

    def group_of(self, token: Token, depth: int) -> list[str]:
        """ "les présidents russe et français", "des représentants de la CGT", "les dirigeants de la France"."""
        found: list[str] = []
        for child in token.children:
            if child.dep_ in ("nmod", "conj") and case(child) in OF or child.dep_ == "appos":
                found += [k for k in self.actors(child, depth + 1) if not is_person(self.gaz, k)]
            elif child.dep_ in ("amod", "conj"):
                found += self.demonym_countries(child)
                found += [c for conj in child.children if conj.dep_ == "conj" for c in self.demonym_countries(conj)]
        found = list(dict.fromkeys(found))
        if token.norm_ in self.lex.leader_groups:
            leaders = [self.gaz.leader(c, self.discourse_day) for c in found if not c.startswith(("group:", "name:"))]
            return (
                [p for p in leaders if p]
                if leaders and all(leaders)
                else [k for k in found if k.startswith(("group:", "name:org:"))]
            )
        return found

    discourse_day = None  # set by the event reader: the publication day, for "les dirigeants de la France"

    def demonym_countries(self, token: Token) -> list[str]:
        word = token.norm_
        if word in self.gaz.by_demonym:
            return [self.gaz.by_demonym[word]]
        parts = word.split("-")
        if len(parts) > 1 and all(p in self.gaz.by_prefix for p in parts[:-1]) and parts[-1] in self.gaz.by_demonym:
            return [self.gaz.by_prefix[p] for p in parts[:-1]] + [self.gaz.by_demonym[parts[-1]]]
        return []

    def is_place(self, token: Token) -> bool:
        """ "à Genève", "en Belgique", "au Kremlin", "à Matignon": where, not who."""
        if token.dep_ not in OBLIQUE_DEPS or case(token) not in self.lex.place_cases:
            return False
        if token.ent_type_ == "LOC":
            return True
        for m in self.mentions.get(token.i, []):
            entry = self.gaz.entries.get(m.keys[0])
            if m.via == METONYM or entry is not None and entry.kind == "Country":
                return True
        return False

    # -- the participants of a cue
    def of(self, cue: Token) -> tuple[list[str], list[str]]:
        """(agents, partners) of a cue: who did it, and with whom."""
        agents, partners = self.of_verb(cue) if cue.pos_ in ("VERB", "AUX") else self.of_noun(cue)
        verb = self.lex.verbs.get(lemma(cue), {})
        if (
            cue.pos_ in ("VERB", "AUX")
            and agents
            and not partners
            and not verb.get("request")
            and not any(fold(c.text) in ("se", "s'") or c.dep_ == "obj" for c in cue.children)
            and not self.object_before(cue)
        ):  # an object, not someone: none
            partners = self.next_actors(cue)  # the parse lost the object: the actor the words name next
        agents = list(dict.fromkeys(agents + self.initiating_member(cue, agents + partners)))
        return agents, [k for k in dict.fromkeys(partners) if k not in agents]

    def of_verb(self, verb: Token) -> tuple[list[str], list[str]]:
        agents: list[str] = []
        partners: list[str] = []
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children) or (
            "Part" in verb.morph.get("VerbForm")
            and not any(c.dep_.startswith("aux") for c in verb.children)
            and any(c.dep_ == "obl:agent" or case(c) == "par" for c in verb.children)
        )  # "Invité par X, Y…"
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            partners += self.actors(verb.head)  # "les élus locaux reçus par Édouard Philippe"
            passive = True
        elif (
            verb.dep_ == "advcl"
            and not has_subject
            and "Part" in verb.morph.get("VerbForm")
            and any(c.dep_ == "obl:agent" or case(c) == "par" for c in verb.children)
        ):
            # "Invité lundi par Emmanuel Macron à réfléchir…, Christophe Castaner veut…"
            partners += [k for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass") for k in self.actors(c)]
            passive = True
        subject_before = any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and subject_before and child.i > verb.i:
                partners += self.actors(child)  # "« J'ai rencontré Angela Merkel »": the model makes her a subject too
            elif child.dep_ in SUBJECT_DEPS:
                (partners if passive or child.dep_ == "nsubj:pass" else agents).extend(self.actors(child))
            elif child.dep_ == "obl:agent" or child.dep_ in OBLIQUE_DEPS and case(child) == "par" and passive:
                agents += self.actors(child)
            elif child.dep_ in OBJECT_DEPS and not self.is_place(child):
                partners += self.actors(child)
            elif child.dep_ in OBLIQUE_DEPS and case(child) in self.lex.partner_cases and not self.is_place(child):
                partners += self.actors(child)
            elif self.is_place(child):  # a person is never a place: "reçu à la Maison-Blanche le chancelier Scholz"
                partners += [
                    k for c in child.children if c.dep_ == "appos" for k in self.actors(c) if is_person(self.gaz, k)
                ]
        if passive and not has_subject and verb.dep_ == "xcomp" and lemma(verb.head) == "venir":
            partners += self.implicit_subject(verb)  # "Ils venaient d'être reçus", not "demande à être reçue"
        if not agents and not passive and not has_subject:
            # "Macron a demandé à Sarkozy…" in a headline: the model tags "Macron" as an adverb
            agents = self.implicit_subject(verb) or self.coordinated_before(verb, least=1)
        if not agents and passive:  # "a été reçue vendredi soir à Matignon par le Premier ministre", hung elsewhere
            agents = next(
                (
                    keys
                    for t in self.sent
                    if t.i > verb.i and case(t) == "par" and not self.is_place(t) and (keys := self.actors(t))
                ),
                [],
            )
        if len(agents) < 2 and not partners:
            agents = self.coordinated_before(verb) or agents
        verb_entry = self.lex.verbs.get(lemma(verb), {})
        if verb_entry.get("cohost_with") and any(c.dep_ in OBJECT_DEPS for c in verb.children):
            # "a reçu, avec d'autres collègues maires, une délégation": who received with him, not whom
            cohosts = {k for c in verb.children if c.dep_ in OBLIQUE_DEPS and case(c) == "avec" for k in self.actors(c)}
            objects = {k for c in verb.children if c.dep_ in OBJECT_DEPS for k in self.actors(c)}
            partners = [k for k in partners if k not in cohosts or k in objects]
        if not partners:  # "par téléphone avec X", hung lower down by the parser
            partners = [
                k
                for t in verb.subtree
                if t.i > verb.i and case(t) == "avec" and t.dep_ in OBLIQUE_DEPS and not self.in_clause_below(t, verb)
                for k in self.actors(t)
            ]
        return agents, partners
