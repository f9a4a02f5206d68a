/* The reader's own numbers: a cost calculator (review, comparison and all-models
 * pages) and the all-models filters. No library; prices come from the open-data
 * API (api/models.json, api/models/<key>.json) and the sums follow the rules of
 * generator/base/usage.py, which the tests hold this file to. The all-models
 * table needs no download: each row carries what its filters and cost column
 * read (see tableModels), so the page stays light at any catalog size. Past 50
 * models the page carries only its first rows; tables.js brings the rest
 * (modelreviewTables.allRows) the first time a filter is set or volumes are typed,
 * and on its "mr-rows" event the filters and the cost column run again over every row.
 *
 *
 *   bill = (input × input price + cached × cached-input price (input price when
 *           none) + output × output price) / 1,000,000; batch on: input and
 *           output at the batch prices, no bill without a batch tier;
 *   shown rounded half up to the cent, "< $0.01" under half a cent.
 *
 *
 * Money is exact: a price is read back as the decimal digits the API wrote
 * (String(0.075) is "0.075") and summed as BigInt fractions, never as floats.
 * State lives in the URL query (in, cached, out, batch; caps, ctx, max), so a
 * calculation or a filtered table can be shared; history.replaceState keeps
 * the back button for pages, not keystrokes.
 */
(function () {
  "use strict";

  var TEN = BigInt(10);
  var MILLION = BigInt(1000000);

  function decimal(value) {
    // The exact decimal a JSON number was written as: {digits: BigInt, scale: k} means digits / 10^k.
    var text = String(value);
    var exponent = 0;
    var e = text.search(/e/i);
    if (e !== -1) { exponent = Number(text.slice(e + 1)); text = text.slice(0, e); }
    var point = text.indexOf(".");
    var scale = point === -1 ? 0 : text.length - point - 1;
    var digits = BigInt(text.replace(".", ""));
    scale -= exponent;
    if (scale < 0) { digits *= TEN ** BigInt(-scale); scale = 0; }
    return { digits: digits, scale: scale };
  }

  function usageCost(pricing, input, cached, output, batch) {
    // The exact bill as a fraction {num, den} of US dollars, or null (batch asked, no batch tier).
    var inputPrice = pricing.input, outputPrice = pricing.output;
    if (batch) {
      if (!pricing.batch) return null;
      inputPrice = pricing.batch.input; outputPrice = pricing.batch.output;
    }
    var cachedPrice = pricing.cached_input !== null && pricing.cached_input !== undefined ? pricing.cached_input : inputPrice;
    var terms = [[BigInt(input), decimal(inputPrice)], [BigInt(cached), decimal(cachedPrice)],
                 [BigInt(output), decimal(outputPrice)]];
    var scale = Math.max.apply(null, terms.map(function (t) { return t[1].scale; }));
    var num = BigInt(0);
    terms.forEach(function (t) { num += t[0] * t[1].digits * TEN ** BigInt(scale - t[1].scale); });
    return { num: num, den: TEN ** BigInt(scale) * MILLION };
  }

  function formatAmount(cost) {
    // "$1,250.00", "< $0.01" (a real amount under half a cent), as format_computed_amount in Python.
    if (cost === null) return "no batch price";
    if (cost.num > BigInt(0) && cost.num * BigInt(1000) < BigInt(5) * cost.den) return "< $0.01";
    var cents = (cost.num * BigInt(200) + cost.den) / (BigInt(2) * cost.den);
    var dollars = (cents / BigInt(100)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var rest = (cents % BigInt(100)).toString().padStart(2, "0");
    return "$" + dollars + "." + rest;
  }

  function readTokens(text) {
    // Whole tokens; thousands separators and spaces allowed. null for anything else.
    var cleaned = String(text || "").replace(/[\s,_]/g, "");
    if (cleaned === "") return 0;
    return /^\d+$/.test(cleaned) ? cleaned : null;
  }

  var api = { decimal: decimal, usageCost: usageCost, formatAmount: formatAmount, readTokens: readTokens };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  if (typeof window === "undefined") return;
  window.modelreviewMoney = api;

  // URL state ---------------------------------------------------------------

  function query() { return new URLSearchParams(window.location.search); }

  function writeQuery(values) {
    var params = query();
    Object.keys(values).forEach(function (key) {
      var value = values[key];
      if (value === "" || value === null || value === false || value === 0 || value === "0") params.delete(key);
      else params.set(key, value === true ? "1" : value);
    });
    var search = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  var cache = {};
  function getJson(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    }
    return cache[url];
  }

  // The all-models table's rows ----------------------------------------------

  function columnIndex(table, name) {
    var heading = table.tHead ? table.tHead.querySelector('th[data-col="' + name + '"]') : null;
    return heading ? heading.cellIndex : -1;
  }

  function cents(text) {
    // A price rounded half up to the cent, as a Number ("0.5025" is 0.5, "0.505" is 0.51).
    var d = decimal(text);
    if (d.scale <= 2) return Number(text);
    var unit = TEN ** BigInt(d.scale);
    return Number((d.digits * BigInt(200) + unit) / (BigInt(2) * unit)) / 100;
  }

  function rowKey(row) {
    // A model's key is its review's path below /models/: its link "openai/gpt-4.1/" is key "openai/gpt-4.1".
    var link = row.querySelector("a[href]");
    return link ? link.getAttribute("href").replace(/\/$/, "") : null;
  }

  function tableModels(table) {
    // The models of a table's rows, in the shape of api/models.json entries as far as
    // the calculator and filters read them. A row's data-p holds its list prices as
    // written, "input output [cached-input|- [batch-input batch-output]]"; data-c its
    // capabilities, one letter each: t tool calling, s structured output, r reasoning,
    // v image input, o open weights. Context and blended price are the sort keys of
    // the columns headed data-col="ctx" and "blended".
    var count = table.tBodies[0].rows.length;   // rows arrive later (tables.js allRows): read them again then
    if (table.modelreviewModels && table.modelreviewModels.length === count) return table.modelreviewModels;
    var ctx = columnIndex(table, "ctx"), blended = columnIndex(table, "blended");
    var models = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      var p = (row.getAttribute("data-p") || "").split(" ");
      var caps = row.getAttribute("data-c") || "";
      var has = function (letter) { return caps.indexOf(letter) !== -1; };
      var price = row.cells[blended] ? row.cells[blended].getAttribute("data-sort") : "";   // exact
      return {
        key: rowKey(row),
        pricing: { input: p[0], output: p[1], cached_input: p[2] && p[2] !== "-" ? p[2] : null,
                   batch: p[3] ? { input: p[3], output: p[4] } : null },
        capabilities: { tool_calling: has("t"), structured_output: has("s"), reasoning: has("r"), open_weights: has("o") },
        modalities: { input: has("v") ? ["text", "image"] : ["text"] },
        context_window: Number(row.cells[ctx] ? row.cells[ctx].getAttribute("data-sort") : ""),
        blended_price: price ? cents(price) : null   // rounded to the cent, as api/models.json gives it
      };
    });
    table.modelreviewModels = models;
    table.modelreviewByKey = null;
    return models;
  }

  function tableByKey(table) {
    var models = tableModels(table);
    if (!table.modelreviewByKey) {
      var byKey = {};
      models.forEach(function (m) { byKey[m.key] = m; });
      table.modelreviewByKey = byKey;
    }
    return table.modelreviewByKey;
  }

  // The rows the page leaves out (tables.js) ----------------------------------

  function complete(table) {
    return !window.modelreviewTables || window.modelreviewTables.complete(table);
  }

  function bringAllRows(table) {
    // Ask tables.js for every row; its "mr-rows" event runs the caller's update again.
    if (!complete(table)) window.modelreviewTables.allRows(table).catch(function () {});
  }

  function afterRows(table, then) {
    // `then` once rows asked for have come (or could not), else now.
    if (complete(table) || !table.mrAllRows) then();
    else table.mrAllRows.then(then, then);
  }

  // The calculator ------------------------------------------------------------

  function calculatorState(form) {
    var state = { input: readTokens(form.elements["in"].value), cached: readTokens(form.elements.cached.value),
                  output: readTokens(form.elements.out.value), batch: form.elements.batch.checked };
    state.valid = state.input !== null && state.cached !== null && state.output !== null;
    state.empty = state.valid && state.input === 0 && state.cached === 0 && state.output === 0;
    return state;
  }

  function showErrors(form, state) {
    ["in", "cached", "out"].forEach(function (name) {
      var field = form.elements[name];
      var bad = readTokens(field.value) === null;
      field.setAttribute("aria-invalid", bad ? "true" : "false");
    });
    var message = form.querySelector(".mr-calc__error");
    if (message) message.hidden = state.valid;
  }

  function fill(field, params, name) {
    if (params.has(name)) field.value = params.get(name);
  }

  function setUpCalculator(form) {
    if (form.getAttribute("data-calc-ready")) return;
    form.setAttribute("data-calc-ready", "1");
    var base = form.getAttribute("data-base") || "";
    // The link's state fills the form; what the reader typed before this script came (the form
    // shows from the first paint, the scripts come after it) stays where the link says nothing.
    var params = query();
    fill(form.elements["in"], params, "in");
    fill(form.elements.cached, params, "cached");
    fill(form.elements.out, params, "out");
    if (params.has("batch")) form.elements.batch.checked = params.get("batch") === "1";
    var keys = (form.getAttribute("data-calc-models") || "").split(/\s+/).filter(Boolean);
    var table = form.getAttribute("data-calc-table");
    var load = table
      ? Promise.resolve([])
      : Promise.all(keys.map(function (key) {
          return getJson(base + "api/models/" + key + ".json").then(function (doc) { return doc.model; });
        }));
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    load.then(function (models) {
      var byKey = {};
      models.forEach(function (m) { byKey[m.key] = m; });
      function update() {
        var state = calculatorState(form);
        showErrors(form, state);
        if (!state.valid) return;
        writeQuery({ "in": state.input, cached: state.cached, out: state.output, batch: state.batch });
        if (!table) { updateOutputs(form, byKey, state); return; }
        var rows = document.getElementById(table);
        updateTable(rows, tableByKey(rows), state);   // the rows there now; every row once they have come
        if (!state.empty) bringAllRows(rows);
      }
      form.addEventListener("input", update);
      form.addEventListener("change", update);
      if (table) document.getElementById(table).addEventListener("mr-rows", update);
      update();
      function loaded() { form.setAttribute("data-calc-loaded", "1"); }
      if (table) afterRows(document.getElementById(table), loaded); else loaded();
    }).catch(function (error) {
      var message = form.querySelector(".mr-calc__error");
      if (message) { message.textContent = "The prices could not be loaded (" + error.message + ")."; message.hidden = false; }
    });
  }

  function updateOutputs(form, byKey, state) {
    form.querySelectorAll("[data-calc-result]").forEach(function (output) {
      var model = byKey[output.getAttribute("data-calc-result")];
      output.textContent = state.empty ? "—" : formatAmount(usageCost(model.pricing, state.input, state.cached,
                                                                       state.output, state.batch));
    });
  }

  function updateTable(table, byKey, state) {
    var column = columnIndex(table, "cost");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var cell = row.cells[column];
      var model = byKey[rowKey(row)];
      if (!cell || !model) return;
      if (state.empty) { cell.textContent = "—"; cell.setAttribute("data-sort", ""); return; }
      var cost = usageCost(model.pricing, state.input, state.cached, state.output, state.batch);
      cell.textContent = formatAmount(cost);
      cell.setAttribute("data-sort", cost === null ? "" : String(Number(cost.num) / Number(cost.den)));
    });
  }

  // The all-models filters ----------------------------------------------------

  var CAPABILITIES = {
    tools: function (m) { return m.capabilities.tool_calling; },
    structured: function (m) { return m.capabilities.structured_output; },
    reasoning: function (m) { return m.capabilities.reasoning; },
    vision: function (m) { return m.modalities.input.indexOf("image") !== -1; },
    open: function (m) { return m.capabilities.open_weights; }
  };

  function matches(model, filters) {
    // The Python twin is tests/test_browser_readers.py::python_filter; keep them alike.
    if (!filters.caps.every(function (cap) { return CAPABILITIES[cap](model); })) return false;
    if (filters.ctx !== null && model.context_window < filters.ctx) return false;
    if (filters.max !== null && model.blended_price > filters.max) return false;
    return true;
  }
  api.matches = matches;

  function readNumber(text) {
    var cleaned = String(text || "").replace(/[\s,_$]/g, "");
    if (cleaned === "") return null;
    return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
  }

  function setUpFilters(form) {
    if (form.getAttribute("data-filters-ready")) return;
    form.setAttribute("data-filters-ready", "1");
    var table = document.getElementById(form.getAttribute("data-filters-table"));
    var counter = document.querySelector('[data-filter-count="' + table.id + '"]');
    var search = document.querySelector('input[data-filter-table="' + table.id + '"]');
    var params = query();
    var caps = (params.get("caps") || "").split(",").filter(function (c) { return CAPABILITIES[c]; });
    if (params.has("caps")) {
      form.querySelectorAll('input[name="cap"]').forEach(function (box) { box.checked = caps.indexOf(box.value) !== -1; });
    }
    fill(form.elements.ctx, params, "ctx");
    fill(form.elements.max, params, "max");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    Promise.resolve(table).then(function () {
      function update() {
        var filters = {
          caps: Array.prototype.filter.call(form.querySelectorAll('input[name="cap"]'), function (b) { return b.checked; })
                  .map(function (b) { return b.value; }),
          ctx: readNumber(form.elements.ctx.value), max: readNumber(form.elements.max.value)
        };
        var bad = [["ctx", filters.ctx], ["max", filters.max]].filter(function (f) { return Number.isNaN(f[1]); });
        ["ctx", "max"].forEach(function (name) {
          form.elements[name].setAttribute("aria-invalid", bad.some(function (b) { return b[0] === name; }) ? "true" : "false");
        });
        if (bad.length) return;
        writeQuery({ caps: filters.caps.join(","), ctx: form.elements.ctx.value.trim(), max: form.elements.max.value.trim() });
        var words = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
        if (!complete(table) && (filters.caps.length || filters.ctx !== null || filters.max !== null || words.length)) {
          bringAllRows(table);   // filter once every row is there, so the count is the whole table's
          return;
        }
        var byKey = tableByKey(table);
        var shown = 0;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var model = byKey[rowKey(row)];
          var text = row.textContent.toLowerCase();
          var visible = (!model || matches(model, filters)) && words.every(function (w) { return text.indexOf(w) !== -1; });
          row.hidden = !visible;
          if (visible) shown += 1;
        });
        if (!complete(table)) shown = Number(table.getAttribute("data-row-count")) || shown;   // no filter: every model matches
        if (counter) counter.textContent = shown + (shown === 1 ? " model" : " models");
        if (window.modelreviewTables) window.modelreviewTables.limit(table);
      }
      form.addEventListener("input", update);
      form.addEventListener("change", update);
      table.addEventListener("mr-rows", update);
      if (search) search.addEventListener("input", function () { window.setTimeout(update, 0); });
      update();
      afterRows(table, function () { form.setAttribute("data-filters-loaded", "1"); });
    });
  }

  function setUp() {
    document.querySelectorAll("form.mr-calc[hidden], form.mr-filters[hidden], details.mr-panel[hidden]")
      .forEach(function (element) { element.hidden = false; });
    var params = query();
    document.querySelectorAll("details.mr-panel[data-open-if]").forEach(function (panel) {
      // A shared link with filter or calculator state opens the panel that holds it.
      if (panel.getAttribute("data-open-if").split(" ").some(function (key) { return params.has(key); })) panel.open = true;
    });
    document.querySelectorAll("form.mr-calc").forEach(setUpCalculator);
    document.querySelectorAll("form.mr-filters").forEach(setUpFilters);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { setTimeout(setUp, 0); });  /* each script's set-up in a task of its own, not inside Material's page-ready callbacks (one long task) */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
