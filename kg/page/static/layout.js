// kgLayout: lays out what the page draws, every time the filters change what that is.
// Each connected group of three or more actors gets a force layout (Fruchterman-Reingold, each actor starting
// from a place of its own, so that the same actors always come out the same way); pairs that talk only to
// each other, and actors left alone, are packed in a compact block apart; the groups are then packed into a
// rectangle of the shape of the screen. Deterministic: the same input always gives the same positions.
"use strict";
window.kgLayout = (function () {
  const EDGE = 70;          // the ideal distance between two linked actors, in pixels
  const GAP = 60;           // between packed groups
  const PAIR_CELL = { width: 150, height: 64 }; // a pair in the block apart
  const SINGLE_CELL = { width: 64, height: 64 };

  function components(ids, edges) {
    const parent = new Map(ids.map((id) => [id, id]));
    const find = (x) => { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; };
    edges.forEach((e) => { const a = find(e.from), b = find(e.to); if (a !== b) parent.set(a < b ? b : a, a < b ? a : b); });
    const groups = new Map();
    ids.forEach((id) => { const root = find(id); if (!groups.has(root)) groups.set(root, []); groups.get(root).push(id); });
    return [...groups.values()];
  }

  function random(seed) { // mulberry32
    return function () {
      seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function force(members, start, edges, size, aspect) {
    // Fruchterman-Reingold on one group; repulsion from nearby actors only (a grid) when the group is big.
    const n = members.length;
    const index = new Map(members.map((id, i) => [id, i]));
    const xs = new Float64Array(n), ys = new Float64Array(n);
    let cx = 0, cy = 0;
    members.forEach((id, i) => { xs[i] = start.get(id).x; ys[i] = start.get(id).y; cx += xs[i]; cy += ys[i]; });
    cx /= n; cy /= n;
    let spread = 1;
    for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(xs[i] - cx), Math.abs(ys[i] - cy));
    const side = EDGE * Math.sqrt(n) * 1.2;
    const jitter = random(n * 7919 + edges.length);
    for (let i = 0; i < n; i++) {
      xs[i] = (xs[i] - cx) / spread * side + (jitter() - 0.5);
      ys[i] = (ys[i] - cy) / spread * side + (jitter() - 0.5);
    }
    const links = [];
    edges.forEach((e) => { if (index.has(e.from) && index.has(e.to)) links.push([index.get(e.from), index.get(e.to)]); });
    const k = EDGE, k2 = k * k;
    const iterations = n > 800 ? 40 : n > 200 ? 70 : 120;
    const dx = new Float64Array(n), dy = new Float64Array(n);
    let temperature = side / 4;
    const cooling = temperature / (iterations + 1);
    const cell = 3 * k;
    for (let step = 0; step < iterations; step++) {
      dx.fill(0); dy.fill(0);
      if (n <= 400) {
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            let ddx = xs[i] - xs[j], ddy = ys[i] - ys[j];
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 < 0.01) { ddx = 0.1; ddy = 0; d2 = 0.01; }
            const f = k2 / d2 + (size[i] + size[j]) * (size[i] + size[j]) / d2; // bigger actors push harder
            dx[i] += ddx * f; dy[i] += ddy * f; dx[j] -= ddx * f; dy[j] -= ddy * f;
          }
        }
      } else {
        const grid = new Map(); // cells of side `cell`, keyed by a number
        const key = (gx, gy) => (gx + 32768) * 65536 + (gy + 32768);
        for (let i = 0; i < n; i++) {
          const k = key(Math.floor(xs[i] / cell), Math.floor(ys[i] / cell));
          const found = grid.get(k);
          if (found) found.push(i); else grid.set(k, [i]);
        }
        for (let i = 0; i < n; i++) {
          const gx = Math.floor(xs[i] / cell), gy = Math.floor(ys[i] / cell);
          for (let ox = -1; ox <= 1; ox++) {
            for (let oy = -1; oy <= 1; oy++) {
              const near = grid.get(key(gx + ox, gy + oy));
              if (!near) continue;
              for (const j of near) {
                if (j === i) continue;
                let ddx = xs[i] - xs[j], ddy = ys[i] - ys[j];
                let d2 = ddx * ddx + ddy * ddy;
                if (d2 < 0.01) { ddx = 0.1; ddy = 0; d2 = 0.01; }
                const f = k2 / d2;
                dx[i] += ddx * f; dy[i] += ddy * f;
              }
            }
          }
        }
      }
      for (const [i, j] of links) {
        const ddx = xs[i] - xs[j], ddy = ys[i] - ys[j];
        const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.1;
        const f = d / k;
        dx[i] -= ddx * f; dy[i] -= ddy * f; dx[j] += ddx * f; dy[j] += ddy * f;
      }
      for (let i = 0; i < n; i++) {
        // a gentle pull to the middle keeps loose actors from drifting away
        dx[i] -= xs[i] * 0.02; dy[i] -= ys[i] * 0.02;
        const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (length > 0) {
          const move = Math.min(length, temperature);
          xs[i] += dx[i] / length * move; ys[i] += dy[i] / length * move;
        }
      }
      temperature -= cooling;
    }
    return turned(members, xs, ys, aspect);
  }

  function turned(members, xs, ys, aspect) {
    // The group turned so that its longest extent lies along the screen's longest side.
    const n = members.length;
    let mx = 0, my = 0;
    for (let i = 0; i < n; i++) { mx += xs[i]; my += ys[i]; }
    mx /= n; my /= n;
    let sxx = 0, syy = 0, sxy = 0;
    for (let i = 0; i < n; i++) { const dx = xs[i] - mx, dy = ys[i] - my; sxx += dx * dx; syy += dy * dy; sxy += dx * dy; }
    const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy) - (aspect >= 1 ? 0 : Math.PI / 2);
    const cos = Math.cos(-angle), sin = Math.sin(-angle);
    const out = new Map();
    members.forEach((id, i) => {
      const dx = xs[i] - mx, dy = ys[i] - my;
      out.set(id, { x: dx * cos - dy * sin, y: dx * sin + dy * cos });
    });
    return out;
  }

  function box(points, sizes) {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    points.forEach((p, id) => {
      const r = sizes.get(id) || 10;
      minX = Math.min(minX, p.x - r); maxX = Math.max(maxX, p.x + r); minY = Math.min(minY, p.y - r); maxY = Math.max(maxY, p.y + r + 18);
    });
    return { minX, minY, width: maxX - minX, height: maxY - minY };
  }

  function apartBlock(pairs, singles, aspect) {
    // Pairs (and lone actors) side by side in a grid, most active first, as wide as the screen's shape asks.
    const cells = pairs.length + singles.length;
    const columns = Math.max(1, Math.round(Math.sqrt(cells * aspect * PAIR_CELL.height / PAIR_CELL.width)));
    const points = new Map();
    let column = 0, row = 0;
    const next = () => { column += 1; if (column >= columns) { column = 0; row += 1; } };
    pairs.forEach(([a, b]) => {
      const x = column * PAIR_CELL.width, y = row * PAIR_CELL.height;
      points.set(a, { x: x, y: y }); points.set(b, { x: x + PAIR_CELL.width - GAP, y: y });
      next();
    });
    singles.forEach((id) => { points.set(id, { x: column * PAIR_CELL.width, y: row * SINGLE_CELL.height }); next(); });
    return points;
  }

  function pack(items, aspect) {
    // Shelves, biggest group first; of a few widths, the one whose result has the screen's shape.
    const area = items.reduce((s, it) => s + (it.box.width + GAP) * (it.box.height + GAP), 0);
    const widest = Math.max(...items.map((it) => it.box.width + GAP));
    let best = null;
    for (const factor of [0.8, 1, 1.25, 1.6, 2]) {
      const width = Math.max(widest, Math.sqrt(area * aspect) * factor);
      let x = 0, y = 0, shelf = 0, right = 0;
      const places = items.map((it) => {
        if (x > 0 && x + it.box.width > width) { x = 0; y += shelf + GAP; shelf = 0; }
        const place = { x: x, y: y };
        x += it.box.width + GAP; shelf = Math.max(shelf, it.box.height); right = Math.max(right, x - GAP);
        return place;
      });
      const height = y + shelf;
      const score = Math.abs(Math.log((right / Math.max(height, 1)) / aspect));
      if (!best || score < best.score - 1e-9) best = { score, places };
    }
    return best.places;
  }

  // nodes: [{id, x, y, size, rank}] (x, y: where the actor starts from; rank: 0 for the most active);
  // edges: [{from, to}]; aspect: width / height of the screen. Returns {positions: Map id -> {x, y}, apart: box or null}.
  function layout(nodes, edges, aspect) {
    const start = new Map(nodes.map((n) => [n.id, n]));
    const sizes = new Map(nodes.map((n) => [n.id, n.size || 10]));
    const rank = (id) => start.get(id).rank;
    const groups = components(nodes.map((n) => n.id), edges);
    const items = [];
    const pairs = [], singles = [];
    groups.forEach((members) => {
      members.sort((a, b) => rank(a) - rank(b));
      if (members.length === 1) singles.push(members[0]);
      else if (members.length === 2) pairs.push(members);
      else {
        const size = new Float64Array(members.map((id) => sizes.get(id)));
        const points = force(members, start, edges, size, aspect);
        items.push({ points, box: box(points, sizes), first: rank(members[0]), apart: false });
      }
    });
    pairs.sort((p, q) => rank(p[0]) - rank(q[0]));
    singles.sort((a, b) => rank(a) - rank(b));
    items.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height || a.first - b.first);
    if (pairs.length || singles.length) {
      const points = apartBlock(pairs, singles, aspect);
      const around = box(points, sizes);
      around.minY -= 50; around.height += 50; // room for its caption
      items.push({ points, box: around, apart: true, pairs: pairs.length, singles: singles.length });
    }
    const positions = new Map();
    let apart = null;
    if (!items.length) return { positions, apart };
    pack(items, aspect).forEach((place, i) => {
      const item = items[i];
      item.points.forEach((p, id) => positions.set(id, { x: place.x + p.x - item.box.minX, y: place.y + p.y - item.box.minY }));
      if (item.apart) apart = { x: place.x, y: place.y + 50, width: item.box.width, height: item.box.height - 50, pairs: item.pairs, singles: item.singles };
    });
    return { positions, apart };
  }

  return { layout, components };
})();
