"""The interactive page: one self-contained HTML document drawing the corpus with vis-network.

Everything the page needs is inlined (vis-network from the installed pyvis, kg/static/page.{css,js},
the corpus as JSON), so it works from file:// with the network off. Actor positions are computed
here, ahead of time, so the browser never runs a physics simulation; the same corpus always gives
the same bytes (sorted data, seeded layout, no timestamps).
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from importlib import resources

import networkx as nx
import numpy as np

from kg.model import Corpus, EventRecord

VIS_NETWORK = ("lib", "vis-9.1.2", "vis-network.min.js")  # inside the pyvis package
LAYOUT_SEED = 20220203
LAYOUT_ITERATIONS = 60
NODE_SPACING = 100  # pixels: a component of n actors gets a disc of radius NODE_SPACING * sqrt(n)
COMPONENT_GAP = 80  # pixels between the discs of unconnected groups of actors

# Characters that must not appear literally inside an inline <script>: "</script" and "<!--" could
# end or confuse it, U+2028/2029 end lines in older JavaScript parsers.
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def render(corpus: Corpus) -> str:
    """The whole HTML document of the corpus."""
    data_json = script_json(page_data(corpus))
    scripts = (_library_text(), _static_text("page.js"))
    template = _static_text("page.html")
    parts = {
        "csp": _content_security_policy(scripts),
        "style": _static_text("page.css"),
        "data": data_json,
        "vis_network": _checked_inline_script(scripts[0]),
        "page_script": _checked_inline_script(scripts[1]),
    }
    # One pass, so that a "{{...}}" inside the corpus text is never taken for a marker.
    return re.sub(r"\{\{(\w+)\}\}", lambda marker: parts[marker.group(1)], template)


def page_data(corpus: Corpus) -> dict:
    """The corpus as the page's script reads it: lists indexed by position, sorted for stable output."""
    articles = sorted(corpus.articles, key=lambda a: a.id)
    actors = sorted(corpus.actors, key=lambda a: a.key)
    topics = sorted(corpus.topics, key=lambda t: t.key)
    events = sorted(corpus.events, key=_event_order)
    article_index = {a.id: i for i, a in enumerate(articles)}
    actor_index = {a.key: i for i, a in enumerate(actors)}
    topic_index = {t.key: i for i, t in enumerate(topics)}
    positions = actor_positions([a.key for a in actors], events)
    return {
        "articles": [
            {"id": a.id, "published": a.published.isoformat() if a.published else None,
             "url": a.url, "outlet": a.outlet, "title": a.title}
            for a in articles
        ],
        "actors": [
            {"key": a.key, "label": a.label, "kind": a.kind, "wikidata": a.wikidata,
             "alt_labels": sorted(set(a.alt_labels) - {a.label}), "roles": sorted(set(a.roles)),
             "x": positions[a.key][0], "y": positions[a.key][1]}
            for a in actors
        ],
        "topics": [{"key": t.key, "label_fr": t.label_fr, "label_en": t.label_en} for t in topics],
        "events": [
            {"kind": e.kind, "date": e.date, "status": e.status,
             "participants": sorted(actor_index[k] for k in set(e.participants) if k in actor_index),
             "initiator": actor_index.get(e.initiator) if e.initiator else None,
             "duration": e.duration, "place": e.place,
             "topics": sorted(topic_index[k] for k in set(e.topics) if k in topic_index),
             "evidence": list(e.evidence),
             "sources": sorted(article_index[s] for s in set(e.sources) if s in article_index)}
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


def actor_positions(keys: list[str], events: list[EventRecord]) -> dict[str, tuple[int, int]]:
    """Pixel positions of the actors: each group of connected actors laid out by force, then packed."""
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    known = set(keys)
    for event in events:
        members = sorted(set(event.participants) & known)
        graph.add_edges_from((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    layouts = [_component_layout(graph, members) for members in components]
    return _pack(layouts)


def _component_layout(graph: nx.Graph, members: list[str]) -> dict[str, np.ndarray]:
    """Positions of one connected group inside a disc of radius NODE_SPACING * sqrt(n), centred on 0."""
    count = len(members)
    if count == 1:
        return {members[0]: np.zeros(2)}
    index = {key: i for i, key in enumerate(members)}
    attraction = np.zeros((count, count))
    for a, b in graph.subgraph(members).edges:
        # Unweighted: frequent partners would otherwise sit on top of each other; edge width shows it.
        attraction[index[a], index[b]] = attraction[index[b], index[a]] = 1.0
    points = fruchterman_reingold(attraction)
    points -= points.mean(axis=0)
    radius = np.linalg.norm(points, axis=1).max() or 1.0
    points *= NODE_SPACING * math.sqrt(count) / radius
    return {key: points[i] for key, i in index.items()}


def fruchterman_reingold(attraction: np.ndarray, iterations: int = LAYOUT_ITERATIONS) -> np.ndarray:
    """Force-directed positions (the algorithm networkx.spring_layout uses), seeded, in numpy only."""
    count = attraction.shape[0]
    rng = np.random.default_rng(LAYOUT_SEED)
    points = rng.random((count, 2))
    ideal = math.sqrt(1.0 / count)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = points[:, None, :] - points[None, :, :]
        distance = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 0.01)
        force = ideal * ideal / distance ** 2 - attraction * distance / ideal
        displacement = np.einsum("ijk,ij->ik", delta, force)
        length = np.hypot(displacement[:, 0], displacement[:, 1])
        length = np.where(length < 0.01, 0.1, length)
        points += displacement * (temperature / length)[:, None]
        temperature -= cooling
    return points


def _pack(layouts: list[dict[str, np.ndarray]]) -> dict[str, tuple[int, int]]:
    """The largest group in the middle, the others on shelves below it, left to right."""
    positions: dict[str, tuple[int, int]] = {}
    first_radius = _radius(layouts[0]) if layouts else 0
    shelf_width = max(2 * first_radius, 900)
    x, y = -shelf_width / 2, first_radius + COMPONENT_GAP
    shelf_height = 0.0
    for number, layout in enumerate(layouts):
        radius = _radius(layout)
        if number == 0:
            centre = (0.0, 0.0)
        else:
            if x + 2 * radius > shelf_width / 2 and x > -shelf_width / 2:
                x, y = -shelf_width / 2, y + shelf_height + COMPONENT_GAP
                shelf_height = 0.0
            centre = (x + radius, y + radius)
            x += 2 * radius + COMPONENT_GAP
            shelf_height = max(shelf_height, 2 * radius)
        for key, point in layout.items():
            positions[key] = (round(centre[0] + point[0]), round(centre[1] + point[1]))
    return positions


def _radius(layout: dict[str, np.ndarray]) -> float:
    return max(max(float(np.linalg.norm(p)) for p in layout.values()), NODE_SPACING / 2)


def _event_order(event: EventRecord) -> tuple:
    # Dated events first, by date; "--MM-DD" dates sort after full dates, undated last.
    return (event.date is None, event.date or "", event.kind, event.participants, event.sources,
            event.topics, event.evidence, event.status)


def _static_text(name: str) -> str:
    return resources.files("kg").joinpath("static", name).read_text(encoding="utf-8")


def _library_text() -> str:
    """vis-network as shipped, but for the web addresses of its licence notices and error messages, written without
    their scheme, so the page names no address it could fetch (the SVG namespace is an identifier, kept)."""
    text = resources.files("pyvis").joinpath(*VIS_NETWORK).read_text(encoding="utf-8")
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
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    )
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")
