/* Sort and filter tables in the browser (the all-models table).
 *
 * A table with `data-sortable` sorts by a column when its heading is clicked
 * (again to reverse). Cells sort by their `data-sort` value when present ("1M"
 * as 1047576), else by their text, read as a number when it is a price ("$0.40"
 * as 0.40), so the page carries no sort key that repeats a cell; columns whose values are all numbers
 * sort numerically, others alphabetically; empty values always go last.
 * An <input data-filter-table="ID"> hides the rows of table ID that do not
 * contain every word typed. Runs on every page load, including Material's
 * instant navigation (document$).
 *
 * A table with data-row-limit="N" shows only its first N matching rows (in the
 * current order) until the reader presses the "Show all" button that follows it
 * (p.mr-more[data-more-for=ID]); rows past the limit get the class mr-over.
 * Filters call window.modelreviewTables.limit(table) after hiding rows.
 *
 * A table with data-more-rows="URL" (the all-models table past 50 models) carries only
 * its first rows, so its page weighs the same at any catalog size; the other rows are in
 * that file (models/rows.html, rendered by the page's own row macro, in the page's order).
 * allRows(table) fetches it once, the first time a reader sorts, filters, fills in the
 * cost column or asks for all, appends its rows after the page's, applies the text
 * filter, fires "mr-rows" on the table (calculator.js fills in costs and its filters),
 * and then marks the table data-rows-complete. A sort or filter asked for meanwhile runs
 * once every row is there, so it gives what it gives on the whole table. A table
 * without the attribute is complete from the start (and marked so).
 */
