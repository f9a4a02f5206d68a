/* Sort and filter tables in the browser (the all-models table).
 *
 * A table with `data-sortable` sorts by a column when its heading is clicked
 * (again to reverse). Cells sort by their `data-sort` value when present, so
 * "$0.40" sorts as 0.40 and "1M" as 1047576; columns whose values are all numbers
 * sort numerically, others alphabetically; empty values always go last.
 * An <input data-filter-table="ID"> hides the rows of table ID that do not
 * contain every word typed. Runs on every page load, including Material's
 * instant navigation (document$).
 */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var key = cell.getAttribute("data-sort");
    return (key !== null ? key : cell.textContent).trim();
  }

  function isNumber(text) {
    return text !== "" && !isNaN(Number(text));
  }

  function sortTable(table, index, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var values = rows.map(function (row) { return cellValue(row, index); });
    var numeric = values.every(function (v) { return v === "" || isNumber(v); });
    var order = rows.map(function (row, i) { return { row: row, value: values[i], i: i }; });
    order.sort(function (a, b) {
      if (a.value === "" || b.value === "") {
        if (a.value === b.value) return a.i - b.i;
        return a.value === "" ? 1 : -1;
      }
      var result = numeric ? Number(a.value) - Number(b.value)
                           : a.value.localeCompare(b.value, undefined, { sensitivity: "base" });
      if (descending) result = -result;
      return result !== 0 ? result : a.i - b.i;
    });
    var fragment = document.createDocumentFragment();
    order.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
  }

  function setUpSorting(table) {
    if (table.getAttribute("data-sort-ready")) return;
    table.setAttribute("data-sort-ready", "1");
    var headings = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headings, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mr-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(headings, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sortTable(table, index, descending);
      });
    });
  }

  function setUpFilter(input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    if (!table || input.getAttribute("data-filter-ready")) return;
    input.setAttribute("data-filter-ready", "1");
    var counter = document.querySelector('[data-filter-count="' + table.id + '"]');
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (counter) counter.textContent = shown + (shown === 1 ? " model" : " models");
    });
  }

  function setUp() {
    document.querySelectorAll("table[data-sortable]").forEach(setUpSorting);
    document.querySelectorAll("input[data-filter-table]").forEach(setUpFilter);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
