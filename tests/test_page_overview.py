"""The page as an overview of thousands of events, driven in headless Chromium: labels on first load, a layout
fitted to the screen and redone by the filters, pairs apart grouped, communities, the table and its CSV, the
timeline and its brush, undated events at their publication date, and a generated graph of 2,000 actors and
5,000 events interactive in under 3 seconds."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from datetime import date

import pytest
from test_page import ROOT, OfflinePage, browser  # noqa: F401  (browser is a fixture)

from kg.model import Actor, ArticleInfo, Corpus, EventRecord, TopicConcept
from kg.page import page_data, render

INTERACTIVE_MS = 3000


def synthetic_corpus(actors: int, events: int) -> Corpus:
    """bench/page_size.py's generated corpus: Zipf-like activity, two to four participants per event, years of dates."""
    spec = importlib.util.spec_from_file_location("page_size", ROOT / "bench" / "page_size.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_corpus(actors, events)


def hub_and_pairs() -> Corpus:
    """A hub with twelve partners, and thirty pairs that talk only to each other; a third of the events undated."""
    articles = tuple(
        ArticleInfo(f"a{i:02d}", date(2022, 1, 1 + i % 28), None, "Agence", f"Titre {i}") for i in range(60)
    )
    actors = [Actor("hub", "Le Centre", "Country")] + [
        Actor(f"spoke-{i:02d}", f"Rayon {i}", "Person") for i in range(12)
    ]
    actors += [Actor(f"pair-{i:02d}-{side}", f"Paire {i} {side}", "Organization") for i in range(30) for side in "ab"]
    topics = (TopicConcept("trade", "commerce", "trade"), TopicConcept("war", "guerre", "war"))
    events = [
        EventRecord(
            "PhoneCall",
            tuple(sorted(("hub", f"spoke-{i:02d}"))),
            f"2022-01-{1 + i:02d}",
            topics=("trade",) if i % 2 else ("war",),
            sources=(f"a{i:02d}",),
        )
        for i in range(12)
    ]
    events += [
        EventRecord(
            "Meeting",
            (f"pair-{i:02d}-a", f"pair-{i:02d}-b"),
            None if i % 3 == 0 else f"2022-01-{1 + i % 28:02d}",
            topics=("trade",),
            sources=(f"a{20 + i:02d}",),
        )
        for i in range(30)
    ]
    return Corpus(articles, tuple(actors), tuple(events), topics)


def page_file(tmp_path_factory, corpus: Corpus, name: str):
    folder = tmp_path_factory.mktemp(name)
    (folder / "graph.html").write_text(render(corpus), encoding="utf-8")
    return folder / "graph.html"


@pytest.fixture(scope="module")
def big_html(tmp_path_factory):
    return page_file(tmp_path_factory, synthetic_corpus(2000, 5000), "big")


@pytest.fixture(scope="module")
def pairs_html(tmp_path_factory):
    return page_file(tmp_path_factory, hub_and_pairs(), "pairs")


@pytest.fixture
def opened(browser):
    pages = []

    def open_page(html):
        pages.append(OfflinePage(browser, html))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


def drawn_box(page) -> dict:
    """The drawn nodes' extent on the screen, and the canvas's size."""
    return page.evaluate("""(() => {
        const n = kgPage.network, ids = n.body.data.nodes.getIds(), p = n.getPositions(ids);
        const dom = ids.map((id) => n.canvasToDOM(p[id]));
        const xs = dom.map((d) => d.x), ys = dom.map((d) => d.y), c = document.querySelector('#graph');
        return {left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
                width: c.clientWidth, height: c.clientHeight};
    })()""")


def assert_fitted(page) -> None:
    box = drawn_box(page)
    assert 0 <= box["left"] and box["right"] <= box["width"] and 0 <= box["top"] and box["bottom"] <= box["height"]
    assert (box["right"] - box["left"]) / box["width"] > 0.5 or (box["bottom"] - box["top"]) / box["height"] > 0.5


def positions(page) -> dict:
    return page.evaluate("kgPage.network.getPositions()")


# --- the first view -----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("which", ["seeds", "big"])
def test_labels_of_the_most_connected_actors_are_visible_on_first_load(opened, seeds_build, big_html, which):
    page = opened(seeds_build / "graph.html" if which == "seeds" else big_html)
    top = page.evaluate("""(() => {
        const ids = kgPage.network.body.data.nodes.getIds().map((id) => Number(id.slice(1)));
        return ids.sort((a, b) => kgPage.rank.get(a) - kgPage.rank.get(b)).slice(0, 10).map((a) => kgPage.data.actors[a].label);
    })()""")
    labels = page.evaluate("kgPage.labels")
    shown = {label["label"] for label in labels}
    assert set(top) <= shown
    box = page.page.locator("#graph canvas").bounding_box()
    assert all(0 <= label["x"] <= box["width"] and 0 <= label["y"] <= box["height"] for label in labels)
    assert len(labels) >= min(12, page.evaluate("kgPage.network.body.data.nodes.length"))
    page.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize("which", ["seeds", "pairs", "big"])
def test_the_first_view_fits_the_drawing_to_the_screen(opened, seeds_build, pairs_html, big_html, which):
    page = opened({"seeds": seeds_build / "graph.html", "pairs": pairs_html, "big": big_html}[which])
    assert_fitted(page)
    page.assert_clean()


@pytest.mark.browser
def test_isolated_pairs_are_grouped_apart_from_the_network(opened, pairs_html):
    page = opened(pairs_html)
    apart = page.evaluate("kgPage.apart")
    assert apart["pairs"] == 30 and apart["caption"]
    nodes = positions(page)
    labels = page.evaluate("Object.fromEntries(kgPage.data.actors.map((a, i) => ['a' + i, a.label]))")

    def inside(p):
        return (
            apart["x"] - 1 <= p["x"] <= apart["x"] + apart["width"] + 1
            and apart["y"] - 1 <= p["y"] <= apart["y"] + apart["height"] + 1
        )

    pairs = [nodes[i] for i in nodes if labels[i].startswith("Paire")]
    assert len(pairs) == 60 and all(inside(p) for p in pairs)
    assert not any(inside(nodes[i]) for i in nodes if not labels[i].startswith("Paire"))
    hub = [nodes[i] for i in nodes if not labels[i].startswith("Paire")]
    hub_area = (max(p["x"] for p in hub) - min(p["x"] for p in hub)) * (
        max(p["y"] for p in hub) - min(p["y"] for p in hub)
    )
    assert apart["width"] * apart["height"] / len(pairs) < hub_area / len(hub), (
        "the pairs are packed tighter than the network"
    )
    page.assert_clean()


@pytest.mark.browser
def test_kinds_and_communities_are_visible_at_a_glance(opened, pairs_html):
    page = opened(pairs_html)
    legend = page.page.inner_text("#legend")
    assert "Country (1)" in legend and "Person (12)" in legend and "Organisation (60)" in legend
    by_kind = page.evaluate("kgPage.network.body.data.nodes.get().map((n) => n.color)")
    assert len(set(by_kind)) == 3
    page.page.select_option("#colour-by", "community")
    assert "around Le Centre (13)" in page.page.inner_text("#legend")
    by_community = page.evaluate("kgPage.network.body.data.nodes.get().map((n) => n.color)")
    assert len(set(by_community)) > 3
    page.assert_clean()


# --- filters ------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("which", ["pairs", "big"])
def test_filtering_lays_out_again_what_it_keeps(opened, pairs_html, big_html, which):
    page = opened(pairs_html if which == "pairs" else big_html)
    before, redraws = positions(page), page.evaluate("kgPage.redraws")
    topic = page.evaluate(
        "String(kgPage.data.topics.findIndex((t) => t.key === %s))"
        % json.dumps("war" if which == "pairs" else "topic-03")
    )
    page.page.select_option("#topic-filter", topic)
    after = positions(page)
    assert page.evaluate("kgPage.redraws") == redraws + 1
    kept = set(before) & set(after)
    assert kept and set(after) != set(before)
    moved = sum(abs(before[i]["x"] - after[i]["x"]) + abs(before[i]["y"] - after[i]["y"]) > 1 for i in kept)
    assert moved >= len(kept) / 2, "the actors kept are laid out again, not left where they were"
    assert page.evaluate("kgPage.apart") is None if which == "pairs" else True
    assert_fitted(page)
    page.assert_clean()


# --- the table ----------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_table_lists_the_pairs_and_events_kept_and_downloads_them_as_csv(opened, pairs_html):
    page = opened(pairs_html)
    assert page.page.locator("#table tbody tr").count() == 42
    assert page.page.inner_text("#table tbody tr:first-child").startswith("Le Centre")
    with page.page.expect_download() as download:
        page.page.click("#download-csv")
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert download.value.suggested_filename == "pairs.csv" and len(rows) == 42
    page.page.click("#tab-events")
    page.page.select_option(
        "#topic-filter", page.evaluate("String(kgPage.data.topics.findIndex((t) => t.key === 'war'))")
    )
    assert page.page.locator("#table tbody tr").count() == 6
    with page.page.expect_download() as download:
        page.page.click("#download-csv")
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert download.value.suggested_filename == "events.csv" and len(rows) == 6
    assert all(row["kind"] == "Phone call" and "Le Centre" in row["participants"] for row in rows)
    page.page.locator("#table tbody tr").first.click()
    assert "Phone call" in page.page.inner_text("#panel")
    page.assert_clean()


# --- the timeline -------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_timeline_can_be_brushed_to_keep_only_those_dates(opened, big_html):
    page = opened(big_html)
    total = page.evaluate("kgPage.data.events.length")
    chart = page.page.locator("#timeline-chart").bounding_box()
    y = chart["y"] + chart["height"] / 2
    page.page.mouse.move(chart["x"] + chart["width"] * 0.3, y)
    page.page.mouse.down()
    page.page.mouse.move(chart["x"] + chart["width"] * 0.45, y, steps=5)
    page.page.mouse.up()
    start, end = page.page.input_value("#date-from"), page.page.input_value("#date-to")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", start) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end) and start < end
    shown = int(re.search(r"(\d+) of \d+ events", page.page.inner_text("#summary"))[1])
    expected = page.evaluate(f"kgPage.when.filter((w) => w.date && w.date >= '{start}' && w.date <= '{end}').length")
    assert 0 < shown == expected < total
    outside = page.evaluate(
        "[...document.querySelectorAll('#timeline .bin.outside')].map((b) => [b.dataset.start, b.dataset.end])"
    )
    assert outside and all(e < start or s > end for s, e in outside)
    page.page.click("#brush-clear")
    assert page.page.input_value("#date-from") == "" and f"{total} of {total} events" in page.page.inner_text(
        "#summary"
    )
    page.assert_clean()


@pytest.mark.browser
def test_undated_events_stand_at_their_articles_publication_date_and_are_marked(opened, seeds_build):
    page = opened(seeds_build / "graph.html")
    placed = page.evaluate("""kgPage.when.map((w, i) => [i, w]).filter(([i, w]) => w.placed && !/^\\d{4}-/.test(kgPage.data.events[i].date || ""))
        .map(([i, w]) => [i, w.date, kgPage.data.events[i].sources.map((s) => kgPage.data.articles[s].published).sort()[0]])""")
    assert placed, "the seeds have an undated event"
    assert all(when == first for _, when, first in placed)
    assert page.page.locator("#timeline .bar.placed").count() >= 1
    assert "publication date" in page.page.inner_text("#timeline-bar")
    page.page.click("#tab-events")
    assert f"({placed[0][1]}, published)" in page.page.inner_text("#table")
    page.page.locator("#table tbody tr", has_text="published").first.click()
    assert f"(reported {placed[0][1]})" in page.page.inner_text("#panel")
    page.assert_clean()


# --- scale --------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_the_page_is_interactive_in_under_3_seconds_for_2000_actors_and_5000_events(opened, big_html):
    page = opened(big_html)
    assert page.evaluate("kgPage.data.actors.length") == 2000 and page.evaluate("kgPage.data.events.length") == 5000
    assert page.evaluate("kgPage.readyMs") < INTERACTIVE_MS
    started = page.evaluate("performance.now()")
    page.page.fill("#top-n", "2000")
    page.page.dispatch_event("#top-n", "change")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("performance.now()") - started < INTERACTIVE_MS, "all 2,000 actors laid out and drawn"
    assert page.evaluate("kgPage.network.body.data.nodes.length") == 2000
    page.assert_clean()


def test_only_the_articles_some_event_cites_go_into_the_page():
    corpus = hub_and_pairs()
    data = page_data(corpus)
    cited = {source for event in corpus.events for source in event.sources}
    assert {article["id"] for article in data["articles"]} == cited < {article.id for article in corpus.articles}