(function () {
  "use strict";

  function sortKey(cell) {
    // A cell's `data-sort` when it has one; else its link's text (a name without its
    // "(deprecated)" marker) or its own; "$1,250.00" reads as 1250 and "—" as empty.
    if (!cell) return "";
    var key = cell.getAttribute("data-sort");
    if (key !== null) return key.trim();
    var text = (cell.querySelector("a") || cell).textContent.trim();
    if (text === "—") return "";
    return /^\$[\d,]+(\.\d+)?$/.test(text) ? text.replace(/[$,]/g, "") : text;
  }

  function cellValue(row, index) {
    return sortKey(row.cells[index]);
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
    limit(table);
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
        whenComplete(table, function () { sortTable(table, index, descending); });
      });
    });
  }

  function filterByText(table) {
    var input = table.mrFilterInput;
    if (!input) return;
    var counter = document.querySelector('[data-filter-count="' + table.id + '"]');
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var text = row.textContent.toLowerCase();
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      row.hidden = !match;
      if (match) shown += 1;
    });
    if (counter) counter.textContent = shown + (shown === 1 ? " model" : " models");
  }

  function setUpFilter(input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    if (!table || input.getAttribute("data-filter-ready")) return;
    input.setAttribute("data-filter-ready", "1");
    table.mrFilterInput = input;
    input.addEventListener("input", function () {
      // Words typed while some rows are still to come filter once they are all there (allRows).
      if (!complete(table) && input.value.trim()) { allRows(table).catch(function () {}); return; }
      filterByText(table);
      limit(table);
    });
  }

  // The rows a table's page leaves out ---------------------------------------------

  function complete(table) {
    return !table.hasAttribute("data-more-rows") || table.mrComplete === true;
  }

  function linkOf(row) {
    var link = row.querySelector("a[href]");
    return link ? link.getAttribute("href") : "";
  }

  function allRows(table) {
    // A promise of the table holding every row (see the top of this file); fetched once.
    if (table.mrAllRows) return table.mrAllRows;
    if (complete(table)) return (table.mrAllRows = Promise.resolve(table));
    var url = table.getAttribute("data-more-rows");
    table.setAttribute("aria-busy", "true");
    table.mrAllRows = fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.text();
    }).then(function (text) {
      var body = table.tBodies[0], have = {}, fragment = document.createDocumentFragment();
      Array.prototype.forEach.call(body.rows, function (row) { have[linkOf(row)] = true; });
      var rows = new DOMParser().parseFromString(text, "text/html").querySelectorAll("tbody > tr");
      Array.prototype.forEach.call(rows, function (row) {
        if (!have[linkOf(row)]) fragment.appendChild(document.importNode(row, true));  // a page newer than the file (the preview) keeps its own rows
      });
      body.appendChild(fragment);
      table.mrComplete = true;
      filterByText(table);
      table.dispatchEvent(new CustomEvent("mr-rows"));
      limit(table);
      table.removeAttribute("aria-busy");
      table.setAttribute("data-rows-complete", "");
      return table;
    });
    table.mrAllRows.catch(function (error) {
      table.removeAttribute("aria-busy");
      var more = document.querySelector('[data-more-for="' + table.id + '"]');
      if (!more) return;
      var message = document.createElement("span");
      message.className = "mr-more__error";
      message.textContent = " The other models could not be loaded (" + error.message +
        "); every model is listed on its provider's page.";
      more.appendChild(message);
      more.hidden = false;
    });
    return table.mrAllRows;
  }

  function whenComplete(table, then) {
    // `then` now when the table holds every row, else once allRows has brought them.
    if (complete(table)) then();
    else allRows(table).then(then, function () {});
  }

  // Browsers may break a line after any hyphen, so on a narrow screen "2024-03-13"
  // or "GPT-4.1" could wrap in the middle. Each hyphenated word in a data table
  // gets a <span class="mr-word"> the stylesheet keeps on one line. Identifiers in
  // <code> ("openai/gpt-4.1-mini") get a <wbr> after each "/" instead, so they
  // wrap between their parts. The text itself (what sorting and filtering read)
  // does not change.
  // A table with a row limit gets this row by row, as limit() shows each row: wrapping
  // a thousand rows nobody sees was the longest task of the all-models page on a phone.
  function keepWordsWhole(table) {
    if (table.getAttribute("data-words-ready")) return;
    table.setAttribute("data-words-ready", "1");
    wrapWords(table.hasAttribute("data-row-limit") && table.tHead ? table.tHead : table);
  }

  function wrapWords(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      var node = walker.currentNode;
      if (/\S[-\/]\S/.test(node.nodeValue) && !node.parentNode.closest(".mr-word")) nodes.push(node);
    }
    nodes.forEach(function (node) {
      var fragment = document.createDocumentFragment();
      if (node.parentNode.closest("code")) {
        node.nodeValue.split(/(?<=\/)/).forEach(function (part, i) {
          if (i) fragment.appendChild(document.createElement("wbr"));
          fragment.appendChild(document.createTextNode(part));
        });
        node.parentNode.replaceChild(fragment, node);
        return;
      }
      node.nodeValue.split(/(\s+)/).forEach(function (part) {
        if (/\S-\S/.test(part)) {
          var span = document.createElement("span");
          span.className = "mr-word";
          span.textContent = part;
          fragment.appendChild(span);
        } else if (part) {
          fragment.appendChild(document.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  function limit(table) {
    var max = Number(table.getAttribute("data-row-limit"));
    if (!max) return;
    var more = document.querySelector('[data-more-for="' + table.id + '"]');
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (!row.hidden) shown += 1;
      var over = !table.mrShowAll && !row.hidden && shown > max;
      if (row.classList.contains("mr-over") !== over) row.classList.toggle("mr-over", over);
      if (!over && !row.hidden && !row.mrWords) { row.mrWords = true; wrapWords(row); }
    });
    var total = complete(table) ? shown : Number(table.getAttribute("data-row-count")) || shown;
    if (more) {
      more.hidden = table.mrShowAll || total <= max;
      more.querySelector("button").textContent = "Show all " + total + (total === 1 ? " model" : " models") +
        " (" + Math.min(max, shown) + " shown)";
    }
  }

  function setUpLimit(table) {
    if (table.getAttribute("data-limit-ready")) return;
    var more = document.querySelector('[data-more-for="' + table.id + '"]');
    if (more) more.querySelector("button").addEventListener("click", function () {
      table.mrShowAll = true;
      limit(table);
      if (!complete(table)) allRows(table).catch(function () {});
    });
    limit(table);
    table.setAttribute("data-limit-ready", "1");
    if (complete(table)) table.setAttribute("data-rows-complete", "");
  }

  window.modelreviewTables = { sortKey: sortKey, limit: limit, allRows: allRows, complete: complete };

  function setUp() {
    document.querySelectorAll(".mr-scroll table").forEach(keepWordsWhole);
    document.querySelectorAll("table[data-sortable]").forEach(setUpSorting);
    document.querySelectorAll("input[data-filter-table]").forEach(setUpFilter);
    document.querySelectorAll("table[data-row-limit]").forEach(setUpLimit);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { setTimeout(setUp, 0); });  /* each script's set-up in a task of its own, not inside Material's page-ready callbacks (one long task) */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
