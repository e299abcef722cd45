"""Communication events in an analysed article: cues → participants → decision → day.

Each cue (kg.extract.cues) gets its participants (kg.extract.participants); it becomes an event when
kg.extract.decide finds it happened, in the right sense, between at least two actors. Its day comes from
kg.extract.when. A cue that names fewer than two actors ("Cet entretien a duré une heure") continues the event
the article is telling about. Reports of one event in one article are merged: same participants, same day.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from kg.extract import decide, when
from kg.extract.cues import DocIndex, PhraseCues, lemma
from kg.extract.dates import find_dates
from kg.extract.drafts import Draft, StoryState, add, proposed_for, remember_proposed, upgrade
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, is_person, token_mentions
from kg.extract.participants import ParticipantReader, case
from kg.extract.shapes import shaped
from kg.knowledge.gazetteer import Gazetteer
from kg.text import fold

CONTEXT_SENTENCES = 6  # how far after an event a sentence may still be about it (for its topics)


class EventReader:
    """Built once per pipeline; reads the events of each analysed article."""

    def __init__(self, nlp, gaz: Gazetteer, lex: Lexicon):
        self.gaz, self.lex = gaz, lex
        self.phrases = PhraseCues(nlp, lex)
        self.title_words = {fold(t.phrases[0].split()[0]) for t in gaz.titles.values() if t.phrases} | {
            fold(p.split()[0]) for t in gaz.titles.values() for p in t.phrases
        }

    def read(
        self, doc: Doc, mentions: list[Mention], published: date | None, state: StoryState
    ) -> tuple[list[Draft], list[Span]]:
        sentences = list(doc.sents)
        by_token = token_mentions(mentions)
        index = DocIndex.of(doc, self.lex, self.phrases)
        start = len(state.drafts)
        for i, sent in enumerate(sentences):
            if "\n\n" in doc[max(sent.start - 1, 0)].whitespace_ + doc[max(sent.start - 1, 0)].text:
                state.story_day = None  # a new paragraph tells its own day
            here = [m for m in mentions if sent.start <= m.start < sent.end]
            state.discourse.titled.update(self.titles_before_names(here, doc))
            titled = state.discourse.titled
            nameless = [(t, g) for t, g in self.nameless_subjects(sent, by_token) if doc[t].norm_ not in titled]
            state.discourse.nameless_here = nameless
            reader = ParticipantReader(self.lex, self.gaz, sent, by_token, state.discourse)
            reader.discourse_day = published
            new = self.read_sentence(sent, i, reader, index, published, state)
            if new:
                state.current, state.since_current = new[0], 0
                state.discourse.last_pair = new[0].participants
                for kind, duration, at in state.pending:
                    upgrade(new[0], kind, duration)
                    new[0].context.append(at)
                state.pending.clear()
            elif (
                state.current is not None
                and state.since_current < CONTEXT_SENTENCES
                and self.about(state.current, here, sent, i, sentences, published)
            ):
                state.current.context.append(i)
                state.since_current += 1
            else:
                state.since_current += 1
            state.discourse.learn(here, doc, [gender for _, gender in nameless])
            told = [d.date for d in new if d.date and d.date_basis == when.TEXT]
            if told:
                state.story_day = told[-1]  # "Mardi, X a reçu Y. Il a ensuite rencontré Z": Z on Tuesday too
            named = [d.value for d in find_dates(sent.text, published, state.last_day) if not d.future]
            state.last_day = named[-1] if named else state.last_day
            state.previous_day = (
                named[-1] if named else None
            )  # "…venu dimanche avec l'arrivée de Zarif. Il s'est entretenu…"
        return state.drafts[start:], sentences

    def titles_before_names(self, here: list[Mention], doc: Doc) -> dict[str, str]:
        """The title words right before a person's name ("La préfète du Cher Catherine Ferrier"): the same title
        later ("La préfète y ajoute qu'elle…") is that person, not someone the text leaves unnamed."""
        return {
            t.norm_: m.keys[0]
            for m in here
            if is_person(self.gaz, m.keys[0])
            for t in doc[max(m.start - 6, 0) : m.start]
            if t.norm_ in self.title_words
        }

    def nameless_subjects(self, sent: Span, by_token: dict[int, list[Mention]]) -> list[tuple[int, str]]:
        """The subjects of SENT that are titles no mention resolved ("La ministre des Transports"), with their
        gender ("f", "m" or "" when the article does not tell)."""
        found = []
        for token in sent:
            if (
                token.dep_.startswith("nsubj")
                and token.pos_ == "NOUN"
                and token.norm_ in self.title_words
                and token.i not in by_token
            ):
                article = next((fold(c.text) for c in token.children if c.dep_ == "det"), "")
                found.append((token.i, "f" if article == "la" else "m" if article == "le" else ""))
        return found

    def about(
        self, event: Draft, here: list[Mention], sent: Span, i: int, sentences: list[Span], published: date | None
    ) -> bool:
        """Whether a sentence after an event still tells of it (for its topics): it follows the event's sentence
        in its paragraph, or names one of its people or its day."""
        if i == event.sentence + 1 and "\n\n" not in sentences[event.sentence].text_with_ws:
            return True
        people = {p for p in event.participants if is_person(self.gaz, p)}
        return (
            bool(people & {k for m in here for k in m.keys})
            or event.date is not None
            and any(d.value == event.date for d in find_dates(sent.text, published))
        )

    def read_sentence(
        self, sent: Span, i: int, reader: ParticipantReader, index: DocIndex, published: date | None, state: StoryState
    ) -> list[Draft]:
        dates = [(d, when.anchor_token(sent, d)) for d in find_dates(sent.text, published, state.last_day)]
        found = [(sent.doc[t], kind) for t, kind in index.triggers_in(sent)]
        # a verb that is no cue in its sentence ("ont eu lieu", "avoir" without a telephone) governs nothing
        found = [(t, kind) for t, kind in found if t.pos_ not in ("VERB", "AUX") or decide.fits(t, self.lex)]
        verbs = {t.i for t, _ in found if t.pos_ in ("VERB", "AUX")}
        cues = [(t, kind) for t, kind in found if not self.governed_by_cue(t, verbs)]
        cue_ids = {t.i for t, _ in cues}
        new: list[Draft] = []
        caption = self.caption(sent, i, reader, index, dates)
        if caption is not None:
            return [add(state.drafts, caption)]
        for cue, base_kind in cues:
            if decide.wrong_sense(cue, self.lex) or decide.ahead(cue, self.lex):
                continue
            if decide.unreal(cue, self.lex):
                remember_proposed(cue, reader, state, i, self.lex)
                continue
            if not decide.fits(cue, self.lex):
                continue
            agents, partners = reader.of(cue)
            if not agents and not partners and (proposed := proposed_for(cue, reader, state, i)):
                agents = list(proposed)  # "… refusé de recevoir X. Un premier rendez-vous a eu lieu jeudi"
            if not agents and partners and cue.pos_ in ("VERB", "AUX"):
                agents = [k for k in reader.seat_host(cue) if k not in partners]  # "reçus à Matignon"
            if (
                cue.pos_ == "NOUN"
                and decide.needs_partner(cue, self.lex)
                and reader.framing_verb(cue) is None
                and not (lemma(cue) in self.lex.visit_nouns and partners)
            ):
                continue  # "un débat" with nobody; "en visite en Belgique" has its host
            named = [
                c
                for c in cue.children
                if c.dep_ in ("nmod", "obl", "amod") and (reader.actors(c) or reader.demonym_countries(c))
            ]
            if cue.pos_ == "NOUN" and not agents and named and all(case(c) == "avec" for c in named):
                continue  # "discussions avec la France et l'Inde": with them, but by whom?
            verb = self.lex.verbs.get(lemma(cue), {}) if cue.pos_ in ("VERB", "AUX") else {}
            if verb.get("needs_object") and not partners:
                continue  # "Bruxelles accueillait des rassemblements": nobody received
            if verb.get("only_partner_cases") and not self.partner_in_case(cue, verb["partner_cases"], reader):
                continue  # "demander à X de…", not "demander la démission"
            if verb.get("needs_infinitive") and not any(
                c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm")
                for c in cue.children
            ):
                continue  # "invité par X à réfléchir": asked to do something, not invited somewhere
            if verb.get("addressed"):  # "a suggéré à son homologue": said or asked to someone, not a call to a crowd
                partners = [k for k in partners if not k.startswith("group:")]
            if verb.get("persons_only"):  # "a demandé à EDF" in a speech, "la Licra a demandé à X" on Twitter: appeals
                partners = [k for k in partners if is_person(self.gaz, k)]
                agents = [k for k in agents if is_person(self.gaz, k)]
            if not shaped(cue, verb, agents, partners, reader, self.lex, self.gaz):
                continue
            participants = list(dict.fromkeys(agents + partners))
            if (
                cue.pos_ == "NOUN"
                and decide.unmarked(cue, self.lex)
                and not (decide.has_partner_case(cue) or reader.with_next(cue) or reader.between_where_it_happened(cue))
            ):
                # "l'appel de la CGT" is a call to strike; "une heure d'appel des deux dirigeants" tells more of
                # a call the article has told: it may only continue one
                if not any(d.participants == tuple(sorted(set(participants))) for d in state.drafts):
                    continue
            kind = decide.kind_of(cue, base_kind, self.lex)
            crowd = (
                len(participants) > 2
                or any(p.startswith("group:") for p in participants)
                or self.titled_others(cue, reader)
            )
            if (
                kind == "Communication"
                and crowd
                and not verb.get("request")
                and lemma(cue) not in self.lex.letter_nouns
            ):
                kind = "Meeting"  # three people or more talking (a group is several): a meeting, not a call
            own = when.own_days(cue, cue_ids, dates, {t.i for t in decide.clause(cue)}, self.lex)
            if len(participants) < 2:
                self.continue_event(state, own, participants, kind, sent)
                continue
            weekdays = {d.value for d, _ in dates if d.weekday}
            if decide.announced(cue, own or sorted(weekdays), weekdays, published):
                continue
            reported = (
                cue.pos_ in ("VERB", "AUX")
                or reader.framing_verb(cue) is not None
                or decide.told_as_past(cue, self.lex)
            )
            days = [(d, when.TEXT) for d in own] or [
                when.fallback_day(cue, state.previous_day or state.story_day, published) if reported else (None, None)
            ]
            initiator = reader.initiator(participants, published) or (
                agents[0] if verb.get("subject_initiates") and len(agents) == 1 else None
            )  # "X a appelé Y"
            again = [p for p in reader.same_again(cue) if agents and p not in agents]
            for day, basis in days:
                for people in [participants] + [[agents[0], p] for p in again]:
                    draft = Draft(
                        kind,
                        tuple(sorted(people)),
                        day,
                        i,
                        [sent.text.strip()],
                        [i],
                        basis,
                        when.duration_of(sent),
                        when.place_of(cue, reader.is_place),
                        initiator,
                        bool(verb.get("request")),
                    )
                    new.append(add(state.drafts, draft))
        return list({id(d): d for d in new}.values())

    def titled_others(self, cue: Token, reader: ParticipantReader) -> bool:
        """Whether CUE is with people the text names only by a plural title ("s'est entretenu avec son Premier
        ministre et les ministres de l'Intérieur et de la Transition écologique"): more than two took part."""
        return any(
            t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") and fold(t.lemma_) in self.title_words
            for c in cue.children
            if c.dep_ in ("obj", "obl", "obl:arg", "obl:mod") and (c.dep_ == "obj" or case(c) == "avec")
            for t in c.subtree
        )

    @staticmethod
    def governed_by_cue(token: Token, cue_ids: set[int]) -> bool:
        """A noun under a verb cue only says how it happened ("s'entretient … lors d'une visioconférence")."""
        if token.pos_ != "NOUN":
            return False
        for _ in range(3):
            if token.head.i == token.i or token.dep_ in decide.CLAUSE_DEPS:
                return False
            token = token.head
            if token.i in cue_ids and token.pos_ in ("VERB", "AUX"):
                return True
        return False

    @staticmethod
    def partner_in_case(cue: Token, cases: list[str], reader: ParticipantReader) -> bool:
        return any((c.dep_ == "iobj" or case(c) in cases) and reader.actors(c) for c in cue.children)

    def continue_event(
        self, state: StoryState, days: list[str], participants: list[str], kind: str, sent: Span
    ) -> None:
        """ "L'entretien a duré deux heures": the event told last (of that day, if given) gets the details."""
        target = state.current
        if target is None:
            state.pending.append((kind, when.duration_of(sent), sent_index(sent)))
            return
        if any(p not in target.participants for p in participants) or days and target.date not in days:
            return
        upgrade(target, kind, when.duration_of(sent))

    def caption(self, sent: Span, i: int, reader: ParticipantReader, index: DocIndex, dates: list) -> Draft | None:
        """A photo caption: "Emmanuel Macron et Gérard Larcher en pleine discussion, le 19 septembre 2018." —
        no verb, two people or more, one day: they met."""
        if (
            index.has_verb(sent)
            or sent.text.lstrip().startswith("(")
            or any(t.norm_ in self.lex.media_words for t in sent)
        ):
            return None  # "(Christophe Ayad, Yann Boucher, Le Monde, 8 janvier)": bylines, not a picture
        days = {d.value for d, _ in dates if not d.future}
        people = list(dict.fromkeys(k for m in reader.here for k in m.keys if is_person(self.gaz, k)))
        if len(people) < 2 or len(days) != 1:
            return None
        place = next((e.text for e in sent.ents if e.label_ == "LOC"), None)
        return Draft("Meeting", tuple(sorted(people)), days.pop(), i, [sent.text.strip()], [i], when.TEXT, place=place)


def sent_index(sent: Span) -> int:
    """The index of SENT among its doc's sentences."""
    return sum(1 for _ in sent.doc[: sent.start].sents) if sent.start else 0
