"""The named queries of queries/ answer their questions on the seeds' build."""

from __future__ import annotations

from functools import lru_cache

import pytest
from fixtures_store import QUERIES, kg, kg_json

NAMED_QUERIES = sorted(QUERIES.glob("*.rq"))
MACRON_PUTIN_CALLS = ["2022-01-28", "2022-01-31", "2022-02-03", "2022-02-20"]
WIKIDATA = "http://www.wikidata.org/entity/"


@lru_cache(maxsize=None)
def rows_of(seeds_build, name: str) -> list[dict[str, str]]:
    """The rows of a named query on the seeds (each query runs once: kg takes a second to start)."""
    return kg_json(seeds_build, str(QUERIES / f"{name}.rq"))


def test_the_library_has_the_queries_the_readme_names():
    names = {path.stem for path in NAMED_QUERIES}
    assert {
        "who-talked-to-whom",
        "timeline",
        "events-by-topic",
        "topics-by-actor",
        "evidence",
        "actors-wikidata",
    } <= names


@pytest.mark.parametrize("query", NAMED_QUERIES, ids=lambda path: path.stem)
def test_each_query_says_what_it_answers_and_its_parameters(query):
    comment = [line for line in query.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert query.read_text(encoding="utf-8").startswith("# ")
    assert len(comment) >= 2
    assert any("Parameters:" in line for line in comment)


@pytest.mark.parametrize("query", NAMED_QUERIES, ids=lambda path: path.stem)
def test_each_query_runs_on_the_seeds_and_finds_rows(seeds_build, query):
    assert len(rows_of(seeds_build, query.stem)) >= 1


def test_a_query_of_the_library_can_be_named_without_its_folder(seeds_build):
    by_name = kg("query", seeds_build, "who-talked-to-whom")
    by_path = kg("query", seeds_build, "queries/who-talked-to-whom.rq")
    assert by_name.returncode == 0, by_name.stderr
    assert by_name.stdout == by_path.stdout


def test_who_talked_to_whom_counts_the_macron_putin_events_with_first_and_last_dates(seeds_build):
    rows = rows_of(seeds_build, "who-talked-to-whom")
    pair = [r for r in rows if {r["actor1"], r["actor2"]} == {"Emmanuel Macron", "Vladimir Poutine"}]
    assert len(pair) == 1, "each pair is listed once"
    assert int(pair[0]["events"]) >= 4
    assert (pair[0]["first"], pair[0]["last"]) == ("2020-06-26", "2022-02-20")
    assert rows[0] == pair[0], "the most talkative pair comes first"
    others = {frozenset((r["actor1"], r["actor2"])) for r in rows}
    assert frozenset(("Emmanuel Macron", "Volodymyr Zelensky")) in others
    assert frozenset(("Emmanuel Macron", "Andrzej Duda")) in others


def test_timeline_lists_the_macron_putin_communications_in_date_order(seeds_build):
    rows = rows_of(seeds_build, "timeline")
    dates = [r["date"] for r in rows if "date" in r]
    assert dates == sorted(dates)
    calls = [r["date"] for r in rows if r.get("kind", "").endswith("#PhoneCall")]
    assert [d for d in calls if d in MACRON_PUTIN_CALLS] == MACRON_PUTIN_CALLS
    first = rows[0]
    assert (first["date"], first["kind"]) == ("2020-06-26", "https://w3id.org/kg-news/ontology#VideoConference")
    durations = {r["date"]: r.get("duration") for r in rows}
    assert durations["2022-01-28"] == "PT1H"
    assert durations["2022-02-20"] == "PT1H45M"


def test_timeline_follows_other_actors_when_the_values_line_is_changed(seeds_build):
    query = (QUERIES / "timeline.rq").read_text(encoding="utf-8")
    default = '("Emmanuel Macron" "Vladimir Poutine")'
    assert default in query
    rows = kg_json(seeds_build, query.replace(default, '("Emmanuel Macron" "Volodymyr Zelensky")'))
    assert [r["date"] for r in rows] == ["2022-02-03"]


def test_events_by_topic_files_the_28_january_call_under_security_guarantees(seeds_build):
    rows = rows_of(seeds_build, "events-by-topic")
    security = [r for r in rows if r["notation"] == "security-guarantees"]
    assert {"2022-01-28", "2022-01-31", "2022-02-03", "2022-02-20"} <= {r.get("date") for r in security}
    call = next(r for r in security if r.get("date") == "2022-01-28")
    assert set(call["participants"].split(", ")) == {"Emmanuel Macron", "Vladimir Poutine"}
    assert security[0]["topic"] == "Security guarantees"
    assert [r["notation"] for r in rows] == sorted(r["notation"] for r in rows)


def test_topics_by_actor_shows_what_putin_discussed_and_when(seeds_build):
    rows = rows_of(seeds_build, "topics-by-actor")
    putin = {r["notation"]: r for r in rows if r["actor"] == "Vladimir Poutine"}
    security = putin["security-guarantees"]
    assert int(security["events"]) >= 4
    assert (security["first"], security["last"]) == ("2022-01-28", "2022-02-20")
    assert "ukraine-crisis" in putin


def test_evidence_gives_the_sentences_and_articles_behind_the_28_january_call(seeds_build):
    rows = rows_of(seeds_build, "evidence")
    call = [r for r in rows if r.get("date") == "2022-01-28" and r["event"].endswith("emmanuel-macron-vladimir-putin")]
    assert len(call) >= 2, "several sentences report the call"
    assert set(call[0]["documents"].split(", ")) == {
        "000_e6aace36ca060dcf",
        "002_9af52fc60d6935b8",
        "003_16ca8a638563d6d7",
    }
    assert any("Macron" in r["sentence"] and "Poutine" in r["sentence"] for r in call)


def test_actors_wikidata_links_the_presidents_to_their_wikidata_entities(seeds_build):
    rows = rows_of(seeds_build, "actors-wikidata")
    links = {r["actor"]: r.get("wikidata") for r in rows}
    assert links["Vladimir Poutine"] == WIKIDATA + "Q7747"
    assert links["Emmanuel Macron"] == WIKIDATA + "Q3052772"
    assert links["Russie"] == WIKIDATA + "Q159"
    kinds = {r["actor"]: r["kind"].rsplit("#", 1)[-1] for r in rows}
    assert (kinds["Vladimir Poutine"], kinds["Russie"], kinds["OTAN"]) == ("Person", "Country", "Organization")


def test_events_per_outlet_counts_each_outlets_articles(seeds_build):
    rows = {r["outlet"]: r for r in rows_of(seeds_build, "events-per-outlet")}
    assert {"Sputnik", "RHC", "Reuters", "TASR", "(unknown)"} == set(rows)
    assert all(r["articles"] == "1" for r in rows.values())
    assert int(rows["Sputnik"]["events"]) >= 3
    assert rows["Reuters"]["first"] == "2022-01-28"


def test_corroboration_puts_the_call_reported_by_three_articles_first(seeds_build):
    rows = rows_of(seeds_build, "corroboration")
    assert rows[0]["date"] == "2022-01-28"
    assert rows[0]["articles"] == "3"
    assert [int(r["articles"]) for r in rows] == sorted((int(r["articles"]) for r in rows), reverse=True)
