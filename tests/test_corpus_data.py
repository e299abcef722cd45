"""The test corpus and its hand-made reference are well-formed.

tests/corpus/ holds short French news articles with their metadata.json; tests/data/corpus.gold.json
says what a careful reader finds in them. A reference that names an undeclared actor, a missing
article or an impossible date would score every build wrongly, so its shape is checked here.
"""

from __future__ import annotations

import datetime
import json
from itertools import combinations
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
CORPUS = TESTS / "corpus"
GOLD = json.loads((TESTS / "data" / "corpus.gold.json").read_text(encoding="utf-8"))
METADATA = json.loads((CORPUS / "metadata.json").read_text(encoding="utf-8"))
ARTICLES = sorted(CORPUS.glob("*.txt"))
EVENT_TYPES = {"Communication", "PhoneCall", "VideoConference", "Meeting"}
ACTOR_TYPES = {"Person", "Country", "Organization"}


def is_iso_date(text: str) -> bool:
    try:
        return datetime.date.fromisoformat(text).isoformat() == text
    except (TypeError, ValueError):
        return False


def pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def pairs_of(events) -> set[frozenset[str]]:
    return {pair(a, b) for e in events for a, b in combinations(e["participants"], 2)}


def test_the_corpus_has_at_least_fourteen_articles_of_news_length():
    assert len(ARTICLES) >= 14
    for article in ARTICLES:
        words = len(article.read_text(encoding="utf-8").split())
        assert 150 <= words <= 400, f"{article.name} has {words} words"


def test_metadata_covers_every_article_and_nothing_else():
    assert set(METADATA) == {a.name for a in ARTICLES}
    for name, meta in METADATA.items():
        assert is_iso_date(meta["published"]), name
        assert meta["outlet"] and meta["title"], name


def test_the_reference_documents_are_the_articles_with_their_publication_dates():
    assert set(GOLD["documents"]) == {a.stem for a in ARTICLES}
    for doc, info in GOLD["documents"].items():
        assert info["published"] == METADATA[f"{doc}.txt"]["published"], doc


@pytest.mark.parametrize("event", GOLD["events"], ids=lambda e: e["id"])
def test_each_event_is_well_formed(event):
    actors, topics = GOLD["actors"], GOLD["topics"]
    assert event["type"] in EVENT_TYPES
    assert isinstance(event["required"], bool)
    assert len(set(event["participants"])) == len(event["participants"]) >= 2
    assert set(event["participants"]) <= set(actors)
    assert set(event.get("participants_ok", [])) <= set(actors)
    assert not set(event.get("participants_ok", [])) & set(event["participants"])
    assert event["date"] is None or is_iso_date(event["date"])
    assert all(is_iso_date(d) for d in event.get("dates_ok", []))
    assert event["sources"] and set(event["sources"]) <= set(GOLD["documents"])
    assert set(event["topics"]) <= set(topics) and set(event["topics_ok"]) <= set(topics)
    assert not set(event["topics"]) & set(event["topics_ok"])


@pytest.mark.parametrize("event", GOLD["events"], ids=lambda e: e["id"])
def test_no_event_happens_after_the_articles_that_report_it(event):
    for day in [event["date"], *event.get("dates_ok", [])]:
        if day:
            assert all(day <= GOLD["documents"][doc]["published"] for doc in event["sources"])


def test_event_ids_are_unique():
    ids = [e["id"] for e in GOLD["events"]]
    assert len(ids) == len(set(ids))


def test_actors_have_labels_and_wikidata_ids_only_in_the_right_shape():
    for key, actor in GOLD["actors"].items():
        assert actor["type"] in ACTOR_TYPES, key
        assert actor["labels"], key
        qid = actor["wikidata"]
        assert qid is None or (qid.startswith("Q") and qid[1:].isdigit()), key


def test_no_two_actors_share_a_label():
    owners: dict[str, str] = {}
    for key, actor in GOLD["actors"].items():
        for label in {label.casefold() for label in actor["labels"]}:
            assert owners.setdefault(label, key) == key, f"{label!r}: {owners[label]} and {key}"


def test_topics_say_their_french_name_cues_and_labels():
    for key, topic in GOLD["topics"].items():
        assert topic["fr"] and topic["cues"] and topic["labels"], key


def test_required_pairs_are_exactly_the_pairs_of_required_events():
    required = {pair(*p) for p in GOLD["communicated_with"]["required"]}
    assert required == pairs_of(e for e in GOLD["events"] if e["required"])


def test_optional_pairs_come_from_optional_events_or_acceptable_extras():
    optional = {pair(*p) for p in GOLD["communicated_with"]["optional"]}
    widened = [{"participants": e["participants"] + e.get("participants_ok", [])} for e in GOLD["events"]]
    assert optional <= pairs_of(widened)
    assert not optional & {pair(*p) for p in GOLD["communicated_with"]["required"]}
    actors = set(GOLD["actors"])
    assert all(set(p) <= actors for p in GOLD["communicated_with"]["optional"])


def test_forbidden_participants_are_not_reference_actors():
    labels = {label.casefold() for actor in GOLD["actors"].values() for label in actor["labels"]}
    assert not {name.casefold() for name in GOLD["must_not_be_participants"]} & labels


def test_forbidden_participants_appear_in_the_articles_or_their_metadata():
    outlets = [meta["outlet"] for meta in METADATA.values()]
    text = "\n".join([a.read_text(encoding="utf-8") for a in ARTICLES] + outlets)
    missing = [name for name in GOLD["must_not_be_participants"] if name not in text]
    assert not missing


def test_planned_or_tolerated_events_carry_a_note():
    for event in GOLD["events"]:
        if not event["required"]:
            assert event.get("note"), event["id"]


def test_at_least_one_article_reports_no_communication_event():
    reported = {doc for e in GOLD["events"] for doc in e["sources"]}
    assert set(GOLD["documents"]) - reported
