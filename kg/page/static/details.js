// kgDetails: what the page says about what it draws: the hover box, the side panel of an actor, an event, a
// topic or a pair, and the search box. Every string from the corpus reaches the page as text (textContent,
// text nodes, setAttribute on safe attributes), never as HTML.
"use strict";
window.kgDetails = (function () {
  const EVENT_NAMES = { PhoneCall: "Phone call", VideoConference: "Video conference", Meeting: "Meeting", Communication: "Communication" };
  const KIND_NAMES = { Person: "Person", Organization: "Organisation", Country: "Country", Group: "Group", Actor: "Other actor" };
  const TIP_EVENTS = 12; // events listed in an edge's hover box; the panel lists them all
  let topics = [];

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

  // ctx: {data, eventsOf, state, network, nodeSet(), edgeSet() (the data sets drawn), redraw(), eventPasses(event), when}
  function create(ctx) {
    const { actors, events, articles } = ctx.data;
    const { state, network, eventsOf } = ctx;
    topics = ctx.data.topics;

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
      const edge = ctx.edgeSet().get(params.edge);
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
    }

    document.getElementById("panel-close").addEventListener("click", closePanel);

    function actorButton(a) {
      return el("button", { type: "button", className: "linklike", text: actors[a].label, onclick: () => selectActor(a) });
    }

    function eventBlock(e) {
      const event = events[e];
      const block = el("div", { className: "event" });
      const reported = !ctx.when[e].placed ? "" : isFullDate(event.date) ? " (the day it was published)" : " (reported " + ctx.when[e].date + ")";
      const head = el("div", { className: "head", text: dateText(event.date) + reported + " · " + (EVENT_NAMES[event.kind] || event.kind) });
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
      openPanel(el("h2", { text: (EVENT_NAMES[events[e].kind] || events[e].kind) + ", " + dateText(events[e].date) }), eventBlock(e));
    }

    function openTopic(t) {
      const list = events.map((_, i) => i).filter((i) => events[i].topics.includes(t) && ctx.eventPasses(events[i]));
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
        const edge = ctx.edgeSet().get(params.edges[0]);
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
      if (!ctx.nodeSet().get("a" + a)) {
        state.pinned.add(a);
        ctx.redraw();
      }
      network.selectNodes(["a" + a]);
      network.focus("a" + a, { scale: Math.max(network.getScale(), 1), animation: false });
      openActor(a);
    }

    return { openActor, openEvent, openEdge, openTopic, openPanel, closePanel, selectActor, findActors, showTip };
  }

  return { create, el, fold, dateText, durationText, topicName, isFullDate, EVENT_NAMES, KIND_NAMES };
})();
