"""The interactive page graph.html: self-contained, safe with hostile articles, explorable in a real browser.

The pages are built through the public command (`kg build`), then opened from file:// in headless
Chromium with the network cut off: any request that is not for a local file fails the test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib

from kg.page import PAGE_SCRIPTS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
KG = rdflib.Namespace("https://w3id.org/kg-news/ontology#")
ACTOR_CLASSES = (KG.Actor, KG.Person, KG.Organization, KG.Country)

SCRIPT_IN_TITLE = "</script><script>alert(1)</script>"
IMG_IN_SENTENCE = "<img src=x onerror=alert(2)>"
HOSTILE_ARTICLE = f"""Appel entre l'Élysée et le Kremlin {SCRIPT_IN_TITLE}

Le président français Emmanuel Macron s'est entretenu mardi par téléphone avec son homologue russe Vladimir Poutine {SCRIPT_IN_TITLE}, a annoncé l'Élysée.

Le président français Emmanuel Macron s'est entretenu lundi par téléphone avec son homologue russe Vladimir Poutine {IMG_IN_SENTENCE}, a annoncé l'Élysée.
"""
HOSTILE_METADATA = {
    "hostile.txt": {
        "published": "2022-03-09",
        "url": "javascript:alert(3)",
        "outlet": "<b onmouseover=alert(4)>Le Journal</b>",
        "title": SCRIPT_IN_TITLE,
    }
}


# ---------- building pages ----------


def build(inputs: list[Path], outdir: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "-o", str(outdir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return outdir


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-input")
    (folder / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "metadata.json").write_text(json.dumps(HOSTILE_METADATA), encoding="utf-8")
    return build([folder], tmp_path_factory.mktemp("hostile"))


def graph_of(outdir: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(outdir / "graph.ttl", format="turtle")


def actor_count(graph: rdflib.Graph) -> int:
    return len({s for cls in ACTOR_CLASSES for s in graph.subjects(rdflib.RDF.type, cls)})


def event_count(graph: rdflib.Graph) -> int:
    return len(set(graph.subjects(KG.participant, None)))


# ---------- the document itself ----------


class ResourceReferences(HTMLParser):
    """Every attribute or element of an HTML document that could make the browser fetch something."""

    FETCHING_ATTRIBUTES = {"src", "href", "srcset", "action", "poster", "data", "background", "formaction"}

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.elements: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)
        for name, value in attrs:
            if name in self.FETCHING_ATTRIBUTES:
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "link":
            self.found.append("<link>")


def test_the_page_fetches_nothing_and_names_no_web_address_outside_its_links(seeds_build):
    html = (seeds_build / "graph.html").read_text(encoding="utf-8")
    references = ResourceReferences()
    references.feed(html)
    assert references.found == []
    assert "@import" not in html
    assert re.findall(r"url\(\s*['\"]?(?!data:)", html) == []
    assert "default-src 'none'" in html  # the page's policy forbids fetching, in case anything tried

    # The web addresses left are data (article URLs), the Wikidata link prefix the panel's links are made
    # from, and the SVG namespace vis-network names its elements with (an identifier, never fetched); the
    # addresses of vis-network's licence notices are written without their scheme.
    assert "vis-network" in html and "@copyright" in html and "@license" in html
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1)
    rest = html.replace(data, "")
    assert set(re.findall(r"https?://[^\s\"'<>)]*", rest)) == {
        "https://www.wikidata.org/wiki/",
        "http://www.w3.org/2000/svg",
    }


def test_the_same_corpus_gives_a_byte_identical_page(seeds_build, tmp_path):
    again = build([SEEDS], tmp_path / "again")
    assert (again / "graph.html").read_bytes() == (seeds_build / "graph.html").read_bytes()


def test_hostile_text_cannot_end_the_data_script(hostile_out):
    html = (hostile_out / "graph.html").read_text(encoding="utf-8")
    assert SCRIPT_IN_TITLE in (hostile_out / "graph.ttl").read_text(encoding="utf-8")
    parsed = ResourceReferences()
    parsed.feed(html)
    scripts = 2 + len(PAGE_SCRIPTS)  # data, library, the page's own scripts
    assert parsed.elements.count("script") == html.lower().count("</script") == scripts
    assert IMG_IN_SENTENCE not in html and "alert(1)" not in html.split('id="kg-data">')[0]


# ---------- in the browser ----------


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (Debian package 'chromium'; `make system`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class OfflinePage:
    """A page opened from file:// with the network cut off, recording what would be a failure."""

    def __init__(self, browser, html: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._only_files)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(html.as_uri())
        self.page.wait_for_selector("body[data-ready=true]", timeout=20000)

    def _only_files(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def evaluate(self, script: str):
        return self.page.evaluate(script)

    def actor_node(self, label: str) -> str:
        index = self.evaluate(f"kgPage.data.actors.findIndex((a) => a.label === {json.dumps(label)})")
        assert index >= 0, f"no actor labelled {label}"
        return f"a{index}"

    def click_node(self, node: str):
        """A real mouse click where the network draws the node."""
        point = self.evaluate(
            f"kgPage.network.canvasToDOM(kgPage.network.getPositions([{json.dumps(node)}])[{json.dumps(node)}])"
        )
        box = self.page.locator("#graph canvas").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def search(self, text: str):
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")

    def close(self):
        self.context.close()

    def assert_clean(self):
        assert self.requests == [], "the page tried to use the network"
        assert self.errors == [], "the page logged errors"
        assert self.dialogs == [], "a script opened a dialog"


@pytest.fixture
def seeds_page(browser, seeds_build):
    page = OfflinePage(browser, seeds_build / "graph.html")
    yield page
    page.close()


@pytest.mark.browser
def test_the_page_loads_offline_without_errors_and_draws_every_actor(seeds_page, seeds_build):
    drawn = seeds_page.evaluate("kgPage.network.body.data.nodes.length")
    assert drawn == actor_count(graph_of(seeds_build)) > 0
    assert seeds_page.page.get_attribute("#graph", "data-drawn-actors") == str(drawn)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    seeds_page.page.screenshot(path=str(ARTIFACTS / "graph-seeds.png"))
    seeds_page.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize("typed", ["Poutine", "poutine", "POUTINE", "vladimir pou"])
def test_the_search_finds_and_focuses_vladimir_poutine(seeds_page, typed):
    seeds_page.page.fill("#search", typed)
    assert "Vladimir Poutine" in seeds_page.page.inner_text("#search-results")
    seeds_page.page.press("#search", "Enter")
    assert seeds_page.evaluate("kgPage.network.getSelectedNodes()") == [seeds_page.actor_node("Vladimir Poutine")]
    assert seeds_page.page.inner_text("#panel h2") == "Vladimir Poutine"
    seeds_page.assert_clean()


@pytest.mark.browser
def test_the_search_ignores_accents(seeds_page):
    accented = seeds_page.evaluate("kgPage.data.actors.map((a) => a.label).find((l) => l.normalize('NFD') !== l)")
    if accented is None:
        pytest.skip("no actor of the seeds has an accented name")
    plain = "".join(c for c in unicodedata.normalize("NFD", accented) if not unicodedata.combining(c))
    seeds_page.search(plain.lower())
    assert seeds_page.page.inner_text("#panel h2") == accented


@pytest.mark.browser
def test_a_click_on_a_node_opens_its_names_wikidata_link_events_and_sources(seeds_page, seeds_build):
    seeds_page.click_node(seeds_page.actor_node("Emmanuel Macron"))
    panel = seeds_page.page.locator("#panel")
    assert panel.is_visible()
    assert seeds_page.page.inner_text("#panel h2") == "Emmanuel Macron"
    text = panel.inner_text()
    assert "Macron" in text.split("Events")[0]  # its other names
    assert panel.locator("a[href='https://www.wikidata.org/wiki/Q3052772']").count() == 1
    assert "Phone call" in text and "2022-02-03" in text and "Vladimir Poutine" in text
    assert panel.locator("blockquote").count() > 0  # evidence sentences
    assert "000_e6aace36ca060dcf" in text  # a source, by document id when it has no URL
    seeds_page.assert_clean()


@pytest.mark.browser
def test_hovering_an_edge_lists_its_events_with_dates_kinds_topics_and_articles(seeds_page):
    macron, putin = seeds_page.actor_node("Emmanuel Macron"), seeds_page.actor_node("Vladimir Poutine")
    middle = seeds_page.evaluate(f"""(() => {{
        const p = kgPage.network.getPositions(["{macron}", "{putin}"]);
        return kgPage.network.canvasToDOM({{x: (p["{macron}"].x + p["{putin}"].x) / 2, y: (p["{macron}"].y + p["{putin}"].y) / 2}});
    }})()""")
    box = seeds_page.page.locator("#graph canvas").bounding_box()
    seeds_page.page.mouse.move(box["x"] + middle["x"] - 3, box["y"] + middle["y"] - 3)
    seeds_page.page.mouse.move(box["x"] + middle["x"], box["y"] + middle["y"])
    tip = seeds_page.page.locator("#tip")
    tip.wait_for(state="visible", timeout=3000)
    text = tip.inner_text()
    assert "Emmanuel Macron" in text and "Vladimir Poutine" in text
    assert "2022-01-28" in text and "Phone call" in text
    assert "garanties de sécurité" in text.lower()  # a topic, by its French label
    assert "002_9af52fc60d6935b8" in text  # an article reporting it
    seeds_page.assert_clean()


@pytest.mark.browser
def test_the_event_view_links_each_event_to_its_actors_and_topics(seeds_page, seeds_build):
    seeds_page.page.click("#view-events")
    ids = seeds_page.evaluate("kgPage.network.body.data.nodes.getIds()")
    graph = graph_of(seeds_build)
    assert sum(i.startswith("e") for i in ids) == event_count(graph)
    assert sum(i.startswith("a") for i in ids) == actor_count(graph)
    assert sum(i.startswith("t") for i in ids) == len(set(graph.objects(None, KG.concerns)))
    edges = seeds_page.evaluate("kgPage.network.body.data.edges.get().map((e) => [e.from, e.to])")
    participations = len(list(graph.subject_objects(KG.participant)))
    concerns = len(list(graph.subject_objects(KG.concerns)))
    assert len(edges) == participations + concerns
    seeds_page.assert_clean()


def timeline_count(page) -> int:
    """The events the timeline counts, selected or not: its bars, and those counted at its edges."""
    return page.evaluate("""[...document.querySelectorAll('#timeline .bin')]
        .reduce((n, b) => n + Number(b.dataset.dated) + Number(b.dataset.placed), 0)
        + ['earlier', 'later'].reduce((n, edge) => n + Number(document.querySelector('#timeline svg').dataset[edge]), 0)""")


@pytest.mark.browser
def test_the_topic_and_date_filters_narrow_the_graph_and_the_timeline(seeds_page, seeds_build):
    graph = graph_of(seeds_build)
    dated = {s: str(d) for s, d in graph.subject_objects(KG.date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d))}
    placed = seeds_page.evaluate("kgPage.when.filter((w) => w.placed).length")
    assert timeline_count(seeds_page) == len(dated) + placed

    topic = rdflib.URIRef("https://w3id.org/kg-news/topic/security-guarantees")
    about = {s for s in graph.subjects(KG.concerns, topic)}
    assert about, "the seeds' graph has events about security guarantees"
    value = seeds_page.evaluate("String(kgPage.data.topics.findIndex((t) => t.key === 'security-guarantees'))")
    seeds_page.page.select_option("#topic-filter", value)
    assert (
        timeline_count(seeds_page)
        == seeds_page.evaluate(
            "kgPage.data.events.filter((e, i) => e.topics.includes(%s) && kgPage.when[i].date).length" % value
        )
        >= len(about & dated.keys())
    )

    seeds_page.page.select_option("#topic-filter", "")
    seeds_page.page.fill("#date-from", "2022-02-01")
    seeds_page.page.fill("#date-to", "2022-02-28")
    in_february = [s for s, d in dated.items() if "2022-02-01" <= d <= "2022-02-28"]
    summary = seeds_page.page.inner_text("#summary")
    shown = int(re.search(r"(\d+) of \d+ events", summary)[1])
    assert shown >= len(in_february) > 0
    assert shown == seeds_page.evaluate(
        "kgPage.when.filter((w) => w.date && w.date >= '2022-02-01' && w.date <= '2022-02-28').length"
    )
    seeds_page.assert_clean()


@pytest.mark.browser
def test_a_hostile_article_runs_no_script_and_shows_as_text(browser, hostile_out):
    graph = graph_of(hostile_out)
    evidence = [str(o) for o in graph.objects(None, KG.evidence)]
    assert any(IMG_IN_SENTENCE in sentence for sentence in evidence), "the hostile sentence gives an event"
    hostile = OfflinePage(browser, hostile_out / "graph.html")
    try:
        hostile.search("Macron")
        panel = hostile.page.locator("#panel")
        text = panel.inner_text()
        assert IMG_IN_SENTENCE in text
        assert SCRIPT_IN_TITLE in text  # the article's title, in the event's sources
        assert "<b onmouseover=alert(4)>Le Journal</b>" in text
        assert panel.locator("img, script, b").count() == 0
        assert panel.locator("a[href^='javascript']").count() == 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        hostile.page.screenshot(path=str(ARTIFACTS / "graph-hostile.png"))
        hostile.assert_clean()
    finally:
        hostile.close()
