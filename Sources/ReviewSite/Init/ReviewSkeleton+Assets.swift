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
  --na: #6e6e6e;
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
/* A page whose table is its content uses the window's whole width. */
body:has(main > .table-scroll) :is(header, main, footer) { max-width: none; }
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
/* A command is copied whole: it never breaks, not even between the hyphens of --baseline. */
code.command { white-space: nowrap; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; padding-bottom: 2rem; }
/* A table scrolls in a box no taller than the window: its headings stay at
   the top, its first column at the left, and the sideways scrollbar is in
   view; the box takes keyboard focus so arrow keys scroll it. */
.table-scroll { overflow-x: auto; position: relative; }
main > .table-scroll { overflow: auto; max-height: calc(100vh - 3rem); border: 1px solid var(--line); }
/* A shadow at the right edge, at every height, while columns are hidden there. */
main > .table-scroll {
  background: linear-gradient(to left, #fff 40%, rgba(255, 255, 255, 0)) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.3), rgba(0, 0, 0, 0)) right / 1rem 100% no-repeat scroll;
}
.table-scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
main > .table-scroll caption { position: sticky; left: 0; padding: 0.5rem; }
table { border-collapse: separate; border-spacing: 0; font-size: 0.82rem; line-height: 1.35; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--text); white-space: nowrap; }
main > .table-scroll thead th { position: sticky; top: 0; z-index: 1; background: #fff; }
main > .table-scroll tr > :first-child { position: sticky; left: 0; background: #fff; box-shadow: inset -1px 0 0 var(--line); }
main > .table-scroll thead tr > :first-child { z-index: 2; }
tbody th { font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
/* Free text wraps at a readable measure instead of widening the table. */
td.wide { min-width: 12rem; width: 22rem; }
td { max-width: 28rem; }
tr.subgroup th { padding-left: 1.5rem; }
tr:target, tr:target > :first-child { background: #fff6c8; }
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
.figure-svg.prisma { margin: 0.5rem; }
.figure-svg.prisma svg { max-width: none; }
.chart svg { display: block; }
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
  .table-scroll, main > .table-scroll { overflow: visible; max-height: none; border: 0; }
  main > .table-scroll thead th, main > .table-scroll tr > :first-child { position: static; box-shadow: none; }
  table { font-size: 8pt; }
  tr { break-inside: avoid; }
  details > *:not(summary) { display: block; }
  .figure-svg.prisma svg { max-width: 100%; }
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
  // A row of class "subgroup" belongs to the row above it: groups are
  // sorted by their first rows, and each group's sub-rows among themselves.
  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    function order(a, b) {
      var result = compare(a.key, b.key);
      return (ascending ? result : -result) || a.index - b.index;
    }
    var groups = [];
    Array.prototype.forEach.call(body.rows, function (row, index) {
      var entry = { row: row, index: index, key: key(row.cells[column]), rows: [] };
      if (row.classList.contains("subgroup") && groups.length > 0) {
        groups[groups.length - 1].rows.push(entry);
      } else {
        groups.push(entry);
      }
    });
    groups.sort(order);
    groups.forEach(function (group) {
      body.appendChild(group.row);
      group.rows.sort(order);
      group.rows.forEach(function (entry) { body.appendChild(entry.row); });
    });
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
