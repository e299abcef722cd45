// The interactive page of kg: the filters decide which events count, the most active actors among them are
// drawn and laid out again (kgLayout), the timeline counts them (kgTimeline), the table lists them (kgTable),
// the panel tells about them (kgDetails). Labels of the most active actors are drawn by the page itself, at
// a size that stays readable at any zoom, and never on top of each other.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const vis = window.vis;
  const { el, isFullDate, topicName, dateText, EVENT_NAMES, KIND_NAMES } = window.kgDetails;

  const ACTOR_COLORS = { Person: "#4e79a7", Organization: "#f28e2b", Country: "#59a14f", Actor: "#9c9c9c" };
  const EVENT_COLORS = { PhoneCall: "#e15759", VideoConference: "#b07aa1", Meeting: "#17becf", Communication: "#c9a227" };
  const EVENT_SHAPES = { PhoneCall: "diamond", VideoConference: "square", Meeting: "triangle", Communication: "dot" };
  const COMMUNITY_COLORS = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#2f4b7c"];
  const OTHER_COMMUNITY = "#bab0ac";
  const TOPIC_COLOR = "#8c8c8c";
  const ALL_ACTORS_UP_TO = 300; // bigger graphs start with the most active actors only
  const DEFAULT_TOP_N = 150;
  const ALWAYS_LABELLED = 12; // the most active actors drawn: labelled even where labels crowd
  const LABEL_PX = 13;
  const EVENT_VIEW_SPREAD = 2.5; // actors move apart in the event view to make room for the events

  const { actors, events, topics, articles } = data;
  const eventsOf = actors.map(() => []);
  events.forEach((event, i) => event.participants.forEach((a) => eventsOf[a].push(i)));
  // Where each event stands in time: its own date, else its first article's publication date (marked "placed").
  const when = events.map((event) => {
    if (isFullDate(event.date)) return { date: event.date, placed: false };
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
  let labels = []; // the labels drawn in the last frame

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
    // Events whose participants are all drawn, each near its participants; topics around the graph.
    const nodes = [...sel.drawn].sort((a, b) => a - b).map((a) => actorNode(a, sel.activity, EVENT_VIEW_SPREAD));
    const at = (a) => laidOut.get(a) || { x: 0, y: 0 };
    const edges = [];
    const crowd = new Map(); // events sharing the same participants are spread on a small spiral
    const topicEvents = new Map();
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach((n) => { minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y); });
    const centre = (event) => ({
      x: EVENT_VIEW_SPREAD * event.participants.reduce((s, a) => s + at(a).x, 0) / event.participants.length,
      y: EVENT_VIEW_SPREAD * event.participants.reduce((s, a) => s + at(a).y, 0) / event.participants.length,
    });
    for (const e of sel.shownEvents) {
      const event = events[e];
      if (event.participants.length === 0 || !event.participants.every((a) => sel.drawn.has(a))) continue;
      const key = event.participants.join(",");
      const rank = crowd.get(key) || 0;
      crowd.set(key, rank + 1);
      const c = centre(event);
      const angle = rank * 2.39996 + (event.participants.length === 1 ? 0 : Math.PI / 2);
      const radius = 40 + 26 * Math.sqrt(rank);
      nodes.push({
        id: "e" + e, label: isFullDate(event.date) ? event.date : dateText(event.date),
        x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle), size: 9,
        shape: EVENT_SHAPES[event.kind] || "dot", color: EVENT_COLORS[event.kind] || EVENT_COLORS.Communication,
        shapeProperties: { borderDashes: event.status === "planned" ? [3, 3] : false },
      });
      event.participants.forEach((a) => edges.push({ id: "e" + e + "-a" + a, from: "e" + e, to: "a" + a, width: 1 }));
      event.topics.forEach((t) => {
        if (!topicEvents.has(t)) topicEvents.set(t, []);
        topicEvents.get(t).push(e);
        edges.push({ id: "e" + e + "-t" + t, from: "e" + e, to: "t" + t, width: 1, dashes: true });
      });
    }
    // Each topic sits outside the drawing, in the direction of its events.
    if (!isFinite(minX)) { minX = maxX = minY = maxY = 0; }
    const midX = (minX + maxX) / 2, midY = (minY + maxY) / 2;
    const ring = Math.max(maxX - minX, maxY - minY) / 2 + 150;
    const placed = [];
    [...topicEvents.keys()].sort((a, b) => a - b).forEach((t) => {
      const members = topicEvents.get(t);
      const sx = members.reduce((s, e) => s + centre(events[e]).x, 0), sy = members.reduce((s, e) => s + centre(events[e]).y, 0);
      let angle = Math.atan2(sy / members.length - midY, sx / members.length - midX);
      while (placed.some((p) => Math.abs(p - angle) < 0.12)) angle += 0.12; // keep topic labels apart
      placed.push(angle);
      nodes.push({
        id: "t" + t, label: topicName(t), x: midX + ring * Math.cos(angle), y: midY + ring * Math.sin(angle),
        size: 10 + Math.sqrt(members.length) * 2, shape: "hexagon", color: TOPIC_COLOR,
      });
    });
    return { nodes, edges };
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

  function drawLabels(ctx) {
    // The actors' names, most active first; a name is left out where it would cover one already written
    // (but for the ALWAYS_LABELLED most active), and every name is LABEL_PX pixels high at any zoom.
    const scale = network.getScale();
    const size = LABEL_PX / scale;
    const view = network.getViewPosition();
    const halfW = container.clientWidth / 2 / scale, halfH = container.clientHeight / 2 / scale;
    const ids = nodeSet.getIds().filter((id) => id[0] === "a");
    const positions = network.getPositions(ids);
    const order = ids.map((id) => Number(id.slice(1))).sort((a, b) => (kgPage.rank.get(a) ?? 1e9) - (kgPage.rank.get(b) ?? 1e9) || a - b);
    ctx.font = size + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    const taken = apart && apart.caption && state.view === "actors" ? [apart.caption] : [];
    labels = [];
    order.forEach((a, i) => {
      const p = positions["a" + a];
      if (!p || Math.abs(p.x - view.x) > halfW + 200 / scale || Math.abs(p.y - view.y) > halfH + 200 / scale) return;
      const node = nodeSet.get("a" + a);
      const text = actors[a].label;
      const width = ctx.measureText(text).width;
      const w = width + 4 / scale, h = size * 1.2, gap = 2 / scale;
      // below the node, above it, to its right, to its left: the first place free of other labels
      const places = [[p.x - w / 2, p.y + node.size + gap], [p.x - w / 2, p.y - node.size - gap - h],
        [p.x + node.size + gap, p.y - h / 2], [p.x - node.size - gap - w, p.y - h / 2]];
      const overlap = (box) => taken.reduce((sum, t) => sum + Math.max(0, Math.min(box.x + box.w, t.x + t.w) - Math.max(box.x, t.x))
        * Math.max(0, Math.min(box.y + box.h, t.y + t.h) - Math.max(box.y, t.y)), 0);
      const boxes = places.map(([x, y]) => ({ x, y, w, h, overlap: 0 }));
      boxes.forEach((b) => { b.overlap = overlap(b); });
      let box = boxes.find((b) => b.overlap === 0);
      if (!box) {
        if (i >= ALWAYS_LABELLED) return;
        box = boxes.reduce((best, b) => (b.overlap < best.overlap ? b : best)); // where it covers least
      }
      taken.push(box);
      // kept inside the screen: a long name near an edge slides in rather than being cut
      const tx = Math.min(Math.max(box.x + w / 2, view.x - halfW + w / 2), view.x + halfW - w / 2), ty = box.y + 0.1 * size;
      ctx.lineWidth = 3 / scale;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, tx, ty);
      ctx.fillStyle = "#1d232b";
      ctx.fillText(text, tx, ty);
      const dom = network.canvasToDOM({ x: tx, y: ty });
      labels.push({ actor: a, label: text, x: dom.x, y: dom.y });
    });
    kgPage.labels = labels;
  }

  network.on("beforeDrawing", (ctx) => {
    if (!apart || state.view !== "actors") return;
    const scale = network.getScale();
    ctx.fillStyle = "#f3f5f8";
    ctx.fillRect(apart.x - 20, apart.y - 20 - 22 / scale, apart.width + 40, apart.height + 40 + 22 / scale);
    ctx.font = LABEL_PX / scale + "px system-ui, sans-serif";
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.fillStyle = "#4a525d";
    const parts = [apart.pairs && apart.pairs + (apart.pairs === 1 ? " pair" : " pairs") + " talking only to each other",
      apart.singles && apart.singles + " with no partner drawn"].filter(Boolean);
    const caption = parts.join(" · ");
    ctx.fillText(caption, apart.x - 14, apart.y - 16 - 18 / scale);
    apart.caption = { x: apart.x - 14, y: apart.y - 16 - 18 / scale, w: ctx.measureText(caption).width, h: LABEL_PX * 1.2 / scale };
  });
  network.on("afterDrawing", drawLabels);

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
