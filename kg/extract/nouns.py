"""Who took part in the exchange a noun names: "la rencontre de X avec Y", "son entretien avec Y", "entre X et
Y", "une lettre adressée aux préfets", "en visite d'État en Belgique", and the subject of the verb that frames
it ("a eu un entretien avec", "lors de la réunion", "participait à une rencontre avec")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cues import lemma, quoted
from kg.extract.mentions import is_person
from kg.text import fold

OF = {"de", "du", "des", "d'"}
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
TAKING_PART_CASES = {"dans", "a", "au", "aux", "en"}
OBLIQUE_DEPS = {"obl", "obl:mod", "obl:arg", "nmod"}
OBJECT_DEPS = {"obj", "iobj", "obl:arg"}
CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "acl:relcl", "acl", "csubj", "xcomp", "conj"}
BARE_WITHIN = 4  # tokens from a noun cue to a complement without a preposition that names its partner


def case(token: Token) -> str:
    """The preposition introducing TOKEN ("avec", "de"; "au sein de" read as "de")."""
    words = [fold(c.text) for c in token.children if c.dep_ in ("case", "fixed", "mark") and c.i < token.i]
    if "sein" in words:
        return "de"
    return words[0] if words else ""


class NounReading:
    """The noun half of kg.extract.participants.ParticipantReader (which gives it actors(), lex, gaz, discourse)."""

    def of_noun(self, noun: Token) -> tuple[list[str], list[str]]:
        if lemma(noun) in self.lex.copresence_nouns:
            return self.copresence(noun)
        agents: list[str] = []
        partners: list[str] = []
        for m in self.mentions.get(noun.i, []):  # "entretien Poutine-Macron" merged into one token
            partners += m.keys
        possessed = False
        for child in noun.children:
            if child.dep_ in (
                "nmod",
                "appos",
                "compound",
                "flat",
                "flat:name",
                "dep",
                "nmod:poss",
            ) and not self.is_place(child):
                how = case(child)
                if how in OF and lemma(noun) not in self.lex.forum_nouns:
                    agents += self.actors(child)  # "la rencontre de X avec Y"
                elif how in self.lex.partner_cases or how == "" and self.listed(noun, child):
                    partners += self.actors(child)  # "le sommet UE-Chine", not a name the parse hung from afar
            elif child.dep_ == "amod":
                partners += self.demonym_countries(child)
                partners += [c for conj in child.children if conj.dep_ == "conj" for c in self.demonym_countries(conj)]
            elif child.dep_ == "det" and fold(child.text) in POSSESSIVES:
                possessed = True
        if lemma(noun) in self.lex.letter_nouns:
            return self.of_letter(noun)
        if lemma(noun) in self.lex.visit_nouns:
            partners += [
                k
                for c in noun.children
                if c.dep_ in OBLIQUE_DEPS and case(c) in ("en", "au", "aux")
                for k in self.hosts(c)
            ]
            if (
                noun.head.i != noun.i
                and noun.dep_ in ("nmod", "appos", "acl", "obl:mod")
                and noun.head.pos_ in ("PROPN", "NOUN")
            ):
                agents += self.actors(noun.head)  # "Emmanuel Macron, en visite d'État en Belgique"
        # "une réunion en visioconférence avec tous les préfets": the partners of the words that say how
        partners += [
            k
            for t in noun.subtree
            if t.i != noun.i
            and t.dep_ == "nmod"
            and case(t) == "avec"
            and t.head.i != noun.i
            and t.head.pos_ == "NOUN"
            and lemma(t.head) in self.lex.nouns
            for k in self.actors(t)
        ]
        partners += self.with_next(noun) + self.between_where_it_happened(noun)
        chairs, attendees = self.attendance(noun)  # "présidée par X", "à laquelle a pris part Y"
        agents += chairs
        partners += attendees
        verb = self.framing_verb(noun)
        if verb is not None and not agents:
            agents = [k for c in verb.children if c.dep_ in ("nsubj", "expl:subj") for k in self.actors(c)]
            agents = agents or self.implicit_subject(verb)
            if not agents and any(c.dep_ == "nsubj:pass" for c in verb.children):
                agents = [k for c in verb.children if c.dep_ == "nsubj:pass" for k in self.actors(c)]
        if verb is not None and noun.dep_ != "conj":  # "a eu un entretien téléphonique avec X", hung on the verb
            partners += [
                k
                for c in verb.children
                if c.dep_ in OBLIQUE_DEPS and c.i != noun.i and case(c) in ("avec", "aupres")
                for k in self.actors(c)
            ]
        if verb is not None and lemma(noun) in self.lex.visit_nouns and not partners:
            # "lors d'une visite au tribunal, elle a réclamé aux magistrats du parquet…": whom the visitor spoke to
            partners += [
                k
                for c in verb.children
                if c.dep_ in OBLIQUE_DEPS | OBJECT_DEPS and case(c) in ("a", "au", "aux") and not self.is_place(c)
                for k in self.actors(c)
            ]
        if possessed and not agents:
            agents = self.discourse.person(noun, self.here)  # "sa rencontre avec Édouard Philippe"
        return agents, partners

    def happening(self, noun: Token) -> Token | None:
        """The verb that says the event NOUN names took place ("ont eu lieu", "s'est tenue", "s'est déroulée")."""
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubj:pass"):  # "Côté syndical, des contacts ont eu lieu": the model may
            after = noun.i + 1  # hang the subject on the words before it; the verb right after it says
            while after < self.sent.end - 1 and noun.doc[after].pos_ == "AUX":
                after += 1
            verb = noun.doc[after]
        if verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
            return None
        took_place = any(fold(c.text) == "lieu" for c in verb.children if c.dep_ == "obj")
        words = {lemma(verb), f"{lemma(verb)} lieu" if took_place else ""}
        return verb if words & self.lex.happening_verbs else None

    def between_where_it_happened(self, noun: Token) -> list[str]:
        """ "Des contacts ont eu lieu en tout début d'année entre X et Y": who, in the clause of the verb that says
        the event took place, wherever the model hung "entre" or "avec"."""
        verb = self.happening(noun)
        if verb is None:
            return []
        return [
            k
            for t in verb.subtree
            if t.dep_ == "case" and fold(t.text) in ("entre", "avec") and t.head.i != noun.i and own_clause(t, verb)
            for k in self.actors(t.head)
        ]

    def with_next(self, noun: Token) -> list[str]:
        """The actor right after "NOUN avec", whatever the parse made of it: in "un déjeuner avec des CRS le 3
        décembre" the model hangs "avec des CRS" on another noun."""
        doc, i = noun.doc, noun.i + 1
        while i < self.sent.end and doc[i].pos_ == "ADJ":
            i += 1  # "un entretien téléphonique avec"
        if i >= self.sent.end - 1 or fold(doc[i].text) != "avec":
            return []
        for j in range(i + 1, min(i + 4, self.sent.end)):
            covering = self.mentions.get(j)
            if covering:
                best = max(covering, key=lambda m: m.end - m.start)
                return [] if best.via == "metonym" else list(best.keys)
        return []

    def hosts(self, token: Token) -> list[str]:
        """The state a visit goes to ("en Belgique", "au Canada"): its host, though it is a place."""
        return [
            k
            for m in self.mentions.get(token.i, [])
            for k in m.keys
            if (e := self.gaz.entries.get(k)) is not None and e.kind == "Country" and m.via == "name"
        ]

    def copresence(self, noun: Token) -> tuple[list[str], list[str]]:
        """ "Dans le Bureau ovale, en présence de Liu He, M. Trump a évoqué…": the subject of the clause and the
        people it was said in the presence of were together; only people, and only "en présence de" (not "la
        présence de X" noted, nor a ceremony "en présence du gouvernement")."""
        verb = noun.head  # the parse may hang "en présence de" on a noun before the verb ("Dans le Bureau ovale")
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in CLAUSE_DEPS:
            verb = verb.head
        cue_nouns = [  # the verb's own object or complement: "a réclamé une nouvelle réunion, en présence de…"
            t
            for t in [*verb.children, *(g for c in verb.children if c.dep_ in ("xcomp", "ccomp") for g in c.children)]
            if t.i != noun.i and lemma(t) in self.lex.nouns and not quoted(t)
        ]
        stage = self.lex.broadcast_words | self.lex.media_words | self.lex.court_nouns  # a show, a hearing
        if (
            case(noun) != "en"
            or verb.pos_ not in ("VERB", "AUX")
            or cue_nouns
            or any(lemma(t) in stage for t in self.sent)
        ):
            return [], []  # "a réclamé une nouvelle réunion, en présence cette fois du…": that meeting's
        present = [k for c in noun.children if c.dep_ == "nmod" and case(c) in OF for k in self.actors(c)]
        subjects = [k for c in verb.children if c.dep_ in ("nsubj", "expl:subj") for k in self.actors(c)]
        present, subjects = ([k for k in keys if is_person(self.gaz, k)] for keys in (present, subjects))
        return (subjects, present) if present and subjects else ([], [])

    @staticmethod
    def listed(noun: Token, child: Token) -> bool:
        """Whether a complement without a preposition is next to the noun, or in the list its "entre" or "avec"
        opens ("des appels entre X, Y et Z")."""
        opened = any(case(c) in ("entre", "avec") and c.i < child.i for c in noun.children)
        return abs(child.i - noun.i) <= BARE_WITHIN or opened

    def of_letter(self, noun: Token) -> tuple[list[str], list[str]]:
        """ "X a envoyé un courrier au chef de l'État", "dans une lettre adressée aux préfets, X…": who wrote, to
        whom. A letter nobody is said to send to someone is no exchange ("une lettre ouverte")."""
        sent_by = noun.head if noun.head.pos_ == "VERB" and lemma(noun.head) in self.lex.sending_verbs else None
        to = [c for c in noun.children if c.dep_ == "acl" and lemma(c) in self.lex.sending_verbs]  # "adressée à"
        verbs = [v for v in (sent_by, *to) if v is not None]
        partners = [
            k
            for v in (*verbs, noun)
            for c in v.children
            if c.dep_ in OBLIQUE_DEPS | OBJECT_DEPS and c.i != noun.i and case(c) in ("a", "au", "aux")
            for k in self.actors(c)
        ]
        if sent_by is not None:
            agents = [k for c in sent_by.children if c.dep_ in ("nsubj", "expl:subj") for k in self.actors(c)]
        else:  # "dans une lettre adressée aux préfets, le ministre demande": the clause's subject wrote it
            verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else None
            agents = (
                [k for c in verb.children if c.dep_ in ("nsubj", "expl:subj") for k in self.actors(c)]
                or self.implicit_subject(verb)  # "Il vient de promettre dans une lettre adressée à X…"
                if verb is not None
                else []
            )
        agents += [
            k for c in noun.children if c.dep_ in ("nmod", "nmod:poss") and case(c) in OF for k in self.actors(c)
        ]
        return (agents, partners) if agents and partners else ([], [])  # "ont cosigné la lettre": to no one

    def framing_verb(self, noun: Token) -> Token | None:
        """The verb whose subject took part in the event NOUN names: "ont eu un entretien", "a participé à une
        rencontre avec", "lors de la réunion", "au lendemain d'une rencontre avec" — not "a évoqué la réunion"
        nor "a déclaré dans un entretien"."""
        if predicate(noun):
            return noun
        if noun.dep_ == "conj" and noun.head.pos_ in ("VERB", "AUX"):
            return noun.head  # "X a joué …, après avoir entendu …, et un tête-à-tête avec Y": the parse makes the
            # noun a second predicate of the verb; its subject had the exchange
        happening = self.happening(noun)
        if happening is not None:
            return happening  # "des contacts ont eu lieu entre X et Y": said to have happened
        top = noun
        for _ in range(3):
            if (
                fold(top.head.text) in self.lex.frame_words
                and top.head.i != top.i
                and top.head.pos_ not in ("VERB", "AUX")
            ):
                top = top.head  # "leur première séance de négociations", "à l'issue d'une réunion", "lors d'une"
        head = top.head
        if top is not noun and top.dep_ == "nmod" and head.pos_ == "NOUN" and head.head.pos_ in ("VERB", "AUX"):
            if (
                {fold(c.text) for c in top.children if c.dep_ in ("case", "fixed")} | {fold(top.text)}
            ) & self.lex.frame_cases:
                return head.head  # "a promis le versement d'une prime au cours d'un déjeuner": the model hung
                # "au cours de" on the noun before it; it frames the verb
        if (
            top is not noun
            and fold(top.text) in self.lex.weak_frame_words
            and not any(case(c) in ("avec", "entre") for c in noun.children)
        ):
            return None  # "la veille du sommet": before it, not in it; "au lendemain d'une rencontre avec X" is
        if top is not noun and top.dep_ in ("advmod", "obl", "obl:mod", "obl:arg") and head.pos_ in ("VERB", "AUX"):
            return head  # "se sont mis d'accord lors d'une conversation", "a annoncé au lendemain d'une rencontre"
        if head.i == top.i or head.pos_ not in ("VERB", "AUX"):
            return None
        words = {fold(c.text) for c in top.children if c.dep_ in ("case", "fixed")} | {fold(top.text)}
        if lemma(head) in self.lex.reporting_verbs:
            # "a déclaré dans un entretien" is an interview; "a précisé X, après une rencontre avec Y" is what X
            # said once the meeting he was in was over
            over = words & self.lex.over_cases and any(case(c) in ("avec", "entre") for c in noun.children)
            return head if over and top.dep_ in ("obl", "obl:mod") else None
        if top.dep_ in ("obj", "nsubj:pass"):
            return head if lemma(head) in self.lex.support_verbs else None
        if top.dep_ not in ("obl", "obl:mod", "obl:arg"):
            return None
        if (
            words & self.lex.frame_cases
            or lemma(head) in self.lex.support_verbs
            or case(top) == "a"
            and lemma(noun) == "rencontre"
        ):
            return head
        # "a joué les invités-surprises dans un débat-citoyen avec des gilets jaunes": a verb of taking part
        own = [c for c in noun.children if c.dep_ in ("nmod", "nmod:poss") and case(c) in OF | {"entre"}]
        return head if words & TAKING_PART_CASES and not own else None


def predicate(noun: Token) -> bool:
    """ "X a été en contact avec Y", "X est en discussion avec Y": the noun is the clause's predicate, its
    subject the one who took part."""
    children = {c.dep_: fold(c.text) for c in noun.children if c.dep_ in ("cop", "case")}
    return children.get("case") == "en" and "cop" in children and any(c.dep_ == "nsubj" for c in noun.children)


def own_clause(token: Token, verb: Token) -> bool:
    """Whether TOKEN belongs to VERB's own clause, not to a clause below it."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "advcl", "acl:relcl", "acl", "parataxis", "csubj", "xcomp"):
            return False
        token = token.head
    return token.i == verb.i
