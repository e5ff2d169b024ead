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
