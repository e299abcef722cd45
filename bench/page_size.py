"""How the page copes with a big corpus: render time, document size, and time to "ready" in Chromium.

    python bench/page_size.py [--actors 2000] [--events 5000] [--keep DIR]

The corpus is synthetic but shaped like news: a few heads of state take part in most events
(Zipf-like activity), two to four participants per event, topics and dates spread over years,
one to three reporting articles per event, a sentence of evidence each.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kg.model import ACTOR_KINDS, EVENT_KINDS, Actor, ArticleInfo, Corpus, EventRecord, TopicConcept
from kg.page import render

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEED = 1500


def synthetic_corpus(actor_count: int, event_count: int, article_count: int = 4945, topic_count: int = 40) -> Corpus:
    rng = random.Random(SEED)
    start = date(2018, 1, 1)
    articles = tuple(
        ArticleInfo(
            f"{i:05d}_article",
            start + timedelta(days=rng.randrange(2400)),
            f"https://news.example/{i}" if i % 3 else None,
            rng.choice(["AFP", "Reuters", "TASR", None]),
            f"Titre de l'article {i}",
        )
        for i in range(article_count)
    )
    actors = tuple(
        Actor(
            f"actor-{i:04d}",
            f"Acteur Numéro {i} Éèà",
            rng.choice(ACTOR_KINDS),
            f"Q{1000 + i}" if i % 2 else None,
            (f"Numéro {i}",),
            ("ministre",) if i % 5 == 0 else (),
        )
        for i in range(actor_count)
    )
    topics = tuple(TopicConcept(f"topic-{i:02d}", f"sujet {i}", f"topic {i}") for i in range(topic_count))
    weights = [1 / (rank + 1) ** 0.9 for rank in range(actor_count)]
    events = []
    for i in range(event_count):
        size = rng.choice((2, 2, 2, 2, 3, 4))
        members: set[int] = set()
        while len(members) < size:
            members.add(rng.choices(range(actor_count), weights)[0])
        keys = tuple(sorted(actors[m].key for m in members))
        day = start + timedelta(days=rng.randrange(2400))
        events.append(
            EventRecord(
                kind=rng.choice(EVENT_KINDS),
                participants=keys,
                date=day.isoformat() if i % 20 else None,
                topics=tuple(sorted({topics[rng.randrange(topic_count)].key for _ in range(rng.randrange(4))})),
                evidence=(
                    f"{actors[min(members)].label} s'est entretenu par téléphone avec son homologue "
                    f"le {day.day} au sujet de la situation régionale et des garanties de sécurité.",
                ),
                sources=tuple(sorted({articles[rng.randrange(article_count)].id for _ in range(rng.randint(1, 3))})),
            )
        )
    return Corpus(articles, actors, tuple(events), topics)


def time_to_ready(html_path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(html_path.as_uri())
        page.wait_for_function("window.kgPage && window.kgPage.ready", timeout=60000)
        figures = page.evaluate("""() => ({
            ready_ms: kgPage.readyMs,
            drawn_nodes: kgPage.network.body.data.nodes.length,
            drawn_edges: kgPage.network.body.data.edges.length})""")
        started = page.evaluate("performance.now()")
        page.click("#view-events")
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        figures["event_view_ms"] = round(page.evaluate("performance.now()") - started)
        figures["event_view_nodes"] = page.evaluate("kgPage.network.body.data.nodes.length")
        figures["errors"] = errors
        browser.close()
    return figures


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--actors", type=int, default=2000)
    options.add_argument("--events", type=int, default=5000)
    options.add_argument("--keep", type=Path, help="folder to keep graph.html in")
    args = options.parse_args()

    corpus = synthetic_corpus(args.actors, args.events)
    started = time.perf_counter()
    html = render(corpus)
    render_s = time.perf_counter() - started
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-page-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "graph.html"
    path.write_text(html, encoding="utf-8")
    print(f"{args.actors} actors, {args.events} events: render {render_s:.1f} s, {len(html.encode()) / 1e6:.1f} MB")
    if not Path(CHROMIUM).exists():
        print(f"no {CHROMIUM}: browser timing skipped")
        return 0
    figures = time_to_ready(path)
    print(
        f"ready in {figures['ready_ms']:.0f} ms ({figures['drawn_nodes']} nodes, {figures['drawn_edges']} edges drawn); "
        f"event view in {figures['event_view_ms']} ms ({figures['event_view_nodes']} nodes)"
    )
    if figures["errors"]:
        print("page errors:", *figures["errors"], sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
