"""The interactive page: one self-contained HTML document drawing the corpus with vis-network.

Everything the page needs is inlined (vis-network and the page's own scripts from kg/page/static, the
corpus as JSON), so it works from file:// with the network off. The page lays out what it draws
itself (kg/page/static/layout.js), whenever the filters change it; the actors' communities are found here
(Louvain, seeded). Only the articles some event cites are inlined. The same corpus always gives the
same bytes (sorted data, seeded communities, no timestamps).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources

import networkx as nx

from kg.model import Corpus, EventRecord

VIS_NETWORK = "vis-network.min.js"  # vis-network 9.1.2 (Apache-2.0 or MIT), as pyvis 0.3.2 ships it
COMMUNITY_SEED = 20220203

# Characters that must not appear literally inside an inline <script>: "</script" and "<!--" could
# end or confuse it, U+2028/2029 end lines in older JavaScript parsers.
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


# The page's own scripts, inlined in this order after vis-network: each but the last defines one global
# (kgLayout, kgLabels, kgTimeline, kgTable, kgDetails, kgEventView) that page.js, the page itself, uses.
PAGE_SCRIPTS = ("layout.js", "labels.js", "timeline.js", "table.js", "details.js", "eventview.js", "page.js")


def render(corpus: Corpus) -> str:
    """The whole HTML document of the corpus."""
    data_json = script_json(page_data(corpus))
    scripts = (_library_text(), *(_static_text(name) for name in PAGE_SCRIPTS))
    template = _static_text("page.html")
    parts = {
        "csp": _content_security_policy(scripts),
        "style": _static_text("page.css"),
        "data": data_json,
        "scripts": "\n".join(f"<script>{_checked_inline_script(script)}</script>" for script in scripts),
    }
    # One pass, so that a "{{...}}" inside the corpus text is never taken for a marker.
    return re.sub(r"\{\{(\w+)\}\}", lambda marker: parts[marker.group(1)], template)


def page_data(corpus: Corpus) -> dict:
    """The corpus as the page's script reads it: lists indexed by position, sorted for stable output.

    Only the articles that some event cites are kept: the others would only weigh the page down."""
    cited = {source for event in corpus.events for source in event.sources}
    articles = sorted((a for a in corpus.articles if a.id in cited), key=lambda a: a.id)
    actors = sorted(corpus.actors, key=lambda a: a.key)
    topics = sorted(corpus.topics, key=lambda t: t.key)
    events = sorted(corpus.events, key=_event_order)
    article_index = {a.id: i for i, a in enumerate(articles)}
    actor_index = {a.key: i for i, a in enumerate(actors)}
    topic_index = {t.key: i for i, t in enumerate(topics)}
    community = communities(actor_network([a.key for a in actors], events))
    return {
        "articles": [
            {
                "id": a.id,
                "published": a.published.isoformat() if a.published else None,
                "url": a.url,
                "outlet": a.outlet,
                "title": a.title,
            }
            for a in articles
        ],
        "actors": [
            {
                "key": a.key,
                "label": a.label,
                "kind": a.kind,
                "wikidata": a.wikidata,
                "alt_labels": sorted(set(a.alt_labels) - {a.label}),
                "roles": sorted(set(a.roles)),
                "community": community[a.key],
            }
            for a in actors
        ],
        "topics": [{"key": t.key, "label_fr": t.label_fr, "label_en": t.label_en} for t in topics],
        "events": [
            # Every event happened: extraction leaves planned ones out. The page's scripts would draw a "planned"
            # one dashed; the status stays in the data so that the page keeps its bytes.
            {
                "kind": e.kind,
                "date": e.date,
                "date_basis": e.date_basis,
                "status": "happened",
                "participants": sorted(actor_index[k] for k in set(e.participants) if k in actor_index),
                "initiator": actor_index.get(e.initiator) if e.initiator else None,
                "duration": e.duration,
                "place": e.place,
                "topics": sorted(topic_index[k] for k in set(e.topics) if k in topic_index),
                "evidence": list(e.evidence),
                "sources": sorted(article_index[s] for s in set(e.sources) if s in article_index),
            }
            for e in events
        ],
    }


# Bidirectional embeddings, overrides and isolates: in a title or a sentence they would reverse the page's own
# text around it ("\u202e" turns "… (3 articles)" into a spoof). Left out of everything the page shows.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def script_json(data: dict) -> str:
    """JSON that is safe inside an inline <script>: no '<', '>', '&' or line separators left literal, and no
    bidirectional control characters."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).translate(_BIDI_CONTROLS)
    for raw, escaped in _JSON_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def actor_network(keys: list[str], events: list[EventRecord]) -> nx.Graph:
    """Actors linked when they took part in the same events, weighted by the number of those events."""
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    known = set(keys)
    for event in events:
        members = sorted(set(event.participants) & known)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                weight = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
                graph.add_edge(a, b, weight=weight)
    return graph


def communities(graph: nx.Graph) -> dict[str, int]:
    """Each actor's community (Louvain, seeded): 0 for the biggest, then by size; an actor alone has its own."""
    found = (
        nx.community.louvain_communities(graph, weight="weight", seed=COMMUNITY_SEED) if graph.number_of_nodes() else []
    )
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {key: number for number, members in enumerate(ordered) for key in members}


def _event_order(event: EventRecord) -> tuple:
    # Dated events first, by date; "--MM-DD" dates sort after full dates, undated last.
    return (
        event.date is None,
        event.date or "",
        event.kind,
        event.participants,
        event.sources,
        event.topics,
        event.evidence,
    )


def _static_text(name: str) -> str:
    return resources.files("kg.page").joinpath("static", name).read_text(encoding="utf-8")


def _library_text() -> str:
    """vis-network as shipped, but for the web addresses of its licence notices and error messages, written without
    their scheme, so the page names no address it could fetch (the SVG namespace is an identifier, kept)."""
    text = _static_text(VIS_NETWORK)
    return re.sub(r"https?://(?!www\.w3\.org/)", "", text)


def _checked_inline_script(text: str) -> str:
    """A script's text, refused if it could end the <script> element it is inlined in."""
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("an inlined script contains '</script' or '<!--'")
    return text


def _content_security_policy(scripts: tuple[str, ...]) -> str:
    """Only the page's own inline scripts run (by hash), and nothing is fetched from anywhere."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
