// kgTimeline: the number of events per day or per week, as bars; drag across it (or click a bar) to keep
// only those dates. Events without a date of their own stand at their first article's publication date, in
// another colour. A few events far from the rest (a date read decades away) are counted at the edges
// rather than squeezing the others into a few pixels.
"use strict";
window.kgTimeline = (function () {
  const DAY_LIMIT = 120; // spans of more days are shown per week
  const MS_PER_DAY = 86400000;

  function dayNumber(date) { return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY; }
  function isoDay(day) { return new Date(day * MS_PER_DAY).toISOString().slice(0, 10); }
  function weekStart(day) { return day - ((new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7); } // Monday

  function domain(days, whole) {
    // The whole span, unless a few events lie far from the rest: the shortest span that holds four
    // events in five, widened to the events near it; those further away are counted at the edges.
    const sorted = [...days].sort((a, b) => a - b);
    const lo = sorted[0], hi = sorted[sorted.length - 1];
    if (whole || sorted.length < 5) return [lo, hi];
    const keep = Math.ceil(sorted.length * 0.8);
    let best = 0;
    for (let i = 1; i + keep - 1 < sorted.length; i++) {
      if (sorted[i + keep - 1] - sorted[i] < sorted[best + keep - 1] - sorted[best]) best = i;
    }
    let a = sorted[best], b = sorted[best + keep - 1];
    const reach = Math.max((b - a) * 0.25, 30);
    for (let i = best - 1; i >= 0 && a - sorted[i] <= reach; i--) a = sorted[i];
    for (let i = best + keep; i < sorted.length && sorted[i] - b <= reach; i++) b = sorted[i];
    return [a, b];
  }

  function ticks(first, last) {
    // Month or year boundaries, about eight of them, as day numbers with labels.
    const start = new Date(first * MS_PER_DAY), end = new Date(last * MS_PER_DAY);
    const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => months / s <= 8) || 240;
    const out = [];
    let year = start.getUTCFullYear(), month = step >= 12 ? 0 : start.getUTCMonth() - (start.getUTCMonth() % step);
    for (;;) {
      const day = Date.UTC(year, month, 1) / MS_PER_DAY;
      if (day > last) break;
      if (day >= first) out.push([day, step >= 12 ? String(year) : year + "-" + String(month + 1).padStart(2, "0")]);
      month += step;
      while (month >= 12) { month -= 12; year += 1; }
    }
    return out;
  }

  // options: {chart, namespace, note, clear, buttons: {day, week}, onBrush(from, to), onBin()}: from and to are ISO
  // dates, or null for no bound; onBin asks for the timeline to be drawn again
  function create(options) {
    const chart = options.chart;
    const state = { bin: null, entries: [], range: null, layout: null, whole: false };

    function svg(tag, attributes) {
      const node = document.createElementNS(options.namespace, tag);
      for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
      return node;
    }

    function bins(entries, lo, hi, bin) {
      const start = bin === "week" ? weekStart(lo) : lo;
      const width = bin === "week" ? 7 : 1;
      const count = Math.floor((hi - start) / width) + 1;
      const out = Array.from({ length: count }, (_, i) => ({ start: start + i * width, end: start + (i + 1) * width - 1, dated: 0, placed: 0 }));
      let before = 0, after = 0;
      entries.forEach((e) => {
        if (e.day < lo) { before += 1; return; }
        if (e.day > hi) { after += 1; return; }
        const b = out[Math.floor((e.day - start) / width)];
        if (e.placed) b.placed += 1; else b.dated += 1;
      });
      return { out, before, after };
    }

    function draw(entries, range, unplaced) {
      state.entries = entries;
      state.range = range;
      const width = Math.max(chart.clientWidth, 300), height = Math.max(chart.clientHeight, 80);
      const left = 40, right = 40, top = 8, axis = height - 20;
      const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "events per day or week" });
      options.note.textContent = unplaced ? unplaced + (unplaced === 1 ? " event has" : " events have") + " no date at all" : "";
      options.clear.hidden = !range;
      if (!entries.length) {
        const empty = svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "note" });
        empty.textContent = "no dated event";
        root.append(empty);
        chart.replaceChildren(root);
        state.layout = null;
        return;
      }
      const [lo, hi] = domain(entries.map((e) => e.day), state.whole);
      const bin = state.bin || (hi - lo <= DAY_LIMIT ? "day" : "week");
      options.buttons.day.setAttribute("aria-pressed", String(bin === "day"));
      options.buttons.week.setAttribute("aria-pressed", String(bin === "week"));
      const { out, before, after } = bins(entries, lo, hi, bin);
      root.dataset.earlier = before;
      root.dataset.later = after;
      const first = out[0].start, last = out[out.length - 1].end + 1;
      const x = (day) => left + (day - first) / (last - first) * (width - left - right);
      const most = Math.max(1, ...out.map((b) => b.dated + b.placed));
      const y = (count) => axis - count / most * (axis - top);
      const axisGroup = svg("g", { class: "axis" });
      axisGroup.append(svg("line", { x1: left, x2: width - right, y1: axis, y2: axis }));
      ticks(first, last).forEach(([day, text]) => {
        axisGroup.append(svg("line", { x1: x(day), x2: x(day), y1: axis, y2: axis + 4 }));
        const label = svg("text", { x: x(day) + 2, y: height - 5 });
        label.textContent = text;
        axisGroup.append(label);
      });
      const scale = svg("text", { x: left - 4, y: top + 9, "text-anchor": "end" });
      scale.textContent = String(most);
      axisGroup.append(scale);
      root.append(axisGroup);
      const barWidth = Math.max(1, x(first + (bin === "week" ? 7 : 1)) - x(first) - (out.length < 200 ? 1 : 0));
      const inRange = (b) => !range || (b.end >= range[0] && b.start <= range[1]);
      out.forEach((b) => {
        if (!b.dated && !b.placed) return;
        const group = svg("g", { class: "bin" + (inRange(b) ? "" : " outside"), "data-start": isoDay(b.start),
          "data-end": isoDay(b.end), "data-dated": b.dated, "data-placed": b.placed });
        if (b.dated) group.append(svg("rect", { class: "bar dated", x: x(b.start), y: y(b.dated), width: barWidth, height: axis - y(b.dated) }));
        if (b.placed) group.append(svg("rect", { class: "bar placed", x: x(b.start), y: y(b.dated + b.placed), width: barWidth, height: y(b.dated) - y(b.dated + b.placed) }));
        const title = svg("title");
        title.textContent = (bin === "week" ? "week of " + isoDay(b.start) : isoDay(b.start)) + ": " + (b.dated + b.placed) + " events"
          + (b.placed ? " (" + b.placed + " undated, at their article's publication date)" : "");
        group.append(title);
        root.append(group);
      });
      [[before, left + 4, "start", "◀ " + before + " earlier"], [after, width - right - 4, "end", after + " later ▶"]].forEach(([n, at, anchor, text]) => {
        if (!n) return;
        const label = svg("text", { x: at, y: top + 10, "text-anchor": anchor, class: "note edge" });
        label.textContent = text;
        const title = svg("title");
        title.textContent = "click to show every date";
        label.append(title);
        label.addEventListener("pointerdown", (ev) => { ev.stopPropagation(); state.whole = true; options.onBin(); });
        root.append(label);
      });
      if (range) {
        const from = Math.max(range[0], first), to = Math.min(range[1] + 1, last);
        if (to > from) root.append(svg("rect", { class: "brush", x: x(from), y: top, width: Math.max(2, x(to) - x(from)), height: axis - top }));
      }
      const live = svg("rect", { class: "brush live", x: 0, y: top, width: 0, height: axis - top, visibility: "hidden" });
      root.append(live);
      chart.replaceChildren(root);
      state.layout = { x, first, last, left, right, width, bin, live, lo, hi };
    }

    function dayAt(clientX) {
      const l = state.layout, box = chart.getBoundingClientRect();
      const px = (clientX - box.left) * (l.width / box.width);
      const clamped = Math.min(Math.max(px, l.left), l.width - l.right);
      return Math.floor(l.first + (clamped - l.left) / (l.width - l.left - l.right) * (l.last - l.first));
    }

    function snapped(a, b) {
      const l = state.layout, lo = Math.min(a, b), hi = Math.max(a, b);
      if (l.bin === "week") return [weekStart(lo), weekStart(hi) + 6];
      return [lo, hi];
    }

    let dragFrom = null;
    chart.addEventListener("pointerdown", (ev) => {
      if (!state.layout || ev.button !== 0) return;
      dragFrom = dayAt(ev.clientX);
      chart.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    chart.addEventListener("pointermove", (ev) => {
      if (dragFrom === null) return;
      const l = state.layout, [a, b] = snapped(dragFrom, dayAt(ev.clientX));
      l.live.setAttribute("x", l.x(a));
      l.live.setAttribute("width", Math.max(2, l.x(b + 1) - l.x(a)));
      l.live.setAttribute("visibility", "visible");
    });
    chart.addEventListener("pointerup", (ev) => {
      if (dragFrom === null) return;
      const [a, b] = snapped(dragFrom, dayAt(ev.clientX));
      dragFrom = null;
      const l = state.layout;
      // the edges of the drawn span stand for "from the first" and "to the last": outliers stay in
      options.onBrush(a <= l.first ? null : isoDay(a), b >= l.last - 1 ? null : isoDay(b));
    });
    options.clear.addEventListener("click", () => options.onBrush(null, null));
    const choose = (bin) => { state.bin = bin; options.onBin(); };
    options.buttons.day.addEventListener("click", () => choose("day"));
    options.buttons.week.addEventListener("click", () => choose("week"));

    return { draw, dayNumber, isoDay, state };
  }

  return { create, dayNumber, domain };
})();
