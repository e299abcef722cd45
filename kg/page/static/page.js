// The interactive page of kg: the filters decide which events count, the most active actors among them are
// drawn and laid out again (kgLayout), the timeline counts them (kgTimeline), the table lists them (kgTable),
// the panel tells about them (kgDetails). Labels of the most active actors are drawn by the page itself, at
// a size that stays readable at any zoom, and never on top of each other.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const vis = window.vis;
  const { el, isFullDate, topicName, dateText, EVENT_NAMES, KIND_NAMES } = window.kgDetails;

  const ACTOR_COLORS = { Person: "#4e79a7", Organization: "#f28e2b", Country: "#59a14f", Group: "#b07aa1", Actor: "#9c9c9c" };
  const { EVENT_COLORS, TOPIC_COLOR } = window.kgEventView;
  const COMMUNITY_COLORS = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#2f4b7c"];
  const OTHER_COMMUNITY = "#bab0ac";
  const ALL_ACTORS_UP_TO = 300; // bigger graphs start with the most active actors only
  const DEFAULT_TOP_N = 150;
  const EVENT_VIEW_SPREAD = 2.5; // actors move apart in the event view to make room for the events

  const { actors, events, topics, articles } = data;
  const eventsOf = actors.map(() => []);
  events.forEach((event, i) => event.participants.forEach((a) => eventsOf[a].push(i)));
  // Where each event stands in time: its own date, else its first article's publication date (marked "placed",
  // as is a date the extraction itself took from the publication day).
  const when = events.map((event) => {
    if (isFullDate(event.date)) return { date: event.date, placed: event.date_basis === "publication" };
    const published = event.sources.map((s) => articles[s].published).filter(isFullDate).sort();
    return published.length ? { date: published[0], placed: true } : { date: null, placed: false };
  });

  const state = {
    view: "actors", colour: "kind",
    topN: actors.length <= ALL_ACTORS_UP_TO ? actors.length : Math.min(DEFAULT_TOP_N, actors.length),
    topic: "", kind: "", from: "", to: "",
    pinned: new Set(), // actors found by search stay drawn whatever the top N
    selectedEvent: null,
  };
  let laidOut = new Map(); // actor index -> position of the current layout
  let apart = null; // the block of pairs apart from the rest, if any

  // ---------- what is drawn ----------

  function eventPasses(event, withDates = true) {
    const i = event.index;
    if (state.topic !== "" && !event.topics.includes(Number(state.topic))) return false;
    if (state.kind !== "" && event.kind !== state.kind) return false;
    if (withDates && (state.from || state.to)) {
      const date = when[i].date;
      if (!date || (state.from && date < state.from) || (state.to && date > state.to)) return false;
    }
    return true;
  }
  events.forEach((event, i) => { event.index = i; });

  function filtersActive() { return state.topic !== "" || state.kind !== "" || state.from !== "" || state.to !== ""; }

  function selection() {
    // The filtered events, and the actors to draw: the top N by number of filtered events.
    const shownEvents = [];
    const activity = new Array(actors.length).fill(0);
    events.forEach((event, i) => {
      if (!eventPasses(event)) return;
      shownEvents.push(i);
      event.participants.forEach((a) => { activity[a] += 1; });
    });
    const ranked = actors.map((_, i) => i)
      .filter((i) => activity[i] > 0 || !filtersActive())
      .sort((a, b) => activity[b] - activity[a] || actors[a].label.localeCompare(actors[b].label) || a - b);
    const drawn = new Set(ranked.slice(0, state.topN));
    state.pinned.forEach((a) => drawn.add(a));
    const rank = new Map(ranked.map((a, i) => [a, i]));
    return { shownEvents, activity, drawn, rank, rankedCount: ranked.length };
  }

  function pairsOf(shownEvents, keep) {
    // One entry per pair of actors (both kept) with its events, most events first.
    const pairs = new Map();
    for (const e of shownEvents) {
      const members = events[e].participants.filter(keep);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const id = members[i] + "-" + members[j];
          if (!pairs.has(id)) pairs.set(id, { id, from: members[i], to: members[j], events: [] });
          pairs.get(id).events.push(e);
        }
      }
    }
    return [...pairs.values()].sort((p, q) => q.events.length - p.events.length || p.from - q.from || p.to - q.to);
  }

  let mostActive = 1; // the most events of any actor drawn: node sizes are relative to it
  function nodeSize(activity) { return 5 + 25 * Math.sqrt(Math.max(activity, 1) / mostActive); }

  function actorColor(a) {
    if (state.colour === "community") return COMMUNITY_COLORS[actors[a].community] || OTHER_COMMUNITY;
    return ACTOR_COLORS[actors[a].kind] || ACTOR_COLORS.Actor;
  }

  // Where each actor starts from before the layout: scattered, the same place every time.
  function start(a, salt) { const v = Math.sin((a + 1) * salt) * 43758.5453; return (v - Math.floor(v)) * 1000; }

  function layOut(sel, pairs) {
    const started = performance.now();
    const area = document.getElementById("graph-area");
    const aspect = Math.max(area.clientWidth, 200) / Math.max(area.clientHeight, 200);
    const nodes = [...sel.drawn].sort((a, b) => a - b).map((a) => ({
      id: a, x: start(a, 12.9898), y: start(a, 78.233), size: nodeSize(sel.activity[a]), rank: sel.rank.has(a) ? sel.rank.get(a) : actors.length + a,
    }));
    const result = window.kgLayout.layout(nodes, pairs.map((p) => ({ from: p.from, to: p.to })), aspect);
    laidOut = result.positions;
    apart = kgPage.apart = result.apart;
    kgPage.layoutMs = performance.now() - started;
  }

  function actorNode(a, activity, spread) {
    const p = laidOut.get(a) || { x: 0, y: 0 };
    return { id: "a" + a, x: p.x * spread, y: p.y * spread, size: nodeSize(activity[a]), shape: "dot", color: actorColor(a) };
  }

  function actorView(sel, pairs) {
    const nodes = [...sel.drawn].sort((a, b) => a - b).map((a) => actorNode(a, sel.activity, 1));
    const edges = pairs.map((pair) => ({
      id: "p" + pair.id, from: "a" + pair.from, to: "a" + pair.to, value: pair.events.length,
      dashes: pair.events.every((e) => events[e].status === "planned"), kgEvents: pair.events,
    }));
    return { nodes, edges };
  }

  function eventView(sel) {
    return window.kgEventView.nodesAndEdges(sel, {
      data, actorNode: (a) => actorNode(a, sel.activity, EVENT_VIEW_SPREAD), at: (a) => laidOut.get(a) || { x: 0, y: 0 },
      spread: EVENT_VIEW_SPREAD,
    });
  }

  // ---------- the network ----------

  const container = document.getElementById("graph");
  let nodeSet = new vis.DataSet([]);
  let edgeSet = new vis.DataSet([]);
  const network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false },
    interaction: { hover: true, hideEdgesOnDrag: true, tooltipDelay: 3600000, keyboard: false, navigationButtons: false },
    nodes: { shape: "dot", borderWidth: 1, font: { size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: {
      smooth: false, selectionWidth: 2, hoverWidth: 1,
      color: { color: "#a3acb9", highlight: "#1d232b", hover: "#1d232b", opacity: 0.7 },
      scaling: { min: 1, max: 10 },
    },
  });

  const kgPage = { data, network, state, ready: false, readyMs: null, redraws: 0, layoutMs: null, when };
  window.kgPage = kgPage;
  const details = window.kgDetails.create({ data, eventsOf, state, network, nodeSet: () => nodeSet, edgeSet: () => edgeSet,
    redraw, eventPasses, when });
  Object.assign(kgPage, { selectActor: details.selectActor, findActors: details.findActors });

  window.kgLabels.draw({ network, container, actors, state, nodeSet: () => nodeSet, apart: () => apart,
    rank: () => kgPage.rank, onDrawn: (labels) => { kgPage.labels = labels; } });

  function redraw() {
    const sel = selection();
    kgPage.rank = sel.rank;
    mostActive = Math.max(1, ...[...sel.drawn].map((a) => sel.activity[a]));
    const drawnPairs = pairsOf(sel.shownEvents, (a) => sel.drawn.has(a));
    layOut(sel, drawnPairs);
    const view = state.view === "actors" ? actorView(sel, drawnPairs) : eventView(sel);
    // new data sets in one go: several times faster than emptying and filling the old ones
    nodeSet = new vis.DataSet(view.nodes);
    edgeSet = new vis.DataSet(view.edges);
    network.setData({ nodes: nodeSet, edges: edgeSet });
    container.dataset.drawnNodes = String(view.nodes.length);
    container.dataset.drawnActors = String(sel.drawn.size);
    document.getElementById("top-n-total").textContent = "of " + sel.rankedCount + " actors";
    document.getElementById("summary").textContent = sel.drawn.size + " actors, " + sel.shownEvents.length + " of " + events.length + " events";
    drawLegend(sel);
    drawTimeline();
    table.update(pairsOf(sel.shownEvents, () => true), sel.shownEvents, tableRows);
    fitView();
    kgPage.redraws += 1;
  }

  function fitView() {
    // The whole drawing on the screen, below the legend, with a margin for the labels.
    network.fit({ animation: false, maxZoomLevel: 2 });
    const height = container.clientHeight || 1;
    const legend = document.getElementById("legend").offsetHeight + 16;
    const scale = network.getScale() * Math.min(0.92, (height - legend) / height * 0.97);
    const centre = network.getViewPosition();
    network.moveTo({ position: { x: centre.x, y: centre.y - legend / 2 / scale }, scale: scale });
  }

  // ---------- filters ----------

  const topicSelect = document.getElementById("topic-filter");
  const topicUse = topics.map(() => 0);
  events.forEach((event) => event.topics.forEach((t) => { topicUse[t] += 1; }));
  topics.map((_, t) => t).filter((t) => topicUse[t] > 0)
    .sort((a, b) => topicName(a).localeCompare(topicName(b)))
    .forEach((t) => topicSelect.append(el("option", { value: String(t), text: topicName(t) + " (" + topicUse[t] + ")" })));
  const kindSelect = document.getElementById("kind-filter");
  Object.keys(EVENT_NAMES).forEach((kind) => {
    const count = events.filter((e) => e.kind === kind).length;
    if (count) kindSelect.append(el("option", { value: kind, text: EVENT_NAMES[kind] + " (" + count + ")" }));
  });

  const dates = when.map((w) => w.date).filter(Boolean).sort();
  const fromInput = document.getElementById("date-from");
  const toInput = document.getElementById("date-to");
  if (dates.length) {
    for (const input of [fromInput, toInput]) { input.min = dates[0]; input.max = dates[dates.length - 1]; }
  }
  const topInput = document.getElementById("top-n");
  topInput.max = String(actors.length);
  topInput.value = String(state.topN);

  function setDates(from, to) {
    state.from = from || ""; state.to = to || "";
    fromInput.value = state.from; toInput.value = state.to;
    redraw();
  }

  topicSelect.addEventListener("change", () => { state.topic = topicSelect.value; redraw(); });
  kindSelect.addEventListener("change", () => { state.kind = kindSelect.value; redraw(); });
  fromInput.addEventListener("change", () => { state.from = fromInput.value; redraw(); });
  toInput.addEventListener("change", () => { state.to = toInput.value; redraw(); });
  topInput.addEventListener("change", () => {
    const n = Math.round(Number(topInput.value));
    state.topN = Number.isFinite(n) && n > 0 ? Math.min(n, actors.length) : state.topN;
    topInput.value = String(state.topN);
    redraw();
  });
  document.getElementById("colour-by").addEventListener("change", (ev) => { state.colour = ev.target.value; redraw(); });
  document.getElementById("reset").addEventListener("click", () => {
    Object.assign(state, { topic: "", kind: "", from: "", to: "", pinned: new Set() });
    topicSelect.value = ""; kindSelect.value = ""; fromInput.value = ""; toInput.value = "";
    details.closePanel();
    redraw();
  });
  const tableToggle = document.getElementById("table-toggle");
  const tablePane = document.getElementById("table-pane");
  tableToggle.addEventListener("click", () => {
    tablePane.hidden = !tablePane.hidden;
    tableToggle.setAttribute("aria-pressed", String(!tablePane.hidden));
    redraw();
  });

  function setView(view) {
    state.view = view;
    document.getElementById("view-actors").setAttribute("aria-pressed", String(view === "actors"));
    document.getElementById("view-events").setAttribute("aria-pressed", String(view === "events"));
    redraw();
  }
  document.getElementById("view-actors").addEventListener("click", () => setView("actors"));
  document.getElementById("view-events").addEventListener("click", () => setView("events"));

  // ---------- legend ----------

  function legendItem(color, text, square) {
    return el("div", { className: "item" }, el("span", { className: "swatch" + (square ? " square" : ""), style: "background:" + color }), text);
  }

  function drawLegend(sel) {
    const legend = document.getElementById("legend");
    const items = [];
    if (state.colour === "community") {
      // each community named after its most active actor drawn
      const members = new Map();
      [...sel.drawn].sort((a, b) => (sel.rank.get(a) ?? 1e9) - (sel.rank.get(b) ?? 1e9)).forEach((a) => {
        if (!members.has(actors[a].community)) members.set(actors[a].community, []);
        members.get(actors[a].community).push(a);
      });
      [...members.entries()].filter(([c]) => c < COMMUNITY_COLORS.length).sort((p, q) => q[1].length - p[1].length || p[0] - q[0])
        .slice(0, 6).forEach(([c, list]) => items.push(legendItem(COMMUNITY_COLORS[c], "around " + actors[list[0]].label + " (" + list.length + ")")));
      items.push(legendItem(OTHER_COMMUNITY, "smaller communities"));
    } else {
      const count = {};
      sel.drawn.forEach((a) => { count[actors[a].kind] = (count[actors[a].kind] || 0) + 1; });
      Object.keys(ACTOR_COLORS).filter((kind) => count[kind]).forEach((kind) => items.push(legendItem(ACTOR_COLORS[kind], KIND_NAMES[kind] + " (" + count[kind] + ")")));
    }
    if (state.view === "events") {
      Object.keys(EVENT_COLORS).forEach((kind) => items.push(legendItem(EVENT_COLORS[kind], EVENT_NAMES[kind], true)));
      items.push(legendItem(TOPIC_COLOR, "Topic", true));
    } else {
      items.push(el("div", { className: "item note", text: "size: events · width: events together" }));
    }
    legend.replaceChildren(...items);
  }

  // ---------- timeline and table ----------

  const timeline = window.kgTimeline.create({
    chart: document.getElementById("timeline-chart"),
    namespace: document.getElementById("svg-namespace").namespaceURI, // the parser knows it; no URL to spell here
    note: document.getElementById("timeline-note"), clear: document.getElementById("brush-clear"),
    buttons: { day: document.getElementById("bin-day"), week: document.getElementById("bin-week") },
    onBrush: setDates, onBin: () => drawTimeline(),
  });

  function drawTimeline() {
    // Every event the other filters keep, so that the dates around a selection stay in sight.
    const entries = [];
    let unplaced = 0;
    events.forEach((event, i) => {
      if (!eventPasses(event, false)) return;
      if (when[i].date) entries.push({ day: window.kgTimeline.dayNumber(when[i].date), placed: when[i].placed, event: i });
      else unplaced += 1;
    });
    const range = state.from || state.to
      ? [state.from ? window.kgTimeline.dayNumber(state.from) : -Infinity, state.to ? window.kgTimeline.dayNumber(state.to) : Infinity] : null;
    timeline.draw(entries, range, unplaced);
  }

  const table = window.kgTable.create({
    table: document.getElementById("table"), note: document.getElementById("table-note"),
    tabs: { pairs: document.getElementById("tab-pairs"), events: document.getElementById("tab-events") },
    download: document.getElementById("download-csv"),
    onPair: (pair) => details.openEdge({ from: "a" + pair.from, to: "a" + pair.to, kgEvents: pair.events }),
    onEvent: (e) => details.openEvent(e),
  });

  const dateOf = (pair) => pair.events.map((e) => events[e].date).filter(isFullDate).sort();
  const tableRows = {
    pairColumns: ["actor 1", "actor 2", "events", "first", "last"],
    eventColumns: ["date", "kind", "participants", "topics", "articles"],
    numeric: new Set(["events", "articles"]),
    pairRow: (p) => { const d = dateOf(p); return [actors[p.from].label, actors[p.to].label, p.events.length, d[0] || "", d[d.length - 1] || ""]; },
    eventRow: (e) => [when[e].placed ? "(" + when[e].date + ", published)" : (events[e].date || ""), EVENT_NAMES[events[e].kind] || events[e].kind,
      events[e].participants.map((a) => actors[a].label).join("; "), events[e].topics.map(topicName).join("; "), events[e].sources.length],
  };

  // ---------- start ----------

  kgPage.table = table;
  kgPage.timeline = timeline;
  network.once("afterDrawing", () => {
    kgPage.readyMs = performance.now();
    kgPage.ready = true;
    document.body.dataset.ready = "true";
  });
  redraw();
})();
