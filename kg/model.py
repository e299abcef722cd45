"""The small frozen records that the stages pass to each other.

read (documents) -> analyse (nlp) -> extract -> resolve -> rdf / page / store.
No record here knows an IRI: only kg.graph.mapping maps them to RDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Communication kinds, most specific last; "Communication" is the generic one.
EVENT_KINDS = ("Communication", "Meeting", "PhoneCall", "VideoConference")
# How specific a kind is: two reports of one event keep the more specific kind.
KIND_RANK = {kind: rank for rank, kind in enumerate(EVENT_KINDS)}
# How an event's day was known: the text gives it; the story's day (the last day the paragraph gave); the
# day of publication of an article that reports it as the day's news.
DATE_BASES = ("text", "context", "publication")
ACTOR_KINDS = ("Actor", "Person", "Organization", "Country", "Group")


@dataclass(frozen=True)
class Document:
    """One input article, decoded and with its metadata."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    origin: str = ""  # where it was read from (file name, or file:line), for messages


@dataclass(frozen=True)
class Problem:
    """A document that could not be (fully) used, with the reason, for a one-line message."""

    document: str
    reason: str

    def __str__(self) -> str:
        return f"{self.document}: {self.reason}"


@dataclass(frozen=True)
class ArticleInfo:
    """What the graph keeps of a document besides its text."""

    id: str
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None

    @classmethod
    def of(cls, doc: Document) -> "ArticleInfo":
        return cls(doc.id, doc.published, doc.url, doc.outlet, doc.title)


@dataclass(frozen=True)
class ActorRef:
    """An actor as one article mentions it.

    key: the identity across the corpus: the gazetteer id for known actors ("vladimir-putin",
    "russia", "nato"), "name:<normalised full name>" for actors the gazetteer lacks.
    """

    key: str
    label: str
    kind: str = "Actor"  # one of ACTOR_KINDS
    wikidata: str | None = None  # "Q7747"
    names: tuple[str, ...] = ()  # surface forms seen in the text
    role: str | None = None  # "ministre des Affaires étrangères", when the text gives it


@dataclass(frozen=True)
class EventRecord:
    """A communication event read from one article (before) or the whole corpus (after resolve)."""

    kind: str  # one of EVENT_KINDS
    participants: tuple[str, ...]  # actor keys, sorted
    date: str | None = None  # "YYYY-MM-DD", or "--MM-DD" when the year cannot be known
    date_basis: str | None = None  # one of DATE_BASES, when there is a date
    initiator: str | None = None  # actor key
    duration: str | None = None  # xsd:duration, "PT1H45M"
    place: str | None = None
    topics: tuple[str, ...] = ()  # topic notations, sorted
    evidence: tuple[str, ...] = ()  # sentences
    sources: tuple[str, ...] = ()  # document ids, sorted


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article."""

    article: ArticleInfo
    actors: tuple[ActorRef, ...]
    events: tuple[EventRecord, ...]
    topics: tuple["TopicConcept", ...] = ()  # named issues the scheme lacks ("les accords de Dayton")


@dataclass(frozen=True)
class TopicConcept:
    """One concept of the topic scheme (read from ontology/topics.ttl by kg.knowledge)."""

    key: str  # skos:notation
    label_fr: str
    label_en: str
    cues: tuple[str, ...] = ()  # French phrases that evoke it (skos:altLabel @fr)
    broader: str | None = None


@dataclass(frozen=True)
class Actor:
    """One real-world actor across the corpus."""

    key: str
    label: str
    kind: str
    wikidata: str | None = None
    alt_labels: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """The resolved corpus: what the RDF mapping, the page and the store are made from."""

    articles: tuple[ArticleInfo, ...]
    actors: tuple[Actor, ...]
    events: tuple[EventRecord, ...]
    topics: tuple[TopicConcept, ...]  # the whole scheme, plus topics named in the text


@dataclass(frozen=True)
class BuildResult:
    """What kg.build gives back: the resolved corpus, how many documents were built, the problems of the
    others, the outputs written, and where the time went."""

    corpus: Corpus
    built: int
    problems: tuple[Problem, ...]
    outputs: tuple[Path, ...]
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage; parse/extract summed over workers
    cached: int = 0  # documents whose extraction came from the cache
    validated: bool = False  # whether the SHACL shapes were checked
