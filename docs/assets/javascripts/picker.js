/* Compare any two to four models on /compare/: the reader picks, the browser
 * lays the models side by side from the open-data API (the page carries the
 * list of keys and names, the rules and the provider names, in
 * <script class="mr-picker__data">; api/models/<key>.json gives a chosen model's
 * prices and benchmarks), with the rules the pre-rendered
 * "A vs B" pages use (generator/render/compare.py, generator/base/costs.py):
 *
 *   monthly bill at each configured volume: input tokens = round(tokens × share)
 *   half up, the rest output, at list prices, shown rounded half up to the cent;
 *   blended price = input × share + output × (1 − share);
 *   "5.0× cheaper" from rules.ratio_from on, else "25% cheaper" (whole percent,
 *   one decimal under 10%); "the same price"; "free".
 *
 * All sums are exact BigInt fractions. The choice lives in ?models=a,b,c so a
 * comparison can be shared. Needs calculator.js (window.modelreviewMoney).
 */
(function () {
  "use strict";

  var ZERO = BigInt(0), ONE = BigInt(1), TEN = BigInt(10);

  function frac(value) {
    var d = window.modelreviewMoney.decimal(value);
    return { n: d.digits, d: TEN ** BigInt(d.scale) };
  }
  function add(a, b) { return { n: a.n * b.d + b.n * a.d, d: a.d * b.d }; }
  function sub(a, b) { return { n: a.n * b.d - b.n * a.d, d: a.d * b.d }; }
  function mul(a, b) { return { n: a.n * b.n, d: a.d * b.d }; }
  function div(a, b) { return { n: a.n * b.d, d: a.d * b.n }; }
  function cmp(a, b) { var x = a.n * b.d, y = b.n * a.d; return x < y ? -1 : x > y ? 1 : 0; }
  function roundTo(a, places) {
    // a (non-negative) rounded half up to `places` decimals, as a BigInt count of 10^-places.
    var scale = TEN ** BigInt(places);
    return (BigInt(2) * a.n * scale + a.d) / (BigInt(2) * a.d);
  }
  function fixed(count, places) {
    var text = count.toString().padStart(places + 1, "0");
    return places ? text.slice(0, -places) + "." + text.slice(-places) : text;
  }
  function grouped(text) { return text.replace(/^(\d+)/, function (w) { return w.replace(/\B(?=(\d{3})+(?!\d))/g, ","); }); }
  function trim(text) { return text.indexOf(".") === -1 ? text : text.replace(/0+$/, "").replace(/\.$/, ""); }

  function formatPrice(value) {
    // A list price: at least cents, more digits when the price has them ("$0.075"), as format_price.
    var d = window.modelreviewMoney.decimal(value);
    var text = fixed(d.digits, d.scale);
    text = trim(text);
    var places = text.indexOf(".") === -1 ? 0 : text.length - text.indexOf(".") - 1;
    if (places < 2) text = fixed(roundTo(frac(value), 2), 2);
    return "$" + grouped(text);
  }
  function formatComputed(a) {
    return window.modelreviewMoney.formatAmount({ num: a.n, den: a.d });
  }
  function formatRatio(a) { return fixed(roundTo(a, 1), 1) + "×"; }
  function formatPercent(a) {
    if (cmp(a, { n: BigInt(10), d: ONE }) < 0) return trim(fixed(roundTo(a, 1), 1)) + "%";
    return fixed(roundTo(a, 0), 0) + "%";
  }

  function cheaperBy(cheap, dear, ratioFrom) {
    if (cmp(cheap, dear) === 0) return "the same price";
    if (cheap.n === ZERO) return "free";
    var factor = div(dear, cheap);
    if (cmp(factor, ratioFrom) >= 0) return formatRatio(factor) + " cheaper";
    return formatPercent(mul(div(sub(dear, cheap), dear), { n: BigInt(100), d: ONE })) + " cheaper";
  }

  function blended(model, share) {
    var s = frac(share);
    return add(mul(frac(model.pricing.input), s), mul(frac(model.pricing.output), sub({ n: ONE, d: ONE }, s)));
  }
  function monthlyBill(model, tokens, share) {
    var t = { n: BigInt(tokens), d: ONE };
    var inputTokens = roundTo(mul(t, frac(share)), 0);
    var outputTokens = BigInt(tokens) - inputTokens;
    var cost = window.modelreviewMoney.usageCost(model.pricing, inputTokens, 0, outputTokens, false);
    return { n: cost.num, d: cost.den };
  }

  function gap(a, b, priceA, priceB, ratioFrom) {
    // Who is cheaper on one dimension and by how much, as the comparison page says it.
    if (priceA === null || priceB === null) return null;
    var order = cmp(priceA, priceB);
    var low = order <= 0 ? priceA : priceB, high = order <= 0 ? priceB : priceA;
    return { cheaper: order === 0 ? null : (order < 0 ? a : b), relation: cheaperBy(low, high, ratioFrom) };
  }

  function compare(models, rules) {
    // Everything the picker shows for the chosen models: one column each, rows of values.
    var share = rules.input_share, ratioFrom = frac(rules.ratio_from);
    var first = models[0];
    return {
      prices: models.map(function (m) {
        return { input: formatPrice(m.pricing.input), output: formatPrice(m.pricing.output),
                 cached: m.pricing.cached_input === null ? "—" : formatPrice(m.pricing.cached_input),
                 blended: formatComputed(blended(m, share)) };
      }),
      bills: rules.monthly_tokens.map(function (tokens) {
        return { tokens: tokens, bills: models.map(function (m) { return formatComputed(monthlyBill(m, tokens, share)); }) };
      }),
      gaps: models.slice(1).map(function (m) {
        var cachedA = first.pricing.cached_input, cachedB = m.pricing.cached_input;
        return {
          other: m.key,
          input: gap(first, m, frac(first.pricing.input), frac(m.pricing.input), ratioFrom),
          output: gap(first, m, frac(first.pricing.output), frac(m.pricing.output), ratioFrom),
          cached: cachedA === null || cachedB === null ? null
            : gap(first, m, frac(cachedA), frac(cachedB), ratioFrom),
          mix: gap(first, m, blended(first, share), blended(m, share), ratioFrom)
        };
      })
    };
  }

  window.modelreviewCompare = { compare: compare, formatPrice: formatPrice, cheaperBy: cheaperBy };

  // The page --------------------------------------------------------------

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function tokensLabel(tokens) {
    var units = [[1e9, "B"], [1e6, "M"], [1e3, "K"]];
    for (var i = 0; i < units.length; i++) {
      if (tokens >= units[i][0] && tokens % units[i][0] === 0) return tokens / units[i][0] + units[i][1];
    }
    return tokens.toLocaleString("en-US");
  }

  function gradeText(model, rules) {
    if (!model.grade) return "Not graded";
    return model.grade.label + " (" + model.grade.score + "/" + rules.grading.max + ")";
  }

  function sharedBenchmarks(details) {
    var keyOf = function (b) { return b.name.toLowerCase() + "\u0000" + b.unit; };
    var first = details[0].benchmarks;
    return first.filter(function (bench) {
      return details.every(function (d) { return d.benchmarks.some(function (b) { return keyOf(b) === keyOf(bench); }); });
    }).map(function (bench) {
      return { name: bench.name, unit: bench.unit, scores: details.map(function (d) {
        var found = d.benchmarks.filter(function (b) { return keyOf(b) === keyOf(bench); })[0];
        return found.score + (bench.unit === "%" ? "%" : " " + bench.unit);
      }) };
    });
  }

  function render(out, base, models, details, rules, providers) {
    var result = compare(models, rules);
    out.textContent = "";
    var table = el("table");   // no class: Material styles only class-less tables
    var head = el("thead"), row = el("tr");
    row.appendChild(el("th", "", { scope: "col" }));
    models.forEach(function (m) {
      var th = el("th", null, { scope: "col" });
      var link = el("a", m.name, { href: base + m.url });
      th.appendChild(link);
      row.appendChild(th);
    });
    head.appendChild(row);
    table.appendChild(head);
    var body = el("tbody");
    function line(label, values, cls) {
      var tr = el("tr", null, cls ? { "class": cls } : {});
      tr.appendChild(el("th", label, { scope: "row" }));
      values.forEach(function (v) { tr.appendChild(el("td", v)); });
      body.appendChild(tr);
    }
    var share = Math.round(rules.input_share * 100);
    line("Provider", models.map(function (m) { return providers[m.provider] || m.provider; }));
    line("Grade", models.map(function (m) { return gradeText(m, rules); }));
    line("Context window", models.map(function (m) { return m.context_window.toLocaleString("en-US") + " tokens"; }));
    line("Input /1M", result.prices.map(function (p) { return p.input; }));
    line("Output /1M", result.prices.map(function (p) { return p.output; }));
    line("Cached input /1M", result.prices.map(function (p) { return p.cached; }));
    line("Price at " + share + "/" + (100 - share), result.prices.map(function (p) { return p.blended; }));
    result.bills.forEach(function (b) {
      line(tokensLabel(b.tokens) + " tokens a month", b.bills, "mr-picker__bill");
    });
    var names = {};
    models.forEach(function (m) { names[m.key] = m.name; });
    line("Against " + models[0].name + " at " + share + "/" + (100 - share),
         ["—"].concat(result.gaps.map(function (g) {
           if (!g.mix.cheaper) return "The same price";
           return names[g.mix.cheaper.key] + " is " + g.mix.relation;
         })), "mr-picker__gap");
    sharedBenchmarks(details).forEach(function (b) { line(b.name, b.scores, "mr-picker__bench"); });
    table.appendChild(body);
    var scroll = el("div", null, { "class": "mr-scroll" });
    scroll.appendChild(table);
    out.appendChild(scroll);
  }

  function setUp() {
    var form = document.querySelector("form.mr-picker");
    if (!form || form.getAttribute("data-picker-ready")) return;
    form.setAttribute("data-picker-ready", "1");
    form.hidden = false;
    var base = form.getAttribute("data-base") || "";
    var out = document.getElementById(form.getAttribute("data-picker-output"));
    var message = form.querySelector(".mr-picker__message");
    var fields = Array.prototype.slice.call(form.querySelectorAll("input[list]"));
    var data = form.querySelector("script.mr-picker__data");
    Promise.resolve(JSON.parse(data.textContent)).then(function (doc) {
      var providers = doc.providers, byKey = {}, byLabel = {};
      var list = document.getElementById(fields[0].getAttribute("list"));
      var options = document.createDocumentFragment();
      doc.models.forEach(function (entry) {
        var m = { key: entry[0], name: entry[1], provider: entry[0].split("/")[0] };
        var label = m.name + " (" + m.provider + ")";
        byKey[m.key] = m; byLabel[label.toLowerCase()] = m; byLabel[m.key.toLowerCase()] = m;
        options.appendChild(el("option", null, { value: label }));
      });
      list.appendChild(options);
      var chosen = (new URLSearchParams(window.location.search).get("models") || "").split(",")
        .filter(function (k) { return byKey[k]; }).slice(0, fields.length);
      chosen.forEach(function (key, i) { fields[i].value = byKey[key].name + " (" + byKey[key].provider + ")"; });
      function update() {
        var models = [], unknown = [];
        fields.forEach(function (f) {
          var text = f.value.trim();
          if (!text) { f.removeAttribute("aria-invalid"); return; }
          var model = byLabel[text.toLowerCase()];
          f.setAttribute("aria-invalid", model ? "false" : "true");
          if (model && models.indexOf(model) === -1) models.push(model); else if (!model) unknown.push(text);
        });
        var params = new URLSearchParams(window.location.search);
        if (models.length) params.set("models", models.map(function (m) { return m.key; }).join(","));
        else params.delete("models");
        var search = params.toString();
        history.replaceState(history.state, "", window.location.pathname + (search ? "?" + search : ""));
        if (unknown.length) {
          message.textContent = "No model called " + unknown.join(", ") + "; pick a name from the list.";
        } else if (models.length < 2) {
          message.textContent = "Choose at least two models.";
        } else {
          message.textContent = "Comparing " + models.length + " models.";
        }
        if (models.length < 2) { out.textContent = ""; form.setAttribute("data-picker-shown", "0"); return; }
        Promise.all(models.map(function (m) {
          return fetch(base + "api/models/" + m.key + ".json").then(function (r) { return r.json(); })
            .then(function (d) { return d.model; });
        })).then(function (details) {
          // Each chosen model's own API file has all the table shows: prices, grade, benchmarks.
          render(out, base, details, details, doc.rules, providers);
          form.setAttribute("data-picker-shown", models.map(function (m) { return m.key; }).join(","));
        });
      }
      form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
      form.addEventListener("change", update);
      update();
      form.setAttribute("data-picker-loaded", "1");
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(function () { setTimeout(setUp, 0); });  /* each script's set-up in a task of its own, not inside Material's page-ready callbacks (one long task) */
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
