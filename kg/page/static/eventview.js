// kgEventView: the events view of the page: each event drawn near its participants (on a small spiral when
// several have the same participants), linked to them and to its topics, which stand around the drawing.
"use strict";
window.kgEventView = (function () {
  const EVENT_COLORS = { PhoneCall: "#e15759", VideoConference: "#b07aa1", Meeting: "#17becf", Communication: "#c9a227" };
  const EVENT_SHAPES = { PhoneCall: "diamond", VideoConference: "square", Meeting: "triangle", Communication: "dot" };
  const TOPIC_COLOR = "#8c8c8c";
  const { isFullDate, dateText, topicName } = window.kgDetails;

  // sel: the selection drawn ({drawn, shownEvents}); o: {data, actorNode(a), at(a) (an actor's position), spread}
  function nodesAndEdges(sel, o) {
    // Events whose participants are all drawn, each near its participants; topics around the graph.
    const { events } = o.data;
    const EVENT_VIEW_SPREAD = o.spread, at = o.at;
    const nodes = [...sel.drawn].sort((a, b) => a - b).map(o.actorNode);
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

  return { nodesAndEdges, EVENT_COLORS, EVENT_SHAPES, TOPIC_COLOR };
})();
