// The default review's style sheet and sorting script, byte for byte (a
// test holds them to templates/style.css and templates/sort.js): a new
// review's site looks and sorts like the default one from the start.

extension ReviewSkeleton {
    static let styleSheet = #"""
/* reviewsite: one stylesheet for screen, phone and print. No web fonts, no network. */
:root {
  --text: #1b1b1b;
  --muted: #555;
  --line: #d0d0d0;
  --accent: #0b5394;
  --yes: #2e7d32;
  --no: #c62828;
  --unclear: #f9a825;
  --na: #9e9e9e;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0;
  color: var(--text);
  background: #fff;
  font-family: Georgia, "DejaVu Serif", "Times New Roman", serif;
  line-height: 1.55;
}
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 1px solid var(--line); padding-top: 0.75rem; }
.review-title { margin: 0 0 0.5rem; font-weight: bold; }
.review-title a { color: var(--text); text-decoration: none; }
nav ul { list-style: none; margin: 0; padding: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav a, .summary, table { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
nav a { font-size: 0.9rem; }
nav a[aria-current="page"] { font-weight: bold; color: var(--text); text-decoration: none; }
main { padding-top: 0.5rem; padding-bottom: 2rem; }
main > p, main > ul, main > ol, section > p { max-width: 44rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
a { color: var(--accent); }
p a[href^="figures.html#"] { text-decoration: none; border-bottom: 1px dotted var(--accent); }
code { font-size: 0.85em; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; padding-bottom: 2rem; }
.table-scroll { overflow-x: auto; position: relative; }
table { border-collapse: collapse; font-size: 0.82rem; line-height: 1.35; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--text); white-space: nowrap; }
tbody th { font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
td.wide { min-width: 12rem; }
tr.subgroup th { padding-left: 1.5rem; }
tr:target { background: #fff6c8; }
.key { display: block; color: var(--muted); font-size: 0.75rem; }
.detail { color: var(--muted); }
th button { all: unset; cursor: pointer; font: inherit; color: inherit; }
th button::after { content: " ↕"; color: var(--na); }
th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--text); }
th[aria-sort="descending"] button::after { content: " ↓"; color: var(--text); }
.rob { text-align: center; font-weight: bold; color: #fff; min-width: 2rem; }
.rob abbr { text-decoration: none; }
.rob-yes { background: var(--yes); }
.rob-no { background: var(--no); }
.rob-unclear { background: var(--unclear); color: var(--text); }
.rob-not_applicable { background: var(--na); }
.rob-none { background: #f3f3f3; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; font-family: Arial, "DejaVu Sans", sans-serif; font-size: 0.85rem; }
.legend .rob { display: inline-block; padding: 0 0.4rem; }
.overall-low { color: var(--yes); font-weight: bold; }
.overall-moderate { color: #8d6e00; font-weight: bold; }
.overall-high { color: var(--no); font-weight: bold; }
.match { color: var(--yes); }
.mismatch { color: var(--no); font-weight: bold; }
details summary { cursor: pointer; }
details p { margin: 0.25rem 0; }
.figure-svg svg { max-width: 100%; height: auto; }
.chart svg { display: block; min-width: 30rem; }
.chart figcaption { font-size: 0.9rem; margin-top: 0.4rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ins { background: #dff5df; text-decoration: none; }
del { background: #fbe0e0; }
@media (max-width: 40rem) {
  body { line-height: 1.5; }
  h1 { font-size: 1.35rem; }
  table { font-size: 0.78rem; }
}
@media print {
  header nav, th button::after { display: none; }
  a { color: var(--text); text-decoration: none; }
  .table-scroll { overflow: visible; }
  table { font-size: 8pt; }
  tr { break-inside: avoid; }
  details > *:not(summary) { display: block; }
  .chart svg { min-width: 0; }
  figure { break-inside: avoid; }
}

"""#

    static let sortScript = #"""
// Sortable tables, as an enhancement: without JavaScript the tables read
// the same, in their published order. Cells may carry data-sort values.
(function () {
  "use strict";
  function key(cell) {
    var text = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    var number = parseFloat(text);
    return { text: text.toLowerCase(), number: isNaN(number) || !/^-?[0-9.]/.test(text) ? null : number };
  }
  function compare(a, b) {
    if (a.number !== null && b.number !== null) { return a.number - b.number; }
    if (a.number !== null) { return -1; }
    if (b.number !== null) { return 1; }
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  }
  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, index: index, key: key(row.cells[column]) };
    });
    rows.sort(function (a, b) {
      var order = compare(a.key, b.key);
      return (ascending ? order : -order) || a.index - b.index;
    });
    rows.forEach(function (entry) { body.appendChild(entry.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, header); });
    });
  });
})();

"""#
}
