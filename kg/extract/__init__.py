"""Extraction: from an analysed article to its actors, communication events and topics.

No RDF here: the result is kg.model records, which kg.resolve merges across the corpus."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import lexicon
from kg.extract.actors import ActorFinder, ArticleActors
from kg.extract.coref import Discourse
from kg.extract.drafts import Draft, StoryState
from kg.extract.events import EventReader
from kg.extract.topics import TopicFinder
from kg.knowledge.gazetteer import Gazetteer
from kg.model import ArticleInfo, Document, EventRecord, Extraction, TopicConcept

# Bump when extraction changes what it reads from the same text (it keys the extraction cache).
EXTRACTOR_VERSION = "4"


@dataclass(frozen=True)
class Extractor:
    actors: ActorFinder
    events: EventReader
    topics: TopicFinder

    @classmethod
    def build(cls, nlp: Language, gazetteer: Gazetteer, concepts: tuple[TopicConcept, ...]) -> "Extractor":
        actors = ActorFinder(nlp, gazetteer)
        return cls(actors, EventReader(nlp, gazetteer, lexicon.load()), TopicFinder(nlp, concepts))

    def extract(self, document: Document, docs: list[Doc]) -> Extraction:
        """DOCS are the analysed pieces of DOCUMENT's cleaned text, in order."""
        article = ArticleActors({}, {}, self.actors.outlet_state(document.outlet))
        state = StoryState(Discourse(self.actors.gaz))
        records: list[EventRecord] = []
        new_topics: dict[str, TopicConcept] = {}
        for doc in docs:
            mentions = self.actors.find(doc, document.published, article)
            drafts, sentences = self.events.read(doc, mentions, document.published, state)
            for draft in drafts:
                topics, named = self.topics.keys([sentences[i] for i in sorted(set(draft.context))])
                new_topics.update({c.key: c for c in named})
                records.append(record(draft, topics, document.id))
        taking_part = {k for r in records for k in r.participants}
        for key in taking_part - set(article.refs):  # named only through an office ("les dirigeants de la France")
            article.add(self.actors.ref(key, None))
        actors = tuple(sorted((a for k, a in article.refs.items() if k in taking_part), key=lambda a: a.key))
        used_topics = {t for r in records for t in r.topics}
        return Extraction(
            ArticleInfo.of(document),
            actors,
            tuple(records),
            tuple(c for k, c in sorted(new_topics.items()) if k in used_topics),
        )


def record(draft: Draft, topics: set[str], doc_id: str) -> EventRecord:
    initiator = draft.initiator if draft.initiator in draft.participants else None
    return EventRecord(
        kind=draft.kind,
        participants=tuple(sorted(draft.participants)),
        date=draft.date,
        date_basis=draft.date_basis if draft.date else None,
        initiator=initiator,
        duration=draft.duration,
        place=draft.place,
        topics=tuple(sorted(topics)),
        evidence=tuple(draft.evidence),
        sources=(doc_id,),
    )
