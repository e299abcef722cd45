// kgTable: the pairs of actors and the events that the filters keep, as tables beside the graph, most
// active first; a click on a row opens it, and "Download CSV" saves the whole table (the page shows its
// first rows only). Every string from the corpus is set as text.
"use strict";
window.kgTable = (function () {
  const SHOWN_ROWS = 300;

  function csvField(value) {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvText(columns, rows) {
    return [columns, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
  }

  // options: {table, note, tabs: {pairs, events}, download, onPair(pair), onEvent(e)}
  function create(options) {
    const state = { tab: "pairs", pairs: [], events: [], describe: null };

    function cell(tag, text, className) {
      const node = document.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      return node;
    }

    function render() {
      const d = state.describe;
      if (!d) return;
      const pairs = state.tab === "pairs";
      const columns = pairs ? d.pairColumns : d.eventColumns;
      const rows = pairs ? state.pairs : state.events;
      const head = document.createElement("thead");
      const headRow = document.createElement("tr");
      columns.forEach((c) => headRow.append(cell("th", c)));
      head.append(headRow);
      const body = document.createElement("tbody");
      rows.slice(0, SHOWN_ROWS).forEach((item) => {
        const row = document.createElement("tr");
        (pairs ? d.pairRow(item) : d.eventRow(item)).forEach((value, i) => row.append(cell("td", value, d.numeric.has(columns[i]) ? "num" : "")));
        row.addEventListener("click", () => (pairs ? options.onPair(item) : options.onEvent(item)));
        body.append(row);
      });
      options.table.replaceChildren(head, body);
      options.note.textContent = rows.length > SHOWN_ROWS
        ? "the first " + SHOWN_ROWS + " of " + rows.length + " " + state.tab + "; the CSV has them all"
        : rows.length + " " + (rows.length === 1 ? state.tab.slice(0, -1) : state.tab);
      options.tabs.pairs.setAttribute("aria-selected", String(pairs));
      options.tabs.events.setAttribute("aria-selected", String(!pairs));
    }

    // pairs, events: what the filters keep; describe: {pairColumns, eventColumns, pairRow(p), eventRow(e), numeric}
    function update(pairs, events, describe) {
      state.pairs = pairs;
      state.events = events;
      state.describe = describe;
      render();
    }

    function csv() {
      const d = state.describe;
      const pairs = state.tab === "pairs";
      return csvText(pairs ? d.pairColumns : d.eventColumns, (pairs ? state.pairs : state.events).map(pairs ? d.pairRow : d.eventRow));
    }

    options.tabs.pairs.addEventListener("click", () => { state.tab = "pairs"; render(); });
    options.tabs.events.addEventListener("click", () => { state.tab = "events"; render(); });
    options.download.addEventListener("click", () => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
      link.download = state.tab + ".csv";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    });

    return { update, csv, state };
  }

  return { create, csvText };
})();
