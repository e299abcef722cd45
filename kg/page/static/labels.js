// kgLabels: what the page writes on the network's canvas itself: the actors' names, at a size that stays
// readable at any zoom and never over one another, and the caption of the block of pairs apart.
"use strict";
window.kgLabels = (function () {
  const ALWAYS_LABELLED = 12; // the most active actors drawn: labelled even where labels crowd
  const LABEL_PX = 13;

  // o: {network, container, actors, state, nodeSet(), apart(), rank(), onDrawn(labels)}: labels are
  // {actor, label, x, y}, x and y on the screen
  function draw(o) {
    const { network, container, actors, state } = o;

    function drawLabels(ctx) {
      // The actors' names, most active first; a name is left out where it would cover one already written
      // (but for the ALWAYS_LABELLED most active), and every name is LABEL_PX pixels high at any zoom.
      const scale = network.getScale();
      const size = LABEL_PX / scale;
      const view = network.getViewPosition();
      const halfW = container.clientWidth / 2 / scale, halfH = container.clientHeight / 2 / scale;
      const ids = o.nodeSet().getIds().filter((id) => id[0] === "a");
      const positions = network.getPositions(ids);
      const rank = o.rank();
      const apart = o.apart();
      const order = ids.map((id) => Number(id.slice(1))).sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || a - b);
      ctx.font = size + "px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      const taken = apart && apart.caption && state.view === "actors" ? [apart.caption] : [];
      const labels = [];
      order.forEach((a, i) => {
        const p = positions["a" + a];
        if (!p || Math.abs(p.x - view.x) > halfW + 200 / scale || Math.abs(p.y - view.y) > halfH + 200 / scale) return;
        const node = o.nodeSet().get("a" + a);
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
      o.onDrawn(labels);
    }

    function drawApart(ctx) {
      // The block of pairs apart: a light background and its caption, at the size of the names.
      const apart = o.apart();
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
    }

    network.on("beforeDrawing", drawApart);
    network.on("afterDrawing", drawLabels);
  }

  return { draw, ALWAYS_LABELLED, LABEL_PX };
})();
