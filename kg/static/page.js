// The interactive page of kg. Every string from the corpus reaches the page as text
// (textContent, text nodes, setAttribute on safe attributes), never as HTML.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const vis = window.vis;

  const ACTOR_COLORS = { Person: "#4e79a7", Organization: "#f28e2b", Country: "#59a14f", Actor: "#9c9c9c" };
  const EVENT_COLORS = { PhoneCall: "#e15759", VideoConference: "#b07aa1", Meeting: "#17becf", Communication: "#c9a227" };
  const EVENT_SHAPES = { PhoneCall: "diamond", VideoConference: "square", Meeting: "triangle", Communication: "dot" };
  const EVENT_NAMES = { PhoneCall: "Phone call", VideoConference: "Video conference", Meeting: "Meeting", Communication: "Communication" };
  const KIND_NAMES = { Person: "Person", Organization: "Organisation", Country: "Country", Actor: "Other actor" };
  const TOPIC_COLOR = "#8c8c8c";
  const ALL_ACTORS_UP_TO = 300; // bigger graphs start with the most active actors only
  const DEFAULT_TOP_N = 150;
  const TIP_EVENTS = 12;
  const EVENT_VIEW_SPREAD = 2.5; // actors move apart in the event view to make room for the events // events listed in an edge's hover box; the panel lists them all

  const actors = data.actors;
  const events = data.events;
  const topics = data.topics;
  const articles = data.articles;

  // Events of each actor, computed once.
  const eventsOf = actors.map(() => []);
  events.forEach((event, i) => event.participants.forEach((a) => eventsOf[a].push(i)));

  const state = {
    view: "actors",
    topN: actors.length <= ALL_ACTORS_UP_TO ? actors.length : Math.min(DEFAULT_TOP_N, actors.length),
    topic: "",
    from: "",
    to: "",
    pinned: new Set(), // actors found by search stay drawn whatever the top N
    selectedEvent: null,
  };

  // ---------- small helpers ----------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else node.setAttribute(name, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function fold(text) {
    // Case- and accent-insensitive form: "Élysée" and "elysee" match.
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function safeUrl(url) {
    // Only web links become hrefs; anything else (javascript:, data:…) stays plain text.
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function externalLink(href, text) {
    return el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: text });
  }

  function dateText(date) {
    if (!date) return "date unknown";
    if (date.startsWith("--")) return date.slice(2) + " (year unknown)";
    return date;
  }

  function durationText(duration) {
    const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration || "");
    if (!match) return duration;
    return [match[1] && match[1] + " h", match[2] && match[2] + " min", match[3] && match[3] + " s"].filter(Boolean).join(" ");
  }

  function topicName(t) { return topics[t].label_fr || topics[t].label_en || topics[t].key; }

  function isFullDate(date) { return typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date); }

  // ---------- what is drawn ----------

  function eventPasses(event) {
    if (state.topic !== "" && !event.topics.includes(Number(state.topic))) return false;
    if (state.from || state.to) {
      if (!isFullDate(event.date)) return false;
      if (state.from && event.date < state.from) return false;
      if (state.to && event.date > state.to) return false;
    }
    return true;
  }

  function filtersActive() { return state.topic !== "" || state.from !== "" || state.to !== ""; }

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
    return { shownEvents, activity, drawn, rankedCount: ranked.length };
  }

  function actorNode(a, activity, spread) {
    const actor = actors[a];
    return {
      id: "a" + a, label: actor.label, x: actor.x * spread, y: actor.y * spread, value: Math.max(activity[a], 1),
      shape: "dot", color: ACTOR_COLORS[actor.kind] || ACTOR_COLORS.Actor,
    };
  }

  function pairEdges(shownEvents, drawn) {
    // One communicatedWith edge per pair of drawn actors, carrying its events.
    const pairs = new Map();
    for (const e of shownEvents) {
      const members = events[e].participants.filter((a) => drawn.has(a));
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const id = members[i] + "-" + members[j];
          if (!pairs.has(id)) pairs.set(id, { from: members[i], to: members[j], events: [] });
          pairs.get(id).events.push(e);
        }
      }
    }
    return [...pairs.entries()].map(([id, pair]) => ({
      id: "p" + id, from: "a" + pair.from, to: "a" + pair.to, value: pair.events.length,
      dashes: pair.events.every((e) => events[e].status === "planned"),
      kgEvents: pair.events,
    }));
  }

  function actorView(sel) {
    const nodes = [...sel.drawn].sort((a, b) => a - b).map((a) => actorNode(a, sel.activity, 1));
    return { nodes, edges: pairEdges(sel.shownEvents, sel.drawn) };
  }

  function eventView(sel) {
    // Events whose participants are all drawn, each near its participants; topics around the graph.
    const nodes = [...sel.drawn].sort((a, b) => a - b).map((a) => actorNode(a, sel.activity, EVENT_VIEW_SPREAD));
    const edges = [];
    const crowd = new Map(); // events sharing the same participants are spread on a small spiral
    const topicEvents = new Map();
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach((n) => { minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y); });
    for (const e of sel.shownEvents) {
      const event = events[e];
      if (event.participants.length === 0 || !event.participants.every((a) => sel.drawn.has(a))) continue;
      const key = event.participants.join(",");
      const rank = crowd.get(key) || 0;
      crowd.set(key, rank + 1);
      const cx = EVENT_VIEW_SPREAD * event.participants.reduce((s, a) => s + actors[a].x, 0) / event.participants.length;
      const cy = EVENT_VIEW_SPREAD * event.participants.reduce((s, a) => s + actors[a].y, 0) / event.participants.length;
      const angle = rank * 2.39996 + (event.participants.length === 1 ? 0 : Math.PI / 2);
      const radius = 40 + 26 * Math.sqrt(rank);
      nodes.push({
        id: "e" + e, label: isFullDate(event.date) ? event.date : dateText(event.date),
        x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), value: 1,
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
      let sx = 0, sy = 0;
      members.forEach((e) => {
        const ps = events[e].participants;
        sx += EVENT_VIEW_SPREAD * ps.reduce((s, a) => s + actors[a].x, 0) / ps.length;
        sy += EVENT_VIEW_SPREAD * ps.reduce((s, a) => s + actors[a].y, 0) / ps.length;
      });
      let angle = Math.atan2(sy / members.length - midY, sx / members.length - midX);
      while (placed.some((p) => Math.abs(p - angle) < 0.12)) angle += 0.12; // keep topic labels apart
      placed.push(angle);
      nodes.push({
        id: "t" + t, label: topicName(t), x: midX + ring * Math.cos(angle), y: midY + ring * Math.sin(angle),
        value: members.length, shape: "hexagon", color: TOPIC_COLOR,
      });
    });
    return { nodes, edges };
  }

  // ---------- the network ----------

  const container = document.getElementById("graph");
  const nodeSet = new vis.DataSet([]);
  const edgeSet = new vis.DataSet([]);
  const network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false },
    interaction: { hover: true, hideEdgesOnDrag: true, tooltipDelay: 3600000, keyboard: false, navigationButtons: false },
    nodes: {
      shape: "dot", borderWidth: 1, font: { size: 14, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 6, max: 42, label: { enabled: true, min: 11, max: 20, drawThreshold: 6, maxVisible: 24 } },
    },
    edges: {
      smooth: false, selectionWidth: 2, hoverWidth: 1,
      color: { color: "#a3acb9", highlight: "#1d232b", hover: "#1d232b", opacity: 0.75 },
      scaling: { min: 1, max: 12 },
    },
  });

  function redraw() {
    const sel = selection();
    const view = state.view === "actors" ? actorView(sel) : eventView(sel);
    nodeSet.clear();
    edgeSet.clear();
    nodeSet.add(view.nodes);
    edgeSet.add(view.edges);
    container.dataset.drawnNodes = String(view.nodes.length);
    container.dataset.drawnActors = String(sel.drawn.size);
    document.getElementById("top-n-total").textContent = "of " + sel.rankedCount + " actors";
    const summary = sel.drawn.size + " actors, " + sel.shownEvents.length + " of " + events.length + " events";
    document.getElementById("summary").textContent = summary;
    drawTimeline(sel.shownEvents);
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.9 }); // a margin for the legend
  }

  // ---------- hover box ----------

  const tip = document.getElementById("tip");
  let tipTimer = null;

  function showTip(content, pointer) {
    clearTimeout(tipTimer);
    tip.replaceChildren(content);
    tip.hidden = false;
    const area = document.getElementById("graph-area");
    const left = Math.min(pointer.x + 14, area.clientWidth - tip.offsetWidth - 4);
    const top = Math.min(pointer.y + 14, area.clientHeight - tip.offsetHeight - 4);
    tip.style.left = Math.max(0, left) + "px";
    tip.style.top = Math.max(0, top) + "px";
  }

  function hideTipSoon() {
    clearTimeout(tipTimer);
    tipTimer = setTimeout(() => { tip.hidden = true; }, 400);
  }

  tip.addEventListener("mouseenter", () => clearTimeout(tipTimer));
  tip.addEventListener("mouseleave", hideTipSoon);

  function sourceLinks(event) {
    // One entry per article: its URL when known, else its document id.
    return event.sources.map((s) => {
      const article = articles[s];
      const href = safeUrl(article.url);
      const name = article.title || article.id;
      const about = [article.outlet, article.published].filter(Boolean).join(", ");
      const item = el("li", {}, href ? externalLink(href, name) : el("span", { text: article.id + (article.title ? " — " + article.title : "") }));
      if (about) item.append(" (" + about + ")");
      return item;
    });
  }

  function eventLine(e) {
    const event = events[e];
    const item = el("li", {}, el("strong", { text: dateText(event.date) }), " · " + (EVENT_NAMES[event.kind] || event.kind));
    if (event.status === "planned") item.append(" (planned)");
    if (event.topics.length) item.append(" · " + event.topics.map(topicName).join(", "));
    const sources = el("ul", {}, ...sourceLinks(event));
    item.append(sources);
    return item;
  }

  function edgeTip(edge) {
    const box = el("div");
    box.append(el("strong", { text: actors[Number(edge.from.slice(1))].label + " — " + actors[Number(edge.to.slice(1))].label }));
    box.append(" · " + edge.kgEvents.length + (edge.kgEvents.length === 1 ? " event" : " events"));
    box.append(el("ul", {}, ...edge.kgEvents.slice(0, TIP_EVENTS).map(eventLine)));
    if (edge.kgEvents.length > TIP_EVENTS) box.append(el("div", { text: "… click the edge for all " + edge.kgEvents.length }));
    return box;
  }

  function nodeTip(id) {
    const index = Number(id.slice(1));
    if (id[0] === "a") {
      const actor = actors[index];
      return el("div", {}, el("strong", { text: actor.label }), " · " + (KIND_NAMES[actor.kind] || actor.kind) + " · " + eventsOf[index].length + " events");
    }
    if (id[0] === "e") {
      const event = events[index];
      return el("div", {}, el("strong", { text: dateText(event.date) }), " · " + (EVENT_NAMES[event.kind] || event.kind) + " · " + event.participants.map((a) => actors[a].label).join(", "));
    }
    return el("div", {}, el("strong", { text: topicName(index) }), " · " + topics[index].label_en);
  }

  network.on("hoverEdge", (params) => {
    const edge = edgeSet.get(params.edge);
    if (edge && edge.kgEvents) showTip(edgeTip(edge), params.pointer.DOM);
  });
  network.on("blurEdge", hideTipSoon);
  network.on("hoverNode", (params) => showTip(nodeTip(params.node), params.pointer.DOM));
  network.on("blurNode", hideTipSoon);
  network.on("dragStart", () => { tip.hidden = true; });
  network.on("zoom", () => { tip.hidden = true; });

  // ---------- side panel ----------

  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");

  function openPanel(...content) {
    panelBody.replaceChildren(...content);
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function closePanel() {
    panel.hidden = true;
    state.selectedEvent = null;
    highlightTimeline();
  }

  document.getElementById("panel-close").addEventListener("click", closePanel);

  function actorButton(a) {
    return el("button", { type: "button", className: "linklike", text: actors[a].label, onclick: () => selectActor(a) });
  }

  function eventBlock(e) {
    const event = events[e];
    const block = el("div", { className: "event" });
    const head = el("div", { className: "head", text: dateText(event.date) + " · " + (EVENT_NAMES[event.kind] || event.kind) });
    if (event.status === "planned") head.append(" ", el("span", { className: "tag planned", text: "planned" }));
    block.append(head);
    const who = el("div", {}, "Between ");
    event.participants.forEach((a, i) => { if (i) who.append(", "); who.append(actorButton(a)); });
    block.append(who);
    const details = [];
    if (event.initiator !== null && event.initiator !== undefined) details.push("initiated by " + actors[event.initiator].label);
    if (event.duration) details.push("lasted " + durationText(event.duration));
    if (event.place) details.push("at " + event.place);
    if (details.length) block.append(el("div", { className: "meta", text: details.join(" · ") }));
    if (event.topics.length) {
      block.append(el("div", {}, ...event.topics.map((t) => el("span", { className: "tag", title: topics[t].label_en, text: topicName(t) }))));
    }
    event.evidence.forEach((sentence) => block.append(el("blockquote", { lang: "fr", text: sentence })));
    block.append(el("ul", { className: "sources" }, ...sourceLinks(event)));
    return block;
  }

  function eventList(list) {
    const ordered = [...list].sort((a, b) => a - b); // events come sorted by date
    return el("div", {}, ...ordered.map(eventBlock));
  }

  function openActor(a) {
    const actor = actors[a];
    const content = [el("h2", { text: actor.label }),
      el("div", { className: "meta", text: (KIND_NAMES[actor.kind] || actor.kind) + " · " + eventsOf[a].length + (eventsOf[a].length === 1 ? " event" : " events") })];
    if (actor.alt_labels.length) content.push(el("div", { className: "meta", text: "Also named: " + actor.alt_labels.join(", ") }));
    if (actor.roles.length) content.push(el("div", { className: "meta", text: "Roles: " + actor.roles.join(", ") }));
    if (actor.wikidata && /^Q\d+$/.test(actor.wikidata)) {
      content.push(el("div", { className: "meta" }, "Wikidata: ", externalLink("https://www.wikidata.org/wiki/" + actor.wikidata, actor.wikidata)));
    }
    content.push(el("h3", { text: "Events" }), eventList(eventsOf[a]));
    openPanel(...content);
  }

  function openEvent(e) {
    state.selectedEvent = e;
    highlightTimeline();
    openPanel(el("h2", { text: (EVENT_NAMES[events[e].kind] || events[e].kind) + ", " + dateText(events[e].date) }), eventBlock(e));
  }

  function openTopic(t) {
    const list = events.map((_, i) => i).filter((i) => events[i].topics.includes(t) && eventPasses(events[i]));
    openPanel(el("h2", { text: topicName(t) }), el("div", { className: "meta", text: topics[t].label_en + " · " + topics[t].key }),
      el("h3", { text: list.length + " events" }), eventList(list));
  }

  function openEdge(edge) {
    openPanel(el("h2", { text: actors[Number(edge.from.slice(1))].label + " — " + actors[Number(edge.to.slice(1))].label }),
      el("h3", { text: edge.kgEvents.length + (edge.kgEvents.length === 1 ? " event" : " events") }), eventList(edge.kgEvents));
  }

  network.on("click", (params) => {
    tip.hidden = true;
    if (params.nodes.length) {
      const id = params.nodes[0];
      const index = Number(id.slice(1));
      if (id[0] === "a") openActor(index);
      else if (id[0] === "e") openEvent(index);
      else openTopic(index);
    } else if (params.edges.length) {
      const edge = edgeSet.get(params.edges[0]);
      if (edge && edge.kgEvents) openEdge(edge);
    }
  });

  // ---------- search ----------

  const searchBox = document.getElementById("search");
  const results = document.getElementById("search-results");
  const foldedNames = actors.map((actor) => [actor.label, ...actor.alt_labels].map(fold));
  let matches = [];

  function findActors(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const scored = [];
    foldedNames.forEach((names, a) => {
      let best = Infinity;
      for (const name of names) {
        const at = name.indexOf(q);
        if (at < 0) continue;
        const wordStart = at === 0 || /[\s\-'’.]/.test(name[at - 1]);
        best = Math.min(best, name === q ? 0 : wordStart ? 1 : 2);
      }
      if (best < Infinity) scored.push([best, -eventsOf[a].length, actors[a].label, a]);
    });
    scored.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]) || x[3] - y[3]);
    return scored.slice(0, 12).map((s) => s[3]);
  }

  function showMatches() {
    matches = findActors(searchBox.value);
    results.replaceChildren(...matches.map((a, i) => {
      const item = el("li", { role: "option", className: i === 0 ? "active" : "" }, actors[a].label,
        el("span", { className: "kind", text: (KIND_NAMES[actors[a].kind] || actors[a].kind) + " · " + eventsOf[a].length }));
      item.addEventListener("mousedown", (ev) => { ev.preventDefault(); chooseMatch(a); });
      return item;
    }));
    if (searchBox.value.trim() && !matches.length) results.append(el("li", { text: "no actor found" }));
    results.hidden = !searchBox.value.trim();
  }

  function chooseMatch(a) {
    results.hidden = true;
    selectActor(a);
  }

  searchBox.addEventListener("input", showMatches);
  searchBox.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && matches.length) { ev.preventDefault(); chooseMatch(matches[0]); }
    if (ev.key === "Escape") results.hidden = true;
  });
  searchBox.addEventListener("blur", () => { results.hidden = true; });

  function selectActor(a) {
    // Draw the actor even if the top N or the filters left it out, then select and centre it.
    if (!nodeSet.get("a" + a)) {
      state.pinned.add(a);
      redraw();
    }
    network.selectNodes(["a" + a]);
    network.focus("a" + a, { scale: Math.max(network.getScale(), 1), animation: false });
    openActor(a);
  }

  // ---------- filters ----------

  const topicSelect = document.getElementById("topic-filter");
  const topicUse = topics.map(() => 0);
  events.forEach((event) => event.topics.forEach((t) => { topicUse[t] += 1; }));
  topics.map((_, t) => t).filter((t) => topicUse[t] > 0)
    .sort((a, b) => topicName(a).localeCompare(topicName(b)))
    .forEach((t) => topicSelect.append(el("option", { value: String(t), text: topicName(t) + " (" + topicUse[t] + ")" })));

  const fullDates = events.map((e) => e.date).filter(isFullDate).sort();
  const fromInput = document.getElementById("date-from");
  const toInput = document.getElementById("date-to");
  if (fullDates.length) {
    for (const input of [fromInput, toInput]) { input.min = fullDates[0]; input.max = fullDates[fullDates.length - 1]; }
  }
  const topInput = document.getElementById("top-n");
  topInput.max = String(actors.length);
  topInput.value = String(state.topN);

  topicSelect.addEventListener("change", () => { state.topic = topicSelect.value; redraw(); });
  fromInput.addEventListener("change", () => { state.from = fromInput.value; redraw(); });
  toInput.addEventListener("change", () => { state.to = toInput.value; redraw(); });
  topInput.addEventListener("change", () => {
    const n = Math.round(Number(topInput.value));
    state.topN = Number.isFinite(n) && n > 0 ? Math.min(n, actors.length) : state.topN;
    topInput.value = String(state.topN);
    redraw();
  });
  document.getElementById("reset").addEventListener("click", () => {
    Object.assign(state, { topic: "", from: "", to: "", pinned: new Set() });
    topicSelect.value = ""; fromInput.value = ""; toInput.value = "";
    closePanel();
    redraw();
  });

  function setView(view) {
    state.view = view;
    document.getElementById("view-actors").setAttribute("aria-pressed", String(view === "actors"));
    document.getElementById("view-events").setAttribute("aria-pressed", String(view === "events"));
    drawLegend();
    redraw();
  }
  document.getElementById("view-actors").addEventListener("click", () => setView("actors"));
  document.getElementById("view-events").addEventListener("click", () => setView("events"));

  // ---------- legend ----------

  function legendItem(color, text, square) {
    return el("div", { className: "item" }, el("span", { className: "swatch" + (square ? " square" : ""), style: "background:" + color }), text);
  }

  function drawLegend() {
    const legend = document.getElementById("legend");
    const items = Object.keys(ACTOR_COLORS).map((kind) => legendItem(ACTOR_COLORS[kind], KIND_NAMES[kind]));
    if (state.view === "events") {
      Object.keys(EVENT_COLORS).forEach((kind) => items.push(legendItem(EVENT_COLORS[kind], EVENT_NAMES[kind], true)));
      items.push(legendItem(TOPIC_COLOR, "Topic", true));
    } else {
      items.push(el("div", { className: "item note", text: "size: events · width: events together" }));
    }
    legend.replaceChildren(...items);
  }

  // ---------- timeline ----------

  const timeline = document.getElementById("timeline");
  const SVG = document.getElementById("svg-namespace").namespaceURI; // the parser knows it; no URL to spell here
  const LANES = ["PhoneCall", "VideoConference", "Meeting", "Communication"];
  let timelineDots = new Map();

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    return node;
  }

  function dayNumber(date) { return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86400000; }

  function ticks(first, last) {
    // Month or year boundaries, about eight of them, as day numbers with labels.
    const start = new Date(first * 86400000), end = new Date(last * 86400000);
    const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => months / s <= 8) || 240;
    const out = [];
    let year = start.getUTCFullYear(), month = step >= 12 ? 0 : start.getUTCMonth() - (start.getUTCMonth() % step);
    for (;;) {
      const day = Date.UTC(year, month, 1) / 86400000;
      if (day > last) break;
      if (day >= first) out.push([day, step >= 12 ? String(year) : year + "-" + String(month + 1).padStart(2, "0")]);
      month += step;
      while (month >= 12) { month -= 12; year += 1; }
    }
    return out;
  }

  function drawTimeline(shownEvents) {
    const width = Math.max(timeline.clientWidth, 300), height = Math.max(timeline.clientHeight, 100);
    const left = 110, right = 16, top = 10, axis = height - 22;
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
    const dated = shownEvents.filter((e) => isFullDate(events[e].date));
    const laneHeight = (axis - top) / LANES.length;
    LANES.forEach((kind, i) => {
      const label = svg("text", { x: 6, y: top + laneHeight * (i + 0.5) + 4, class: "lane" });
      label.textContent = EVENT_NAMES[kind];
      root.append(label);
    });
    timelineDots = new Map();
    if (dated.length) {
      const days = dated.map((e) => dayNumber(events[e].date));
      let first = Math.min(...days), last = Math.max(...days);
      if (first === last) { first -= 15; last += 15; }
      const x = (day) => left + 8 + (day - first) / (last - first) * (width - left - right - 16);
      const axisGroup = svg("g", { class: "axis" });
      ticks(first, last).forEach(([day, text]) => {
        axisGroup.append(svg("line", { x1: x(day), x2: x(day), y1: top, y2: axis }));
        const label = svg("text", { x: x(day) + 2, y: height - 6 });
        label.textContent = text;
        axisGroup.append(label);
      });
      root.append(axisGroup);
      const stack = new Map(); // events of the same day and kind are stacked, not hidden
      dated.forEach((e, i) => {
        const event = events[e];
        const lane = Math.max(LANES.indexOf(event.kind), 0);
        const key = days[i] + ":" + lane;
        const level = stack.get(key) || 0;
        stack.set(key, level + 1);
        const dot = svg("circle", {
          cx: x(days[i]), cy: top + laneHeight * (lane + 0.5) - Math.min(level, 6) * 3, r: 4,
          fill: EVENT_COLORS[event.kind] || EVENT_COLORS.Communication,
        });
        const title = svg("title");
        title.textContent = event.date + " · " + (EVENT_NAMES[event.kind] || event.kind) + " · " + event.participants.map((a) => actors[a].label).join(", ");
        dot.append(title);
        dot.addEventListener("click", () => openEvent(e));
        timelineDots.set(e, dot);
        root.append(dot);
      });
    }
    const undated = shownEvents.length - dated.length;
    if (undated) {
      const note = svg("text", { x: width - right, y: top + 2, "text-anchor": "end", class: "note" });
      note.textContent = undated + (undated === 1 ? " event" : " events") + " without a full date not shown";
      root.append(note);
    }
    timeline.replaceChildren(root);
    highlightTimeline();
  }

  function highlightTimeline() {
    timelineDots.forEach((dot, e) => dot.classList.toggle("selected", e === state.selectedEvent));
  }

  // ---------- start ----------

  const kgPage = { data, network, state, selectActor, findActors, ready: false, readyMs: null };
  window.kgPage = kgPage;
  network.once("afterDrawing", () => {
    kgPage.readyMs = performance.now();
    kgPage.ready = true;
    document.body.dataset.ready = "true";
  });
  drawLegend();
  redraw();
})();
